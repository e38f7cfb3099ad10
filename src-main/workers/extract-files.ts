/**
 * The command line's unit of parallel work: a batch of found files read, parsed and extracted
 * in one worker thread, answered as small per-article results (the article's summary and its
 * meetings, never its text), so that what crosses back to main stays proportional to the
 * meetings found. Files are answered in the order given; duplicates are left for the caller,
 * which alone sees every batch.
 */
import type { ImportError } from '../contract/article';
import { syncReadFs, type ReadFs } from '../ingest/import';
import { readFoundFile } from '../ingest/stream';
import type { FoundFile } from '../ingest/walk';
import { extractArticle, type ArticleMeeting } from '../meetings/extract';

/** One article of a batch: what the report lists of it, and its meetings. */
export interface ExtractedArticle {
  id: string;
  source: string;
  title: string;
  published: string | null;
  meetings: ArticleMeeting[];
}

/** A batch's answer: its articles and its files' errors, each in file order. */
export interface ExtractedFiles {
  articles: ExtractedArticle[];
  errors: ImportError[];
}

/**
 * Reads and extracts `files`, one after the other. Never throws for a bad file. Reads block: this
 * runs in a worker thread of its own (see `syncReadFs`), or in a test.
 */
export async function extractFiles(
  files: FoundFile[],
  fs: ReadFs = syncReadFs,
): Promise<ExtractedFiles> {
  const out: ExtractedFiles = { articles: [], errors: [] };
  for (const file of files) {
    const read = await readFoundFile(file, fs);
    out.errors.push(...read.errors);
    for (const a of read.articles)
      out.articles.push({
        id: a.id,
        source: a.source,
        title: a.title,
        published: a.published,
        meetings: extractArticle(a),
      });
  }
  return out;
}
