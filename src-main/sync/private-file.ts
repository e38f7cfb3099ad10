/**
 * Files only the analyst's own account may read: written atomically with rights 0600 from the
 * first byte (the temporary file is opened with them, so no umask or race widens them), and
 * refused on reading when someone has widened them since — a credential that others could read
 * is treated as leaked, not used.
 */
import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const PRIVATE_MODE = 0o600;

/** Thrown when a private file can be read by others than its owner. */
export class WideRightsError extends Error {
  constructor(readonly path: string) {
    super(`${basename(path)} can be read by other accounts; remove it and sign in again.`);
  }
}

/** Writes `text` to `path` as a new 0600 file, replacing what was there in one rename. */
export async function writePrivateFile(path: string, text: string): Promise<void> {
  await fsp.mkdir(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await fsp.open(temp, 'wx', PRIVATE_MODE);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fsp.rename(temp, path);
  } catch (error) {
    await fsp.rm(temp, { force: true });
    throw error;
  }
}

/** The file's text; null when it does not exist. Throws WideRightsError for group/other rights. */
export async function readPrivateFile(path: string): Promise<string | null> {
  let handle;
  try {
    handle = await fsp.open(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const stat = await handle.stat();
    // Windows has no POSIX rights; the profile folder's ACL protects the file there.
    if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) throw new WideRightsError(path);
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}

/** Removes the file; nothing happens when it is already gone. */
export async function removePrivateFile(path: string): Promise<void> {
  await fsp.rm(path, { force: true });
}
