import { describe, expect, it } from 'vitest';
import { extractArticle } from './extract';
import { formerMarker, openExPrefixes } from './former-titles';
import { findRoles } from './gazetteer';
import { findPeople } from './participants';
import { findCountryTerms } from './gazetteer';
import { testArticle } from './test-article';

const people = (s: string) => findPeople(s, findCountryTerms(s), 0, s.length);
const extract = (text: string) =>
  extractArticle(testArticle(text, { published: '2024-06-12' }), undefined, null, null);

describe('former titles', () => {
  it('reads a title joined to "ex-" as a title no longer held', () => {
    const s =
      'The talks are chaired by Chile’s ex-Vice President Rosa Vidal and Peru’s former President Tomás Ortega.';
    expect(people(s)).toEqual([
      { name: 'Rosa Vidal', role: 'Former Vice President', country: 'CL' },
      { name: 'Tomás Ortega', role: 'Former President', country: 'PE' },
    ]);
    expect(findRoles('the ex-president spoke').map(r => r.title)).toEqual(['president']);
  });

  it('says which word marks the office as past, and keeps offsets when opening "ex-"', () => {
    expect(formerMarker('Chile’s ex-')).toBe('Former');
    expect(formerMarker('the ousted Bolivian ')).toBe('Ousted');
    expect(formerMarker('the complex-')).toBeNull();
    const s = 'an ex-Prime Minister';
    expect(openExPrefixes(s)).toHaveLength(s.length);
  });

  it('gives the meeting no level from an office its holder has left', () => {
    const [m] = extract(
      'Led by former Bolivian president Luis Mora, a delegation of the Andean Community met senior army officers in Sucre on Tuesday.',
    );
    expect(m.people.map(p => p.role)).toEqual(['Former President']);
    expect(m.levels).not.toContain('heads of state');
  });
});
