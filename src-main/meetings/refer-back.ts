/**
 * References back that look like new meetings. Two shapes name a meeting the article has already
 * reported without the words that mark a reference back ("the meeting", "these talks"):
 *
 * - a definite phrase with a complement: "said the talks with the rebels began on Tuesday",
 *   "the meeting of the foreign ministers was under consideration". Cues read the complement as
 *   introducing a meeting ("the talks between A and B took place"), which is right for a first
 *   mention but not when the article has already reported talks of those parties;
 * - a plan reported after the event: "an aide said before the trip that she would meet the
 *   prime minister". The future-in-the-past looks ahead from the time of the saying, so it is the
 *   plan of an encounter the article reports as held, not a second meeting still to come.
 *
 * Either may fold into an earlier meeting of the article whatever tense its reporting verb has
 * ("previously said", "would"); a new date, new parties or a word of another occasion ("again",
 * "next", "another") keep it apart.
 */
import type { MeetingDate, Person } from '../contract/meeting';
import { NEW_REFERENT_MODIFIER, type Trigger } from './cues';

export type ReferBack = 'definite' | 'reported-plan';

/** The determiner that makes a phrase definite; possessives of a day name the occasion. */
const DEFINITE_PHRASE =
  /^(?:the|this|that|these|those|today's|today’s|yesterday's|yesterday’s)\s+(?:[\p{L}\d’'-]+\s+){0,3}$/iu;

/** What cues read as a complement that introduces a meeting (with, between, of the …). */
const COMPLEMENT_AFTER = /^\s+(?:between|among|with|involving|of)\b/i;

/** "would meet", "would hold talks with", "would visit": the plan as it stood when it was said. */
const WOULD_BEFORE = /\bwould\s+(?:also\s+|then\s+|first\s+)?(?:hold\s+(?:\w+\s+)?)?$/i;

/** A reporting verb earlier in the sentence: the plan is someone's words. */
const REPORTED_BEFORE =
  /\b(?:said|says|told|added|announced|stated|posted|wrote|confirmed|indicated|according to)\b/i;

/** Words that make the plan another occasion than the one reported. */
const ANOTHER_OCCASION =
  /\b(?:again|next|another|later this|soon|in (?:the )?future|once more|a second|a further|return)\b/i;

/**
 * Whether the clause at `trigger` refers back to a meeting reported before, and how; null when it
 * is worded as a meeting of its own.
 */
export function referBackOf(
  sentence: string,
  trigger: Trigger,
  segment: [number, number],
): ReferBack | null {
  if (trigger.anaphoric) return null;
  if (trigger.kind === 'noun') {
    const phrase = sentence.slice(trigger.phraseStart, trigger.start);
    if (
      DEFINITE_PHRASE.test(phrase) &&
      !NEW_REFERENT_MODIFIER.test(phrase) &&
      COMPLEMENT_AFTER.test(sentence.slice(trigger.end, trigger.end + 20))
    )
      return 'definite';
  }
  const before = sentence.slice(Math.max(segment[0], trigger.start - 30), trigger.start);
  const clause = sentence.slice(segment[0], segment[1]);
  if (
    (trigger.kind === 'verb' || trigger.kind === 'visit' || trigger.kind === 'noun') &&
    WOULD_BEFORE.test(before) &&
    REPORTED_BEFORE.test(sentence.slice(0, trigger.start)) &&
    !ANOTHER_OCCASION.test(clause)
  )
    return 'reported-plan';
  return null;
}

/**
 * Whether a reference back of kind `kind`, read with date `date`, may join a meeting of status
 * `status`: a reported plan joins only an encounter already held, and only when it names no
 * date of its own (a dated plan is a meeting still to come).
 */
export function mayJoin(kind: ReferBack, date: MeetingDate, status: string): boolean {
  if (kind === 'definite') return true;
  return status === 'held' && !date.start;
}

/** The last reporting verb before a meeting word: "X previously said that the meeting …". */
const SPEECH_VERB_RE =
  /\b(?:said|says|told|added|announced|stated|posted|wrote|confirmed|indicated)\b/gi;

/**
 * The people of a reference back who only tell of the meeting: named before the reporting verb
 * that introduces it ("Minister X previously said that the meeting of …") and not again after it.
 * A teller is a source, not a party, and must not join the meeting the reference folds into.
 */
export function tellers(sentence: string, triggerAt: number, people: Person[]): Person[] {
  let verbAt = -1;
  SPEECH_VERB_RE.lastIndex = 0;
  for (
    let m = SPEECH_VERB_RE.exec(sentence);
    m && m.index < triggerAt;
    m = SPEECH_VERB_RE.exec(sentence)
  )
    verbAt = m.index;
  if (verbAt < 0) return [];
  const before = sentence.slice(0, verbAt);
  const after = sentence.slice(verbAt);
  return people.filter(p => {
    const surname = p.name.split(/\s+/).pop() ?? p.name;
    return before.includes(surname) && !after.includes(surname);
  });
}

/**
 * What a reference back says of its meeting's parties once its tellers are set aside: their
 * names, and the countries only they stood for.
 */
export function withoutTellers<T extends { people: Person[]; countries: string[] }>(
  sentence: string,
  triggerAt: number,
  clause: T,
): T {
  const told = tellers(sentence, triggerAt, clause.people);
  if (told.length === 0) return clause;
  const people = clause.people.filter(p => !told.includes(p));
  const theirs = new Set(told.map(p => p.country).filter(c => c !== null));
  const kept = new Set(people.map(p => p.country));
  const countries = clause.countries.filter(c => !theirs.has(c) || kept.has(c));
  return { ...clause, people, countries };
}

/**
 * How well the countries a reference back names ("the visits give Chile and Peru a chance …")
 * fit a meeting's parties, from 0 to 1: the sentence is evidence of the meeting whose parties
 * it names, not merely of the one mentioned last. 0 when it names none.
 */
export function partiesAgreement(named: string[], parties: string[]): number {
  if (named.length === 0 || parties.length === 0) return 0;
  const theirs = new Set(parties);
  const shared = named.filter(c => theirs.has(c)).length;
  return shared / (named.length + parties.length - shared);
}
