/**
 * The sync chip's words. Short enough for the top bar, complete enough to act on: whether the
 * desk is synced, how many of the analyst's edits still wait, and how many fields need a decision.
 */

/**
 * What the chip reads of the live sync loop's status (`SyncStatus` in src-renderer/sync/live.ts,
 * which has exactly these fields); written out here so the chip depends on the shape, not the loop.
 */
export interface SyncStatus {
  state: 'off' | 'synced' | 'syncing' | 'offline' | 'error';
  pending: number;
  /** Edits set aside: the team's copy cannot be read by this build (a newer one's, or damaged). */
  setAside: number;
  conflicts: number;
  lastSyncAt: number | null;
  message: string | null;
}

/** The status of a desk in no team. */
export const NOT_IN_TEAM: SyncStatus = {
  state: 'off',
  pending: 0,
  setAside: 0,
  conflicts: 0,
  lastSyncAt: null,
  message: null,
};

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

const STATE_WORDS: Record<SyncStatus['state'], string> = {
  off: 'Not in a team',
  synced: 'Synced',
  syncing: 'Syncing',
  offline: 'Offline',
  error: 'Sync stopped',
};

/** "Synced", "Offline · 3 pending · 1 cannot send · 1 conflict", "Not in a team". */
export function chipText(status: SyncStatus): string {
  if (status.state === 'off') return STATE_WORDS.off;
  const parts = [STATE_WORDS[status.state]];
  if (status.pending > 0) parts.push(`${status.pending} pending`);
  if (status.setAside > 0) parts.push(`${status.setAside} cannot send`);
  if (status.conflicts > 0) parts.push(count(status.conflicts, 'conflict', 'conflicts'));
  return parts.join(' · ');
}

/**
 * What the live region announces: the state and conflicts, not every pending count, so a
 * screen reader is not interrupted by each keystroke the outbox queues while the analyst types.
 */
export function announcement(status: SyncStatus): string {
  if (status.state === 'off') return '';
  const conflicts =
    status.conflicts > 0
      ? `, ${count(status.conflicts, 'field needs', 'fields need')} your decision`
      : '';
  const setAside =
    status.setAside > 0 ? `, ${count(status.setAside, 'edit', 'edits')} cannot be sent` : '';
  const why =
    status.state === 'offline' || status.state === 'error' ? `. ${status.message ?? ''}` : '';
  return `Team sync: ${STATE_WORDS[status.state].toLowerCase()}${conflicts}${setAside}${why}`.trim();
}

/**
 * Why edits cannot be sent, in words the analyst can act on; null when none are set aside. Shown
 * as the chip's tooltip and in the team dialog.
 */
export function setAsideText(status: SyncStatus): string | null {
  if (status.state === 'off' || status.setAside === 0) return null;
  const which =
    status.setAside === 1
      ? 'One of your edits cannot be sent: the team’s copy of that record'
      : `${status.setAside} of your edits cannot be sent: the team’s copies of those records`;
  return `${which} came from a newer version of Readout, or is damaged. Your edits stay on this desk and are not retried until the team’s copy changes; updating Readout usually lets them go.`;
}

/** The chip's tooltip: why it is offline or stopped, what cannot be sent, when it last synced. */
export function chipTitle(status: SyncStatus, locale?: string): string | undefined {
  const parts = [status.message, setAsideText(status), lastSyncText(status, locale)].filter(
    (part): part is string => Boolean(part),
  );
  return parts.length > 0 ? parts.join(' ') : undefined;
}

/** "Last synced 14:02", or null before the first round. */
export function lastSyncText(status: SyncStatus, locale?: string): string | null {
  if (status.lastSyncAt === null) return null;
  const time = new Date(status.lastSyncAt).toLocaleTimeString(locale, {
    hour: '2-digit',
    minute: '2-digit',
  });
  return `Last synced ${time}`;
}
