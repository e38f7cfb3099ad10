/**
 * Words for a Needs-your-decision entry: what the record is, which field, and each value as an
 * analyst reads it (a colour by its meaning, a time in their locale), never raw JSON where a
 * better word exists.
 */
import type { DecisionNeeded } from '../../sync/needs-decision';

const FIELD_NAMES: Record<string, string> = {
  note: 'Note',
  text: 'Note',
  colour: 'Colour',
  tags: 'Tags',
  date: 'Date',
  place: 'Place',
  participants: 'Participants',
  title: 'Title',
  status: 'Status',
};

/** What kind of record the entry is about: "Highlight", "Meeting"… */
export function subjectLabel(item: DecisionNeeded): string {
  if (item.source === 'meeting') return 'Meeting';
  if (item.subject === 'colour-meanings') return 'Colour meanings';
  const prefix = item.subject.slice(0, item.subject.indexOf(':'));
  switch (prefix) {
    case 'highlight':
      return 'Highlight';
    case 'article-note':
      return 'Article note';
    case 'briefing':
      return 'Briefing';
    default:
      return 'Record';
  }
}

/** The field as a heading: "Note", "Date", "Meaning of colour 1". */
export function fieldLabel(item: DecisionNeeded): string {
  if (item.subject === 'colour-meanings' && /^[0-7]$/.test(item.field)) {
    return `Meaning of colour ${Number(item.field) + 1}`;
  }
  return FIELD_NAMES[item.field] ?? item.field;
}

/** One value as text: strings as written, colours by number, lists joined, empty said so. */
export function valueText(
  item: DecisionNeeded,
  value: unknown,
  colourNames: readonly string[] = [],
): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  if (item.field === 'colour' && typeof value === 'number') {
    const name = colourNames[value];
    return name ? `Colour ${value + 1} (${name})` : `Colour ${value + 1}`;
  }
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every(v => typeof v === 'string')) {
    return value.length ? value.join(', ') : '(none)';
  }
  return JSON.stringify(value);
}

/** When a value was written, for "ben · 1 Dec, 14:02". */
export function timeText(at: number, locale?: string): string {
  return new Date(at).toLocaleString(locale, {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
}
