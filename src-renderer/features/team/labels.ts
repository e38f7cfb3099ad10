/**
 * Words for a Needs-your-decision entry: what the record is, which field, and each value as an
 * analyst reads it (a colour by its meaning, a time in their locale), never raw JSON where a
 * better word exists.
 */
import { FIELD_HEADINGS } from '../../meetings/fields';
import type { DecisionNeeded } from '../../sync/needs-decision';

/** Fields every kind of record may carry: the trash, and the times sync merges on its own. */
const COMMON_FIELDS: Record<string, string> = {
  trashedAt: 'Trash',
  trashedBy: 'Trashed by',
  trashedWithArticle: 'Trashed with its article',
  tags: 'Tags',
  updatedAt: 'Last changed',
  createdAt: 'Created',
};

/** Field names by the kind of record, as the analyst knows them from the views. */
const FIELDS_BY_KIND: Record<string, Record<string, string>> = {
  highlight: {
    note: 'Note',
    colour: 'Colour',
    quote: 'Highlighted passage',
    position: 'Place in the text',
    articleVersion: 'Version of the article text',
    articleId: 'Article',
  },
  'article-note': { text: 'Note', articleId: 'Article' },
  article: {
    content: 'Text and file details',
    title: 'Title (corrected)',
    publisher: 'Publisher (corrected)',
    author: 'Author (corrected)',
    published: 'Publication date (corrected)',
    url: 'Web address (corrected)',
  },
  briefing: {
    bottomLine: 'Bottom line',
    keyPoints: 'Key points',
    excludedHighlights: 'Highlights left out',
    handling: 'Handling',
    paper: 'Paper size',
    anchors: 'Passages',
  },
  meeting: {
    ...FIELD_HEADINGS,
    delete: 'Deleted',
    merge: 'Merged',
    confirm: 'Confirmed',
    retract: 'Decision taken back',
  },
};

/** The kind of record an entry is about: `highlight`, `article`, `meeting`… */
function kindOf(item: DecisionNeeded): string {
  if (item.source === 'meeting') return 'meeting';
  if (item.subject === 'colour-meanings') return 'colour-meanings';
  return item.subject.slice(0, item.subject.indexOf(':'));
}

const SUBJECTS: Record<string, string> = {
  meeting: 'Meeting',
  'colour-meanings': 'Colour meanings',
  highlight: 'Highlight',
  'article-note': 'Article note',
  article: 'Article',
  briefing: 'Briefing',
};

/** What kind of record the entry is about: "Highlight", "Article", "Meeting"… */
export function subjectLabel(item: DecisionNeeded): string {
  return SUBJECTS[kindOf(item)] ?? 'Record';
}

/** "someField" as "Some field": the last resort for a field this build has no name for. */
function spelledOut(field: string): string {
  const words = field
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_]+/g, ' ')
    .trim()
    .toLowerCase();
  return words ? words[0].toUpperCase() + words.slice(1) : 'Field';
}

/** The field as a heading: "Note", "Date", "Meaning of colour 1", "Publisher (corrected)". */
export function fieldLabel(item: DecisionNeeded): string {
  const kind = kindOf(item);
  if (kind === 'colour-meanings' && /^[0-7]$/.test(item.field)) {
    return `Meaning of colour ${Number(item.field) + 1}`;
  }
  return FIELDS_BY_KIND[kind]?.[item.field] ?? COMMON_FIELDS[item.field] ?? spelledOut(item.field);
}

/** A time field's value: "1 Dec, 14:02". */
const TIME_FIELDS = new Set(['trashedAt', 'updatedAt', 'createdAt']);

/** What one version of an article's file holds, in a line: its title, length and when stored. */
function contentText(value: Record<string, unknown>): string {
  const parts = [typeof value.title === 'string' ? `“${value.title}”` : 'Untitled'];
  if (typeof value.wordCount === 'number') parts.push(`${value.wordCount} words`);
  if (typeof value.storedAt === 'number') parts.push(`stored ${timeText(value.storedAt)}`);
  return parts.join(', ');
}

/** A meeting date as the card shows it: "2026-03-04", "2026-03-04 – 2026-03-06". */
function meetingDateText(value: Record<string, unknown>): string | null {
  if (typeof value.text === 'string' && value.text) return value.text;
  if (typeof value.start !== 'string') return null;
  return typeof value.end === 'string' && value.end !== value.start
    ? `${value.start} – ${value.end}`
    : value.start;
}

/**
 * A briefing's list fields as the Briefing view shows them: key points numbered, one a line (the
 * value is shown with its line breaks); highlights left out and passages by how many, since their
 * ids mean nothing to the analyst. Null for a value of another shape.
 */
function briefingListText(field: string, value: unknown[]): string | null {
  if (field === 'keyPoints') {
    const texts = value.map(point => (point as { text?: unknown } | null)?.text);
    if (!texts.every(text => typeof text === 'string')) return null;
    if (texts.length === 0) return '(no key points)';
    return texts.map((text, i) => `${i + 1}. ${text as string}`).join('\n');
  }
  const count = value.length;
  if (field === 'excludedHighlights') {
    return count === 0 ? 'None left out' : `${count} highlight${count === 1 ? '' : 's'} left out`;
  }
  if (field === 'anchors') return `${count} passage${count === 1 ? '' : 's'}`;
  return null;
}

/** One value as text: strings as written, colours by number, lists joined, empty said so. */
export function valueText(
  item: DecisionNeeded,
  value: unknown,
  colourNames: readonly string[] = [],
): string {
  const kind = kindOf(item);
  if (item.field === 'trashedAt' && (value === null || value === undefined)) {
    return 'Not in the trash';
  }
  if (value === null || value === undefined || value === '') return '(empty)';
  if (item.field === 'trashedAt' && typeof value === 'number') {
    return `In the trash since ${timeText(value)}`;
  }
  if (TIME_FIELDS.has(item.field) && typeof value === 'number') return timeText(value);
  if (kind === 'article' && item.field === 'content' && typeof value === 'object') {
    return contentText(value as Record<string, unknown>);
  }
  if (kind === 'highlight' && item.field === 'quote' && typeof value === 'object') {
    const exact = (value as { exact?: unknown }).exact;
    if (typeof exact === 'string') return `“${exact}”`;
  }
  if (kind === 'meeting' && item.field === 'date' && typeof value === 'object') {
    const text = meetingDateText(value as Record<string, unknown>);
    if (text) return text;
  }
  if (kind === 'briefing' && Array.isArray(value)) {
    const briefingList = briefingListText(item.field, value);
    if (briefingList) return briefingList;
  }
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
