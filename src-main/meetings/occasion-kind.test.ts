import { describe, expect, it } from 'vitest';
import { extractArticle } from './extract';
import { otherOccasion } from './occasion-kind';
import { testArticle } from './test-article';

const extract = (text: string) => extractArticle(testArticle(text, { published: '2025-03-11' }));

describe('otherOccasion', () => {
  it('sets a bloc or many-sided event apart from the two-sided meeting before it', () => {
    const bilateral = { countries: ['KE', 'UG'], organizations: [] };
    expect(otherOccasion(bilateral, { countries: ['KE'], organizations: ['African Union'] })).toBe(
      true,
    );
    expect(otherOccasion(bilateral, { countries: ['KE', 'ET', 'SO'], organizations: [] })).toBe(
      true,
    );
    expect(otherOccasion(bilateral, { countries: ['KE', 'TZ'], organizations: [] })).toBe(false);
    // A bilateral after a summit is usually on its sidelines.
    expect(otherOccasion({ countries: ['KE', 'ET', 'SO'], organizations: [] }, bilateral)).toBe(
      false,
    );
  });
});

describe('carrying a city to the next meeting of the story', () => {
  const BILATERAL = 'The Kenyan foreign minister met his Ugandan counterpart in Kampala on Monday.';
  it('does not carry a bilateral city to a summit the text does not place', () => {
    const ms = extract(
      `${BILATERAL} On Monday he also joined the Ethiopian, Somali and Djiboutian leaders for a summit on the drought.`,
    );
    const summit = ms.find(m => m.countries.includes('SO'));
    expect(summit?.city).toBeNull();
    expect(ms.find(m => m.countries.includes('UG'))?.city).toBe('Kampala');
  });
  it('still carries it to another bilateral of that day', () => {
    const ms = extract(`${BILATERAL} He also met the Tanzanian foreign minister on Monday.`);
    const second = ms.find(m => m.countries.includes('TZ'));
    expect(second?.city).toBe('Kampala');
    expect(second?.confidence.place?.basis).toBe('context');
  });
});
