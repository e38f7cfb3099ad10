import { describe, expect, it } from 'vitest';
import { carriedDate, carryPlaces } from './carry';
import { extractArticle } from './extract';
import { testArticle } from './test-article';

const PUB = '2024-03-13'; // a Wednesday
const day = (d: string) => ({ start: d, end: d, precision: 'day' as const, text: 'on Monday' });

describe('carriedDate', () => {
  it('carries a day only to the next sentence of the same story, and only to held meetings', () => {
    const story = { date: day('2024-03-11'), sentence: 4, paragraph: 2 };
    expect(carriedDate(story, 5, 2, true)?.start).toBe('2024-03-11');
    expect(carriedDate(story, 5, 2, false)).toBeNull();
    expect(carriedDate(story, 7, 2, true)).toBeNull();
    expect(carriedDate(story, 5, 4, true)).toBeNull();
  });

  it('in extraction, dates a meeting from the sentence that set the day, as carried', () => {
    const [m] = extractArticle(
      testArticle(
        'On Monday the Ghanaian president greeted a string of visiting leaders at the airport. ' +
          'He then held talks with the Togolese and Beninese presidents at his office.',
        { published: PUB },
      ),
    );
    expect(m.date.start).toBe('2024-03-11');
    expect(m.confidence.date).toEqual({ confidence: 'medium', basis: 'context' });
  });
});

describe('carryPlaces', () => {
  it('gives a later bilateral of the same trip the city set earlier, as carried', () => {
    const meetings = extractArticle(
      testArticle(
        'The Chilean foreign minister met his Peruvian counterpart in Geneva on Tuesday. ' +
          'On Tuesday she also held talks with her Bolivian counterpart.',
        { published: PUB },
      ),
    );
    const bolivia = meetings.find(m => m.countries.includes('BO'));
    expect(bolivia?.city).toBe('Geneva');
    expect(bolivia?.confidence.place).toEqual({ confidence: 'medium', basis: 'context' });
    const peru = meetings.find(m => m.countries.includes('PE'));
    expect(peru?.confidence.place).toBeUndefined();
  });

  it('does not carry a city from a held meeting to a planned one', () => {
    const meetings = extractArticle(
      testArticle(
        'The Chilean foreign minister met her Peruvian counterpart in Geneva on Tuesday. ' +
          'She will hold talks with her Bolivian counterpart next month.',
        { published: PUB },
      ),
    );
    carryPlaces(meetings);
    expect(meetings.find(m => m.countries.includes('BO'))?.city).toBeNull();
  });
});
