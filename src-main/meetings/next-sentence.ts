/**
 * People named only in the sentence that continues a meeting's story: "Vidal said she and her
 * Peruvian and Bolivian counterparts discussed fishing at their meeting. Vidal, Peruvian Foreign
 * Minister Tomás Ortega and Bolivia's Luis Mora also spoke about border crossings." The second
 * sentence reports no meeting of its own, but it names, with their titles, the counterparts the
 * first left unnamed. They join the meeting (medium confidence, from context) when the sentence
 * follows its last mention directly, names one of its people again, and each newcomer stands for
 * one of the meeting's countries, so that no party is added by this reading.
 */
import type { Person } from '../contract/meeting';
import { fold, surnameKey } from './context';
import { findCountryTerms, type CountryTerm } from './gazetteer';
import { findPeople } from './participants';

/** What the rule needs of an article meeting. */
export interface StoryMeeting {
  countries: string[];
  people: Person[];
  lastSentence: number;
}

/**
 * The meeting the sentence at `index` continues and the people it adds to it, or null. `text` is
 * a sentence without a meeting word of its own.
 */
export function continuedBy<M extends StoryMeeting>(
  meetings: M[],
  text: string,
  index: number,
): { meeting: M; people: Person[] } | null {
  const before = meetings.filter(m => m.lastSentence === index - 1 && m.people.length > 0);
  if (before.length === 0) return null;
  const terms = findCountryTerms(text);
  const titled = findPeople(text, terms, 0, text.length);
  // "… and Bolivia's Luis Mora also spoke": untitled, the possessive says whose side they are.
  const found = [...titled, ...possessiveNames(text, terms, titled)];
  if (found.length === 0) return null;
  const words = new Set(
    fold(text)
      .split(/[^\p{L}'-]+/u)
      .filter(Boolean),
  );
  const fits = before.filter(m => {
    const known = new Set(m.people.map(p => surnameKey(p.name)));
    // The story goes on with one of the meeting's own people.
    if (![...known].some(k => words.has(k))) return false;
    const added = found.filter(p => !known.has(surnameKey(p.name)));
    return added.length > 0 && added.every(p => p.country && m.countries.includes(p.country));
  });
  // Two meetings of the sentence before could both be meant: no guess.
  if (fits.length !== 1) return null;
  const [meeting] = fits;
  const known = new Set(meeting.people.map(p => surnameKey(p.name)));
  return { meeting, people: found.filter(p => !known.has(surnameKey(p.name))) };
}

/** A full name right after a country's possessive: "Bolivia's Luis Mora". */
const POSSESSIVE_NAME =
  /^(?:'s|’s),?\s+((?:\p{Lu}[\p{Ll}'’-]+\s+){1,3}\p{Lu}[\p{Ll}'’-]+)(?=\s*(?:[,;.]|$|\s+(?:and|also|said|were|was|had|have)\b))/u;

/**
 * People the sentence names after a country's possessive without a title ("Bolivia's Luis
 * Mora"), with that country and no role; never one the titled reading found.
 */
export function possessiveNames(text: string, terms: CountryTerm[], titled: Person[]): Person[] {
  const known = new Set(titled.map(p => surnameKey(p.name)));
  const out: Person[] = [];
  for (const t of terms) {
    if (t.kind !== 'name') continue;
    const m = POSSESSIVE_NAME.exec(text.slice(t.end, t.end + 80));
    if (!m || known.has(surnameKey(m[1]))) continue;
    out.push({ name: m[1], role: null, country: t.code });
  }
  return out;
}
