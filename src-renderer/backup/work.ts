/**
 * The analyst's work as a backup of scope "work" (the automatic backups' content), its
 * fingerprint, and a watch that says when it may have changed.
 */
import Dexie, { rangesOverlap, RangeSet, type ObservabilitySet } from 'dexie';
import { MEETING_NOTE_PREFIX } from '../../src-main/contract/auto-backup';
import type { ReadoutDB } from '../db/db';
import { BACKUP_FORMAT, BACKUP_VERSION, readTables, type Backup } from './backup';
import { hasState, PENDING_LIBRARY_STATE_KEY } from './library-state';
import { isWorkMetaKey, WORK_TABLES } from './work-scope';

/**
 * SHA-256 (hex) of the JSON of a backup's tables. Tables are read in primary-key order and
 * records keep their field order through a backup and a restore, so the same work gives the same
 * fingerprint, and restoring a backup gives back that backup's fingerprint.
 */
export async function fingerprintOf(tables: Backup['tables']): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(tables));
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), b => b.toString(16).padStart(2, '0')).join('');
}

/** Whether the tables hold no work at all (renamed colours alone do not count as work). */
export function isEmptyWork(tables: Backup['tables']): boolean {
  return (
    ['highlights', 'articleNotes', 'trash', 'meetingDecisions', 'briefings', 'library'].every(
      name => (tables[name]?.length ?? 0) === 0,
    ) &&
    !(tables.meta ?? []).some(
      r =>
        typeof r.key === 'string' &&
        r.key.startsWith(MEETING_NOTE_PREFIX) &&
        typeof r.value === 'string' &&
        r.value.trim() !== '',
    )
  );
}

/** Reads the analyst's work in one read transaction, as a backup of scope "work". */
export async function createWorkBackup(db: ReadoutDB, now = new Date()): Promise<Backup> {
  const tables = await readTables(db, name => WORK_TABLES.has(name), isWorkMetaKey);
  // Only the entries the analyst did something to: the rest is the file's, imported again.
  if (tables.library) tables.library = tables.library.filter(hasState);
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    schemaVersion: db.verno,
    scope: 'work',
    fingerprint: await fingerprintOf(tables),
    tables,
  };
}

/** Keys of `meta` that are work: the colour meanings, pending library state, meeting notes. */
const WORK_META_RANGES = new RangeSet('colours').addKey(PENDING_LIBRARY_STATE_KEY).add({
  from: MEETING_NOTE_PREFIX,
  to: `${MEETING_NOTE_PREFIX}\uffff`,
});

/** Whether a committed change (Dexie's storagemutated parts) touched the work in `dbName`. */
export function touchesWork(parts: ObservabilitySet, dbName: string): boolean {
  const prefix = `idb://${dbName}/`;
  for (const [part, ranges] of Object.entries(parts)) {
    if (!part.startsWith(prefix)) continue;
    const [table, index] = part.slice(prefix.length).split('/');
    if (!WORK_TABLES.has(table) || (index !== '' && index !== ':dels')) continue;
    if (table !== 'meta' || rangesOverlap(ranges, WORK_META_RANGES)) return true;
  }
  return false;
}

/**
 * Calls `onChange` after every committed write that touched the work (in this window or another
 * one on the same database). Returns the function that stops watching.
 */
export function watchWork(db: ReadoutDB, onChange: () => void): () => void {
  const listener = (parts: ObservabilitySet) => {
    if (touchesWork(parts, db.name)) onChange();
  };
  Dexie.on('storagemutated', listener);
  return () => Dexie.on.storagemutated.unsubscribe(listener);
}
