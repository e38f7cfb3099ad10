/**
 * Days within an event, from words around its dates. A report often gives an event's end apart
 * from its start ("the talks began on Monday and ended on Wednesday", "They started today, and
 * will end on the 30th", in the sentence that continues the story), and dates a side meeting by
 * the event's own days ("on the second day of the summit"). Both read a date relative to another
 * date, not to the publication day, so they live here rather than in the date grammar.
 */
import type { MeetingDate } from '../contract/meeting';
import { meetingDates } from './clause-dates';
import { addDays, daysBetween, resolveDate, type DateHit } from './dates';
import { DAY_COUNT, daysCounted } from './event-length';

/** The longest span read as one event: a conference runs days or weeks, not months. */
const MAX_SPAN_DAYS = 31;
const START_CUE =
  /\b(?:began|begun|begins?|started|starts?|opened|opens?|got under way|gets under way|kicked off|kicks? off|commenced|commences?)\b/gi;
const PAST_START = /^(?:began|begun|started|opened|got|kicked|commenced)/i;
const END_CUE =
  /\b(?:end(?:s|ed)?|conclude[sd]?|close[sd]?|finish(?:es|ed)?|wrap(?:s|ped)? up|(?:run|runs|ran|continue[sd]?|continues|last(?:s|ed)?|go(?:es)? on)\s+(?:until|till|through|to))\b/gi;
/** How far after its cue a date may sit: "ended late on Wednesday", "will run until Sunday". */
const CUE_REACH = 30;

function firstAfter(hits: DateHit[], at: number, before = Infinity): DateHit | null {
  return hits.find(h => h.start >= at && h.start - at <= CUE_REACH && h.start < before) ?? null;
}

/**
 * The span an event's clause (or the sentence that continues its story) gives: a start cue and a
 * date, then an end cue and a date read forward from the start. `known` is the date the event
 * already has, standing in for a start cue without a date of its own ("started, and will end
 * on Sunday"). Null unless both ends are days and the span runs forward by at most a month.
 */
export function eventSpan(
  text: string,
  from: number,
  to: number,
  ref: string | null,
  known: MeetingDate,
): MeetingDate | null {
  const clause = text.slice(from, to);
  START_CUE.lastIndex = 0;
  const start = START_CUE.exec(clause);
  if (!start) return null;
  END_CUE.lastIndex = start.index + start[0].length;
  const end = END_CUE.exec(clause);
  if (!end) return null;
  const hits = meetingDates(text, from, to);
  const startAt = from + start.index + start[0].length;
  const endAt = from + end.index + end[0].length;
  const startHit = firstAfter(hits, startAt, from + end.index);
  const endHit = firstAfter(hits, endAt);
  if (!endHit) return null;
  const first = startHit
    ? resolveDate(startHit, ref, PAST_START.test(start[0]) ? 'past' : 'future')
    : known;
  if (!first.start || first.precision !== 'day') return null;
  const last = resolveDate(endHit, first.start, 'future');
  if (!last.start || last.precision !== 'day') return null;
  const days = daysBetween(first.start, last.start);
  if (days <= 0 || days > MAX_SPAN_DAYS) return null;
  const words = startHit ? `${startHit.text} … ${endHit.text}` : endHit.text;
  return { start: first.start, end: last.start, precision: 'range', text: words };
}

/**
 * "wrapped up two days of talks on Sunday", "concluded a three-day visit on Friday": an end
 * cue, then the event's length, then the day it ended. The event ran the days up to that day.
 */
const ENDED_LENGTH = new RegExp(
  `\\b(?:end(?:s|ed)|conclude[sd]|close[sd]|finish(?:es|ed)|wrap(?:s|ped) up)\\s+(?:the\\s+|a\\s+|an\\s+|their\\s+|his\\s+|her\\s+|its\\s+)?(?:${DAY_COUNT}\\s+days\\s+of|${DAY_COUNT}-day)\\b`,
  'i',
);

/**
 * The days an event its clause says ended on `date` after a stated length ran: from that many
 * days before, to `date`. Null unless `date` is one day that the clause names after the cue.
 */
export function endedAfterLength(clause: string, date: MeetingDate): MeetingDate | null {
  if (!date.start || date.precision !== 'day') return null;
  const m = ENDED_LENGTH.exec(clause);
  if (!m || (date.text && clause.indexOf(date.text, m.index) < 0)) return null;
  const days = daysCounted(m[1] ?? m[2]);
  if (days === null || days < 2) return null;
  const text = date.text ? `${m[0]} … ${date.text}` : m[0];
  return { start: addDays(date.start, 1 - days), end: date.start, precision: 'range', text };
}

/** "They started today …": a sentence whose subject stands for the event just reported. */
const CONTINUES_STORY = /^\W*(?:they|it|both sides|the (?:two|three|four) sides)\b/i;

/** A cheap test, before looking for the meeting a sentence continues. */
export function continuesStory(text: string): boolean {
  return CONTINUES_STORY.test(text);
}

/**
 * The span a sentence without a meeting word gives the event reported just before it, when it
 * continues that story ("They started today and will end on Friday") and its start agrees with
 * the day the event already has.
 */
export function continuedSpan(
  text: string,
  ref: string | null,
  known: MeetingDate,
): MeetingDate | null {
  if (!CONTINUES_STORY.test(text)) return null;
  const span = eventSpan(text, 0, text.length, ref, known);
  if (!span || (known.start && known.start !== span.start)) return null;
  return span;
}

const ORDINAL_DAYS: Record<string, number> = {
  first: 1,
  opening: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
};
/** "on the second day of the", "during the final day of": the words before the event's noun. */
const DAY_OF_BEFORE =
  /\b(?:on|during|at)\s+(?:the\s+)?(first|opening|second|third|fourth|fifth|sixth|seventh|\d(?:st|nd|rd|th)|final|last|closing)\s+day\s+of\s+(?:the\s+|this\s+|a\s+)?(?:[\p{L}\d’'-]+\s+){0,4}$/iu;

/** Which day of an event the words before its noun count: 1, 2, … or 'last'; null if none. */
export function countedDay(before: string): number | 'last' | null {
  const m = DAY_OF_BEFORE.exec(before);
  if (!m) return null;
  const w = m[1].toLowerCase();
  if (w === 'final' || w === 'last' || w === 'closing') return 'last';
  return ORDINAL_DAYS[w] ?? (Number.parseInt(w, 10) || null);
}

/**
 * The day `which` of an event dated `event`: its start plus the days counted, within its end
 * when the event has one; its end for the last day. Null when the event has no day to count from.
 */
export function dayOfEvent(event: MeetingDate, which: number | 'last'): MeetingDate | null {
  if (!event.start || (event.precision !== 'day' && event.precision !== 'range')) return null;
  const end = event.end ?? event.start;
  let day: string;
  if (which === 'last') {
    if (end === event.start) return null;
    day = end;
  } else {
    day = addDays(event.start, which - 1);
    if (event.end && event.end !== event.start && day > event.end) return null;
  }
  return { start: day, end: day, precision: 'day', text: event.text };
}
