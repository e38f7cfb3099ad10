import { describe, expect, it } from 'vitest';
import { extractArticle } from './extract';
import { presentReference, stillCurrent } from './present-reference';
import { testArticle } from './test-article';

describe('presentReference', () => {
  it('reads a present-tense verb after the reference', () => {
    const s = 'The visit provides both sides with a chance to talk trade.';
    expect(presentReference(s, s.indexOf(' provides'))).toBe(true);
    const past = 'The visit ended with a joint statement.';
    expect(presentReference(past, past.indexOf(' ended'))).toBe(false);
  });
  it('takes a meeting that ended more than a week before the article as no longer current', () => {
    const june = {
      start: '2023-06-01',
      end: '2023-06-30',
      precision: 'month' as const,
      text: null,
    };
    expect(stillCurrent(june, '2025-04-23')).toBe(false);
    const now = { start: '2025-04-24', end: null, precision: 'day' as const, text: null };
    expect(stillCurrent(now, '2025-04-23')).toBe(true);
  });
});

describe('a present-tense reference back in extraction', () => {
  it('means the visit reported now, not the earlier one the article recalls last', () => {
    const ms = extractArticle(
      testArticle(
        ' date 2025-04-23 President Kofi Mensah will host Togolese President Paul Amavi in Accra on Thursday.\n\nThe engagement follows President Mensah\'s visit to Togo in June 2023, which also saw the two leaders meeting in Lomé.\n\n"The visit provides Ghana and Togo with a chance to talk trade," the presidency said.',
      ),
    );
    const now = ms.find(m => m.status === 'scheduled');
    expect(now?.mentions.map(x => x.sentence.slice(0, 14))).toContain('"The visit pro');
  });
});
