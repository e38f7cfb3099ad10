import { describe, expect, it } from 'vitest';
import { anyFormat } from './any-format';
import { findTriggers } from './cues';
import { extractArticle } from './extract';
import { testArticle } from './test-article';

const generic = (s: string, word = 'talks'): boolean => {
  const at = s.indexOf(word);
  return anyFormat(s, word, at, at + word.length);
};

describe('anyFormat', () => {
  it('reads talks named as a kind, before or after the word', () => {
    expect(generic('Quito said it would not exclude any format of talks with Lima.')).toBe(true);
    expect(generic('She is open to negotiations in any form.', 'negotiations')).toBe(true);
    expect(generic('Both sides welcome all kinds of direct dialogue.', 'dialogue')).toBe(true);
  });
  it('leaves a meeting with no quantified kind', () => {
    expect(generic('The talks in any case resume on Monday in Quito.')).toBe(false);
    expect(generic('The format of the talks was agreed on Monday.')).toBe(false);
  });
});

describe('findTriggers and extractArticle, talks as a kind', () => {
  it('finds no meeting word and no meeting in a statement about formats', () => {
    const s =
      'President Rosa Vidal of Chile said on Tuesday that her country would not exclude any format of talks with Bolivia that might bring a border deal.';
    expect(findTriggers(s)).toEqual([]);
    expect(extractArticle(testArticle(` date 2024-11-05 ${s}`), undefined, null, null)).toEqual([]);
  });
  it('still reads the meeting the statement sits beside', () => {
    const ms = extractArticle(
      testArticle(
        ' date 2024-11-05 Chilean President Rosa Vidal met Bolivian President Luis Arce in La Paz on Monday. Vidal said Chile welcomed talks in any format that might bring a border deal.',
      ),
      undefined,
      null,
      null,
    );
    expect(ms).toHaveLength(1);
    expect(ms[0].mentions).toHaveLength(1);
  });
});
