import { describe, expect, it } from 'vitest';
import { findTriggers } from './cues';
import { ongoingProcess } from './ongoing';

const at = (s: string, word: string) => ongoingProcess(s, word, s.indexOf(word) + word.length);

describe('ongoingProcess', () => {
  it('reads talks going on since a year or for years as a process', () => {
    expect(
      at(
        'Negotiations to settle the border dispute, which began in 2001, have been ongoing in Geneva since 2015.',
        'Negotiations',
      ),
    ).toBe(true);
    expect(at('The talks have dragged on for years without a deal.', 'talks')).toBe(true);
  });

  it('keeps a round that has gone on since a day, and a single meeting word, a meeting', () => {
    expect(at('The talks have been under way in Geneva since Monday.', 'talks')).toBe(false);
    expect(at('The summit has been held in Geneva since 2015.', 'summit')).toBe(false);
  });

  it('keeps the process out of the meeting words of a sentence', () => {
    expect(
      findTriggers(
        'Negotiations to settle the border dispute have been ongoing in Geneva since 2015.',
      ),
    ).toEqual([]);
  });
});
