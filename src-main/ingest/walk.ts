/**
 * Expands the files and folders the analyst chose into the list of files to read: recursive,
 * hidden entries skipped, symlinks followed once (a loop is reported, not followed forever),
 * and a cap on the number of files so a mistaken pick of a home folder cannot hang the app.
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { MAX_FILES_PER_IMPORT, type ImportError } from '../contract/article';

export interface FoundFile {
  /** Absolute path to read. */
  path: string;
  /** The path as the user gave it, joined with the path inside a given folder. */
  display: string;
}

export async function collectFiles(
  inputs: string[],
  options: { cwd?: string; maxFiles?: number } = {},
): Promise<{ files: FoundFile[]; errors: ImportError[] }> {
  const cwd = options.cwd ?? process.cwd();
  const maxFiles = options.maxFiles ?? MAX_FILES_PER_IMPORT;
  const files: FoundFile[] = [];
  const errors: ImportError[] = [];
  const seenFiles = new Set<string>();
  let truncated = false;

  async function visit(path: string, display: string, ancestors: Set<string>): Promise<void> {
    if (truncated) return;
    let info;
    let real: string;
    try {
      info = await stat(path);
      real = await realpath(path);
    } catch (error) {
      errors.push(fsError(display, error));
      return;
    }
    if (info.isDirectory()) {
      if (ancestors.has(real)) {
        errors.push({
          file: display,
          code: 'symlink-loop',
          message: 'This folder links back to a folder that contains it; it was not read again.',
        });
        return;
      }
      let entries;
      try {
        entries = await readdir(path, { withFileTypes: true });
      } catch (error) {
        errors.push(fsError(display, error));
        return;
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      const inner = new Set(ancestors).add(real);
      for (const entry of entries) {
        if (entry.name.startsWith('.')) continue;
        await visit(join(path, entry.name), joinDisplay(display, entry.name), inner);
      }
      return;
    }
    if (!info.isFile()) {
      errors.push({ file: display, code: 'unreadable', message: 'This is not a regular file.' });
      return;
    }
    if (seenFiles.has(real)) return;
    if (files.length >= maxFiles) {
      truncated = true;
      errors.push({
        file: display,
        code: 'too-many-files',
        message: `Only the first ${maxFiles.toLocaleString('en')} files were imported; import the rest in smaller folders.`,
      });
      return;
    }
    seenFiles.add(real);
    files.push({ path, display });
  }

  for (const input of inputs) await visit(resolve(cwd, input), input, new Set());
  return { files, errors };
}

function joinDisplay(base: string, name: string): string {
  return base.endsWith('/') || base.endsWith('\\') ? base + name : `${base}/${name}`;
}

/** Maps a filesystem error to a message an analyst can act on. */
export function fsError(file: string, error: unknown): ImportError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
      return {
        file,
        code: 'not-found',
        message: 'The file or folder does not exist (or is a broken link).',
      };
    case 'EACCES':
    case 'EPERM':
      return {
        file,
        code: 'unreadable',
        message: 'Permission denied: Readout may not read this file.',
      };
    case 'ELOOP':
      return { file, code: 'symlink-loop', message: 'This link points back at itself.' };
    case 'EISDIR':
      return { file, code: 'unreadable', message: 'This is a folder, not a file.' };
    case 'EIO':
      return {
        file,
        code: 'unreadable',
        message: 'The disk reported an input/output error while reading.',
      };
    default:
      return {
        file,
        code: 'unreadable',
        message: `The file could not be read (${code ?? (error instanceof Error ? error.message : 'unknown error')}).`,
      };
  }
}
