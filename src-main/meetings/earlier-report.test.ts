import { describe, expect, it } from 'vitest';
import { findDates } from './dates';
import { earlierReportDate } from './earlier-report';
import { extractArticle } from './extract';
import { testArticle } from './test-article';

const windowOf = (s: string, ref = '2024-03-11') => {
  const hit = findDates(s)[0];
  return hit ? earlierReportDate(s, hit, ref, 'future') : null;
};

describe('earlierReportDate', () => {
  it('reads "next week" of an earlier report as a window back to a week before the article', () => {
    // Monday 11 March: next week from 4 March is 11-17 March, from 11 March 18-24 March.
    expect(
      windowOf('Local papers had already written that the envoy would visit Lomé next week.'),
    ).toEqual({ start: '2024-03-11', end: '2024-03-24', precision: 'range', text: 'next week' });
  });
  it('leaves a relative date the article itself gives, and a date in full, as they are', () => {
    expect(windowOf('The minister will visit Lomé next week, officials said.')).toBeNull();
    expect(
      windowOf('Local papers had already written that she would visit Lomé on 20 March.'),
    ).toBeNull();
  });
});

describe('earlier reports in extraction', () => {
  it('gives the planned visit the window, not the week after the article', () => {
    const [visit] = extractArticle(
      testArticle(
        ' date 2024-03-11 Togolese newspapers had earlier said Foreign Minister Kofi Asante of Ghana would travel to Lomé next week.',
      ),
    );
    expect(visit.date).toMatchObject({ start: '2024-03-11', end: '2024-03-24' });
  });
});
