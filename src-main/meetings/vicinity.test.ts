import { describe, expect, it } from 'vitest';
import { extractArticle } from './extract';
import { testArticle } from './test-article';
import { onlyNear } from './vicinity';

const extract = (text: string) => extractArticle(testArticle(text, { published: '2025-06-12' }));

describe('onlyNear', () => {
  it('recognises the words that put a meeting beside a city', () => {
    for (const before of [
      'the talks at a country estate outside ',
      'held near ',
      'met on the outskirts of ',
      'a military base north of ',
      'at a lodge 40 km from ',
      'gathered in a resort just outside the city of ',
    ])
      expect(onlyNear(before), before).toBe(true);
  });
  it('leaves a meeting in the city alone', () => {
    for (const before of ['met in ', 'held in the capital ', 'talks at the palace in '])
      expect(onlyNear(before), before).toBe(false);
  });
});

describe('a meeting held near a city', () => {
  it('keeps the country of "outside Paris" but not Paris as its city', () => {
    const [m] = extract(
      'The Ghanaian and Kenyan foreign ministers held two days of talks at a chateau outside Paris on Tuesday.',
    );
    expect(m.countries).toEqual(expect.arrayContaining(['GH', 'KE']));
    expect(m.city).toBeNull();
    expect(m.placeCountry).toBe('FR');
  });
  it('drops the city of "on the outskirts of" and "north of"', () => {
    const [a] = extract(
      'Chilean and Peruvian negotiators met on the outskirts of Madrid on Monday to discuss the border.',
    );
    expect(a.city).toBeNull();
    expect(a.placeCountry).toBe('ES');
    const [b] = extract(
      'The Polish president met his Lithuanian counterpart at an air base north of Warsaw on Monday.',
    );
    expect(b.city).toBeNull();
    expect(b.placeCountry).toBe('PL');
  });
  it('still reads "in Paris" as the city', () => {
    const [m] = extract('The Ghanaian and Kenyan foreign ministers met in Paris on Tuesday.');
    expect(m.city).toBe('Paris');
  });
});
