import { describe, expect, it } from 'vitest';
import { countedSides, fillCountedSides } from './counted-sides';
import { extractArticle } from './extract';
import { testArticle } from './test-article';

const extract = (text: string) =>
  extractArticle(testArticle(text, { published: '2024-03-04' }), undefined, null, null);

// A story of Chilean–Bolivian talks whose four-way meeting lists three of its sides.
const STORY = [
  'Chilean President Rosa Vidal and Bolivian President Luis Mora met in Arica on March 1.',
  'Vidal and Mora held talks again in La Paz on March 2.',
  'A four-way meeting is scheduled for April 9 in Lima with the participation of Peruvian President Tomás Ortega and Chilean President Rosa Vidal, as well as Ecuador.',
].join(' ');

describe('countedSides', () => {
  it('reads the sides a meeting word counts', () => {
    expect(countedSides('A five-sided meeting is planned.')).toEqual([5]);
    expect(countedSides('the next trilateral meeting in Brussels')).toEqual([3]);
    expect(countedSides('bilateral meetings with both, then a trilateral meeting')).toEqual([2, 3]);
    expect(countedSides('a five-year plan and three-way traffic')).toEqual([]);
  });
});

describe('fillCountedSides', () => {
  it('adds the side the story’s other meetings all seat, marked for checking', () => {
    const four = extract(STORY).find(m => m.city === 'Lima');
    expect(four?.countries.sort()).toEqual(['BO', 'CL', 'EC', 'PE']);
    expect(four?.confidence.countries).toEqual({ confidence: 'low', basis: 'context' });
  });

  it('leaves a gap it cannot fill, marked, and never counts a sentence counting two meetings', () => {
    const m = {
      countries: ['CL', 'BO'],
      people: [],
      organizations: [],
      placeCountry: null,
      mentions: [{ sentence: 'The next trilateral meeting will be in Quito.', start: 0 }],
      confidence: {},
    };
    const others = [
      { ...m, countries: ['CL', 'BO', 'PE'], mentions: [{ sentence: 'They met.', start: 1 }] },
      { ...m, countries: ['CL', 'BO', 'AR'], mentions: [{ sentence: 'They met.', start: 1 }] },
    ];
    fillCountedSides([m, ...others]);
    expect(m.countries).toEqual(['CL', 'BO']);
    expect(m.confidence).toEqual({ countries: { confidence: 'low', basis: 'context' } });
    const both = {
      ...m,
      countries: ['RU', 'AM'],
      confidence: {},
      mentions: [
        {
          sentence:
            'He will hold bilateral talks with each of them, ahead of a trilateral meeting.',
          start: 0,
        },
      ],
    };
    fillCountedSides([both, { ...both, countries: ['RU', 'AM', 'AZ'], mentions: [] }]);
    expect(both.countries).toEqual(['RU', 'AM']);
    // A sentence another meeting shares may count that one's sides.
    const side = {
      ...m,
      countries: ['RU', 'AM'],
      confidence: {},
      mentions: [{ sentence: 'They meet one to one, then in a trilateral meeting.', start: 5 }],
    };
    fillCountedSides([side, { ...side, countries: ['RU', 'AM', 'AZ'] }]);
    expect(side.countries).toEqual(['RU', 'AM']);
  });
});
