/**
 * Full backup and restore: every table of the database in one JSON file.
 *
 * Restore is all or nothing. The file is parsed and checked completely (JSON, format, version,
 * every record of the tables Readout knows, primary keys of every table) before anything is
 * touched; a damaged, foreign or newer file is refused with a message saying why. Then every table
 * is replaced inside one transaction, so a failure half-way leaves the database as it was.
 *
 * Derived data is left out of backups. The persisted search index is kept across restores: it is
 * rebuilt from the data, and the live index catches up on what the restore changed. The meetings
 * the extractor found, and the fingerprint that says which library they were found in, are
 * dropped by a full restore and found again from the restored articles: a backup that carried
 * them (older backups did) could otherwise plant meetings the extractor never made, and its
 * fingerprint would stop them being replaced until the library changed.
 *
 * Every record is checked with a schema bounding its fields' sizes, and a file holding a
 * `__proto__` key anywhere is refused, so a crafted file cannot put a record in the database that
 * the views are not built to show.
 *
 * A backup of scope "work" (the automatic backups) holds only the analyst's work (see
 * work-scope.ts); restoring one replaces that work and keeps the articles and everything else.
 */
import type { Table } from 'dexie';
import { z } from 'zod';
import type { ArticleNote, Highlight, LegacyTrashRow, LibraryEntry, ReadoutDB } from '../db/db';
import { foldTrash } from '../db/trash-fold';
import { reconcileEntries } from '../db/library';
import { FINGERPRINT_KEY } from '../meetings/sync';
import { EXTRACTED_KEY, TOUCHED_KEY } from '../db/extraction-marks';
import { SYNC_STORES } from '../sync/sync-stores';
import { SEARCH_INDEX_META_KEY } from '../search/live';
import { MAX_FILE_BYTES } from '../../src-main/contract/article';
import { PENDING_LIBRARY_STATE_KEY, restoreLibraryState } from './library-state';
import { isWorkMetaKey, REQUIRED_WORK_TABLES, WORK_TABLES } from './work-scope';

export const BACKUP_FORMAT = 'readout-backup';
export const BACKUP_VERSION = 1;

/** `meta` keys holding data derived from the rest, never backed up nor overwritten by a restore. */
export const DERIVED_META_KEYS: ReadonlySet<string> = new Set([SEARCH_INDEX_META_KEY]);

/**
 * Derived data a full restore removes so that it is made again from the restored articles: the
 * tables (never backed up; ignored in older backups that hold them) and `meta` keys.
 */
export const REBUILT_TABLES: ReadonlySet<string> = new Set([
  'meetings',
  'articleMeetings',
  'searchIndex',
]);
export const REBUILT_META_KEYS: ReadonlySet<string> = new Set([
  FINGERPRINT_KEY,
  EXTRACTED_KEY,
  TOUCHED_KEY,
]);

/**
 * The desk's own link to its team (team sync's outbox, checkpoint, identity and its
 * Needs-your-decision list): it describes this desk's replication, not the work, so a backup never
 * holds it and a restore leaves it as it is (the restored records then reach the team as this
 * desk's edits, queued by the outbox capture).
 */
export const DESK_LOCAL_TABLES: ReadonlySet<string> = new Set(Object.keys(SYNC_STORES));

/** The longest note, tag list and tag a restore accepts: far beyond what an analyst writes. */
const MAX_NOTE_CHARS = 200_000;
const MAX_TAGS = 200;
const MAX_TAG_CHARS = 200;
/** The largest `meta` value, as JSON: colour meanings and settings are a few hundred bytes. */
const MAX_META_VALUE_CHARS = 1_000_000;

const span = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
const timestamp = z.number().finite();

const id = z.string().min(1).max(200);
/** A highlight's or note's trash state (db.ts `Trashable`). */
const trashFields = {
  trashedAt: timestamp.optional(),
  trashedBy: z.string().min(1).max(200).optional(),
  trashedWithArticle: id.optional(),
};
const tags = z.array(z.string().max(MAX_TAG_CHARS)).max(MAX_TAGS);
const note = z.string().max(MAX_NOTE_CHARS);
const articleText = z.string().max(MAX_FILE_BYTES);

const articleRecord = z.looseObject({
  id,
  source: z.string().min(1).max(4096),
  file: z.string().max(1024),
  title: z.string().max(400),
  publisher: z.string().max(200).nullable(),
  published: z.string().max(32).nullable(),
  dateline: z.string().max(120).nullable(),
  text: articleText,
  paragraphs: z.array(span),
  wordCount: z.number().int().nonnegative(),
  contentHash: z.string().min(1).max(128),
  importedAt: timestamp,
  updatedAt: timestamp,
});

const highlightRecord = z.looseObject({
  id,
  articleId: id,
  colour: z.number().int().min(0).max(7),
  quote: z.looseObject({
    exact: articleText,
    prefix: z.string().max(1000),
    suffix: z.string().max(1000),
  }),
  position: span,
  articleVersion: z.string().max(128),
  note,
  tags,
  createdAt: timestamp,
  updatedAt: timestamp,
  ...trashFields,
});

const articleNoteRecord = z.looseObject({
  articleId: id,
  text: note,
  tags,
  updatedAt: timestamp,
  ...trashFields,
});

/**
 * A row of the trash table of database versions 2–8 (db.ts `LegacyTrashRow`). Backups made then
 * hold these; restoring folds them into trash fields of their records (trash-fold.ts).
 */
const legacyTrashRow = z.discriminatedUnion('kind', [
  z.looseObject({
    id: z.number().int(),
    kind: z.literal('highlight'),
    record: highlightRecord,
    deletedAt: timestamp,
    withArticle: id.optional(),
  }),
  z.looseObject({
    id: z.number().int(),
    kind: z.literal('article-note'),
    record: articleNoteRecord,
    deletedAt: timestamp,
    withArticle: id.optional(),
  }),
]);

const metaRecord = z.looseObject({
  key: z.string().min(1).max(400),
  value: z.unknown().refine(v => (JSON.stringify(v) ?? '').length <= MAX_META_VALUE_CHARS, {
    message: 'value too large',
  }),
});

/** Only what restoring must rely on; the meetings feature owns the rest of the shape. */
const meetingDecisionRecord = z.looseObject({
  id,
  meetingId: z.string().max(200),
  kind: z.string().max(64),
  anchors: z
    .array(z.looseObject({ articleId: z.string().max(200), start: z.number().int() }))
    .max(1000),
  createdAt: timestamp,
  updatedAt: timestamp,
});

/** The analyst's edits to one meeting's briefing (db.ts `BriefingRecord`). */
const briefingRecord = z.looseObject({
  id,
  anchors: z
    .array(z.looseObject({ articleId: z.string().max(200), start: z.number().int() }))
    .max(1000),
  bottomLine: note.nullable(),
  keyPoints: z
    .array(z.looseObject({ key: z.string().max(400), text: note, articleId: id.nullable() }))
    .max(1000)
    .nullable(),
  excludedHighlights: z.array(id).max(100_000),
  handling: z.string().max(400).nullable(),
  paper: z.enum(['A4', 'Letter']),
  updatedAt: timestamp,
});

/** A library entry (db.ts `LibraryEntry`): the article's metadata and the analyst's state. */
const libraryRecord = z.looseObject({
  articleId: id,
  title: z.string().max(400),
  publisher: z.string().max(200).nullable(),
  published: z.string().max(32).nullable(),
  dateline: z.string().max(120).nullable(),
  file: z.string().max(1024),
  source: z.string().min(1).max(4096),
  author: z.string().max(200).nullable(),
  url: z.string().max(4096).nullable(),
  addedAt: timestamp,
  updatedAt: timestamp,
  readAt: timestamp.optional(),
  archivedAt: timestamp.optional(),
  trashedAt: timestamp.optional(),
  trashedBy: z.string().max(200).optional(),
  edits: z
    .strictObject({
      title: z.string().max(400).optional(),
      publisher: z.string().max(200).optional(),
      author: z.string().max(200).optional(),
      published: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .optional(),
      url: z.string().max(2048).optional(),
    })
    .optional(),
});

/** Where the analyst is in an article (db.ts `ReadingPosition`). */
const positionRecord = z.looseObject({
  articleId: id,
  position: z.number().int().nonnegative(),
  updatedAt: timestamp,
});

/** Every table a backup may hold, with the schema each of its records is checked against. */
const KNOWN_TABLES: Record<string, z.ZodType> = {
  articles: articleRecord,
  highlights: highlightRecord,
  articleNotes: articleNoteRecord,
  meta: metaRecord,
  meetingDecisions: meetingDecisionRecord,
  briefings: briefingRecord,
  library: libraryRecord,
  positions: positionRecord,
};

const envelope = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.number().int().positive(),
  exportedAt: z.string(),
  schemaVersion: z.number().positive(),
  /** What the backup holds: everything (the default) or only the analyst's work. */
  scope: z.enum(['all', 'work']).optional(),
  /** Work backups: SHA-256 of the JSON of `tables`, to tell whether the work changed since. */
  fingerprint: z.string().optional(),
  tables: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
});

export type Backup = z.infer<typeof envelope>;

/** A backup the analyst cannot restore; `message` is written for them. */
export class BackupError extends Error {
  override name = 'BackupError';
}

const NOTHING_CHANGED = 'Nothing was changed.';

/** Reads every table (except derived meta records) in one read transaction. */
export async function createBackup(db: ReadoutDB, now = new Date()): Promise<Backup> {
  const tables = await readTables(
    db,
    name => !REBUILT_TABLES.has(name) && !DESK_LOCAL_TABLES.has(name),
    key => !DERIVED_META_KEYS.has(String(key)) && !REBUILT_META_KEYS.has(String(key)),
  );
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    schemaVersion: db.verno,
    tables,
  };
}

/**
 * Reads the chosen tables in one read transaction, so a backup never mixes two moments; of `meta`
 * only the records whose key `keepMeta` accepts.
 */
export async function readTables(
  db: ReadoutDB,
  keepTable: (name: string) => boolean,
  keepMeta: (key: unknown) => boolean,
): Promise<Backup['tables']> {
  await db.open();
  const tables: Backup['tables'] = {};
  const read = db.tables.filter(t => keepTable(t.name));
  await db.transaction('r', read, async () => {
    for (const table of read) {
      let rows = (await table.toArray()) as Record<string, unknown>[];
      if (table.name === 'meta') rows = rows.filter(r => keepMeta(r.key));
      tables[table.name] = rows;
    }
  });
  return tables;
}

export function backupToJson(backup: Backup): string {
  return JSON.stringify(backup);
}

function describeIssue(issue: z.core.$ZodIssue, prefix: PropertyKey[] = []): string {
  const path = [...prefix, ...issue.path]
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
    .join('');
  return path ? `${path}: ${issue.message}` : issue.message;
}

function keyOf(table: Table, record: Record<string, unknown>): string | null {
  const keyPath = table.schema.primKey.keyPath;
  if (!keyPath) return null;
  const parts = (Array.isArray(keyPath) ? keyPath : [keyPath]).map(p => record[p]);
  if (parts.some(v => typeof v !== 'string' && typeof v !== 'number')) return null;
  return JSON.stringify(parts);
}

/**
 * Parses and checks a backup file's text against this database's schema. Throws a BackupError
 * whose message says what is wrong; touches nothing.
 */
export async function parseBackup(db: ReadoutDB, text: string): Promise<Backup> {
  await db.open();
  let raw: unknown;
  let proto = false;
  try {
    raw = JSON.parse(text, function (this: unknown, key: string, value: unknown) {
      if (key === '__proto__') proto = true;
      return value;
    });
  } catch {
    throw new BackupError(
      `This file is not valid JSON: it may be damaged or incomplete. ${NOTHING_CHANGED}`,
    );
  }
  if (proto) {
    throw new BackupError(
      `This backup is damaged (it holds a "__proto__" key). ${NOTHING_CHANGED}`,
    );
  }
  const format = (raw as { format?: unknown } | null)?.format;
  if (typeof raw !== 'object' || raw === null || format !== BACKUP_FORMAT) {
    throw new BackupError(`This file is not a Readout backup. ${NOTHING_CHANGED}`);
  }
  const head = raw as { version?: unknown; schemaVersion?: unknown };
  if (typeof head.version === 'number' && head.version > BACKUP_VERSION) {
    throw new BackupError(
      `This backup was made by a newer version of Readout (backup format ${head.version}); ` +
        `update Readout to restore it. ${NOTHING_CHANGED}`,
    );
  }
  if (typeof head.schemaVersion === 'number' && head.schemaVersion > db.verno) {
    throw new BackupError(
      `This backup was made by a newer version of Readout (database version ${head.schemaVersion}); ` +
        `update Readout to restore it. ${NOTHING_CHANGED}`,
    );
  }
  const parsed = envelope.safeParse(raw);
  if (!parsed.success) {
    throw new BackupError(
      `This backup is damaged (${describeIssue(parsed.error.issues[0])}). ${NOTHING_CHANGED}`,
    );
  }
  const backup = parsed.data;
  const work = backup.scope === 'work';
  const required = work ? REQUIRED_WORK_TABLES : ['articles', 'highlights', 'articleNotes', 'meta'];
  for (const name of required) {
    if (!(name in backup.tables)) {
      throw new BackupError(
        `This backup is damaged: the "${name}" table is missing. ${NOTHING_CHANGED}`,
      );
    }
  }
  foldLegacyTrash(backup);
  const tables = new Map(db.tables.map(t => [t.name, t]));
  for (const name of REBUILT_TABLES) delete backup.tables[name];
  if (backup.tables.meta) {
    backup.tables.meta = backup.tables.meta.filter(r => !REBUILT_META_KEYS.has(String(r.key)));
  }
  for (const [name, rows] of Object.entries(backup.tables)) {
    const table = tables.get(name);
    if (!table) {
      throw new BackupError(
        `This backup holds data this version of Readout does not know ("${name}"). ${NOTHING_CHANGED}`,
      );
    }
    if (work && !WORK_TABLES.has(name)) {
      throw new BackupError(
        `This backup is damaged (a backup of your work holding "${name}"). ${NOTHING_CHANGED}`,
      );
    }
    const foreign = work && name === 'meta' ? rows.findIndex(r => !isWorkMetaKey(r.key)) : -1;
    if (foreign >= 0) {
      throw new BackupError(
        `This backup is damaged (meta[${foreign}] is not part of your work). ${NOTHING_CHANGED}`,
      );
    }
    const pending = name === 'meta' ? rows.find(r => r.key === PENDING_LIBRARY_STATE_KEY) : null;
    if (pending) {
      // Library state kept for articles not imported yet becomes library entries on import.
      const checkedPending = z.array(libraryRecord).max(1_000_000).safeParse(pending.value);
      if (!checkedPending.success) {
        const issue = describeIssue(checkedPending.error.issues[0], ['meta', 'pending library']);
        throw new BackupError(`This backup is damaged (${issue}). ${NOTHING_CHANGED}`);
      }
    }
    const schema = KNOWN_TABLES[name];
    if (!schema) {
      throw new BackupError(
        `This backup holds data this version of Readout does not restore ("${name}"). ${NOTHING_CHANGED}`,
      );
    }
    const checked = z.array(schema).safeParse(rows);
    if (!checked.success) {
      const issue = describeIssue(checked.error.issues[0], [name]);
      throw new BackupError(`This backup is damaged (${issue}). ${NOTHING_CHANGED}`);
    }
    const seen = new Set<string>();
    rows.forEach((row, i) => {
      const key = keyOf(table, row);
      if (key === null && table.schema.primKey.keyPath) {
        throw new BackupError(
          `This backup is damaged (${name}[${i}] has no ${String(table.schema.primKey.keyPath)}). ${NOTHING_CHANGED}`,
        );
      }
      if (key !== null && seen.has(key)) {
        throw new BackupError(
          `This backup is damaged (${name}[${i}] repeats the key ${key}). ${NOTHING_CHANGED}`,
        );
      }
      if (key !== null) seen.add(key);
    });
  }
  return backup;
}

/**
 * Turns a backup's `trash` table (made before database version 9) into trash fields of its
 * highlights and notes, the way the version 9 upgrade does, so old backups still restore with
 * their trash. Throws a BackupError when the rows are damaged; the records it makes are checked
 * with the others afterwards.
 */
function foldLegacyTrash(backup: Backup): void {
  const rows = backup.tables.trash;
  if (!rows) return;
  delete backup.tables.trash;
  const checked = z.array(legacyTrashRow).safeParse(rows);
  if (!checked.success) {
    const issue = describeIssue(checked.error.issues[0], ['trash']);
    throw new BackupError(`This backup is damaged (${issue}). ${NOTHING_CHANGED}`);
  }
  const highlights = (backup.tables.highlights ?? []) as unknown as Highlight[];
  const notes = (backup.tables.articleNotes ?? []) as unknown as ArticleNote[];
  const folded = foldTrash(checked.data as LegacyTrashRow[], { highlights, notes });
  const replacedNotes = new Set(folded.notes.map(n => n.articleId));
  backup.tables.highlights = [...highlights, ...folded.highlights] as unknown as Row[];
  backup.tables.articleNotes = [
    ...notes.filter(n => !replacedNotes.has(n.articleId)),
    ...folded.notes,
  ] as unknown as Row[];
}

type Row = Backup['tables'][string][number];

export interface RestoreSummary {
  articles: number;
  highlights: number;
  articleNotes: number;
}

/** Counts shown before the analyst confirms a restore, and after it (live work; not the trash). */
export function summarize(backup: Backup): RestoreSummary {
  const live = (rows: Row[] | undefined) => (rows ?? []).filter(r => r.trashedAt === undefined);
  return {
    articles: backup.tables.articles?.length ?? 0,
    highlights: live(backup.tables.highlights).length,
    articleNotes: live(backup.tables.articleNotes).length,
  };
}

/**
 * Replaces everything with the backup's content in one transaction; a work backup replaces only
 * the work tables and the work `meta` records. Tables the backup does not mention (made before
 * they existed) end up empty. Expects a backup from `parseBackup`.
 */
export async function restoreBackup(
  db: ReadoutDB,
  backup: Backup,
  onProgress?: RestoreProgress,
): Promise<RestoreSummary> {
  try {
    await replaceAll(db, backup, onProgress);
    // Backups from before the library (or work backups beside other articles) leave articles
    // without an entry, or entries without an article: give each article exactly one.
    await reconcileEntries(db);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new BackupError(`The backup could not be restored (${reason}). ${NOTHING_CHANGED}`);
  }
  return summarize(backup);
}

/** Records written so far by a restore, of `total`; called inside its one transaction. */
export type RestoreProgress = (done: number, total: number) => void;

/** Records a restore writes per step, so that a long restore can show how far it has got. */
const RESTORE_STEP = 500;

async function replaceAll(
  db: ReadoutDB,
  backup: Backup,
  onProgress?: RestoreProgress,
): Promise<void> {
  const work = backup.scope === 'work';
  const replaced = work
    ? db.tables.filter(t => WORK_TABLES.has(t.name))
    : db.tables.filter(t => !DESK_LOCAL_TABLES.has(t.name));
  const total = replaced.reduce((n, t) => n + (backup.tables[t.name]?.length ?? 0), 0);
  let done = 0;
  await db.transaction('rw', replaced, async () => {
    for (const table of replaced) {
      const rows = backup.tables[table.name] ?? [];
      if (work && table.name === 'library') continue; // merged into the entries below
      if (table.name === 'meta') {
        // A full restore keeps the search index and drops the meetings fingerprint, so the
        // meetings are found again in the restored articles.
        const kept = work
          ? await table.filter(r => !isWorkMetaKey((r as { key: unknown }).key)).toArray()
          : await table
              .where('key')
              .anyOf([...DERIVED_META_KEYS])
              .toArray();
        await table.clear();
        await table.bulkAdd([...rows.filter(r => !DERIVED_META_KEYS.has(String(r.key))), ...kept]);
        done += rows.length;
        onProgress?.(done, total);
      } else {
        await table.clear();
        for (let i = 0; i < rows.length; i += RESTORE_STEP) {
          const step = rows.slice(i, i + RESTORE_STEP);
          await table.bulkAdd(step);
          done += step.length;
          onProgress?.(done, total);
        }
      }
    }
    // A work backup sets the state of the library's entries; one from before library state was
    // work holds no `library` table and leaves the entries as they are.
    const state = backup.tables.library;
    if (work && state) {
      await restoreLibraryState(db, state as unknown as LibraryEntry[]);
      done += state.length;
      onProgress?.(done, total);
    }
  });
}

/** Parses, checks and restores a backup file's text. Throws BackupError before changing anything. */
export async function restoreFromText(db: ReadoutDB, text: string): Promise<RestoreSummary> {
  return restoreBackup(db, await parseBackup(db, text));
}
