/**
 * The import pipeline: files on disk or uploaded bytes → decoded, parsed articles, with one
 * specific error per file that cannot be imported. Never throws for a bad file: the rest go on.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  ArticleSchema,
  MAX_FILE_BYTES,
  type Article,
  type ImportError,
  type ImportReport,
  type UploadFile,
} from '../contract/article';
import { importLimitError, MAX_IMPORT_BYTES } from '../contract/channels';
import { plainlyValidArticle } from './article-check';
import { isFormatError, readFormat, type FormatResult } from './formats';
import { parseArticle } from './parse';
import { collectFiles, fsError, shortDisplay, type FoundFile } from './walk';

/** File-system calls the importer makes, replaceable in tests to simulate unreadable files. */
export interface ReadFs {
  /** The file's bytes and size; no bytes (only the size) when it is larger than `maxBytes`. */
  readFile(path: string, maxBytes: number): Promise<{ bytes: Uint8Array; size: number }>;
}

/** The part of a `FileHandle` the importer uses: tests wrap it to count what is really read. */
export interface ReadHandle {
  stat(): Promise<{ size: number }>;
  read(
    buffer: Uint8Array,
    offset: number,
    length: number,
    position: number,
  ): Promise<{ bytesRead: number }>;
  close(): Promise<void>;
}

/** Reads through `openFile`; a file over the limit is refused by its size before any read. */
export function createNodeReadFs(
  openFile: (path: string) => Promise<ReadHandle> = path => open(path, 'r'),
): ReadFs {
  return {
    async readFile(path, maxBytes) {
      const handle = await openFile(path);
      try {
        const { size } = await handle.stat();
        if (size > maxBytes) return { bytes: new Uint8Array(0), size };
        const bytes = new Uint8Array(size);
        let read = 0;
        while (read < size) {
          const r = await handle.read(bytes, read, size - read, read);
          if (r.bytesRead === 0) break;
          read += r.bytesRead;
        }
        return { bytes: bytes.subarray(0, read), size };
      } finally {
        await handle.close();
      }
    },
  };
}

export const nodeReadFs: ReadFs = createNodeReadFs();

/**
 * The same reads made synchronously, for a worker thread whose only work is reading and
 * extracting (the command line's): it has nothing else to do while a file is read, and each
 * asynchronous call (open, stat, read, close) cost a hop through libuv's thread pool and a
 * promise per file. Never for main or any thread that must stay responsive.
 */
export const syncReadFs: ReadFs = {
  async readFile(path, maxBytes) {
    const fd = openSync(path, 'r');
    try {
      const { size } = fstatSync(fd);
      if (size > maxBytes) return { bytes: new Uint8Array(0), size };
      const bytes = new Uint8Array(size);
      let read = 0;
      while (read < size) {
        const n = readSync(fd, bytes, read, size - read, read);
        if (n === 0) break;
        read += n;
      }
      return { bytes: bytes.subarray(0, read), size };
    } finally {
      closeSync(fd);
    }
  },
};

/** The error of a file over MAX_FILE_BYTES, refused by its size. */
export function tooLarge(file: string, size: number): ImportError {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return {
    file,
    code: 'too-large',
    message: `The file is ${mb(size)}; Readout imports article files up to ${mb(MAX_FILE_BYTES)}.`,
  };
}

/**
 * Reads and parses one file's bytes into its articles (one, or more for an e-mail with articles
 * attached); each error names the file and the precise cause. Every article is checked against
 * ArticleSchema here, per file, because the dispatcher checks the whole report against it: one
 * odd file must cost only itself, not every good file imported with it. A reader that throws (a
 * bug, or a library meeting input it did not expect) costs its file too, with a `corrupt` error.
 */
export async function articlesFromBytes(
  bytes: Uint8Array,
  where: { source: string; file: string },
): Promise<(Article | ImportError)[]> {
  let results: FormatResult[];
  try {
    results = await readFormat(bytes, where.file);
  } catch (error) {
    const detail = String((error as Error)?.message ?? error).slice(0, 200);
    return [
      {
        file: where.source,
        code: 'corrupt',
        message: `Readout could not read this file (${detail}).`,
      },
    ];
  }
  return results.map(result => {
    const source = result.part ? `${where.source}#${result.part}` : where.source;
    if (isFormatError(result)) return { file: source, code: result.code, message: result.message };
    const file = result.part ? (result.part.split('#').pop() ?? where.file) : where.file;
    return checked(parseArticle(result.text, { source, file }, result), source);
  });
}

/** The article, or an `invalid` error naming the first field ArticleSchema refuses. */
function checked(article: Article, source: string): Article | ImportError {
  if (plainlyValidArticle(article)) return article;
  const result = ArticleSchema.safeParse(article);
  if (result.success) return article;
  const issue = result.error.issues[0];
  const field = issue.path.join('.') || 'article';
  return {
    file: source,
    code: 'invalid',
    message: `Readout could not make an article of this file (${field}: ${issue.message}).`,
  };
}

/** What `readFoundFiles` read: the articles and errors, and where the byte budget stopped it. */
export interface ReadResult extends ImportReport {
  /** File bytes read. */
  bytesRead: number;
  /** Index of the file that would have passed the budget (left unread, with those after it). */
  stoppedAt: number | null;
}

/**
 * Reads and parses files the walk found, in order, reading at most `budget` bytes in all: the
 * file that would pass it is left unread and `stoppedAt` names it, so the caller can say how many
 * were left. Used whole by `importPaths` and a batch at a time by a streaming import session.
 */
export async function readFoundFiles(
  files: readonly Pick<FoundFile, 'path' | 'display'>[],
  options: { fs?: ReadFs; budget?: number } = {},
): Promise<ReadResult> {
  const fs = options.fs ?? nodeReadFs;
  const budgetTotal = options.budget ?? MAX_IMPORT_BYTES;
  const articles: Article[] = [];
  const errors: ImportError[] = [];
  let total = 0;
  for (const [index, file] of files.entries()) {
    const display = shortDisplay(file.display);
    const budget = Math.min(MAX_FILE_BYTES, budgetTotal - total);
    let read;
    try {
      read = await fs.readFile(file.path, budget);
    } catch (error) {
      errors.push(fsError(display, error));
      continue;
    }
    if (read.size > MAX_FILE_BYTES) {
      errors.push(tooLarge(display, read.size));
      continue;
    }
    if (read.size > budget) return { articles, errors, bytesRead: total, stoppedAt: index };
    total += read.bytes.length;
    for (const result of await articlesFromBytes(read.bytes, {
      source: file.display,
      file: basename(file.path),
    })) {
      if ('id' in result) articles.push(result);
      else errors.push({ ...result, file: shortDisplay(result.file) });
    }
  }
  return { articles, errors, bytesRead: total, stoppedAt: null };
}

/**
 * Reads files and folders from disk (desktop app, command line, bundled seeds). At most
 * `maxTotalBytes` are read in all: the file that would pass it, and every file after it, are
 * left unread with one error, so a huge folder chosen by mistake cannot exhaust memory.
 */
export async function importPaths(
  paths: string[],
  options: { cwd?: string; fs?: ReadFs; maxFiles?: number; maxTotalBytes?: number } = {},
): Promise<ImportReport> {
  const { files, errors } = await collectFiles(paths, options);
  const read = await readFoundFiles(files, { fs: options.fs, budget: options.maxTotalBytes });
  errors.push(...read.errors);
  if (read.stoppedAt !== null) {
    const display = shortDisplay(files[read.stoppedAt].display);
    errors.push(importLimitError(display, files.length - read.stoppedAt - 1));
  }
  return { articles: dedupe(read.articles), errors };
}

/** Imports files sent as bytes (browser preview uploads), at most MAX_IMPORT_BYTES per call. */
export async function importFiles(uploads: UploadFile[]): Promise<ImportReport> {
  const articles: Article[] = [];
  const errors: ImportError[] = [];
  let total = 0;
  for (const [index, upload] of uploads.entries()) {
    const display = shortDisplay(upload.name);
    if (upload.size > MAX_FILE_BYTES) {
      errors.push(tooLarge(display, upload.size));
      continue;
    }
    total += upload.bytes.byteLength;
    if (total > MAX_IMPORT_BYTES) {
      errors.push(importLimitError(display, uploads.length - index - 1));
      break;
    }
    const name = upload.name.split(/[\\/]/).pop() || upload.name;
    for (const result of await articlesFromBytes(upload.bytes, {
      source: upload.name,
      file: name,
    })) {
      if ('id' in result) articles.push(result);
      else errors.push({ ...result, file: shortDisplay(result.file) });
    }
  }
  return { articles: dedupe(articles), errors };
}

/** The same text twice in one import (a copy in two folders) is one article. */
function dedupe(articles: Article[]): Article[] {
  const seen = new Set<string>();
  return articles.filter(a => (seen.has(a.id) ? false : (seen.add(a.id), true)));
}
