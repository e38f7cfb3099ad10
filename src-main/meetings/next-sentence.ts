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
import { findCountryTerms } from './gazetteer';
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
  const found = findPeople(text, findCountryTerms(text), 0, text.length);
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
