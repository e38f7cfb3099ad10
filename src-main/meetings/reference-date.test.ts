import { describe, expect, it } from 'vitest';
import { findFurniture } from './furniture';
import { dateInLine, pageDate } from './reference-date';
import { extractArticle } from './extract';
import { testArticle } from './test-article';

describe('dateInLine', () => {
  it('reads the printed forms of a page date, day first and month first', () => {
    expect(dateInLine('Updated: 28-12-2022 14:05')).toBe('2022-12-28');
    expect(dateInLine('13/03/2018 Politics')).toBe('2018-03-13');
    expect(dateInLine('03/13/2018')).toBe('2018-03-13');
    expect(dateInLine('Wednesday Feb 24, 2021')).toBe('2021-02-24');
    expect(dateInLine('Posted 5th March 2020 by the desk')).toBe('2020-03-05');
    expect(dateInLine('31/02/2020')).toBeNull();
    expect(dateInLine('No date here')).toBeNull();
  });
});

describe('pageDate', () => {
  it('takes the date from the furniture, not from the story', () => {
    const text =
      'Ministers meet in Arica\n\nUpdated: 12-03-2024\n\nThe ministers met on 2 March 2024 in Arica.';
    expect(pageDate(text, findFurniture(text))).toBe('2024-03-12');
  });

  it('resolves an undated article’s relative dates against the page date', () => {
    const text =
      'Wednesday Mar 13, 2024\n\nChilean and Peruvian ministers held talks in Arica on Monday.';
    const [m] = extractArticle(testArticle(text, { published: null }));
    expect(m.date.start).toBe('2024-03-11');
    expect(m.published).toBe('2024-03-13');
  });
});
