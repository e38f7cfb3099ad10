import { describe, expect, it } from 'vitest';
import { extractArticle } from './extract';
import { testArticle } from './test-article';

/** Hostile inputs of about `n` characters: each must cost time linear in its length. */
const HOSTILE: Record<string, (n: number) => string> = {
  'a run of spaces inside a meeting sentence': n =>
    `The Chilean minister arrived${' '.repeat(n)}to attend the talks in Lima on Monday.`,
  'a run of spaces and tabs between cue words': n =>
    `met${' \t'.repeat(n >> 1)}summit${' '.repeat(n >> 1)}visit`,
  'repeated meeting cues in one sentence': n =>
    'The ministers met at the summit and held talks, '.repeat(Math.ceil(n / 48)) + 'in Lima.',
  'repeated mountain and travel cues': n =>
    'climbers travelled to the summit for the talks ahead of the summit '.repeat(Math.ceil(n / 68)),
  'one long clause full of countries and titles': n =>
    'Foreign Minister Ana Ruiz of Chile and the Peruvian, Bolivian and Ecuadorian presidents '.repeat(
      Math.ceil(n / 88),
    ) + 'met in Lima.',
  'a long sentence of capitalised words': n =>
    'Talks With Ruiz And Vidal Ortega Salas '.repeat(Math.ceil(n / 39)) + 'met.',
};

function timeOnce(article: ReturnType<typeof testArticle>): number {
  const t0 = performance.now();
  extractArticle(article);
  return performance.now() - t0;
}

/**
 * How much longer the doubled input takes: the median over rounds of (large / small), each round
 * timing both back to back, so a burst of load on a shared machine spoils one round, not the
 * answer. Tiny times are floored so timer resolution cannot fake a ratio.
 */
function doublingRatio(small: string, large: string): number {
  const a = testArticle(small, { published: '2024-03-13' });
  const b = testArticle(large, { published: '2024-03-13' });
  const ratios: number[] = [];
  for (let i = 0; i < 9; i++) ratios.push(Math.max(timeOnce(b), 5) / Math.max(timeOnce(a), 5));
  ratios.sort((x, y) => x - y);
  return ratios[ratios.length >> 1];
}

describe('extractArticle, linear time', () => {
  for (const [name, make] of Object.entries(HOSTILE)) {
    it(`costs time linear in the input for ${name}`, () => {
      doublingRatio(make(2000), make(4000)); // warm up the expressions and the dictionaries
      const n = 20_000;
      // Doubling the input at most doubles the time, with room for noise: ×2.5.
      expect(doublingRatio(make(n), make(2 * n))).toBeLessThanOrEqual(2.5);
    });
  }
});
