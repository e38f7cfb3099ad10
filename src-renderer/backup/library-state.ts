/**
 * The analyst's state of their library (read, archived, trashed, edited details) in backups of
 * scope "work", the automatic ones. The articles themselves are not work (they are imported
 * again from their files), but what the analyst did to them is: without this, restoring an
 * automatic backup on a new machine gave back every highlight and lost every corrected date.
 *
 * - A work backup's `library` table holds only the entries that carry such state.
 * - Restoring one sets that state on the entries of the articles the library holds, clears it
 *   from the others (a restore goes back to the backup's moment, as it does for highlights), and
 *   keeps the state of articles not imported yet as pending (`meta` PENDING_LIBRARY_STATE_KEY),
 *   applied when the article arrives (`takePending`, called where imports create entries and
 *   where an article from the team does, sync/article-docs.ts `storeTeamArticle`).
 * - A work backup from before this keeps no `library` table and leaves the library as it is.
 * - Reading positions stay out: they change on every scroll and would keep the backups busy.
 */
import type { LibraryEntry, ReadoutDB } from '../db/db';

import { PENDING_LIBRARY_STATE_KEY } from '../../src-main/contract/auto-backup';

export { PENDING_LIBRARY_STATE_KEY };

/** The fields of an entry that are the analyst's, as opposed to read from the file. */
const STATE_FIELDS = ['readAt', 'archivedAt', 'trashedAt', 'trashedBy', 'edits'] as const;

type StateField = (typeof STATE_FIELDS)[number];

/** Whether the analyst did anything to this entry a backup of their work must keep. */
export function hasState(entry: Partial<LibraryEntry>): boolean {
  return (
    entry.readAt !== undefined ||
    entry.archivedAt !== undefined ||
    entry.trashedAt !== undefined ||
    (entry.edits !== undefined && Object.keys(entry.edits).length > 0)
  );
}

/** The entry without any of the analyst's state. */
function withoutState(entry: LibraryEntry): LibraryEntry {
  const copy: Partial<LibraryEntry> = { ...entry };
  for (const field of STATE_FIELDS) delete copy[field];
  return copy as LibraryEntry;
}

/** `target` with the analyst's state of `from` (and its `updatedAt`) in place of its own. */
function withStateOf(target: LibraryEntry, from: LibraryEntry): LibraryEntry {
  const merged: LibraryEntry = { ...withoutState(target), updatedAt: from.updatedAt };
  for (const field of STATE_FIELDS) {
    if (from[field] !== undefined) (merged as Record<StateField, unknown>)[field] = from[field];
  }
  return merged;
}

/**
 * Sets the library state to a work backup's `rows` (entries with state). Runs inside the
 * restore's transaction, which must include `library` and `meta`, after `meta` was restored
 * (whose pending record came from the backup too): the orphans join that record.
 */
export async function restoreLibraryState(db: ReadoutDB, rows: LibraryEntry[]): Promise<void> {
  const byId = new Map(rows.map(r => [r.articleId, r]));
  const changed: LibraryEntry[] = [];
  await db.library.each(entry => {
    const saved = byId.get(entry.articleId);
    byId.delete(entry.articleId);
    if (saved) changed.push(withStateOf(entry, saved));
    else if (hasState(entry)) changed.push(withoutState(entry));
  });
  await db.library.bulkPut(changed);
  if (byId.size === 0) return;
  const pending = await readPending(db);
  const ids = new Set([...byId.keys()]);
  await writePending(db, [...pending.filter(p => !ids.has(p.articleId)), ...byId.values()]);
}

/**
 * For the entries an import is about to create: each one with the pending state saved for it
 * (matched by article id, else by source file), and the pending record without what was used.
 * Runs inside the import's transaction (which must include `meta`); costs one read when nothing
 * is pending.
 */
export async function takePending(
  db: Pick<ReadoutDB, 'meta'>,
  entries: LibraryEntry[],
): Promise<LibraryEntry[]> {
  if (entries.length === 0) return entries;
  const pending = await readPending(db);
  if (pending.length === 0) return entries;
  const used = new Set<LibraryEntry>();
  const byId = new Map(pending.map(p => [p.articleId, p]));
  const bySource = new Map(pending.map(p => [p.source, p]));
  const out = entries.map(entry => {
    const saved = byId.get(entry.articleId) ?? bySource.get(entry.source);
    if (!saved || used.has(saved)) return entry;
    used.add(saved);
    return withStateOf(entry, saved);
  });
  if (used.size > 0)
    await writePending(
      db,
      pending.filter(p => !used.has(p)),
    );
  return out;
}

async function readPending(db: Pick<ReadoutDB, 'meta'>): Promise<LibraryEntry[]> {
  const record = await db.meta.get(PENDING_LIBRARY_STATE_KEY);
  return Array.isArray(record?.value) ? (record.value as LibraryEntry[]) : [];
}

async function writePending(db: Pick<ReadoutDB, 'meta'>, rows: LibraryEntry[]): Promise<void> {
  if (rows.length === 0) await db.meta.delete(PENDING_LIBRARY_STATE_KEY);
  else await db.meta.put({ key: PENDING_LIBRARY_STATE_KEY, value: rows });
}
