/**
 * Which automatic backups to keep: the most recent few, so that an afternoon's mistake can be
 * undone at a fine grain, plus the last backup of each of the past days, so that a mistake found
 * only days later can still be undone. Everything else is pruned.
 */
import { AUTO_BACKUP_RETENTION } from '../contract/auto-backup';

export interface RetentionPolicy {
  /** The newest backups always kept. */
  recent: number;
  /** Days (today included) for which the last backup of the day is kept. */
  days: number;
}

/** Ten most recent, plus the last one of each of the past seven days: at most 17 files. */
export const DEFAULT_RETENTION: RetentionPolicy = AUTO_BACKUP_RETENTION;

export interface Dated {
  id: string;
  createdAt: number;
  /** A backup of no work at all: never the one kept for its day. */
  empty?: boolean;
}

/** The local calendar day of `time`, e.g. "2025-1-1" (months from 0); days follow the analyst's clock. */
function dayOf(time: number): string {
  const d = new Date(time);
  return `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;
}

/** Midnight, local time, `days - 1` days before the day of `now`. */
function windowStart(now: number, days: number): number {
  const d = new Date(now);
  d.setHours(0, 0, 0, 0);
  d.setDate(d.getDate() - (days - 1));
  return d.getTime();
}

/**
 * The ids to keep among `backups` (any order): the `recent` newest, and the newest non-empty
 * backup of each of the past `days` days. Ties on time keep the larger id, so the answer
 * never depends on the order the folder was read in.
 */
export function backupsToKeep(
  backups: readonly Dated[],
  now: number,
  policy: RetentionPolicy = DEFAULT_RETENTION,
): Set<string> {
  // A backup dated after `now` was made before the clock stepped back (a correction, a changed
  // time zone setting): it is kept, but does not count as "newest", or it would push out every
  // backup made from now on until the clock caught up.
  const future = backups.filter(b => b.createdAt > now);
  const newestFirst = backups
    .filter(b => b.createdAt <= now)
    .sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  const keep = new Set([...future, ...newestFirst.slice(0, policy.recent)].map(b => b.id));
  const from = windowStart(now, policy.days);
  const daysSeen = new Set<string>();
  // The day's backup is its newest one holding any work, so that a flood of empty backups (a
  // wiped database, a hostile page) cannot stand in for the day's real work.
  for (const backup of newestFirst) {
    if (backup.createdAt < from) break;
    if (backup.empty) continue;
    const day = dayOf(backup.createdAt);
    if (daysSeen.has(day)) continue;
    daysSeen.add(day);
    keep.add(backup.id);
  }
  return keep;
}
