import type {
  ConfidenceLevel,
  MeetingOutcome,
  MeetingStatus,
} from '../../../src-main/contract/meeting';
import {
  BASIS_LABELS,
  CONFIDENCE_LABELS,
  OUTCOME_LABELS,
  type ShownConfidence,
} from '../../meetings/confidence';
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

const OUTCOME_ICONS: Record<MeetingOutcome, string> = {
  cancelled: '⊘',
  postponed: '↷',
  failed: '✕',
};

/** What became of the meeting (called off, put back, failed), shown beside its status. */
export function OutcomePill({ outcome }: { outcome: MeetingOutcome }) {
  return (
    <span className={`outcome outcome-${outcome}`}>
      <span aria-hidden="true">{OUTCOME_ICONS[outcome]} </span>
      {OUTCOME_LABELS[outcome]}
    </span>
  );
}

const CONFIDENCE_ICONS: Record<ConfidenceLevel, string> = { high: '▲', medium: '◆', low: '▼' };

/** How sure the extractor is of a field, in words and a shape; its basis in the tooltip. */
export function ConfidenceMark({ confidence }: { confidence: ShownConfidence }) {
  const why = confidence.basis ? `: ${BASIS_LABELS[confidence.basis]}` : '';
  return (
    <span
      className={`confidence confidence-${confidence.level}`}
      title={`${CONFIDENCE_LABELS[confidence.level]}${why}`}
    >
      <span aria-hidden="true">{CONFIDENCE_ICONS[confidence.level]} </span>
      {CONFIDENCE_LABELS[confidence.level]}
      {/* Where the extractor was unsure, say how it found the value: that is what to check. */}
      {confidence.basis && confidence.level !== 'high' ? (
        <span className="confidence-basis">{BASIS_LABELS[confidence.basis]}</span>
      ) : (
        why && <span className="sr-only">{why}</span>
      )}
    </span>
  );
}
