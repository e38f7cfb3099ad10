import { describe, expect, it } from 'vitest';
import { extractArticle } from './extract';
import { opensOnOccasion } from './occasion';
import { testArticle } from './test-article';

const PUB = '2023-05-25';
const LEAD =
  'Chilean President Ana Ruiz, Peruvian President Luis Vega and Bolivian President Eva Mora ' +
  'opened a three-way summit in Lima on Thursday. ';

describe('opensOnOccasion', () => {
  it('recognises a clause that names the event the one before is held around', () => {
    expect(opensOnOccasion(', before holding a ')).toBe(true);
    expect(opensOnOccasion(' ahead of the ')).toBe(true);
    expect(opensOnOccasion(' after attending the ')).toBe(true);
    expect(opensOnOccasion(' to discuss the ')).toBe(false);
    expect(opensOnOccasion(', and the ')).toBe(false);
  });
});

describe('shareOccasion', () => {
  it('dates and places side meetings by the meeting they are held around, as carried', () => {
    const meetings = extractArticle(
      testArticle(
        LEAD +
          'Her office said Ruiz is to hold one-on-one meetings with both Vega and Mora, ahead of ' +
          'a three-way meeting in the afternoon.',
        { published: PUB },
      ),
    );
    const sides = meetings.filter(m => m.countries.length === 2);
    expect(sides.map(m => m.countries)).toEqual([
      ['CL', 'PE'],
      ['CL', 'BO'],
    ]);
    for (const m of sides) {
      expect(m).toMatchObject({ status: 'scheduled', city: 'Lima' });
      expect(m.date.start).toBe('2023-05-25');
      expect(m.confidence.date).toEqual({ confidence: 'medium', basis: 'context' });
    }
  });

  it('leaves undated a side meeting with a party the main meeting does not seat', () => {
    const meetings = extractArticle(
      testArticle(
        LEAD +
          'Her office said Ruiz is to hold one-on-one talks with Ecuadorian President Rosa Paz, ' +
          'ahead of a three-way meeting in the afternoon.',
        { published: PUB },
      ),
    );
    const side = meetings.find(m => m.countries.includes('EC'));
    expect(side?.date.start ?? null).toBeNull();
    expect(side?.city ?? null).toBeNull();
  });

  it('keeps a date the side meeting states itself', () => {
    const meetings = extractArticle(
      testArticle(
        LEAD + 'Ruiz is to hold talks with Vega on Friday, ahead of a three-way meeting next week.',
        { published: PUB },
      ),
    );
    const side = meetings.find(m => m.countries.length === 2);
    expect(side?.date.start).toBe('2023-05-26');
  });
});
