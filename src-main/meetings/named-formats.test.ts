import { describe, expect, it } from 'vitest';
import { extractArticle } from './extract';
import { namedFormatMembers } from './named-formats';
import { testArticle } from './test-article';

const members = (s: string) => namedFormatMembers(s, 0, s.length);

describe('namedFormatMembers', () => {
  it('gives the members of a format the clause frames its meeting by', () => {
    expect(members('Advisers will meet in Berlin next week in the Normandy format.')).toEqual([
      'DE',
      'FR',
      'RU',
      'UA',
    ]);
    expect(members('A Weimar Triangle summit opens in Paris on Monday.')).toEqual([
      'FR',
      'DE',
      'PL',
    ]);
  });

  it('seats no one for a format named as a mediator or a subject', () => {
    expect(members('Talks go on with the mediation of the Astana format guarantors.')).toEqual([]);
    expect(members('The envoys met to discuss the future of the Normandy format.')).toEqual([]);
    expect(members('The envoys met in Geneva.')).toEqual([]);
  });
});

describe('extractArticle, a format known by name', () => {
  it('adds the format’s members with the dictionary’s low confidence', () => {
    const [m] = extractArticle(
      testArticle('Foreign ministers of the Lublin Triangle met in Vilnius on Tuesday.', {
        published: '2024-03-13',
      }),
      undefined,
      null,
      null,
    );
    expect(m.countries.sort()).toEqual(['LT', 'PL', 'UA']);
    expect(m.confidence.countries).toEqual({ confidence: 'low', basis: 'dictionary' });
  });
});
