/**
 * How sure the extractor is of each field, as the card shows it: a mark per field and the order
 * the analyst checks them in, least sure first. Other parts of Readout fill `confidence` in; a
 * field without an entry was read in the meeting's own sentence and counts as high.
 */
import type {
  ConfidenceField,
  ConfidenceLevel,
  FieldBasis,
  MeetingOutcome,
} from '../../src-main/contract/meeting';
import type { ShownMeeting } from './decisions';
import { FIELD_NAMES, type FieldName } from './fields';

/** The contract's confidence entry for each card field; title and organisations carry none. */
const CONFIDENCE_OF: Partial<Record<FieldName, ConfidenceField>> = {
  status: 'status',
  date: 'date',
  place: 'place',
  level: 'level',
  countries: 'countries',
  people: 'people',
  purpose: 'purpose',
};

export interface ShownConfidence {
  level: ConfidenceLevel;
  /** How the field was found; null when the extractor did not say (read in the sentence). */
  basis: FieldBasis | null;
}

export const CONFIDENCE_LABELS: Record<ConfidenceLevel, string> = {
  high: 'High confidence',
  medium: 'Medium confidence',
  low: 'Low confidence',
};

export const BASIS_LABELS: Record<FieldBasis, string> = {
  sentence: 'read in its sentence',
  context: 'carried from earlier in the article',
  merge: 'taken from another source of the meeting',
  dictionary: 'looked up in the actor dictionary',
};

export const OUTCOME_LABELS: Record<MeetingOutcome, string> = {
  cancelled: 'Cancelled',
  postponed: 'Postponed',
  failed: 'Failed',
};

/** One field's confidence; high when the meeting has no entry for it. */
export function fieldConfidence(meeting: ShownMeeting, field: FieldName): ShownConfidence {
  const key = CONFIDENCE_OF[field];
  const entry = key ? meeting.confidence[key] : undefined;
  return entry ? { level: entry.confidence, basis: entry.basis } : { level: 'high', basis: null };
}

const RANK: Record<ConfidenceLevel, number> = { low: 0, medium: 1, high: 2 };

/**
 * The card's fields, low confidence first, then medium, then high, each group in the usual card
 * order. Decisions do not move a field, so a row stays put while the analyst works down the card.
 */
export function fieldsToCheck(meeting: ShownMeeting): FieldName[] {
  return FIELD_NAMES.map((f, i) => ({ f, i, rank: RANK[fieldConfidence(meeting, f).level] }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map(x => x.f);
}

/** How many suggested fields are below high confidence: the ones worth a second look. */
export function doubtfulSuggestions(meeting: ShownMeeting): number {
  return FIELD_NAMES.filter(
    f => meeting.fields[f].state === 'suggested' && fieldConfidence(meeting, f).level !== 'high',
  ).length;
}
