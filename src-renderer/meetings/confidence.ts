/**
 * How sure the extractor is of each field, as the card shows it: a mark per field and the order
 * the analyst checks them in, least sure first. Other parts of Readout fill `confidence` in; a
 * field without an entry was read in the meeting's own sentence and counts as high — unless the
 * card itself knows better: a suggestion its sources disagree on, or a date, place or country list
 * the extractor found nothing for, is not something to be sure of. A new user's
 * check found "Undated" and "No place given" marked high while the text gave both, and a status
 * flagged "sources disagree" marked high beside the warning.
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

/** How a field's value was found, or why the card doubts it. */
export type ShownBasis = FieldBasis | 'disagreement' | 'missing';

export interface ShownConfidence {
  level: ConfidenceLevel;
  /** How the field was found; null when the extractor did not say (read in the sentence). */
  basis: ShownBasis | null;
}

export const CONFIDENCE_LABELS: Record<ConfidenceLevel, string> = {
  high: 'High confidence',
  medium: 'Medium confidence',
  low: 'Low confidence',
};

export const BASIS_LABELS: Record<ShownBasis, string> = {
  sentence: 'read in its sentence',
  context: 'carried from earlier in the article',
  merge: 'taken from another source of the meeting',
  dictionary: 'looked up in the actor dictionary',
  disagreement: 'its sources disagree',
  missing: 'not found in the text: check the sources',
};

export const OUTCOME_LABELS: Record<MeetingOutcome, string> = {
  cancelled: 'Cancelled',
  postponed: 'Postponed',
  failed: 'Failed',
};

const RANK: Record<ConfidenceLevel, number> = { low: 0, medium: 1, high: 2 };

/**
 * The fields whose emptiness is a finding worth checking: a meeting has a date, a place and
 * parties. (Many reports name no one, so an empty people list is not flagged.)
 */
function isEmpty(meeting: ShownMeeting, field: FieldName): boolean {
  const { fields } = meeting;
  switch (field) {
    case 'date':
      return fields.date.value.start === null;
    case 'place': {
      const { city, country, venue } = fields.place.value;
      return city === null && country === null && venue === null;
    }
    case 'countries':
      return fields.countries.value.length === 0;
    default:
      return false;
  }
}

/**
 * One field's confidence: the extractor's entry (high when it has none), lowered to medium for
 * a suggestion the card can see reason to doubt. The analyst's own values are left as they are.
 */
export function fieldConfidence(meeting: ShownMeeting, field: FieldName): ShownConfidence {
  const key = CONFIDENCE_OF[field];
  const entry = key ? meeting.confidence[key] : undefined;
  const found: ShownConfidence = entry
    ? { level: entry.confidence, basis: entry.basis }
    : { level: 'high', basis: null };
  if (found.level !== 'high' || meeting.fields[field].state !== 'suggested') return found;
  if (meeting.disagreements.some(d => d.field === field)) {
    return { level: 'medium', basis: 'disagreement' };
  }
  if (isEmpty(meeting, field)) return { level: 'medium', basis: 'missing' };
  return found;
}

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
