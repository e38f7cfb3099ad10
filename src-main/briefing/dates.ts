/**
 * Dates as a reader expects them on paper ("25 April 2023"), computed from ISO strings in UTC so
 * the same input prints the same words on every machine and in every time zone.
 */
import type { MeetingDate } from '../contract';
import { MONTH_NAMES as MONTHS } from '../contract/months';

function parts(iso: string): { year: string; month: string; day: number } {
  return {
    year: iso.slice(0, 4),
    month: MONTHS[Number(iso.slice(5, 7)) - 1] ?? '',
    day: Number(iso.slice(8, 10)),
  };
}

/** `2023-04-25` → `25 April 2023`. */
export function formatDate(iso: string): string {
  const { year, month, day } = parts(iso);
  return `${day} ${month} ${year}`;
}

/** A meeting date at its own precision; the article's words when no date could be resolved. */
export function formatMeetingDate(date: MeetingDate): string {
  const { start, end, precision } = date;
  if (!start) return date.text?.trim() ? `Date unclear (“${date.text.trim()}”)` : 'Date unknown';
  const s = parts(start);
  switch (precision) {
    case 'year':
      return s.year;
    case 'month':
      return `${s.month} ${s.year}`;
    case 'range': {
      if (!end || end === start) return formatDate(start);
      const e = parts(end);
      if (s.year !== e.year) return `${formatDate(start)} – ${formatDate(end)}`;
      if (s.month !== e.month) return `${s.day} ${s.month} – ${e.day} ${e.month} ${e.year}`;
      return `${s.day}–${e.day} ${e.month} ${e.year}`;
    }
    default:
      return formatDate(start);
  }
}

/** `25 April 2023, 14:05 UTC`. */
export function formatDateTime(when: Date): string {
  const iso = when.toISOString();
  return `${formatDate(iso.slice(0, 10))}, ${iso.slice(11, 16)} UTC`;
}
