import { describe, expect, it } from 'vitest';
import { buildCast } from './context';
import { extractArticle } from './extract';
import { findCountryTerms } from './gazetteer';
import { splitSentences } from './sentences';
import { testArticle } from './test-article';
import { titledAt, titledReferences } from './titled-references';

const extract = (text: string) =>
  extractArticle(testArticle(text, { published: '2024-06-12' }), undefined, null, null);

const STORY =
  'Qatar’s Emir, Sheikh Tamim Al Thani, on Monday welcomed Jordan’s King Abdullah Ibn Hussein to Doha. ';

describe('titledReferences', () => {
  it('seats the story’s people a meeting sentence names by title alone', () => {
    const [m] = extract(`${STORY}The emir and Jordan’s king held talks at the palace in Doha.`);
    expect(m.people.map(p => p.name).sort()).toEqual([
      'Abdullah Ibn Hussein',
      'Sheikh Tamim Al Thani',
    ]);
    expect(m.countries.sort()).toEqual(['JO', 'QA']);
    expect(m.confidence.people).toEqual({ confidence: 'medium', basis: 'context' });
  });

  it('reads a royal title with a given name ("King Abdullah")', () => {
    const [m] = extract(`${STORY}King Abdullah held talks in Doha on Monday.`);
    expect(m.people.map(p => p.name)).toEqual(['Abdullah Ibn Hussein']);
  });

  it('guesses no one when the title fits several of the cast, or none', () => {
    const text =
      'Chilean President Rosa Vidal and Peruvian President Tomás Ortega spoke on Monday. The president will travel to Quito.';
    const sentences = splitSentences(text);
    const cast = buildCast(sentences, () => false);
    const last = sentences[1].text;
    expect(titledReferences(last, 0, last.length, cast, findCountryTerms(last))).toEqual([]);
    const qualified = 'The Peruvian president will travel to Quito.';
    expect(
      titledReferences(qualified, 0, qualified.length, cast, findCountryTerms(qualified)).map(
        p => p.name,
      ),
    ).toEqual(['Tomás Ortega']);
    const unknown = 'The Bolivian president will travel to Quito.';
    expect(titledReferences(unknown, 0, unknown.length, cast, findCountryTerms(unknown))).toEqual(
      [],
    );
  });
});

describe('titledAt', () => {
  it('adds to a meeting referred back to only people of a country it seats', () => {
    const sentences = splitSentences(STORY);
    const cast = buildCast(sentences, () => false);
    const meeting = { countries: ['QA', 'JO'], people: [] };
    const s = 'The emir and the king led the talks, the agency said.';
    expect(titledAt(meeting, s, cast).map(p => p.country)).toEqual(['QA', 'JO']);
    expect(titledAt({ countries: ['QA'], people: [] }, s, cast).map(p => p.country)).toEqual([
      'QA',
    ]);
  });
});
