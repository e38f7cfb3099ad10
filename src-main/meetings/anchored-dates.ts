/**
 * Dates a report gives only by their distance from another event: "the summit comes six days
 * after the ministers met", "the talks were held two weeks before the vote". The distance is
 * exact, but its anchor is the meeting the sentence opens on, so the date can be read only once
 * that meeting's own date is known; this module finds the distance and does the arithmetic, and
 * extraction supplies the anchor.
 */
import type { MeetingDate } from '../contract/meeting';
import { addDays } from './dates';
import { CARDINALS } from './number-words';

const COUNTS: Record<string, number> = { a: 1, an: 1, ...CARDINALS };

/**
 * "comes six days after", "was held a week before": a reference back ("the meeting") followed
 * closely by a verb of occurrence and the distance. Only this shape is read: in "they met two
 * days after the election" the anchor is an event that is not a meeting and has no date here.
 */
const SHIFT_RE =
  /^\s*(?:[\p{L}’'-]+\s+){0,3}?(?:comes?|came|(?:is|was|are|were|will be)(?:\s+(?:held|taking place))?|takes? place|took place|falls?|fell)\s+(?:just\s+|only\s+|barely\s+)?((\d{1,2}|[a-z]+)\s+(days?|weeks?)\s+(after|before))\s/iu;

/** How far, in days, the clause after an anaphor lies from the meeting the anaphor names. */
export interface DayShift {
  /** Signed: negative when the clause's event came first ("comes six days after X" gives -6). */
  days: number;
  /** Offsets of the distance phrase in the sentence, so its words are not read as a date. */
  start: number;
  end: number;
}

/**
 * The distance the sentence sets between the meeting a reference back names (it ends at
 * `after`) and the event the rest of the clause reports, or null when the sentence says none.
 */
export function dayShiftAfter(sentence: string, after: number): DayShift | null {
  const m = SHIFT_RE.exec(sentence.slice(after, after + 120));
  if (!m) return null;
  const word = m[2].toLowerCase();
  const count = /^\d+$/.test(word) ? Number(word) : COUNTS[word];
  if (!count) return null;
  const days = count * (/^week/i.test(m[3]) ? 7 : 1);
  const start = after + m[0].length - 1 - m[1].length;
  return { days: m[4].toLowerCase() === 'after' ? -days : days, start, end: start + m[1].length };
}

/**
 * The date `shift` days from `anchor`; null when the anchor is not a single known day, because a
 * distance from a month or a range does not give a day.
 */
export function shiftedDate(
  anchor: MeetingDate,
  shift: DayShift,
  text: string,
): MeetingDate | null {
  if (!anchor.start || anchor.precision !== 'day') return null;
  const day = addDays(anchor.start, shift.days);
  return { start: day, end: day, precision: 'day', text };
}
