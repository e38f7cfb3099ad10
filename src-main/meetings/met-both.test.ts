import { describe, expect, it } from 'vitest';
import { extractArticle } from './extract';
import { testArticle } from './test-article';

const extract = (text: string) => extractArticle(testArticle(text, { published: '2025-03-20' }));

describe('"met both A and B"', () => {
  it('gives one encounter with each of the two counterparts', () => {
    const ms = extract(
      'On Tuesday the Kenyan foreign minister met both the Nigerian president and the Ghanaian vice-president in Abuja.',
    );
    expect(ms.map(m => [...m.countries].sort())).toEqual([
      ['KE', 'NG'],
      ['GH', 'KE'],
    ]);
    // The place follows the meeting word, so both encounters were there.
    expect(ms.map(m => m.city)).toEqual(['Abuja', 'Abuja']);
    expect(ms.every(m => m.date.start === '2025-03-18')).toBe(true);
  });
  it('keeps a place named before the meeting word only for the counterpart of that country', () => {
    const ms = extract(
      "The tour followed the Kenyan president's trip to Brazil in May 2024, which also saw the delegation meeting with both Brazilian and Argentine leaders to present a trade plan.",
    );
    const brazil = ms.find(m => m.countries.includes('BR'));
    const argentina = ms.find(m => m.countries.includes('AR'));
    expect(brazil?.countries.sort()).toEqual(['BR', 'KE']);
    expect(brazil?.placeCountry).toBe('BR');
    expect(argentina?.countries.sort()).toEqual(['AR', 'KE']);
    expect(argentina?.placeCountry).toBeNull();
  });
  it('leaves "both sides" and a plain list as one meeting', () => {
    expect(
      extract('The Kenyan and Ugandan ministers met on Monday, and both sides praised the talks.'),
    ).toHaveLength(1);
    expect(
      extract('The Kenyan minister met Nigerian and Ghanaian officials in Abuja on Tuesday.'),
    ).toHaveLength(1);
  });
});
