import { describe, expect, it } from 'vitest';
import { findTriggers, statusAt } from './cues';
import { extractArticle } from './extract';
import { purposeCopula } from './purpose-copula';
import { testArticle } from './test-article';

const status = (s: string) => {
  const t = findTriggers(s)[0];
  return statusAt(s, t, [0, s.length]);
};

describe('purposeCopula', () => {
  it('reads "is to" after a word of purpose as a purpose', () => {
    const s = 'One of the aims of the talks is to mend ties.';
    expect(purposeCopula(s, s.indexOf('is to'))).toBe(true);
  });
  it('reads "is to take place" as a plan', () => {
    const s = 'The summit is to take place in Accra.';
    expect(purposeCopula(s, s.indexOf('is to'))).toBe(false);
    expect(status(s)).toBe('scheduled');
  });
  it('gives a purpose no tense of its own', () => {
    expect(status('The minister says the reason for the meeting is to mend ties.')).not.toBe(
      'scheduled',
    );
  });
});

describe('a purpose said of a meeting in extraction', () => {
  it('joins the held meeting it is said of, not a planned one named after it', () => {
    const ms = extractArticle(
      testArticle(
        ' date 2024-02-02 ACCRA – Foreign Minister Kofi Asante says he and his Togolese and Beninese counterparts discussed trade at their meeting today.\n\nA summit of the three presidents is planned for later this year, after the Accra meeting.\n\nAsante adds that the main aim of the meeting is to help Ghana mend its ties with Togo and Benin.',
      ),
    );
    const held = ms.find(m => m.status === 'held');
    expect(held?.mentions.map(x => x.sentence.slice(0, 22))).toContain('Asante adds that the m');
  });
});
