/**
 * Writes a file so that readers see either the old content or the whole new content, never half
 * of it: write a temporary file beside the target, flush it to disk, then rename it over the
 * target, and flush the folder too, since the rename lives in the folder's entry list: without
 * that, a power cut soon after can leave the old name, or no file at all, on many file systems.
 * A failure removes the temporary file and says in plain words what went wrong.
 */
import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The file system calls used, injectable so tests can simulate a full disk or a read-only folder. */
export interface AtomicWriteFs {
  open: typeof fsp.open;
  rename: typeof fsp.rename;
  rm: typeof fsp.rm;
  link: typeof fsp.link;
  lstat: typeof fsp.lstat;
}

export interface AtomicWriteOptions {
  /** When false, an existing file at `path` is left alone and an AtomicWriteError 'exists' thrown. */
  overwrite: boolean;
  fs?: AtomicWriteFs;
}

export type AtomicWriteErrorCode = 'exists' | 'read-only' | 'disk-full' | 'not-found' | 'io';

/** A failed write with a code the caller can act on (ask before overwriting, pick another folder). */
export class AtomicWriteError extends Error {
  constructor(
    readonly code: AtomicWriteErrorCode,
    message: string,
    readonly path: string,
  ) {
    super(message);
    this.name = 'AtomicWriteError';
  }
}

// Looked up on each call, so a test can watch the real calls with a spy.
const nodeFs: AtomicWriteFs = {
  open: (...args) => fsp.open(...args),
  rename: (...args) => fsp.rename(...args),
  rm: (...args) => fsp.rm(...args),
  link: (...args) => fsp.link(...args),
  lstat: ((...args: Parameters<typeof fsp.lstat>) => fsp.lstat(...args)) as typeof fsp.lstat,
};

/**
 * Writes `bytes` to `path` atomically. With `overwrite: false` the final step is a hard link,
 * which fails when the target exists, so a file created meanwhile is not clobbered either.
 * Throws AtomicWriteError; on any failure no temporary file is left behind.
 */
export async function writeFileAtomic(
  path: string,
  bytes: Uint8Array,
  options: AtomicWriteOptions,
): Promise<void> {
  const fs = options.fs ?? nodeFs;
  if (!options.overwrite && (await exists(fs, path))) throw existsError(path);
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await fs.open(temp, 'wx', 0o644);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.overwrite) {
      await fs.rename(temp, path);
    } else {
      await linkOrRename(fs, temp, path);
    }
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw describe(error, path);
  }
  try {
    await syncFolder(fs, dirname(path));
  } catch (error) {
    throw describe(error, path);
  }
}

/**
 * Flushes a folder's entry list to disk. Windows cannot open a folder as a file (NTFS journals
 * its metadata itself), and some file systems refuse to flush a folder: both are skipped.
 */
async function syncFolder(fs: AtomicWriteFs, folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fs.open(folder, 'r');
  try {
    await handle.sync();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | null)?.code;
    if (code !== 'EINVAL' && code !== 'ENOTSUP' && code !== 'EISDIR') throw error;
  } finally {
    await handle.close();
  }
}

/**
 * Puts `temp` at `path` only if nothing is there. A hard link fails atomically on an existing
 * target; file systems without hard links (FAT on USB sticks, some shares) fall back to a check
 * followed by a rename, which leaves a tiny window but still never overwrites a file seen there.
 */
async function linkOrRename(fs: AtomicWriteFs, temp: string, path: string): Promise<void> {
  try {
    await fs.link(temp, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw existsError(path);
    if (await exists(fs, path)) throw existsError(path);
    await fs.rename(temp, path);
    return;
  }
  await fs.rm(temp, { force: true });
}

async function exists(fs: AtomicWriteFs, path: string): Promise<boolean> {
  try {
    await fs.lstat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw describe(error, path);
  }
}

function existsError(path: string): AtomicWriteError {
  return new AtomicWriteError(
    'exists',
    `${basename(path)} already exists in ${dirname(path)}`,
    path,
  );
}

function describe(error: unknown, path: string): AtomicWriteError {
  if (error instanceof AtomicWriteError) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const folder = dirname(path);
  switch (code) {
    case 'EEXIST':
      return existsError(path);
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new AtomicWriteError(
        'read-only',
        `cannot write to ${folder}: the folder is read-only or not yours (${code})`,
        path,
      );
    case 'ENOSPC':
    case 'EDQUOT':
      return new AtomicWriteError(
        'disk-full',
        `cannot write ${basename(path)}: the disk is full (${code})`,
        path,
      );
    case 'ENOENT':
    case 'ENOTDIR':
      return new AtomicWriteError(
        'not-found',
        `cannot write to ${folder}: the folder does not exist (${code})`,
        path,
      );
    default: {
      const detail = error instanceof Error ? error.message : String(error);
      return new AtomicWriteError('io', `cannot write ${basename(path)}: ${detail}`, path);
    }
  }
}
