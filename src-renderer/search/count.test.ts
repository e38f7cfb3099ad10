import { describe, expect, it } from 'vitest';
import { resultCount } from './count';

describe('resultCount', () => {
  it('says "1 result" for one and counts the rest in the plural', () => {
    expect(resultCount(1, 30)).toBe('1 result');
    expect(resultCount(2, 30)).toBe('2 results');
  });

  it('says the list was cut when it reached its limit', () => {
    expect(resultCount(30, 30)).toBe('30+ results');
  });
});
