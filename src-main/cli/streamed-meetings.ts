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
  options: { cwd?: string; maxFiles?: number } = {},
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
  const sources = new Set<string>();
  const keep = (a: Article): void => {
    // The same article under two names is one source, as in `extractMeetings`.
    if (sources.has(a.id + a.source)) return;
    sources.add(a.id + a.source);
    order.push(a.id);
    for (const m of extractArticle(a)) items.push(m);
  };
  const errors: MeetingsReport['articles'] = [];
  for await (const batch of streamFiles(walk)) {
    for (const a of batch.articles) {
      articles.push({
        file: a.source,
        id: a.id,
        title: a.title,
        published: a.published,
        error: null,
      });
      keep(a);
    }
    for (const e of batch.errors)
      errors.push({ file: e.file, id: null, title: null, published: null, error: e.message });
  }
  return { articles: [...articles, ...errors], meetings: mergeArticleMeetings(items, order) };
}
