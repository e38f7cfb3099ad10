/**
 * People a reference back says took part: "The talks are being facilitated by Chile's former
 * President Rosa Vidal, supported by …", "the negotiations, chaired by …". The sentence adds no
 * meeting, only who sat at the table of the one it refers to. A facilitator's or mediator's
 * country is not made a party by this (the host and the mediator are parties only when the text
 * seats them); the person keeps it.
 */
import type { Person } from '../contract/meeting';
import { findCountryTerms } from './gazetteer';
import { findPeople } from './participants';

/** A passive naming who ran or joined the meeting referred to. */
const TAKERS_BY =
  /\b(?:facilitated|mediated|brokered|chaired|co-chaired|moderated|attended|joined|led|headed)\s+by\s+/i;

/** The titled people the sentence says ran or joined the meeting it refers to, in order. */
export function takersNamed(sentence: string): Person[] {
  const by = TAKERS_BY.exec(sentence);
  if (!by) return [];
  const from = by.index + by[0].length;
  return findPeople(sentence, findCountryTerms(sentence), from, sentence.length);
}
