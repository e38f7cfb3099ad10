/**
 * The host of a summit or a visit named by that role: "Ortega thanked the summit host,
 * Chile's President Rosa Vidal", "Vidal, the host of the summit, …". A summit's or a visit's
 * host sits at it (the card's country list already counts a summit's host country); the
 * sentence names that person only as the host, often while referring back to the meeting. The
 * person joins the meeting referred to only when of the country it is held in, so that a host
 * read wrongly (or one named for another event) never adds a foreign party to it. Only summits,
 * visits and the like: the host of talks between others is no party (the annotation policy).
 */
import type { Person } from '../contract/meeting';
import { findCountryTerms } from './gazetteer';
import { findPeople } from './participants';

/** "the summit host, …": the role, then the person in apposition. */
const HOST_THEN_NAME =
  /\b(?:the\s+)?(?:summit|conference|visit|gathering|meeting|forum)(?:'s|’s)?\s+host(?:\s+country)?,\s+/gi;
/** "…, the host of the summit": the person, then the role in apposition. */
const NAME_THEN_HOST =
  /,\s+(?:the\s+)?host\s+of\s+(?:the\s+)?(?:[\p{L}-]+\s+){0,3}(?:summit|conference|visit|gathering|forum)\b/giu;

/** The titled people a sentence names as the host of a summit or visit. */
export function hostsNamed(sentence: string): Person[] {
  const terms = findCountryTerms(sentence);
  const found: Person[] = [];
  for (const m of sentence.matchAll(HOST_THEN_NAME)) {
    const from = m.index + m[0].length;
    found.push(
      ...findPeople(sentence, terms, from, Math.min(sentence.length, from + 90)).slice(0, 1),
    );
  }
  for (const m of sentence.matchAll(NAME_THEN_HOST)) {
    const before = Math.max(0, m.index - 90);
    const people = findPeople(sentence, terms, before, m.index);
    if (people.length > 0) found.push(people[people.length - 1]);
  }
  return found;
}

/** The hosts the sentence names for `meeting`: of the country it is held in, not yet listed. */
export function hostsOf(
  meeting: { people: Person[]; placeCountry: string | null },
  sentence: string,
): Person[] {
  if (!meeting.placeCountry || !/\bhost\b/i.test(sentence)) return [];
  const known = new Set(meeting.people.map(p => p.name));
  return hostsNamed(sentence).filter(p => p.country === meeting.placeCountry && !known.has(p.name));
}
