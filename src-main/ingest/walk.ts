/**
 * Expands the files and folders the analyst chose into the list of files to read: recursive,
 * hidden entries skipped, and bounded on every side a hostile or mistaken folder could push:
 * - a link inside a chosen folder is followed only when its target stays inside that folder
 *   (`passwd.txt -> /etc/passwd` is reported, not read); a loop is reported, not followed;
 * - folders nested deeper than MAX_FOLDER_DEPTH are reported, not walked (an explicit stack,
 *   so a deep tree costs neither the call stack nor quadratic work);
 * - a cap on the number of files, so a mistaken pick of a home folder cannot hang the app;
 * - a name that is not valid UTF-8 is reported as such (it cannot be opened by its decoded name).
 */
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { basename, join, resolve, sep } from 'node:path';
import { MAX_FILES_PER_IMPORT, type ImportError } from '../contract/article';

export interface FoundFile {
  /** Absolute path to read. */
  path: string;
  /** The path as the user gave it, joined with the path inside a given folder. */
  display: string;
  /** Size in bytes when the folder was walked, for progress by bytes. */
  size: number;
}

/** Folders below a chosen folder that are walked; news archives are a few levels deep. */
export const MAX_FOLDER_DEPTH = 64;
/** Longest path shown in a report; longer ones keep their start and their end. */
export const MAX_DISPLAY_CHARS = 1024;

interface Pending {
  path: string;
  display: string;
  /** Folders below the chosen one (0 for the chosen file or folder itself). */
  depth: number;
  /** Real path of the chosen folder this entry lies in; links must stay inside it. */
  root: string | null;
  /** Real paths of the folders containing this entry, to stop link loops. */
  ancestors: ReadonlySet<string>;
  /** True for an entry that is itself a symbolic link inside a chosen folder. */
  link: boolean;
  /**
   * The real path of the folder that listed this entry as a regular file (not a link), else
   * null: such a file's real path is that folder's joined with its name.
   */
  listedIn: string | null;
}

export async function collectFiles(
  inputs: string[],
  options: {
    cwd?: string;
    maxFiles?: number;
    /**
     * Told of each file as soon as it is found, and of each error, so that a streaming import
     * reads the first files while the walk of a large folder goes on.
     */
    onFound?: (file: FoundFile) => void;
    onError?: (error: ImportError) => void;
    /** Stops the walk between entries (a cancelled import); what was found is returned. */
    signal?: AbortSignal;
  } = {},
): Promise<{ files: FoundFile[]; errors: ImportError[] }> {
  const cwd = options.cwd ?? process.cwd();
  const maxFiles = options.maxFiles ?? MAX_FILES_PER_IMPORT;
  const files: FoundFile[] = [];
  const errors: ImportError[] = [];
  const addError = (error: ImportError) => {
    errors.push(error);
    options.onError?.(error);
  };
  const seenFiles = new Set<string>();
  const report = (display: string, code: ImportError['code'], message: string) =>
    addError({ file: shortDisplay(display), code, message });

  // Depth-first in name order: the stack holds what is left, the next entry on top.
  const stack: Pending[] = inputs
    .map(input => ({
      path: resolve(cwd, input),
      display: input,
      depth: 0,
      root: null,
      ancestors: new Set<string>(),
      link: false,
      listedIn: null,
    }))
    .reverse();

  while (stack.length > 0 && !options.signal?.aborted) {
    const item = stack.pop()!;
    let info;
    let real: string;
    try {
      // A plain file of a listed folder costs one call instead of two (100,000 files took
      // 200,000 calls awaited one after the other before the first was read). Should it have
      // become a link or a folder since the listing, it is resolved the long way.
      const plain = item.listedIn !== null ? await lstat(item.path) : null;
      if (plain?.isFile() && item.listedIn !== null) {
        real = join(item.listedIn, basename(item.path));
        info = plain;
      } else {
        real = await realpath(item.path);
        info = await stat(real);
      }
    } catch (error) {
      addError(fsError(shortDisplay(item.display), error));
      continue;
    }
    if (item.link && item.root !== null && !isInside(real, item.root)) {
      report(
        item.display,
        'unreadable',
        'This link points outside the folder you chose, so it was not followed. Import its target directly if you want it.',
      );
      continue;
    }
    if (info.isDirectory()) {
      if (item.ancestors.has(real)) {
        report(
          item.display,
          'symlink-loop',
          'This folder links back to a folder that contains it; it was not read again.',
        );
        continue;
      }
      if (item.depth >= MAX_FOLDER_DEPTH) {
        report(
          item.display,
          'unreadable',
          `This folder is nested more than ${MAX_FOLDER_DEPTH} folders deep; Readout did not look inside. Import it on its own.`,
        );
        continue;
      }
      let entries;
      try {
        entries = await readdir(item.path, { withFileTypes: true, encoding: 'buffer' });
      } catch (error) {
        addError(fsError(shortDisplay(item.display), error));
        continue;
      }
      const root = item.root ?? real;
      const ancestors = new Set(item.ancestors).add(real);
      const children: Pending[] = [];
      for (const entry of entries) {
        const name = entry.name.toString('utf8');
        if (name.startsWith('.')) continue;
        const display = joinDisplay(item.display, name);
        if (!Buffer.from(name, 'utf8').equals(entry.name)) {
          report(
            display,
            'encoding',
            'This name is not valid UTF-8 (it was shown with � in its place), so Readout cannot open it. Rename it and import it again.',
          );
          continue;
        }
        children.push({
          path: join(item.path, name),
          display,
          depth: item.depth + 1,
          root,
          ancestors,
          link: entry.isSymbolicLink(),
          listedIn: entry.isFile() ? real : null,
        });
      }
      children.sort((a, b) => (a.display < b.display ? 1 : a.display > b.display ? -1 : 0));
      stack.push(...children);
      continue;
    }
    if (!info.isFile()) {
      report(item.display, 'unreadable', 'This is not a regular file.');
      continue;
    }
    if (seenFiles.has(real)) continue;
    if (files.length >= maxFiles) {
      report(
        item.display,
        'too-many-files',
        `Only the first ${maxFiles.toLocaleString('en')} files were imported; import the rest in smaller folders.`,
      );
      break;
    }
    seenFiles.add(real);
    const found = { path: item.path, display: item.display, size: info.size };
    files.push(found);
    options.onFound?.(found);
  }
  return { files, errors };
}

function isInside(real: string, root: string): boolean {
  return real === root || real.startsWith(root.endsWith(sep) ? root : root + sep);
}

function joinDisplay(base: string, name: string): string {
  return base.endsWith('/') || base.endsWith('\\') ? base + name : `${base}/${name}`;
}

/**
 * A path short enough for a report: its start (where it is) and its end (which file), with an
 * ellipsis between. The report's schema caps paths, and one over-long path must never make the
 * whole import's answer invalid.
 */
export function shortDisplay(path: string, max = MAX_DISPLAY_CHARS): string {
  if (path.length <= max) return path;
  const head = Math.floor(max / 4);
  return `${path.slice(0, head)}…${path.slice(path.length - (max - head - 1))}`;
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
    case 'ENAMETOOLONG':
      return {
        file,
        code: 'unreadable',
        message: 'The path is longer than the system can open; move the file higher up.',
      };
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
