/**
 * A title followed by a comma and the holder's name: "met his Chilean counterpart, Rosa Vidal,
 * on Monday", "the Peruvian and Bolivian trade ministers, Ana Soto and Luis Mora, met". News
 * puts the name in apposition after the title as often as before it; without this reading the
 * name is found later by surname alone, and its country from the actor dictionary (low
 * confidence) although the sentence states it.
 */
import type { CountryTerm } from './gazetteer';

/** A name the title's apposition gives, with its offset in the sentence. */
export interface ApposedName {
  raw: string;
  at: number;
}

const NAME_WORD =
  "(?:\\p{Lu}[\\p{Ll}\\p{Lu}'’.-]+|al-\\p{Lu}[\\p{L}'’-]+|bin|ibn|al|el|de|da|van|von|der)";
const ONE_NAME = `${NAME_WORD}(?:\\s+${NAME_WORD}){1,4}`;
/** Where an apposed name ends: a comma, the sentence's end, or the clause going on. */
const NAME_END = '(?=\\s*(?:[,;.:)]|$)|\\s+(?:on|in|at|during|who|for|to|and|met|said|held)\\b)';
const APPOSED = new RegExp(`^,\\s+(${ONE_NAME})${NAME_END}`, 'u');
const APPOSED_PAIR = new RegExp(`^,\\s+(${ONE_NAME})\\s+and\\s+(${ONE_NAME})${NAME_END}`, 'u');
/**
 * The title is someone's: "his counterpart", "the Peruvian minister", "their … counterparts",
 * or a country's: "Oman's Sultan, Sheikh Haitham".
 */
const OWNED_BEFORE =
  /(?:\b(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Tt]he)\s+|\p{Lu}[\p{L}-]+(?:'s|’s)\s+)(?:[\p{L}-]+\s+){0,4}$/u;
const PLURAL_TITLE = /s$/i;

/**
 * The names in apposition after a title that ends at `titleEnd`, or [] when none: one name after
 * a singular title, two ("A and B") after a plural one. `before` is the text before the title.
 */
export function apposedNames(sentence: string, titleEnd: number, before: string): ApposedName[] {
  const after = sentence.slice(titleEnd, titleEnd + 120);
  if (!after.startsWith(',') || !OWNED_BEFORE.test(before)) return [];
  const title = sentence.slice(Math.max(0, titleEnd - 12), titleEnd);
  if (PLURAL_TITLE.test(title)) {
    const pair = APPOSED_PAIR.exec(after);
    if (!pair) return [];
    const second = after.indexOf(pair[2], pair[1].length + 2);
    return [
      { raw: pair[1], at: titleEnd + after.indexOf(pair[1]) },
      { raw: pair[2], at: titleEnd + second },
    ];
  }
  const one = APPOSED.exec(after);
  return one ? [{ raw: one[1], at: titleEnd + after.indexOf(one[1]) }] : [];
}

/**
 * The countries of a pair apposed after a plural title, one each, from the demonyms or names
 * coordinated before it ("the Peruvian and Bolivian ministers"), or null unless there are two.
 */
export function pairCountries(
  terms: CountryTerm[],
  titleStart: number,
  sentence: string,
): [string, string] | null {
  const near = terms.filter(
    t =>
      t.end <= titleStart &&
      t.start >= titleStart - 50 &&
      t.kind !== 'city' &&
      t.kind !== 'capital',
  );
  if (near.length < 2) return null;
  const [a, b] = near.slice(-2);
  if (!/^\s+and\s+$/.test(sentence.slice(a.end, b.start))) return null;
  return a.code === b.code ? null : [a.code, b.code];
}
