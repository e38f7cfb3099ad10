/**
 * The import pipeline: files on disk or uploaded bytes → decoded, parsed articles, with one
 * specific error per file that cannot be imported. Never throws for a bad file: the rest go on.
 */
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
import { decodeText } from './decode';
import { parseArticle } from './parse';
import { collectFiles, fsError } from './walk';

/** File-system calls the importer makes, replaceable in tests to simulate unreadable files. */
export interface ReadFs {
  readFile(path: string, maxBytes: number): Promise<{ bytes: Uint8Array; size: number }>;
}

export const nodeReadFs: ReadFs = {
  async readFile(path, maxBytes) {
    const handle = await open(path, 'r');
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

function tooLarge(file: string, size: number): ImportError {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return {
    file,
    code: 'too-large',
    message: `The file is ${mb(size)}; Readout imports text files up to ${mb(MAX_FILE_BYTES)}.`,
  };
}

/**
 * Decodes and parses one file's bytes; an error names the file and the precise cause. The article
 * is checked against ArticleSchema here, per file, because the dispatcher checks the whole report
 * against it: one odd file must cost only itself, not every good file imported with it.
 */
export function articleFromBytes(
  bytes: Uint8Array,
  where: { source: string; file: string },
): Article | ImportError {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { file: where.source, code: decoded.code, message: decoded.message };
  const article = parseArticle(decoded.text, where);
  const checked = ArticleSchema.safeParse(article);
  if (checked.success) return article;
  const issue = checked.error.issues[0];
  const field = issue.path.join('.') || 'article';
  return {
    file: where.source,
    code: 'invalid',
    message: `Readout could not make an article of this file (${field}: ${issue.message}).`,
  };
}

/** Reads files and folders from disk (desktop app, command line, bundled seeds). */
export async function importPaths(
  paths: string[],
  options: { cwd?: string; fs?: ReadFs; maxFiles?: number } = {},
): Promise<ImportReport> {
  const fs = options.fs ?? nodeReadFs;
  const { files, errors } = await collectFiles(paths, options);
  const articles: Article[] = [];
  for (const file of files) {
    let read;
    try {
      read = await fs.readFile(file.path, MAX_FILE_BYTES);
    } catch (error) {
      errors.push(fsError(file.display, error));
      continue;
    }
    if (read.size > MAX_FILE_BYTES) {
      errors.push(tooLarge(file.display, read.size));
      continue;
    }
    collect(articleFromBytes(read.bytes, { source: file.display, file: basename(file.path) }));
  }
  return { articles: dedupe(articles), errors };

  function collect(result: Article | ImportError): void {
    if ('id' in result) articles.push(result);
    else errors.push(result);
  }
}

/** Imports files sent as bytes (browser preview uploads). */
export function importFiles(uploads: UploadFile[]): ImportReport {
  const articles: Article[] = [];
  const errors: ImportError[] = [];
  for (const upload of uploads) {
    if (upload.size > MAX_FILE_BYTES) {
      errors.push(tooLarge(upload.name, upload.size));
      continue;
    }
    const name = upload.name.split(/[\\/]/).pop() || upload.name;
    const result = articleFromBytes(upload.bytes, { source: upload.name, file: name });
    if ('id' in result) articles.push(result);
    else errors.push(result);
  }
  return { articles: dedupe(articles), errors };
}

/** The same text twice in one import (a copy in two folders) is one article. */
function dedupe(articles: Article[]): Article[] {
  const seen = new Set<string>();
  return articles.filter(a => (seen.has(a.id) ? false : (seen.add(a.id), true)));
}
