import { describe, expect, it } from 'vitest';
import { extractArticle } from './extract';
import { continuedBy } from './next-sentence';
import { testArticle } from './test-article';

const extract = (text: string) =>
  extractArticle(testArticle(text, { published: '2024-03-13' }), undefined, null, null);

const FIRST =
  'Chilean Foreign Minister Rosa Vidal said she and her Peruvian and Bolivian counterparts discussed fishing at their meeting in Arica today.';

describe('continuedBy', () => {
  it('seats the titled people the next sentence names beside one of the meeting’s people', () => {
    const [m] = extract(
      `${FIRST} Vidal, Peruvian Foreign Minister Tomás Ortega and Bolivian Foreign Minister Luis Mora also spoke about border crossings.`,
    );
    expect(m.people.map(p => p.name)).toEqual(['Rosa Vidal', 'Tomás Ortega', 'Luis Mora']);
    expect(m.countries.sort()).toEqual(['BO', 'CL', 'PE']);
    expect(m.confidence.people).toEqual({ confidence: 'medium', basis: 'context' });
  });

  it('seats an untitled name a country’s possessive gives the side of', () => {
    const [m] = extract(
      `${FIRST} Vidal, Peruvian Foreign Minister Tomás Ortega and Bolivia’s Luis Mora also spoke about border crossings.`,
    );
    expect(m.people).toContainEqual({ name: 'Luis Mora', role: null, country: 'BO' });
    const [other] = extract(
      `${FIRST} Vidal and Argentina’s Ana Soto also spoke about border crossings.`,
    );
    expect(other.people.map(p => p.name)).toEqual(['Rosa Vidal']);
  });

  it('adds no one whose country is not a party, or when the story moves on', () => {
    const [other] = extract(
      `${FIRST} Vidal and Argentine Foreign Minister Ana Soto also spoke about border crossings.`,
    );
    expect(other.people.map(p => p.name)).toEqual(['Rosa Vidal']);
    const [later] = extract(
      `${FIRST} Peruvian Foreign Minister Tomás Ortega later spoke about border crossings.`,
    );
    expect(later.people.map(p => p.name)).toEqual(['Rosa Vidal']);
  });

  it('reads only the sentence right after the meeting’s last mention', () => {
    const m = {
      countries: ['CL', 'PE'],
      people: [{ name: 'Rosa Vidal', role: 'Foreign Minister', country: 'CL' }],
      lastSentence: 0,
    };
    const s = 'Vidal and Peruvian Foreign Minister Tomás Ortega also spoke about trade.';
    expect(continuedBy([m], s, 1)?.people.map(p => p.name)).toEqual(['Tomás Ortega']);
    expect(continuedBy([m], s, 2)).toBeNull();
  });
});
