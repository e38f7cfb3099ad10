/**
 * Field values as the text the analyst edits, and back. Each field's editor shows a few text
 * inputs (named by `inputsOf`); `fromInputs` checks what was typed against the contract's
 * schema so that nothing stored is a shape the card cannot show. Country terms reach it already
 * resolved to "Name (CODE)" by `resolveCountryInputs` (country-inputs.ts).
 */
import type { MeetingDate, MeetingStatus } from '../../src-main/contract/meeting';
import { FieldValuesSchema } from './decisions';
import type { FieldName, FieldValues } from './fields';

export type Inputs = Record<string, string>;

export interface InputSpec {
  key: string;
  label: string;
  kind: 'text' | 'textarea' | 'date' | 'select';
  options?: { value: string; label: string }[];
  hint?: string;
}

const STATUS_OPTIONS = [
  { value: 'held', label: 'Held' },
  { value: 'scheduled', label: 'Scheduled' },
  { value: 'proposed', label: 'Proposed' },
];
const PRECISION_OPTIONS = [
  { value: 'day', label: 'Exact day' },
  { value: 'month', label: 'Month only' },
  { value: 'year', label: 'Year only' },
  { value: 'range', label: 'Date range' },
  { value: 'unknown', label: 'No date' },
];

/** The inputs of one field's editor. */
export function inputsOf(field: FieldName): InputSpec[] {
  switch (field) {
    case 'title':
      return [{ key: 'title', label: 'Title', kind: 'text' }];
    case 'status':
      return [{ key: 'status', label: 'Status', kind: 'select', options: STATUS_OPTIONS }];
    case 'date':
      return [
        { key: 'start', label: 'Date (first day)', kind: 'date' },
        { key: 'end', label: 'Last day', kind: 'date', hint: 'For a range' },
        { key: 'precision', label: 'Precision', kind: 'select', options: PRECISION_OPTIONS },
        { key: 'text', label: 'Words in the article', kind: 'text' },
      ];
    case 'place':
      return [
        { key: 'city', label: 'City', kind: 'text' },
        {
          key: 'country',
          label: 'Country',
          kind: 'text',
          hint: 'Name, demonym or code: Germany, German, DE',
        },
        { key: 'venue', label: 'Venue', kind: 'text' },
      ];
    case 'level':
      return [{ key: 'level', label: 'Level', kind: 'text', hint: 'e.g. defence ministers' }];
    case 'countries':
      return [
        {
          key: 'countries',
          label: 'Countries',
          kind: 'text',
          hint: 'Comma-separated names, demonyms or codes: Germany, Polish, TR',
        },
      ];
    case 'people':
      return [
        {
          key: 'people',
          label: 'People',
          kind: 'textarea',
          hint: 'One a line: name, role, country (name or code)',
        },
      ];
    case 'organizations':
      return [
        { key: 'organizations', label: 'Organisations', kind: 'text', hint: 'Comma-separated' },
      ];
    case 'purpose':
      return [{ key: 'purpose', label: 'Purpose', kind: 'textarea' }];
  }
}

const COUNTRY_RE = /^(.*?)\s*\(([A-Za-z]{2})\)$/;

/** The current value as editor text. */
export function toInputs(field: FieldName, v: FieldValues): Inputs {
  switch (field) {
    case 'date':
      return {
        start: v.date.start ?? '',
        end: v.date.end ?? '',
        precision: v.date.precision,
        text: v.date.text ?? '',
      };
    case 'place':
      return {
        city: v.place.city ?? '',
        country: v.place.country ? `${v.place.country.name} (${v.place.country.code})` : '',
        venue: v.place.venue ?? '',
      };
    case 'countries':
      return { countries: v.countries.map(c => `${c.name} (${c.code})`).join(', ') };
    case 'people':
      return {
        people: v.people.map(p => [p.name, p.role ?? '', p.country ?? ''].join(', ')).join('\n'),
      };
    case 'organizations':
      return { organizations: v.organizations.join(', ') };
    default:
      return { [field]: v[field] ?? '' } as Inputs;
  }
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const orNull = (s: string | undefined) => (s?.trim() ? s.trim() : null);
const list = (s: string | undefined) =>
  (s ?? '')
    .split(',')
    .map(x => x.trim())
    .filter(Boolean);

function country(text: string): Parsed<{ code: string; name: string }> {
  const m = COUNTRY_RE.exec(text.trim());
  if (!m || !m[1])
    return {
      ok: false,
      error: `Give “${text.trim()}” as a country name with its code: Germany (DE)`,
    };
  return { ok: true, value: { name: m[1], code: m[2].toUpperCase() } };
}

/** What was typed, as the field's value, or the reason it is not one. */
export function fromInputs<K extends FieldName>(field: K, inputs: Inputs): Parsed<FieldValues[K]> {
  let value: unknown;
  switch (field) {
    case 'title': {
      const title = inputs.title?.trim() ?? '';
      if (!title) return { ok: false, error: 'A meeting needs a title' };
      value = title;
      break;
    }
    case 'status':
      value = inputs.status as MeetingStatus;
      break;
    case 'date': {
      const start = orNull(inputs.start);
      const precision = (start ? inputs.precision || 'day' : 'unknown') as MeetingDate['precision'];
      const end = orNull(inputs.end);
      if (start && end && end < start)
        return { ok: false, error: 'The last day is before the first' };
      value = {
        start,
        end,
        precision: start && precision === 'unknown' ? 'day' : precision,
        text: orNull(inputs.text),
      };
      break;
    }
    case 'place': {
      let c = null;
      if (inputs.country?.trim()) {
        const parsed = country(inputs.country);
        if (!parsed.ok) return parsed;
        c = parsed.value;
      }
      value = { city: orNull(inputs.city), country: c, venue: orNull(inputs.venue) };
      break;
    }
    case 'countries': {
      const out = [];
      for (const item of list(inputs.countries)) {
        const parsed = country(item);
        if (!parsed.ok) return parsed;
        out.push(parsed.value);
      }
      value = out;
      break;
    }
    case 'people': {
      const out = [];
      for (const line of (inputs.people ?? '').split('\n')) {
        const [name, role, code] = line.split(',').map(x => x.trim());
        if (!name) continue;
        if (code && !/^[A-Za-z]{2}$/.test(code))
          return { ok: false, error: `Give ${name}’s country as a two-letter code` };
        out.push({ name, role: role || null, country: code ? code.toUpperCase() : null });
      }
      value = out;
      break;
    }
    case 'organizations':
      value = list(inputs.organizations);
      break;
    default:
      value = orNull(inputs[field]);
  }
  const checked = FieldValuesSchema.shape[field].safeParse(value);
  if (!checked.success) return { ok: false, error: `That is not a valid ${field}` };
  return { ok: true, value: checked.data as FieldValues[K] };
}
