/**
 * The next leg of a trip: "the minister will attend the forum in Geneva, and from there she will
 * fly on to Oslo", "After the summit the president goes on to Hanoi". The leg's clause
 * says neither who travels (a pronoun, or no subject at all) nor when: both follow from the event
 * it comes after. Without them the leg has one side and no date, and two reports of one trip
 * never agree. This module reads the shape; extraction supplies the event before it.
 */
import type { MeetingDate, Person } from '../contract/meeting';
import type { Trigger } from './cues';
import { addDays, dateWidth, endOfMonth } from './dates';
import type { ArticleMeeting } from './extract';

/**
 * A clause that opens on a sequence word: ", and from there she will fly on", "and then travel on
 * to", "afterwards they go to". The group after the match is the subject pronoun, when there is
 * one: a named subject is the clause's own traveller, so nothing is carried for it.
 */
const LEG_OPENING =
  /^[\s,;]*(?:and\s+)?(?:from there|then|afterwards|after that|thereafter|later)\b[\s,]*(?:(he|she|they)\b)?/i;

/** "After the summit, …", "Following the talks, …": the text between a clause's start and a reference back. */
const AFTER_EVENT_BEFORE = /^[\s,;]*(?:and\s+)?(?:after|following|at the end of)\s+$/i;

/** A verb of travel before the meeting word: "will fly on to Oslo to meet", "travels to". */
const TRAVEL_BEFORE =
  /\b(?:travel(?:s|led|ed|ling|ing)?|fl(?:y|ies|ew|ying)|head(?:s|ed|ing)?|go(?:es|ing)?|went|continu(?:e|es|ed|ing)|proceed(?:s|ed|ing)?|mov(?:e|es|ed|ing) on)\b/i;

/**
 * Whether the clause's meeting is a stop on a trip, the only kind of encounter that follows the
 * event before it by days: a visit ("visit Estonia"), or a meeting reached by travel.
 */
export function isTripStop(clauseBeforeHead: string, visit: boolean): boolean {
  return visit || TRAVEL_BEFORE.test(clauseBeforeHead);
}

/** A capitalised word: a named subject between the sequence word and the meeting word. */
const NAMED_WORD = /[\p{Lu}][\p{L}'’-]+/u;

/** The longest event, in days, whose end dates the leg after it: a summit, a state visit. */
const MAX_EVENT_DAYS = 7;

/** How the clause continues a trip. */
export interface LegCue {
  /** The words that say so ("from there"), the date's text. */
  text: string;
  /** Whether the traveller is only a pronoun or left out, and must come from the event before. */
  carriesTraveller: boolean;
}

/**
 * Whether the clause from `clauseStart` to the meeting word at `headAt` opens as the next leg of
 * a trip reported just before it in the same sentence.
 */
export function legAfterClause(
  sentence: string,
  clauseStart: number,
  headAt: number,
): LegCue | null {
  const head = sentence.slice(clauseStart, headAt);
  const m = LEG_OPENING.exec(head);
  if (!m) return null;
  // "and then Lopez will visit": the traveller is named, only the date follows from before.
  const rest = head.slice(m[0].length);
  const named = NAMED_WORD.test(rest);
  const text = m[0].replace(/^[\s,;]*(?:and\s+)?/i, '').replace(/[\s,]*(?:he|she|they)?\s*$/i, '');
  return { text: text.trim(), carriesTraveller: !named };
}

/**
 * Whether a reference back that starts at `anaphorAt` opens its clause as the event the clause
 * follows: "After the forum, the minister will visit …".
 */
export function followsReference(
  sentence: string,
  clauseStart: number,
  anaphorAt: number,
): boolean {
  return (
    anaphorAt >= clauseStart && AFTER_EVENT_BEFORE.test(sentence.slice(clauseStart, anaphorAt))
  );
}

/** How soon after the event the next leg of one trip begins, at the latest. */
const LEG_WITHIN_DAYS = 7;

/**
 * The days of a leg that follows an event dated `before`: from the day after the event ends to
 * the end of the month the leg falls in. "From there", "after the summit" say the leg comes after
 * the event, not on which day: a window of the next few days would claim days the text never
 * gives, so the leg is dated to the month, from the day after the event. A leg of one trip starts
 * within a week, so an event ending in a month's last week gives a window into the next month.
 * Null when the event has no date, or only a wide one ("in June"): the day after a month's end
 * says nothing of a leg within it.
 */
export function legDate(before: MeetingDate, text: string): MeetingDate | null {
  if (!before.start || dateWidth(before) > MAX_EVENT_DAYS) return null;
  const last = before.end ?? before.start;
  const end = endOfMonth(addDays(last, LEG_WITHIN_DAYS));
  return { start: addDays(last, 1), end, precision: 'range', text };
}

/**
 * Who travels on: the people of the event before who are named ahead of its meeting word (the
 * subject, "the prime minister will fly to Oslo to attend the summit"), not those met there.
 */
export function travellers(
  sentence: string,
  people: Person[],
  from: number,
  headAt: number,
): Person[] {
  const before = sentence.slice(from, headAt);
  return people.filter(p => {
    const last = p.name.split(/\s+/).pop() ?? '';
    return last.length > 2 && before.includes(last);
  });
}

/** A clause read as the next leg of a trip. */
export interface Leg {
  /** The meeting it follows. */
  after: ArticleMeeting;
  /** Its days, or null when the meeting it follows has no date. */
  date: MeetingDate | null;
  /** The people its pronoun stands for (none when the clause names its traveller). */
  traveller: Person[];
}

/**
 * The leg a clause reports, if it is one. `previous` is the meeting of the clause before in the
 * same sentence and where that clause starts and has its meeting word; `back` resolves a
 * reference back ("the summit") to the meeting it names. Read only for a clause without a date
 * of its own.
 */
export function findLeg(
  sentence: string,
  clauseStart: number,
  head: Trigger,
  triggers: Trigger[],
  anaphors: Trigger[],
  previous: { meeting: ArticleMeeting; clause: [number, number] } | null,
  back: (a: Trigger) => ArticleMeeting | null,
): Leg | null {
  const opening = sentence.slice(clauseStart, head.phraseStart);
  if (
    !isTripStop(
      opening,
      triggers.some(t => t.kind === 'visit'),
    )
  )
    return null;
  let leg: Leg | null = null;
  const cue = previous && legAfterClause(sentence, clauseStart, head.phraseStart);
  if (cue && previous) {
    const [from, to] = previous.clause;
    const carried = cue.carriesTraveller
      ? travellers(sentence, previous.meeting.people, from, to)
      : [];
    leg = {
      after: previous.meeting,
      date: legDate(previous.meeting.date, cue.text),
      traveller: carried,
    };
  } else {
    const ref = anaphors.find(
      a => a.end <= head.phraseStart && followsReference(sentence, clauseStart, a.phraseStart),
    );
    const after = ref && back(ref);
    if (ref && after) {
      const text = sentence.slice(clauseStart, ref.end).trim();
      leg = { after, date: legDate(after.date, text), traveller: [] };
    }
  }
  return leg && (leg.date || leg.traveller.length > 0) ? leg : null;
}

/**
 * What a leg adds to its clause's people: the traveller its pronoun stands for (when the clause
 * did not name them) with their countries, and the country it goes to, the one of the clause's
 * countries that is neither the traveller's nor the event's before it.
 */
export function legParties(
  leg: Leg,
  people: Person[],
  clauseCountries: string[],
): { people: Person[]; countries: string[]; destination: string | null } {
  const key = (p: Person): string => (p.name.split(/\s+/).pop() ?? '').toLowerCase();
  const known = new Set(people.map(key));
  const added = leg.traveller.filter(p => !known.has(key(p)));
  const countries: string[] = [];
  for (const p of added) if (p.country && !countries.includes(p.country)) countries.push(p.country);
  const home = new Set([...leg.traveller.map(p => p.country), ...leg.after.countries]);
  return { people: added, countries, destination: clauseCountries.find(c => !home.has(c)) ?? null };
}
