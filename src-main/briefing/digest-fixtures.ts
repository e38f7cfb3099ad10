/**
 * Hand-made digest inputs for tests and the benchmark: the seed meeting and `n` variations of it
 * (other dates, places, statuses), each with its own numbered sources.
 */
import type { DigestInputDraft, Meeting } from '../contract';
import { FIXED_TIME, seedInput, seedMeeting } from './fixtures';

const CITIES: [string, string, string][] = [
  ['Ankara', 'TR', 'Türkiye'],
  ['Tehran', 'IR', 'Iran'],
  ['Damascus', 'SY', 'Syria'],
  ['Moscow', 'RU', 'Russia'],
  ['Astana', 'KZ', 'Kazakhstan'],
];
const STATUSES: Meeting['status'][] = ['held', 'scheduled', 'proposed'];

/** The i-th variation of the seed meeting: a round of talks on its own day, in its own city. */
export function digestMeeting(i: number): Meeting {
  const base = seedMeeting();
  const [city, code, name] = CITIES[i % CITIES.length];
  const day = `2023-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`;
  return {
    ...base,
    id: `m-digest-${i}`,
    title: `Round ${i + 1} of the quadrilateral talks in ${city}`,
    status: STATUSES[i % STATUSES.length],
    outcome: i % 7 === 6 ? 'postponed' : null,
    date: { start: day, end: day, precision: 'day', text: null },
    place: { city, country: { code, name }, venue: null },
    mentions: base.mentions.map(m => ({ ...m, articleId: `${m.articleId}-${i}` })),
  };
}

/** A digest of the seed meeting and `n - 1` variations, the seed's bottom line written. */
export function digestInput(n: number, paper: 'A4' | 'Letter' = 'A4'): DigestInputDraft {
  const seed = seedInput();
  const entries = Array.from({ length: n }, (_, i) => {
    const meeting = i === 0 ? seedMeeting() : digestMeeting(i);
    const suffix = i === 0 ? '' : `-${i}`;
    return {
      meeting,
      bottomLine:
        i === 0 ? 'The four ministers agreed to keep meeting; no date for the next round.' : null,
      sources: seed.sources.map(s => ({
        ...s,
        articleId: `${s.articleId}${suffix}`,
        title: i === 0 ? s.title : `${s.title} (round ${i + 1})`,
      })),
    };
  });
  return { entries, options: { paper, handling: null, generatedAt: FIXED_TIME } };
}
