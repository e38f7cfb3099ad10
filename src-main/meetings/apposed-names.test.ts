import { describe, expect, it } from 'vitest';
import type { ActorLookup } from './context';
import { extractArticle } from './extract';
import { findCountryTerms } from './gazetteer';
import { findPeople } from './participants';
import { testArticle } from './test-article';

const people = (s: string) => findPeople(s, findCountryTerms(s), 0, s.length);

/** A dictionary that wrongly holds Vidal for a Uruguayan, to see whether it was asked. */
const everyoneUruguayan: ActorLookup = name =>
  /Vidal$/.test(name) ? { name: 'Rosa Vidal', country: 'UY', role: 'Minister' } : null;

describe('apposedNames', () => {
  it('reads the name after "his Chilean counterpart," with the country the title states', () => {
    expect(
      people('The Peruvian minister received his Chilean counterpart, Rosa Vidal, on Monday.'),
    ).toContainEqual({ name: 'Rosa Vidal', role: 'Counterpart', country: 'CL' });
  });

  it('gives each of two names after a plural title the country coordinated before it', () => {
    const found = people(
      'The Peruvian and Bolivian trade ministers, Ana Soto and Luis Mora, met in Arica.',
    );
    expect(found).toEqual([
      { name: 'Ana Soto', role: 'Trade Minister', country: 'PE' },
      { name: 'Luis Mora', role: 'Trade Minister', country: 'BO' },
    ]);
  });

  it('reads no name after a title that nobody owns or a comma that ends the clause', () => {
    expect(people('Talks with a counterpart, Peru said, would wait.')).toEqual([]);
    expect(people('She met the minister, and Lima welcomed the talks.')).toEqual([]);
  });

  it('keeps the stated country out of the dictionary: the meeting is read in its sentence', () => {
    const [m] = extractArticle(
      testArticle(
        'The Peruvian minister Tomás Ortega met his Chilean counterpart, Rosa Vidal, in Lima on Monday.',
        { published: '2024-03-13' },
      ),
      undefined,
      null,
      everyoneUruguayan,
    );
    expect(m.people.find(p => p.name === 'Rosa Vidal')?.country).toBe('CL');
    expect(m.countries).not.toContain('UY');
    expect(m.confidence.people).toBeUndefined();
  });
});

describe('findPeople', () => {
  it('reads a name that starts with a capital outside A–Z ("Özlem Çelik")', () => {
    expect(
      people('Turkish Trade Minister Özlem Çelik met Greek officials in Izmir.'),
    ).toContainEqual({ name: 'Özlem Çelik', role: 'Trade Minister', country: 'TR' });
  });
});
