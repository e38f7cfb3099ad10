import { describe, expect, it } from 'vitest';
import { failedAttempt } from './attempts';
import { extractArticle } from './extract';
import { testArticle } from './test-article';

const at = (s: string, word: string) => {
  const i = s.indexOf(word);
  return failedAttempt(s, i, i + word.length);
};

describe('failedAttempt', () => {
  it('reads a blocked arrival, a refused entry and a stop on the way as failed', () => {
    expect(at('The envoys failed to enter the capital to meet the general.', 'meet')).toBe(true);
    expect(at('Mediators were unable to travel to Lima for talks with the rebels.', 'talks')).toBe(
      true,
    );
    expect(
      at('The delegation was refused entry to the country to attend the summit.', 'summit'),
    ).toBe(true);
    expect(at('They were turned back at the border before they could meet him.', 'meet')).toBe(
      true,
    );
    expect(at('Opposition envoys were prevented from meeting the minister.', 'meeting')).toBe(true);
  });

  it('reads "tried to meet … but" as failed only when the "but" says it came to nothing', () => {
    expect(
      at('She tried to meet the king in Rabat, but was turned away at the gate.', 'meet'),
    ).toBe(true);
    expect(at('She tried to meet the king in Rabat, but the audience was short.', 'meet')).toBe(
      false,
    );
    expect(at('She tried to meet the king in Rabat and did so on Friday.', 'meet')).toBe(false);
  });

  it('leaves meetings that took place alone', () => {
    expect(at('The envoys entered the capital to meet the general.', 'meet')).toBe(false);
    expect(at('Talks failed to reach a deal at the meeting in Lima.', 'meeting')).toBe(false);
    expect(at('Unable to agree, the ministers met again on Friday.', 'met')).toBe(false);
  });
});

describe('failed attempts in an article', () => {
  it('lists no meeting for an attempt that failed, and keeps the one that was held', () => {
    const text =
      ' date 2024-03-10 Portuguese mediators failed to enter Luanda to meet the Angolan president last week.\n\n' +
      'Portuguese Foreign Minister Ana Ferreira met Angolan Foreign Minister Tete Silva in Lisbon on Friday.';
    const ms = extractArticle(testArticle(text));
    expect(ms).toHaveLength(1);
    expect(ms[0].city).toBe('Lisbon');
    expect(ms[0].date.start).toBe('2024-03-08');
  });

  it('still lists a meeting called off or postponed, with its planned status and its outcome', () => {
    const called = extractArticle(
      testArticle(
        ' date 2024-03-10 A summit of the leaders of Portugal and Angola set for 20 March in Luanda has been called off.',
      ),
    );
    expect(called.map(m => [m.status, m.outcome])).toEqual([['scheduled', 'cancelled']]);
    const put = extractArticle(
      testArticle(
        ' date 2024-03-10 The foreign ministers of Portugal and Angola will meet in Luanda on 20 March.\n\nOn Friday the meeting was postponed.',
      ),
    );
    expect(put.map(m => [m.status, m.outcome])).toEqual([['scheduled', 'postponed']]);
  });
});
