/**
 * The inbox folder watcher: files that appear or change in the folder the analyst named are
 * handed to the import, a few at a time. chokidar does the watching (native events, recursive,
 * the same on every platform); this module adds what Readout needs on top:
 *
 * - a file still being written (a browser download, a copy from a share) is waited for until its
 *   size has stood still (`awaitWriteFinish`), so half a file is never imported;
 * - events are debounced into one batch, so saving twenty files makes one import and one report;
 * - the watcher reads only inside the named folder: symlinks are not followed, paths are checked
 *   against the folder's real path before they are passed on, and hidden files, editors' and
 *   browsers' temporary files are ignored.
 *
 * No Electron here; tests drive it with a temporary folder.
 */
import { realpathSync } from 'node:fs';
import { basename, relative, resolve, sep, isAbsolute } from 'node:path';
import { watch, type FSWatcher } from 'chokidar';

export interface InboxOptions {
  /** The folder to watch (must exist). */
  folder: string;
  /** Receives the files that appeared or changed, once per quiet spell. */
  onFiles: (paths: string[]) => void;
  /** A watcher failure (folder removed, no permission); the watcher keeps running if it can. */
  onError?: (error: Error) => void;
  /** Quiet time after the last event before a batch is handed over. */
  debounceMs?: number;
  /** How long a file's size must stand still before it counts as written. */
  stabilityMs?: number;
  /** How deep below the folder files are watched. */
  depth?: number;
  /** Files already in the folder when watching starts are imported too (true by default). */
  includeExisting?: boolean;
}

export interface Inbox {
  /** The folder's real path, as watched. */
  readonly folder: string;
  /** Resolves once the initial scan is done and events are being delivered. */
  readonly ready: Promise<void>;
  /** Stops watching; a pending batch is dropped. */
  close(): Promise<void>;
}

/** Temporary and partial files of editors, office suites and browsers, never articles. */
const TEMPORARY = /(^\.|^~\$|~$|\.(?:tmp|temp|part|partial|crdownload|download|swp|swx|lock)$)/i;

/** True for a file the inbox should not import: hidden, temporary or partial. */
export function isIgnoredName(name: string): boolean {
  return TEMPORARY.test(name);
}

/** True when `path` lies inside `folder` (both absolute and resolved). */
export function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel);
}

function realPath(path: string): string | null {
  try {
    return realpathSync(path);
  } catch {
    return null; // removed again before the hand-over
  }
}

/** Starts watching `folder`. Throws a short Error when the folder cannot be read. */
export function watchInbox(options: InboxOptions): Inbox {
  const folder = realpathSync(resolve(options.folder));
  const debounceMs = options.debounceMs ?? 1_000;
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  let closed = false;

  const flush = () => {
    timer = null;
    if (closed || pending.size === 0) return;
    // A symlink placed in the inbox must not lead the import outside it: check where each path
    // really is now, at hand-over time.
    const paths = [...pending].filter(path => isInside(folder, realPath(path) ?? folder)).sort();
    pending.clear();
    if (paths.length > 0) options.onFiles(paths);
  };
  const queue = (path: string) => {
    const full = resolve(folder, path);
    if (!isInside(folder, full) || isIgnoredName(basename(full))) return;
    pending.add(full);
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, debounceMs);
  };

  const watcher: FSWatcher = watch(folder, {
    ignoreInitial: options.includeExisting === false,
    followSymlinks: false,
    depth: options.depth ?? 4,
    ignored: (path: string) => path !== folder && isIgnoredName(basename(path)),
    awaitWriteFinish: {
      stabilityThreshold: options.stabilityMs ?? 2_000,
      pollInterval: Math.max(50, Math.round((options.stabilityMs ?? 2_000) / 10)),
    },
  });
  watcher.on('add', queue);
  watcher.on('change', queue);
  watcher.on('error', error =>
    options.onError?.(error instanceof Error ? error : new Error(String(error))),
  );
  const ready = new Promise<void>(done => watcher.once('ready', () => done()));

  return {
    folder,
    ready,
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      pending.clear();
      await watcher.close();
    },
  };
}
