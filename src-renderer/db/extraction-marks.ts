/**
 * What the meetings sync needs to know to check only the articles that changed, instead of
 * walking every per-article result (`articleMeetings`) on each run. Two `meta` rows, derived and
 * never backed up (a full restore drops them, and the next sync checks everything once):
 *
 * - `meetings.extracted`: a digest of the fingerprint the last complete sync merged, written with
 *   it. While it matches the stored fingerprint, every article at the key the fingerprint gives
 *   it has its current result, so only articles whose key differs (or that were touched, below)
 *   can lack one. A fingerprint without it (a database from before, a sync cut short) makes the
 *   next sync check every article, as it always did.
 * - `meetings.touched`: the articles whose cached results an import wrote or dropped since the
 *   last complete sync. An import is the one writer of results besides the sync; without this a
 *   file edited and then put back before the sync ran would keep the edit's results under a key
 *   the fingerprint already lists. Past `MAX_TOUCHED` ids it becomes `all`: that sync checks
 *   everything, which costs little beside extracting that many articles.
 */
import type { ReadoutDB } from './db';

export const EXTRACTED_KEY = 'meetings.extracted';
export const TOUCHED_KEY = 'meetings.touched';

/** Ids kept in the touched row before it turns into "check everything". */
export const MAX_TOUCHED = 5_000;

/**
 * The touched row: the ids (or `all`), and a count of the writes that made it, so that a sync can
 * tell whether anything was touched while it ran.
 */
export interface Touched {
  ids: readonly string[] | 'all';
  writes: number;
}

/** A short digest of a fingerprint (its length and an FNV-1a hash), to compare it cheaply. */
export function printDigest(print: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < print.length; i++) h = Math.imul(h ^ print.charCodeAt(i), 0x01000193);
  return `${print.length}:${(h >>> 0).toString(16)}`;
}

export async function readTouched(db: Pick<ReadoutDB, 'meta'>): Promise<Touched> {
  const value = (await db.meta.get(TOUCHED_KEY))?.value as Partial<Touched> | undefined;
  const writes = typeof value?.writes === 'number' ? value.writes : 0;
  if (value?.ids === 'all') return { ids: 'all', writes };
  const ids = Array.isArray(value?.ids) ? value.ids.filter(v => typeof v === 'string') : [];
  return { ids, writes };
}

/** Adds `ids` to the touched row; runs inside the writer's transaction (which holds `meta`). */
export async function markTouched(
  db: Pick<ReadoutDB, 'meta'>,
  ids: Iterable<string>,
): Promise<void> {
  const add = [...ids];
  if (add.length === 0) return;
  const before = await readTouched(db);
  const next = before.ids === 'all' ? null : new Set([...before.ids, ...add]);
  const value: Touched = {
    ids: next === null || next.size > MAX_TOUCHED ? 'all' : [...next],
    writes: before.writes + 1,
  };
  await db.meta.put({ key: TOUCHED_KEY, value });
}

/**
 * After a complete sync that began with `seen` touched: forgets those, keeping what was touched
 * while it ran (all of it, when the row said `all`: the next sync checks everything again).
 * Runs inside the sync's closing transaction.
 */
export async function forgetTouched(db: Pick<ReadoutDB, 'meta'>, seen: Touched): Promise<void> {
  const now = await readTouched(db);
  if (now.writes === seen.writes) {
    await db.meta.delete(TOUCHED_KEY);
    return;
  }
  if (now.ids === 'all' || seen.ids === 'all') return;
  const gone = new Set(seen.ids);
  await db.meta.put({
    key: TOUCHED_KEY,
    value: { ids: now.ids.filter(id => !gone.has(id)), writes: now.writes },
  });
}
