import { describe, expect, it } from 'vitest';
import { extractArticle } from './extract';
import { testArticle } from './test-article';

const extract = (text: string) => extractArticle(testArticle(text, { published: '2025-03-14' }));

describe('a preparatory meeting and the event it prepares', () => {
  it('gives the meeting before "ahead of" and the summit after it a meeting each', () => {
    const ms = extract(
      "Ghanaian and Nigerian ministers held a preparatory meeting in Accra on Monday ahead of the ECOWAS leaders' summit in Abuja on Thursday.",
    );
    expect(ms).toHaveLength(2);
    const [prep, summit] = ms;
    expect(prep.countries.sort()).toEqual(['GH', 'NG']);
    expect(prep).toMatchObject({ city: 'Accra', levels: ['ministers'] });
    expect(prep.date.start).toBe('2025-03-10');
    expect(summit.organizations).toContain('ECOWAS');
    expect(summit).toMatchObject({ city: 'Abuja' });
    expect(summit.date.start).toBe('2025-03-13');
  });
  it('reads "gathered … to prepare the summit" as a gathering, the summit dated after it', () => {
    const ms = extract(
      'Kenyan and Ugandan envoys gathered in Nairobi on Saturday to prepare the African Union summit in April.',
    );
    expect(ms).toHaveLength(2);
    const [gathering, summit] = ms;
    expect(gathering.countries.sort()).toEqual(['KE', 'UG']);
    expect(gathering).toMatchObject({ city: 'Nairobi', status: 'held' });
    expect(gathering.date.start).toBe('2025-03-08');
    expect(summit).toMatchObject({ city: null, status: 'scheduled' });
    expect(summit.date).toMatchObject({ start: '2025-04-01', end: '2025-04-30' });
  });
  it('leaves a meeting that prepares a document, and a crowd that gathered, alone', () => {
    expect(
      extract('The Kenyan and Ugandan ministers met on Monday to prepare a joint statement.'),
    ).toHaveLength(1);
    expect(extract('Protesters gathered outside the Kenyan embassy on Monday.')).toHaveLength(0);
  });
});
