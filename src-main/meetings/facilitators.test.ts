import { describe, expect, it } from 'vitest';
import { extractArticle } from './extract';
import { takersNamed } from './facilitators';
import { testArticle } from './test-article';

const STORY =
  'Delegations of Chile and Peru opened border talks in Quito on Tuesday. ' +
  'The talks are being mediated by Ecuador’s former President Ana Soto, supported by Bolivian Foreign Minister Luis Mora.';

describe('takersNamed', () => {
  it('reads the titled people after "mediated by", "supported by"', () => {
    const s = STORY.split('. ')[1];
    expect(takersNamed(s).map(p => [p.name, p.country])).toEqual([
      ['Ana Soto', 'EC'],
      ['Luis Mora', 'BO'],
    ]);
  });

  it('reads no one without a passive naming who ran or joined the meeting', () => {
    expect(takersNamed('The talks were welcomed by Foreign Minister Luis Mora.')).toEqual([]);
  });
});

describe('extractArticle, facilitators of a meeting referred to', () => {
  it('seats the facilitators a reference back names, not their countries', () => {
    const ms = extractArticle(
      testArticle(STORY, { published: '2024-03-13' }),
      undefined,
      null,
      null,
    );
    expect(ms).toHaveLength(1);
    expect(ms[0].people.map(p => p.name)).toEqual(['Ana Soto', 'Luis Mora']);
    expect(ms[0].people[0].role).toBe('Former President');
    expect(ms[0].countries.sort()).toEqual(['CL', 'PE']);
    expect(ms[0].confidence.people).toEqual({ confidence: 'medium', basis: 'context' });
    // A facilitator's office is not the level of the talks.
    expect(ms[0].levels).not.toContain('heads of state');
  });
});
