/**
 * The meetings of a folder of any size for `readout meetings`: files are read and parsed a batch
 * at a time (`streamFiles`) and each article's meetings are extracted as its batch arrives, so
 * memory holds per-article results and one batch of text, never the folder's text; the merge
 * then runs once over the results. A folder past CLI_MAX_FILES is refused before anything is
 * read: the command line never cuts an import silently (issue 14).
 */
import type { Article } from '../contract/article';
import { collectFiles } from '../ingest';
import { streamFiles } from '../ingest/stream';
import { extractArticle } from '../meetings/extract';
import { mergeArticleMeetings, type MeetingsReport } from '../meetings';
import type { MergeItem } from '../meetings/merge';
import { availableParallelism } from 'node:os';
import type { FoundFile } from '../ingest/walk';
import type { ExtractedFiles } from '../workers/extract-files';
import { orderedMap } from '../workers/ordered';
import { createTaskRunner } from '../workers/runner';

/** Files per worker task: small enough to keep every thread busy, large enough to be cheap. */
const FILES_PER_TASK = 64;

/** Worker threads by default: one per core, at most eight. */
export function defaultWorkers(): number {
  return Math.max(1, Math.min(availableParallelism(), 8));
}

function* batchesOf(files: FoundFile[], size: number): Generator<FoundFile[]> {
  for (let i = 0; i < files.length; i += size) yield files.slice(i, i + size);
}

/** Most files one command reads; a larger folder is an error, named before any file is read. */
export const CLI_MAX_FILES = 1_000_000;

/** A walk that passed CLI_MAX_FILES: what the command prints before it exits with an error. */
export class TooManyFiles extends Error {
  override readonly name = 'TooManyFiles';
}

/**
 * The `readout meetings --json` report of `paths`, streamed. Throws TooManyFiles when the walk
 * finds more than `maxFiles` files.
 */
export async function streamedMeetingsReport(
  paths: string[],
  options: { cwd?: string; maxFiles?: number; workers?: number } = {},
): Promise<MeetingsReport> {
  const maxFiles = options.maxFiles ?? CLI_MAX_FILES;
  const walk = await collectFiles(paths, { cwd: options.cwd, maxFiles });
  if (walk.errors.some(e => e.code === 'too-many-files'))
    throw new TooManyFiles(
      `These folders hold more than ${maxFiles.toLocaleString('en')} files; nothing was read. Name smaller folders.`,
    );
  const articles: MeetingsReport['articles'] = [];
  const items: MergeItem[] = [];
  const order: string[] = [];
  // The same text under two names is one article, as `streamFiles` reads it (it yields each
  // text once; the worker path sees each batch's texts apart, so it is checked here for both).
  const seenIds = new Set<string>();
  const add = (
    a: Pick<Article, 'id' | 'source' | 'title' | 'published'>,
    meetings: () => Iterable<MergeItem>,
  ): void => {
    if (seenIds.has(a.id)) return;
    seenIds.add(a.id);
    articles.push({
      file: a.source,
      id: a.id,
      title: a.title,
      published: a.published,
      error: null,
    });
    order.push(a.id);
    for (const m of meetings()) items.push(m);
  };
  const errors: MeetingsReport['articles'] = [];
  const addError = (e: { file: string; message: string }): void => {
    errors.push({ file: e.file, id: null, title: null, published: null, error: e.message });
  };
  const workers = options.workers ?? defaultWorkers();
  if (workers > 0) {
    // Files are read, parsed and extracted in worker threads, a batch per task, at most two
    // tasks per thread started and not yet taken (memory stays flat); results are taken in file
    // order, so the report is the one a single thread gives.
    const runners = Array.from({ length: workers }, () => createTaskRunner());
    const pending = runners.map(() => 0);
    for (const e of walk.errors) addError(e);
    try {
      const results = orderedMap(
        batchesOf(walk.files, FILES_PER_TASK),
        workers * 2,
        async (files): Promise<ExtractedFiles> => {
          const k = pending.indexOf(Math.min(...pending));
          pending[k]++;
          try {
            return await runners[k].run('extractFiles', files);
          } catch (error) {
            // A worker that died or timed out costs its batch only, each file named.
            const message = error instanceof Error ? error.message : String(error);
            return {
              articles: [],
              errors: files.map(f => ({ file: f.display, code: 'unreadable' as const, message })),
            };
          } finally {
            pending[k]--;
          }
        },
      );
      for await (const batch of results) {
        for (const a of batch.articles) add(a, () => a.meetings);
        for (const e of batch.errors) addError(e);
      }
    } finally {
      await Promise.all(runners.map(r => r.close()));
    }
    return { articles: [...articles, ...errors], meetings: mergeArticleMeetings(items, order) };
  }
  for await (const batch of streamFiles(walk)) {
    for (const a of batch.articles) add(a, () => extractArticle(a));
    for (const e of batch.errors) addError(e);
  }
  return { articles: [...articles, ...errors], meetings: mergeArticleMeetings(items, order) };
}
