/**
 * How meeting fields read on the card, the list and the timeline: fixed English forms so that
 * screenshots and tests are stable.
 */
import type { CountryRef, MeetingDate, Person } from '../../src-main/contract/meeting';
import type { FieldName, FieldValues } from './fields';
import { MONTH_NAMES as MONTHS } from '../../src-main/contract/months';

function day(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]?.slice(0, 3) ?? '?'} ${y}`;
}

/** A date at its precision: "25 Apr 2023", "April 2023", "2023", "25–27 Apr 2023"; "Undated". */
export function formatMeetingDate(date: MeetingDate): string {
  const { start, end, precision } = date;
  if (!start) return 'Undated';
  const [y, m] = start.split('-').map(Number);
  switch (precision) {
    case 'year':
      return String(y);
    case 'month':
      return `${MONTHS[m - 1] ?? '?'} ${y}`;
    case 'range':
      if (end && end !== start) {
        if (end.slice(0, 7) === start.slice(0, 7)) {
          return `${Number(start.slice(8))}–${day(end)}`;
        }
        return `${day(start)} – ${day(end)}`;
      }
      return day(start);
    default:
      return day(start);
  }
}

export const PRECISION_LABELS: Record<MeetingDate['precision'], string> = {
  day: 'exact day',
  month: 'month only',
  year: 'year only',
  range: 'date range',
  unknown: 'no date',
};

export function formatCountry(c: CountryRef): string {
  return c.code ? `${c.name} (${c.code})` : c.name;
}

export function formatPerson(p: Person): string {
  const extra = [p.role, p.country].filter(Boolean).join(', ');
  return extra ? `${p.name} (${extra})` : p.name;
}

export function formatPlace(place: FieldValues['place']): string {
  const parts = [place.venue, place.city, place.country?.name].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'No place given';
}

/** One field's value as a line of text. */
export function formatField(field: FieldName, v: FieldValues): string {
  switch (field) {
    case 'title':
      return v.title || 'Untitled meeting';
    case 'status':
      return STATUS_LABELS[v.status];
    case 'date':
      return formatMeetingDate(v.date);
    case 'place':
      return formatPlace(v.place);
    case 'level':
      return v.level ?? 'Not given';
    case 'countries':
      return v.countries.length > 0 ? v.countries.map(formatCountry).join(', ') : 'None given';
    case 'people':
      return v.people.length > 0 ? v.people.map(formatPerson).join('; ') : 'None given';
    case 'organizations':
      return v.organizations.length > 0 ? v.organizations.join(', ') : 'None given';
    case 'purpose':
      return v.purpose ?? 'Not given';
  }
}

export const STATUS_LABELS = { held: 'Held', scheduled: 'Scheduled', proposed: 'Proposed' };
