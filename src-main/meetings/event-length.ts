/**
 * An event's stated length, and the days it gives an event the text never dates. A report of a
 * ministerial or summit often dates only the side meetings held during it ("met his Greek
 * counterpart there on Wednesday", "on April 4 he held more talks") and says how long the event
 * ran ("the ministers spent three days in Lima", "the two-day summit"), never its own days.
 * When the side meetings of one of its attendees in its city fill exactly that many days, those
 * are its days; "met on the second day of the ministerial" can then be counted from them.
 */
import type { MeetingDate } from '../contract/meeting';
import { findOrganizations } from './gazetteer';
import { CARDINALS } from './number-words';
import { daysBetween } from './dates';
import type { ArticleMeeting } from './extract';

/** The longest event read this way: a ministerial or a summit, not a month-long conference. */
const MAX_EVENT_DAYS = 7;
/** A length's word, captured: a digit or a number word up to seven. */
export const DAY_COUNT = '(\\d|one|two|three|four|five|six|seven)';
/** "the two-day summit", "a 3-day ministerial": the length as the event noun's modifier. */
const LENGTH_MODIFIER = new RegExp(`\\b${DAY_COUNT}[- ]day\\b`, 'i');
/**
 * "APEC ministers were in Lima for two days", "the envoys spent three days in Doha": the
 * attendees' stay, said in a sentence of its own. Only the verbs of being or staying somewhere:
 * "talks for two days" or "held for two days" are read by the date grammar, if at all.
 */
const STAY = new RegExp(
  `\\b(?:(?:were|are|was|is|will be|had been|have been|gathered|convened|met)\\s+in\\s+(\\p{Lu}[\\p{L}’'. -]{1,30}?)\\s+for\\s+${DAY_COUNT}\\s+days|spen[dt]s?\\s+${DAY_COUNT}\\s+days\\s+in\\s+(\\p{Lu}[\\p{L}’'. -]{1,30}?))\\b`,
  'iu',
);

/** A length in days from its word ("2", "two"), within a week; null beyond or for none. */
export function daysCounted(word: string): number | null {
  const n = /^\d$/.test(word) ? Number(word) : (CARDINALS[word.toLowerCase()] ?? null);
  return n !== null && n >= 1 && n <= MAX_EVENT_DAYS ? n : null;
}

/** An event's length in days, and the words that give it ("for two days", "two-day"). */
export interface Length {
  days: number;
  words: string;
}

/** The length a meeting noun's phrase states ("the two-day NATO summit"), or null. */
export function lengthInPhrase(phrase: string): Length | null {
  const m = LENGTH_MODIFIER.exec(phrase);
  const days = m ? daysCounted(m[1]) : null;
  return m && days !== null ? { days, words: m[0] } : null;
}

/** A stay read from a sentence: how many days, in which city. */
export interface Stay extends Length {
  city: string;
}

/** The stay a sentence reports ("were in Lima for two days"), or null. */
export function stayIn(sentence: string): Stay | null {
  // Most sentences say nothing of days: a plain search spares them the regex.
  if (!sentence.includes(' days')) return null;
  const m = STAY.exec(sentence);
  if (!m) return null;
  const days = daysCounted(m[2] ?? m[3]);
  const city = (m[1] ?? m[4]).trim();
  const words = m[1] ? `for ${m[2]} days` : `${m[3]} days`;
  return days === null ? null : { days, city, words };
}

/**
 * The event a stay sentence describes: among the meetings mentioned in the last few sentences,
 * the latest held in the stay's city whose organisations the sentence names ("NATO foreign
 * ministers were in Lima"). A stay naming no organisation of a meeting could be anyone's.
 */
export function eventOfStay(
  meetings: readonly ArticleMeeting[],
  sentence: string,
  stay: Stay,
  index: number,
): ArticleMeeting | null {
  let named: Set<string> | null = null;
  for (let i = meetings.length - 1; i >= 0; i--) {
    const m = meetings[i];
    if (index - m.lastSentence > 3 || m.organizations.length === 0) continue;
    if (m.city !== stay.city) continue;
    named ??= new Set(findOrganizations(sentence).map(o => o.name));
    if (m.organizations.some(o => named?.has(o))) return m;
  }
  return null;
}

function surnames(m: ArticleMeeting): Set<string> {
  return new Set(m.people.map(p => (p.name.split(/\s+/).pop() ?? '').toLowerCase()));
}

/**
 * The days of an event of `days` days that the text does not date: the days of the dated meetings
 * in its city of the same status that one of its people took part in, when they run over exactly
 * that many days. Fewer days would leave its start open, more would not be side meetings of it.
 */
export function daysFromSideMeetings(
  event: ArticleMeeting,
  { days, words }: Length,
  meetings: readonly ArticleMeeting[],
): MeetingDate | null {
  if (event.date.start || !event.city) return null;
  const people = surnames(event);
  let first: string | null = null;
  let last: string | null = null;
  for (const m of meetings) {
    if (m === event || m.city !== event.city || m.status !== event.status) continue;
    if (m.date.precision !== 'day' || !m.date.start) continue;
    if (!m.people.some(p => people.has((p.name.split(/\s+/).pop() ?? '').toLowerCase()))) continue;
    if (first === null || m.date.start < first) first = m.date.start;
    if (last === null || m.date.start > last) last = m.date.start;
  }
  if (first === null || last === null || daysBetween(first, last) + 1 !== days) return null;
  return { start: first, end: last, precision: days > 1 ? 'range' : 'day', text: words };
}
