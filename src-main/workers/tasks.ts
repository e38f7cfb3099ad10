/**
 * The CPU-heavy work main hands to its worker thread: reading and parsing article files and
 * finding their meetings. Each task takes and returns plain data, because arguments and answers
 * cross the thread border by structured clone. The worker entry runs these; nothing here knows it
 * is in a worker, so the same functions serve a test or a caller that wants them inline.
 */
import type { Article, ImportReport, UploadFile } from '../contract/article';
import type { Meeting } from '../contract/meeting';
import { importFiles, importPaths } from '../ingest';
import { meetingFromText } from '../lookups/from-text';
import type { MergeRequest } from '../contract/article-meetings';
import { mergeIncrement } from '../meetings/incremental';
import { extractArticleResults, extractMeetings, mergeArticleResults } from '../meetings';

export const tasks = {
  /** Files and folders from disk, relative paths against `cwd`. */
  importPaths: (paths: string[], options: { cwd?: string }): Promise<ImportReport> =>
    importPaths(paths, options),
  /** Uploaded bytes (the browser preview). */
  importFiles: (uploads: UploadFile[]): Promise<ImportReport> => importFiles(uploads),
  /** The meetings the articles report, merged across them. */
  extractMeetings: (articles: Article[]): Meeting[] => extractMeetings(articles),
  /** Each article's own meetings, for the renderer's per-article cache. */
  extractArticleResults: (articles: Article[]) => extractArticleResults(articles),
  /** The meetings across the library, merged from cached per-article results (no text). */
  mergeArticleResults: (results: Parameters<typeof mergeArticleResults>[0]) =>
    mergeArticleResults(results),
  /** One bounded step of the incremental merge (the renderer's `meetings:merge`). */
  mergeIncrement: (request: MergeRequest) => mergeIncrement(request),
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
