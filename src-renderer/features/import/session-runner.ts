/**
 * Runs one streaming import session (issue 14): asks main for a batch, stores it in one
 * transaction, yields to the page, and asks for the next, so the page holds one batch at a time
 * and stays responsive however large the import. Cancel takes effect after the batch being
 * stored: what was stored stays stored, main is told to stop reading, and the outcome says how
 * far the import got.
 */
import type { ImportBatch, ImportSession } from '../../../src-main/contract/import-session';
import type { Result } from '../../../src-main/contract/result';
import { api } from '../../bridge';
import type { ReadoutDB } from '../../db/db';
import { storeReport, type ImportOutcome } from './importer';

/** How far a streaming import is; totals are null until main has walked every folder. */
export interface StreamProgress {
  filesDone: number;
  bytesDone: number;
  totalFiles: number | null;
  totalBytes: number | null;
}

export type StreamProgressListener = (progress: StreamProgress) => void;

/**
 * Lets the page paint and handle input between two pieces of work (a macrotask, not a
 * microtask). `scheduler.yield` where the browser has it: unlike a chain of zero timeouts,
 * which the browser clamps to 4 ms each after a few, it costs next to nothing.
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise(resolve => setTimeout(resolve, 0));
}

export interface SessionSource {
  /** Opens the session; null when the analyst cancelled the dialog. */
  start(): Promise<Result<ImportSession | null>>;
  /** The next batch of the session. */
  next(sessionId: string, previous: ImportBatch | null): Promise<Result<ImportBatch>>;
}

const empty = (): ImportOutcome => ({
  added: 0,
  updated: 0,
  unchanged: 0,
  errors: [],
  failure: null,
});

/** Runs `source` to its end, a cancel or a failure. Never throws. */
export async function runImportSession(
  db: ReadoutDB,
  source: SessionSource,
  options: { onProgress?: StreamProgressListener; signal?: AbortSignal } = {},
): Promise<ImportOutcome | null> {
  const opened = await source.start();
  if (!opened.ok) return { ...empty(), failure: opened.error.message };
  if (opened.value === null) return null;
  const { sessionId } = opened.value;
  const outcome = empty();
  let progress: StreamProgress = {
    filesDone: 0,
    bytesDone: 0,
    totalFiles: opened.value.totalFiles,
    totalBytes: opened.value.totalBytes,
  };
  options.onProgress?.(progress);
  let previous: ImportBatch | null = null;
  for (;;) {
    if (options.signal?.aborted) {
      await api.cancelImport(sessionId);
      outcome.cancelled = { filesDone: progress.filesDone, totalFiles: progress.totalFiles };
      return outcome;
    }
    const answer = await source.next(sessionId, previous);
    if (!answer.ok) {
      outcome.failure = answer.error.message;
      void api.cancelImport(sessionId);
      return outcome;
    }
    const batch = answer.value;
    const stored = await storeReport(db, batch);
    outcome.added += stored.added;
    outcome.updated += stored.updated;
    outcome.unchanged += stored.unchanged;
    outcome.errors.push(...stored.errors);
    progress = {
      filesDone: batch.filesDone,
      bytesDone: batch.bytesDone,
      totalFiles: batch.totalFiles ?? progress.totalFiles,
      totalBytes: batch.totalBytes ?? progress.totalBytes,
    };
    options.onProgress?.(progress);
    if (stored.failure) {
      outcome.failure = stored.failure;
      void api.cancelImport(sessionId);
      return outcome;
    }
    if (batch.done && !batch.more) return outcome;
    previous = batch;
    await yieldToPage();
  }
}
