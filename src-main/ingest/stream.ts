/**
 * Streaming import from disk (issue 14): files are read, decoded and parsed a bounded batch at
 * a time and each batch is handed on as soon as it is ready, so memory holds one batch, not the
 * folder, and the caller can show progress (files and bytes) and stop between batches. The same
 * readers and per-file errors as `importPaths`; only the whole-import byte budget is gone,
 * because no batch is ever larger than `batchBytes` plus one file.
 */
import { basename } from 'node:path';
import { MAX_FILE_BYTES, type Article, type ImportError } from '../contract/article';
import { articlesFromBytes, nodeReadFs, tooLarge, type ReadFs } from './import';
import { collectFiles, fsError, shortDisplay, type FoundFile } from './walk';

/** How far an import is: files and bytes read so far, of the totals the walk found. */
export interface ImportProgress {
  files: number;
  totalFiles: number;
  bytes: number;
  totalBytes: number;
}

/** One batch of a streamed import: its articles, its files' errors, and the progress after it. */
export interface ImportBatch {
  articles: Article[];
  errors: ImportError[];
  progress: ImportProgress;
}

export interface StreamOptions {
  cwd?: string;
  fs?: ReadFs;
  /** Most files the walk collects; past it the walk reports `too-many-files` and stops. */
  maxFiles?: number;
  /** Files per batch at most (200). */
  batchFiles?: number;
  /** Bytes read per batch at most (4 MiB); a batch ends after the file that passes it. */
  batchBytes?: number;
  /** Stops between files: the batch read so far is handed on, then nothing more is read. */
  signal?: AbortSignal;
}

/** The walk's result, for callers that decide on it (a cap reached) before reading anything. */
export interface WalkResult {
  files: FoundFile[];
  errors: ImportError[];
}

/**
 * Reads `files` (from `collectFiles`) in batches. The walk's own errors come with the first
 * batch. The same text twice (a copy in two folders) is one article across all batches.
 */
export async function* streamFiles(
  walk: WalkResult,
  options: StreamOptions = {},
): AsyncGenerator<ImportBatch> {
  const fs = options.fs ?? nodeReadFs;
  const batchFiles = options.batchFiles ?? 200;
  const batchBytes = options.batchBytes ?? 4 * 1024 * 1024;
  const seen = new Set<string>();
  const progress: ImportProgress = {
    files: 0,
    totalFiles: walk.files.length,
    bytes: 0,
    totalBytes: walk.files.reduce((n, f) => n + f.size, 0),
  };
  let articles: Article[] = [];
  let errors: ImportError[] = [...walk.errors];
  let bytes = 0;
  let count = 0;
  const take = (): ImportBatch => {
    const batch = { articles, errors, progress: { ...progress } };
    articles = [];
    errors = [];
    bytes = 0;
    count = 0;
    return batch;
  };
  for (const file of walk.files) {
    if (options.signal?.aborted) break;
    progress.files++;
    count++;
    const read = await readFoundFile(file, fs);
    progress.bytes += read.size;
    bytes += read.bytesRead;
    errors.push(...read.errors);
    for (const a of read.articles) {
      if (!seen.has(a.id)) {
        seen.add(a.id);
        articles.push(a);
      }
    }
    if (count >= batchFiles || bytes >= batchBytes) yield take();
  }
  if (count > 0 || errors.length > 0 || progress.totalFiles === 0) yield take();
}

/** What one found file gave: its articles and errors, its size and the bytes really read. */
export interface FileRead {
  articles: Article[];
  errors: ImportError[];
  size: number;
  bytesRead: number;
}

/**
 * Reads, decodes and parses one file the walk found, its failures as errors (never thrown):
 * the unit of work of `streamFiles` and of the command line's extraction workers.
 */
export async function readFoundFile(file: FoundFile, fs: ReadFs = nodeReadFs): Promise<FileRead> {
  const display = shortDisplay(file.display);
  let read;
  try {
    read = await fs.readFile(file.path, MAX_FILE_BYTES);
  } catch (error) {
    return { articles: [], errors: [fsError(display, error)], size: 0, bytesRead: 0 };
  }
  if (read.size > MAX_FILE_BYTES)
    return { articles: [], errors: [tooLarge(display, read.size)], size: read.size, bytesRead: 0 };
  const articles: Article[] = [];
  const errors: ImportError[] = [];
  for (const result of await articlesFromBytes(read.bytes, {
    source: file.display,
    file: basename(file.path),
  })) {
    if (!('id' in result)) errors.push({ ...result, file: shortDisplay(result.file) });
    else articles.push(result);
  }
  return { articles, errors, size: read.size, bytesRead: read.bytes.length };
}

/** Walks `paths` and streams their files: `collectFiles` then `streamFiles`. */
export async function* streamPaths(
  paths: string[],
  options: StreamOptions = {},
): AsyncGenerator<ImportBatch> {
  yield* streamFiles(await collectFiles(paths, options), options);
}
