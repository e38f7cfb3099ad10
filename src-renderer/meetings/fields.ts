/**
 * The fields of a meeting the analyst can confirm, edit or reject, read off a `Meeting` as one
 * flat record, and which of a meeting's source sentences speak to each field.
 */
import type {
  CountryRef,
  Meeting,
  MeetingDate,
  MeetingStatus,
  Mention,
  Person,
} from '../../src-main/contract/meeting';

export interface FieldValues {
  title: string;
  status: MeetingStatus;
  date: MeetingDate;
  place: Meeting['place'];
  level: string | null;
  countries: CountryRef[];
  people: Person[];
  organizations: string[];
  purpose: string | null;
}

export type FieldName = keyof FieldValues;

/** Card order. */
export const FIELD_NAMES: readonly FieldName[] = [
  'title',
  'status',
  'date',
  'place',
  'level',
  'countries',
  'people',
  'organizations',
  'purpose',
];

/** Labels as the card shows them; also the second word of "Confirm date", "Edit place". */
export const FIELD_LABELS: Record<FieldName, string> = {
  title: 'title',
  status: 'status',
  date: 'date',
  place: 'place',
  level: 'level',
  countries: 'countries',
  people: 'people',
  organizations: 'organisations',
  purpose: 'purpose',
};

/** Field names as headings: the card's rows, and the meeting fields of Needs your decision. */
export const FIELD_HEADINGS: Record<FieldName, string> = {
  title: 'Title',
  status: 'Status',
  date: 'Date',
  place: 'Place',
  level: 'Level',
  countries: 'Countries',
  people: 'People',
  organizations: 'Organisations',
  purpose: 'Purpose',
};

export function isFieldName(name: unknown): name is FieldName {
  return typeof name === 'string' && (FIELD_NAMES as readonly string[]).includes(name);
}

export const NO_DATE: MeetingDate = { start: null, end: null, precision: 'unknown', text: null };

export function valuesOf(m: Meeting): FieldValues {
  return {
    title: m.title,
    status: m.status,
    date: m.date,
    place: m.place,
    level: m.level,
    countries: m.participants.countries,
    people: m.participants.people,
    organizations: m.participants.organizations,
    purpose: m.purpose,
  };
}

/** An empty record for a meeting the analyst adds by hand. */
export function blankValues(): FieldValues {
  return {
    title: '',
    status: 'held',
    date: NO_DATE,
    place: { city: null, country: null, venue: null },
    level: null,
    countries: [],
    people: [],
    organizations: [],
    purpose: null,
  };
}

/** Whether a field says nothing (no date, no place, no people…). */
export function isEmpty(field: FieldName, values: FieldValues): boolean {
  const v = values[field];
  switch (field) {
    case 'date':
      return values.date.start === null && values.date.text === null;
    case 'place':
      return !values.place.city && !values.place.country && !values.place.venue;
    default:
      return v === null || v === '' || (Array.isArray(v) && v.length === 0);
  }
}

/** Words of a field's value worth looking for in a sentence. */
function needles(field: FieldName, v: FieldValues): string[] {
  switch (field) {
    case 'date':
      return v.date.text ? [v.date.text] : [];
    case 'place':
      return [v.place.city, v.place.venue, v.place.country?.name].filter((s): s is string => !!s);
    case 'level':
      return v.level ? [v.level] : [];
    case 'countries':
      return v.countries.map(c => c.name);
    case 'people':
      return v.people.flatMap(p => [p.name, p.name.split(/\s+/).at(-1) ?? p.name]);
    case 'organizations':
      return v.organizations;
    case 'purpose':
      return v.purpose ? [v.purpose] : [];
    default:
      return [];
  }
}

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ');

/**
 * Indexes (into `mentions`) of the sentences that support a field: those naming its value, or
 * for status and date those reporting the same status or date. Falls back to the first mention,
 * since every field of a machine meeting was read from one of its sentences.
 */
export function sourcesFor(field: FieldName, values: FieldValues, mentions: Mention[]): number[] {
  if (mentions.length === 0) return [];
  let hits: number[] = [];
  if (field === 'status') {
    hits = mentions.flatMap((m, i) => (m.status === values.status ? [i] : []));
  } else if (field === 'date') {
    hits = mentions.flatMap((m, i) =>
      values.date.start !== null && m.date.start === values.date.start ? [i] : [],
    );
  }
  if (hits.length === 0) {
    const words = needles(field, values)
      .map(norm)
      .filter(w => w.length > 2);
    hits = mentions.flatMap((m, i) => {
      const s = norm(m.sentence);
      return words.some(w => s.includes(w)) ? [i] : [];
    });
  }
  return hits.length > 0 ? hits : [0];
}

/** Structural equality of two field values (they are plain JSON). */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
