/**
 * Import flows of the page: seeds on first run, the desktop file dialog, uploads in the browser
 * preview and drag and drop. Each ends in `storeReport`, which stores the articles in batches
 * and returns what the analyst sees in the import report.
 */
import {
  MAX_FILE_BYTES,
  type ImportError,
  type ImportReport,
} from '../../../src-main/contract/article';
import type { ArticleExtraction } from '../../../src-main/contract/article-meetings';
import type { ImportBatch } from '../../../src-main/contract/import-session';
import type { Result } from '../../../src-main/contract/result';
import { api, desktop, sendFramedUpload } from '../../bridge';
import {
  runImportSession,
  type StreamProgress,
  type StreamProgressListener,
} from './session-runner';
import { readAhead } from './read-ahead';
import { BATCH_BYTES, BATCH_FILES } from './upload-budget';
import {
  planUpload,
  sendBatch,
  type PickedFile,
  type PickedFiles,
  type UploadPart,
} from './upload-batches';
import { storeInBatches, type StoreSummary } from '../../db/articles';
import type { ReadoutDB } from '../../db/db';

export type { PickedFile, PickedFiles } from './upload-batches';

export interface ImportOutcome extends StoreSummary {
  errors: ImportError[];
  /** A failure of the whole import (no answer, refused call), as opposed to per-file errors. */
  failure: string | null;
  /** Set when the analyst cancelled: how many files had been read, of how many (if known). */
  cancelled?: { filesDone: number; totalFiles: number | null };
}

/**
 * Progress of an import for the status line: a label and a count, and for a streaming import
 * the files and bytes done of the totals.
 */
export type Progress = (
  label: string,
  done: number,
  total: number,
  stream?: StreamProgress,
) => void;

/** Streaming progress as the status line shows it: files read of the total. */
const streamProgress =
  (progress?: Progress): StreamProgressListener =>
  p =>
    progress?.('Importing', p.filesDone, p.totalFiles ?? 0, p);

const emptyOutcome = (): ImportOutcome => ({
  added: 0,
  updated: 0,
  unchanged: 0,
  errors: [],
  failure: null,
});

/**
 * Stores a report's articles. Never throws: when saving fails (a full disk, a closed database),
 * the outcome counts the batches committed before the failure, which stay stored, and says so.
 * The report's per-file errors change nothing stored.
 */
export async function storeReport(
  db: ReadoutDB,
  report: ImportReport & { extractions?: ArticleExtraction[] },
  progress?: Progress,
): Promise<ImportOutcome> {
  let stored: StoreSummary = { added: 0, updated: 0, unchanged: 0 };
  try {
    const summary = await storeInBatches(db, report.articles, {
      extractions: report.extractions,
      onProgress: (done, total, soFar) => {
        stored = soFar;
        progress?.('Saving articles', done, total);
      },
    });
    return { ...summary, errors: report.errors, failure: null };
  } catch (error) {
    return {
      ...stored,
      errors: report.errors,
      failure:
        `Saving articles stopped (${String(error)}). Articles saved before that are kept; ` +
        'importing the same files again adds the rest without duplicates.',
    };
  }
}

async function fromResult(
  db: ReadoutDB,
  result: Result<ImportReport | null>,
  progress?: Progress,
): Promise<ImportOutcome | null> {
  if (!result.ok) return { ...emptyOutcome(), failure: result.error.message };
  if (result.value === null) return null; // the analyst cancelled the dialog
  return storeReport(db, result.value, progress);
}

const SEEDED_KEY = 'seeded';
let seeding: Promise<ImportOutcome | null> | null = null;

/** Imports the bundled seeds once per profile; later starts (and React's double effects) skip it. */
export function ensureSeeded(db: ReadoutDB): Promise<ImportOutcome | null> {
  seeding ??= (async () => {
    if ((await db.meta.get(SEEDED_KEY))?.value === true) return null;
    const outcome = await fromResult(db, await api.loadSeeds());
    if (outcome && !outcome.failure) await db.meta.put({ key: SEEDED_KEY, value: true });
    return outcome;
  })();
  return seeding;
}

/** Desktop: main shows its open dialog and streams the chosen files' articles in batches. */
export async function importViaDialog(
  db: ReadoutDB,
  folders: boolean,
  progress?: Progress,
  signal?: AbortSignal,
) {
  progress?.('Reading files', 0, 0);
  return runImportSession(
    db,
    {
      start: () => api.startImport({ kind: 'dialog', folders }),
      next: id => api.nextImportBatch(id),
    },
    { onProgress: streamProgress(progress), signal },
  );
}

/** Desktop drag and drop: the preload turns dropped files into paths that main reads. */
export async function importDroppedPaths(
  db: ReadoutDB,
  files: File[],
  progress?: Progress,
  signal?: AbortSignal,
) {
  const paths = files.map(f => desktop?.pathForFile(f) ?? '').filter(p => p !== '');
  if (paths.length === 0)
    return importUploads(
      db,
      pickedList(files.map(file => ({ file, name: file.name }))),
      progress,
      signal,
    );
  progress?.('Reading files', 0, paths.length);
  return runImportSession(
    db,
    {
      start: () => api.startImport({ kind: 'paths', paths }),
      next: id => api.nextImportBatch(id),
    },
    { onProgress: streamProgress(progress), signal },
  );
}

export const pickedList = (files: readonly PickedFile[]): PickedFiles => ({
  length: files.length,
  at: index => files[index],
});

const isPickedList = (files: PickedFiles | readonly PickedFile[]): files is readonly PickedFile[] =>
  Array.isArray(files);

/**
 * A file input's list as picked files, each named by its path inside the chosen folder. The
 * File references are copied at once (cheap: no names or bytes are read), because the control
 * clears its input after the pick, and a FileList read later would then be empty.
 */
export const pickedFromFileList = (list: FileList): PickedFiles => {
  const files = Array.from(list);
  return {
    length: files.length,
    at: index => {
      const file = files[index];
      return { file, name: file.webkitRelativePath || file.name };
    },
  };
};

/**
 * Browser preview: an upload session. The page sends one batch of files at a time (the browser
 * streams their bytes, see upload-batches.ts) and stores its articles before sending the next,
 * so neither the page nor the preview server ever holds the whole import. At most
 * MAX_IMPORT_BYTES are read for one import, as on the desktop: the file that would pass it goes
 * by its size alone, main answers with the error saying how many were left, and the files after
 * it are never read.
 */
export async function importUploads(
  db: ReadoutDB,
  files: PickedFiles | readonly PickedFile[],
  progress?: Progress,
  signal?: AbortSignal,
): Promise<ImportOutcome> {
  const picked = isPickedList(files) ? pickedList(files) : files;
  progress?.('Reading files', 0, 0);
  const plan = await planUpload(picked);
  if (plan.send.length === 0) {
    return { added: 0, updated: 0, unchanged: 0, errors: [], failure: null };
  }
  const end = plan.cut === null ? plan.send.length : plan.cut + 1;
  let index = 0;
  let take: (() => Promise<Result<ImportBatch>>) | null = null;
  const upload = (sessionId: string): Promise<Result<ImportBatch>> => {
    const batch: UploadPart[] = [];
    let bytes = 0;
    while (
      index < end &&
      batch.length < BATCH_FILES &&
      (batch.length === 0 || bytes < BATCH_BYTES)
    ) {
      const at = index++;
      const { file, name } = picked.at(plan.send[at]);
      // Too large, or past the import's limit: sent by its size alone, never read.
      const unread = file.size > MAX_FILE_BYTES || at === plan.cut;
      if (!unread) bytes += file.size;
      batch.push({ name, size: file.size, content: unread ? null : file });
    }
    return sendBatch(sessionId, batch, {
      framed: sendFramedUpload,
      bytes: (id, files) => api.uploadImportBatch(id, files),
    });
  };
  const outcome = await runImportSession(
    db,
    {
      start: () =>
        api.startImport({ kind: 'upload', totalFiles: plan.send.length, totalBytes: plan.bytes }),
      next(sessionId, previous) {
        if (previous?.more) return api.nextImportBatch(sessionId);
        // Main reads and extracts the next batch while the page stores this one (read-ahead.ts).
        take ??= readAhead(() => upload(sessionId));
        return take();
      },
    },
    { onProgress: streamProgress(progress), signal },
  );
  return outcome ?? { added: 0, updated: 0, unchanged: 0, errors: [], failure: null };
}

/** Files of a drop, walking dropped folders (browser preview), with their relative paths. */
export async function filesFromDrop(transfer: DataTransfer): Promise<PickedFile[]> {
  const entries = Array.from(transfer.items)
    .map(item => item.webkitGetAsEntry?.())
    .filter((e): e is FileSystemEntry => !!e);
  if (entries.length === 0)
    return Array.from(transfer.files).map(file => ({ file, name: file.name }));
  const out: PickedFile[] = [];
  const visit = async (entry: FileSystemEntry, prefix: string): Promise<void> => {
    if (entry.isFile) {
      const file = await new Promise<File>((resolve, reject) =>
        (entry as FileSystemFileEntry).file(resolve, reject),
      );
      out.push({ file, name: prefix + entry.name });
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((resolve, reject) =>
          reader.readEntries(resolve, reject),
        );
        if (batch.length === 0) break;
        for (const child of batch) await visit(child, `${prefix}${entry.name}/`);
      }
    }
  };
  for (const entry of entries) await visit(entry, '');
  return out;
}
