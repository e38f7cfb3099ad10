import { describe, expect, it } from 'vitest';
import { findTriggers } from './cues';
import { extractArticle } from './extract';
import { splitBilaterals } from './bilaterals';
import { testArticle } from './test-article';

const extract = (text: string) => extractArticle(testArticle(text, { published: '2024-03-13' }));

describe('splitBilaterals', () => {
  const split = (
    s: string,
    countries: string[],
    people: { name: string; country: string }[] = [],
  ) => {
    const head = findTriggers(s).find(t => /^(?:meetings|talks)$/.test(t.word));
    if (!head) throw new Error(`no meeting word in: ${s}`);
    const cand = { countries, people: people.map(p => ({ ...p, role: null })) };
    return splitBilaterals(s, head, s.length, cand)?.map(c => c.countries);
  };

  it('gives one meeting per counterpart listed after "held meetings with"', () => {
    expect(
      split(
        'The Kenyan minister held meetings with his Malian, Chadian and Gabonese counterparts in Accra.',
        ['KE', 'ML', 'TD', 'GA'],
      ),
    ).toEqual([
      ['KE', 'ML'],
      ['KE', 'TD'],
      ['KE', 'GA'],
    ]);
  });
  it('reads counterparts named by person and by "colleagues from"', () => {
    expect(
      split(
        'The Kenyan president will hold bilateral meetings with both Musa Bello and Kofi Asante, before the summit.',
        ['KE', 'NG', 'GH'],
        [
          { name: 'Musa Bello', country: 'NG' },
          { name: 'Kofi Asante', country: 'GH' },
        ],
      ),
    ).toEqual([
      ['KE', 'NG'],
      ['KE', 'GH'],
    ]);
    expect(
      split('The Kenyan minister continued bilateral talks with colleagues from Mali and Chad.', [
        'KE',
        'ML',
        'TD',
      ]),
    ).toEqual([
      ['KE', 'ML'],
      ['KE', 'TD'],
    ]);
  });
  it('keeps "held talks with A and B" one meeting', () => {
    expect(
      split('The Kenyan minister held talks with Mali and Chad in Accra.', ['KE', 'ML', 'TD']),
    ).toBeUndefined();
  });
  it('keeps a single counterpart one meeting', () => {
    expect(
      split('The Kenyan minister held meetings with Malian officials.', ['KE', 'ML']),
    ).toBeUndefined();
  });
});

describe('extractArticle', () => {
  it('reports each bilateral with its own counterpart and the shared day and city', () => {
    const ms = extract(
      'Kenyan Foreign Minister Amina Otieno held meetings with her Malian and Chadian counterparts in Accra on Monday.',
    );
    expect(ms.map(m => m.countries.sort())).toEqual([
      ['KE', 'ML'],
      ['KE', 'TD'],
    ]);
    for (const m of ms) expect(m).toMatchObject({ city: 'Accra', date: { start: '2024-03-11' } });
  });
});
