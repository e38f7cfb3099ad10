/**
 * Import flows of the page: seeds on first run, the desktop file dialog, uploads in the browser
 * preview and drag and drop. Each ends in `storeReport`, which stores the articles in batches
 * and returns what the analyst sees in the import report.
 */
import {
  MAX_FILE_BYTES,
  type ImportError,
  type ImportReport,
  type UploadFile,
} from '../../../src-main/contract/article';
import { importLimitError, MAX_IMPORT_BYTES } from '../../../src-main/contract/channels';
import type { ArticleExtraction } from '../../../src-main/contract/article-meetings';
import type { Result } from '../../../src-main/contract/result';
import { api, desktop } from '../../bridge';
import { storeInBatches, type StoreSummary } from '../../db/articles';
import type { ReadoutDB } from '../../db/db';

export interface ImportOutcome extends StoreSummary {
  errors: ImportError[];
  /** A failure of the whole import (no answer, refused call), as opposed to per-file errors. */
  failure: string | null;
}

export type Progress = (label: string, done: number, total: number) => void;

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

/** Desktop: main shows its open dialog and reads the chosen files. */
export async function importViaDialog(db: ReadoutDB, folders: boolean, progress?: Progress) {
  progress?.('Reading files', 0, 0);
  return fromResult(db, await api.pickAndImport({ folders }), progress);
}

/** Desktop drag and drop: the preload turns dropped files into paths that main reads. */
export async function importDroppedPaths(db: ReadoutDB, files: File[], progress?: Progress) {
  const paths = files.map(f => desktop?.pathForFile(f) ?? '').filter(p => p !== '');
  if (paths.length === 0)
    return importUploads(
      db,
      files.map(file => ({ file, name: file.name })),
      progress,
    );
  progress?.('Reading files', 0, paths.length);
  return fromResult(db, await api.importPaths(paths), progress);
}

export interface PickedFile {
  file: File;
  /** Relative path inside a picked or dropped folder, else the file name. */
  name: string;
}

/** Request size budget for uploads: about 8 MB of file bytes or 200 files, whichever first. */
const BATCH_BYTES = 8 * 1024 * 1024;
const BATCH_FILES = 200;

/**
 * Browser preview: sends file bytes to the services in batches and stores each batch's articles.
 * At most MAX_IMPORT_BYTES are read for one import, as on the desktop: the file that would pass
 * it and the files after it are not read, and one error says so.
 */
export async function importUploads(
  db: ReadoutDB,
  picked: PickedFile[],
  progress?: Progress,
): Promise<ImportOutcome> {
  const outcome = emptyOutcome();
  const files = picked.filter(p => !p.name.split('/').some(part => part.startsWith('.')));
  const cut = importLimit(files);
  const end = cut ?? files.length;
  let index = 0;
  while (index < end) {
    const batch: UploadFile[] = [];
    let bytes = 0;
    while (
      index < end &&
      batch.length < BATCH_FILES &&
      (batch.length === 0 || bytes < BATCH_BYTES)
    ) {
      const { file, name } = files[index++];
      const tooLarge = file.size > MAX_FILE_BYTES;
      const content = tooLarge ? new Uint8Array(0) : new Uint8Array(await readBytes(file));
      bytes += content.byteLength;
      batch.push({ name, size: file.size, bytes: content });
    }
    progress?.('Reading files', index, end);
    const result = await api.importFiles(batch);
    if (!result.ok) {
      outcome.failure = result.error.message;
      break;
    }
    const stored = await storeReport(db, result.value);
    outcome.added += stored.added;
    outcome.updated += stored.updated;
    outcome.unchanged += stored.unchanged;
    outcome.errors.push(...stored.errors);
    if (stored.failure) {
      outcome.failure = stored.failure;
      break;
    }
  }
  if (cut !== null && !outcome.failure) {
    outcome.errors.push(importLimitError(files[cut].name, files.length - cut - 1));
  }
  return outcome;
}

/** Index of the first file that would take the import past MAX_IMPORT_BYTES; null if none. */
function importLimit(files: PickedFile[]): number | null {
  let total = 0;
  for (const [index, { file }] of files.entries()) {
    if (file.size > MAX_FILE_BYTES) continue; // sent by its size alone
    total += file.size;
    if (total > MAX_IMPORT_BYTES) return index;
  }
  return null;
}

/** Reads a file's bytes; an unreadable file (removed, no permission) gives an empty array. */
async function readBytes(file: File): Promise<ArrayBuffer> {
  try {
    return await file.arrayBuffer();
  } catch {
    return new ArrayBuffer(0);
  }
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
