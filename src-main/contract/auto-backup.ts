/**
 * Automatic backups of the analyst's work: the shapes main and the renderer share. The renderer
 * makes the backup (it owns the database) and sends only its text; main chooses the file name,
 * writes it under the profile's `backups/` folder and answers with ids, never paths to open.
 *
 * A work backup is a Readout backup file (the Data dialog's format) of scope "work": highlights,
 * article notes, tags, trash, meeting decisions, meeting notes and colour meanings, without the
 * articles, which can be imported again from their files.
 */
import { z } from 'zod';

export const WORK_BACKUP_FORMAT = 'readout-backup';
/** The backup format version this Readout writes; the renderer's backup module uses the same. */
export const WORK_BACKUP_VERSION = 1;

/**
 * The largest backup accepted or read back, in characters and in UTF-8 bytes. Ten thousand
 * highlights with long notes take about 15 MB; the bound keeps a hostile renderer from filling
 * the disk (at most 17 versions are kept).
 */
export const MAX_WORK_BACKUP_CHARS = 32 * 1024 * 1024;

/**
 * How many automatic backups are kept: the `recent` newest, plus the last one of each of the
 * past `days` days (today included), so at most recent + days files.
 */
export const AUTO_BACKUP_RETENTION = { recent: 10, days: 7 } as const;

/** Meta keys holding a meeting's note, one per meeting. */
export const MEETING_NOTE_PREFIX = 'meeting-note:';

/**
 * An automatic backup's id: `auto-` and its UTC creation time, with `-` for `:` and `.` so it
 * makes a valid file name everywhere (`auto-2025-02-01T10-30-00-123Z`, file `<id>.json`).
 * Nothing else is ever accepted as an id: no separators, no dots, no `..`.
 */
export const AUTO_BACKUP_ID = /^auto-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z$/;

export const AutoBackupIdSchema = z
  .string()
  .max(40)
  .regex(AUTO_BACKUP_ID, { message: 'not an automatic backup id' });

/** The id for a backup made at `time` (milliseconds since the epoch). */
export function autoBackupId(time: number): string {
  return `auto-${new Date(time).toISOString().replace(/[:.]/g, '-')}`;
}

/** When the backup `id` was made, or null when `id` is not one `autoBackupId` can make. */
export function autoBackupTime(id: string): number | null {
  if (!AUTO_BACKUP_ID.test(id)) return null;
  const [date, time] = id.slice('auto-'.length, -1).split('T');
  const [h, m, s, ms] = time.split('-');
  const parsed = Date.parse(`${date}T${h}:${m}:${s}.${ms}Z`);
  // Date.parse rolls 2025-02-30 over to March; only ids that come back unchanged are real.
  return Number.isNaN(parsed) || autoBackupId(parsed) !== id ? null : parsed;
}

const rows = z.array(z.record(z.string(), z.unknown()));

/**
 * What main checks of a work backup before writing it and when listing the folder: the envelope
 * and the work tables' shape. The renderer checks every record again before restoring.
 */
export const WorkBackupSchema = z.object({
  format: z.literal(WORK_BACKUP_FORMAT),
  version: z.number().int().positive(),
  scope: z.literal('work'),
  exportedAt: z.string().max(64),
  schemaVersion: z.number().positive(),
  /** SHA-256 (hex) of the JSON of `tables`: equal fingerprints mean the same work. */
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
  tables: z.strictObject({
    highlights: rows,
    articleNotes: rows,
    meta: rows,
    trash: rows.optional(),
    meetingDecisions: rows.optional(),
    /** The analyst's briefing edits (database version 5 and later). */
    briefings: rows.optional(),
    /** Library entries the analyst read, archived, trashed or edited (from database version 6). */
    library: rows.optional(),
  }),
});

export type WorkBackup = z.infer<typeof WorkBackupSchema>;

export const WorkCountsSchema = z.object({
  highlights: z.number().int().nonnegative(),
  /** Highlights with a note written on them. */
  highlightNotes: z.number().int().nonnegative(),
  articleNotes: z.number().int().nonnegative(),
  meetingNotes: z.number().int().nonnegative(),
  decisions: z.number().int().nonnegative(),
  trash: z.number().int().nonnegative(),
  /** Articles whose read, archive, trash or edited details the backup keeps. */
  articleStates: z.number().int().nonnegative(),
});

export type WorkCounts = z.infer<typeof WorkCountsSchema>;

/** How many of each kind of work a backup holds. */
export function countWork(tables: WorkBackup['tables']): WorkCounts {
  const written = (v: unknown) => typeof v === 'string' && v.trim() !== '';
  // Since database version 9 the trash is a field of the records (`trashedAt`); older backups
  // hold a `trash` table instead. Either way the trashed work counts as trash, not as work.
  const trashed = (r: Record<string, unknown>) => r.trashedAt !== undefined;
  const highlights = tables.highlights.filter(h => !trashed(h));
  const articleNotes = tables.articleNotes.filter(n => !trashed(n));
  return {
    highlights: highlights.length,
    highlightNotes: highlights.filter(h => written(h.note)).length,
    articleNotes: articleNotes.length,
    meetingNotes: tables.meta.filter(
      r => typeof r.key === 'string' && r.key.startsWith(MEETING_NOTE_PREFIX) && written(r.value),
    ).length,
    decisions: tables.meetingDecisions?.length ?? 0,
    trash:
      (tables.trash?.length ?? 0) +
      (tables.highlights.length - highlights.length) +
      (tables.articleNotes.length - articleNotes.length),
    articleStates: (tables.library?.length ?? 0) + pendingStates(tables.meta),
  };
}

/** One file in the backups folder, newest first in a listing. */
export const AutoBackupEntrySchema = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('ok'),
    id: AutoBackupIdSchema,
    createdAt: z.number().finite(),
    size: z.number().int().nonnegative(),
    fingerprint: z.string(),
    counts: WorkCountsSchema,
  }),
  /** A file Readout cannot restore from; `reason` is written for the analyst. */
  z.object({
    state: z.literal('damaged'),
    id: AutoBackupIdSchema,
    createdAt: z.number().finite(),
    size: z.number().int().nonnegative(),
    reason: z.string().max(200),
  }),
]);

export type AutoBackupEntry = z.infer<typeof AutoBackupEntrySchema>;

export const AutoBackupListSchema = z.object({
  /** The folder, to tell the analyst where the files are; never sent back by the renderer. */
  folder: z.string().max(4096),
  backups: z.array(AutoBackupEntrySchema).max(10_000),
});

export type AutoBackupList = z.infer<typeof AutoBackupListSchema>;

/**
 * `meta` key of the library state a work restore keeps for articles not imported yet (an array
 * of library entries, applied when they are; renderer backup/library-state.ts).
 */
export const PENDING_LIBRARY_STATE_KEY = 'library-state-pending';

/** How many articles' state waits in a work backup's `meta` for their import. */
function pendingStates(meta: Record<string, unknown>[]): number {
  const pending = meta.find(r => r.key === PENDING_LIBRARY_STATE_KEY)?.value;
  return Array.isArray(pending) ? pending.length : 0;
}
