/**
 * Bilaterals reported together: "the minister held meetings with his Finnish, Greek and British
 * counterparts", "will hold bilateral meetings with both A and B". One clause, but one meeting
 * per counterpart, each between the subject and that counterpart, as the annotation guide counts
 * them. "Held talks with A and B" stays one meeting: plural "talks" is the ordinary word for a
 * single encounter, so only plural meetings, bilaterals and separate talks are split.
 */
import type { Person } from '../contract/meeting';
import type { Trigger } from './cues';
import { findCountryTerms } from './gazetteer';

/** What a split needs of a candidate: its parties. */
export interface Parties {
  countries: string[];
  people: Person[];
}

const PLURAL_MEETING = /^(?:meetings|bilaterals)$/i;
const PLURAL_TALKS = /^(?:talks|consultations|negotiations)$/i;
const ONE_EACH_BEFORE = /\b(?:bilateral|separate|individual|one-on-one)\s+(?:[\p{L}-]+\s+)?$/iu;
const WITH_AFTER = /^\s+with\s+/i;
/** Where the list of counterparts ends: a clause break or the place, time or purpose of it. */
const LIST_END =
  /[.;:!?"“”]|,\s+(?:and\s+)?(?:to|on|in|at|where|which|who|before|after|during|while|but|as|the)\b|\s+(?:to|on|in|at|for|during|before|after|where|which|who|while|from\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\s/;

/**
 * The countries a list of counterparts names, once each in order: by a country's name or
 * demonym, or through a person of the candidate whose surname is in the list.
 */
export function counterpartsListed(list: string, cand: Parties): string[] {
  const counterparts: string[] = [];
  const add = (code: string | null): void => {
    if (code && !counterparts.includes(code)) counterparts.push(code);
  };
  for (const t of findCountryTerms(list))
    if (t.kind === 'name' || t.kind === 'demonym') add(t.code);
  for (const p of cand.people) if (namedIn(list, p)) add(p.country);
  return counterparts;
}

/** Whether a list of counterparts names the person, by surname. */
export function namedIn(list: string, p: Person): boolean {
  return list.includes(p.name.split(/\s+/).pop() ?? p.name);
}

/**
 * The counterparts listed after the meeting word, as one party each, when the clause reports
 * one meeting per counterpart; null when it reports one meeting (or names fewer than two).
 */
export function splitBilaterals<C extends Parties>(
  sentence: string,
  head: Trigger,
  clauseEnd: number,
  cand: C,
): C[] | null {
  const before = sentence.slice(Math.max(0, head.start - 40), head.start);
  if (
    !PLURAL_MEETING.test(head.word) &&
    !(PLURAL_TALKS.test(head.word) && ONE_EACH_BEFORE.test(before))
  )
    return null;
  const lead = WITH_AFTER.exec(sentence.slice(head.end, clauseEnd));
  if (!lead) return null;
  const from = head.end + lead[0].length;
  const rest = sentence.slice(from, clauseEnd);
  // "with colleagues from Germany and the Netherlands": a "from" inside the list is part of it.
  const end = LIST_END.exec(
    rest.replace(/^(?:[\p{L}-]+\s+){1,2}from\s+/u, m => ' '.repeat(m.length)),
  );
  const list = end ? rest.slice(0, end.index) : rest;
  const counterparts = counterpartsListed(list, cand);
  if (counterparts.length < 2) return null;
  const subject = cand.countries.filter(c => !counterparts.includes(c));
  if (subject.length === 0) return null;
  return counterparts.map(c => ({
    ...cand,
    countries: [...subject, c],
    people: cand.people.filter(p => (namedIn(list, p) ? p.country === c : true)),
  }));
}
