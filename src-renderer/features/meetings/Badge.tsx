import type { MeetingStatus } from '../../../src-main/contract/meeting';
import type { FieldState } from '../../meetings/decisions';
import { STATUS_LABELS } from '../../meetings/format';

const STATE_LABELS: Record<FieldState, string> = {
  suggested: 'Suggested',
  confirmed: 'Confirmed',
  edited: 'Edited',
  rejected: 'Rejected',
  entered: 'Entered',
};
const STATE_ICONS: Record<FieldState, string> = {
  suggested: '?',
  confirmed: '✓',
  edited: '✎',
  rejected: '✕',
  entered: '✎',
};

/** Whose word a field is: a machine suggestion until the analyst confirms, edits or rejects it. */
export function StateBadge({ state }: { state: FieldState }) {
  return (
    <span className={`badge badge-${state}`}>
      <span aria-hidden="true">{STATE_ICONS[state]} </span>
      {STATE_LABELS[state]}
    </span>
  );
}

const STATUS_ICONS: Record<MeetingStatus, string> = { held: '●', scheduled: '◐', proposed: '○' };

/** A meeting's status in words, with a shape so colour is never the only cue. */
export function StatusPill({ status }: { status: MeetingStatus }) {
  return (
    <span className={`status status-${status}`}>
      <span aria-hidden="true">{STATUS_ICONS[status]} </span>
      {STATUS_LABELS[status]}
    </span>
  );
}
