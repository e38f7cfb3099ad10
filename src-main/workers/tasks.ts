/**
 * The CPU-heavy work main hands to its worker thread: reading and parsing article files and
 * finding their meetings. Each task takes and returns plain data, because arguments and answers
 * cross the thread border by structured clone. The worker entry runs these; nothing here knows it
 * is in a worker, so the same functions serve a test or a caller that wants them inline.
 */
import type { Article, ImportReport, UploadFile } from '../contract/article';
import type { Meeting } from '../contract/meeting';
import { importFiles, importPaths } from '../ingest';
import { readFoundFiles, type ReadResult } from '../ingest/import';
import { meetingFromText } from '../lookups/from-text';
import type { ExtractedImportReport, MergeRequest } from '../contract/article-meetings';
import { mergeIncrement } from '../meetings/incremental';
import { extractArticleResults, extractMeetings } from '../meetings';
import type { FoundFile } from '../ingest/walk';
import { extractFiles } from './extract-files';

/**
 * The report with each article's meetings, extracted here where the files were parsed, so that
 * the texts never travel back to be extracted (issue 14). An extractor that throws costs only
 * the extractions: the report goes without them and the renderer's sync extracts as before.
 */
function withExtractions<R extends ImportReport>(report: R): R & ExtractedImportReport {
  try {
    return { ...report, extractions: extractArticleResults(report.articles) };
  } catch {
    return report;
  }
}

export const tasks = {
  /** Files and folders from disk, relative paths against `cwd`, with their meetings. */
  importPaths: async (paths: string[], options: { cwd?: string }): Promise<ExtractedImportReport> =>
    withExtractions(await importPaths(paths, options)),
  /**
   * One batch of a streaming import session: files the walk found, read in order up to `budget`
   * bytes in all (see readFoundFiles), with their meetings.
   */
  readFiles: async (
    files: { path: string; display: string }[],
    budget: number,
  ): Promise<ReadResult & ExtractedImportReport> =>
    withExtractions(await readFoundFiles(files, { budget })),
  /** Uploaded bytes (the browser preview), with their meetings. */
  importFiles: async (uploads: UploadFile[]): Promise<ExtractedImportReport> =>
    withExtractions(await importFiles(uploads)),
  /** The meetings the articles report, merged across them. */
  extractMeetings: (articles: Article[]): Meeting[] => extractMeetings(articles),
  /** Each article's own meetings, for the renderer's per-article cache. */
  extractArticleResults: (articles: Article[]) => extractArticleResults(articles),
  /** One bounded step of the incremental merge (the renderer's `meetings:merge`). */
  mergeIncrement: (request: MergeRequest) => mergeIncrement(request),
  /** A batch of the command line's files read, parsed and extracted (`readout meetings`). */
  extractFiles: (files: FoundFile[]) => extractFiles(files),
  /** The meeting one selected passage describes (the meetings view's Add from selection). */
  meetingFromText: (article: Article, start: number, end: number): Meeting | null =>
    meetingFromText(article, start, end),
};

export type Tasks = typeof tasks;
export type TaskName = keyof Tasks;

/** What the worker posts once its modules are loaded, before any reply. */
export const READY = 'ready';

/** What main posts to the worker. */
export interface TaskRequest<K extends TaskName = TaskName> {
  id: number;
  task: K;
  args: Parameters<Tasks[K]>;
}

/** What the worker posts back: the task's value, or the error it threw, as plain data. */
export type TaskReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: { name: string; code: string | null; message: string } };
