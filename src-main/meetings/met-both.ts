/**
 * "The envoys met both the president and the opposition leader", "a visit that saw the leaders
 * meeting with both A and B": "both" after a meeting word lists two encounters, one with each,
 * as the annotation policy counts them (bilaterals reported in one sentence). Each keeps the
 * subject's side and one counterpart. A place the sentence names before that meeting word ("a
 * visit to Ukraine …, which also saw them meeting with both …") is kept only by the encounter
 * whose counterpart is of that country: the other one may well have been elsewhere, and a card
 * with no place is better than one with a wrong one.
 */
import type { Person } from '../contract/meeting';
import type { Trigger } from './cues';
import { counterpartsListed, namedIn } from './bilaterals';

/** What a split needs of a candidate: its parties and place. */
export interface BothParties {
  countries: string[];
  people: Person[];
  city: string | null;
  placeCountry: string | null;
}

const BOTH_AFTER = /^\s+(?:(?:separately|individually)\s+)?(?:with\s+)?both\s+/i;
const MEETING_WORD = /^(?:meet|meets|met|meeting|meetings|talks)$/i;
/** Where the two counterparts end: a clause break, or the place, time or purpose that follows. */
const LIST_END =
  /[.;:!?"“”(]|,\s+(?!and\b)|\s+(?:to|on|in|at|for|during|before|after|where|which|who|while|last|this|next|earlier|later)\s/i;

/** The encounters one per counterpart, or null when the clause does not list two with "both". */
export function splitMetBoth<C extends BothParties>(
  sentence: string,
  triggers: Trigger[],
  clauseEnd: number,
  cand: C,
  placeAt: number | null,
): C[] | null {
  for (const t of triggers) {
    if (!MEETING_WORD.test(t.word)) continue;
    const lead = BOTH_AFTER.exec(sentence.slice(t.end, clauseEnd));
    if (!lead) continue;
    const from = t.end + lead[0].length;
    const rest = sentence.slice(from, clauseEnd);
    const list = rest.slice(0, LIST_END.exec(rest)?.index ?? rest.length);
    if (!/\band\b/i.test(list)) return null;
    const counterparts = counterpartsListed(list, cand);
    if (counterparts.length !== 2) return null;
    const subject = cand.countries.filter(c => !counterparts.includes(c));
    if (subject.length === 0) return null;
    const placedBefore = placeAt !== null && placeAt < t.start;
    return counterparts.map(c => {
      const elsewhere = placedBefore && cand.placeCountry !== null && cand.placeCountry !== c;
      return {
        ...cand,
        countries: [...subject, c],
        people: cand.people.filter(p => (namedIn(list, p) ? p.country === c : true)),
        city: elsewhere ? null : cand.city,
        placeCountry: elsewhere ? null : cand.placeCountry,
      };
    });
  }
  return null;
}
