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

/** Best times of `a` and `b`, measured alternately so load on a shared machine hits both alike. */
function bestTimes(a: string, b: string): [number, number] {
  const articles = [a, b].map(t => testArticle(t, { published: '2024-03-13' }));
  const best = [Infinity, Infinity];
  for (let i = 0; i < 7; i++)
    articles.forEach((article, k) => {
      const t0 = performance.now();
      extractArticle(article);
      best[k] = Math.min(best[k], performance.now() - t0);
    });
  return [best[0], best[1]];
}

describe('extractArticle, linear time', () => {
  for (const [name, make] of Object.entries(HOSTILE)) {
    it(`costs time linear in the input for ${name}`, () => {
      bestTimes(make(2000), make(4000)); // warm up the regular expressions and the dictionaries
      const n = 20_000;
      const [small, large] = bestTimes(make(n), make(2 * n));
      // Doubling the input at most doubles the time, with room for noise (×2.5), above a floor for timer and GC noise.
      expect(large).toBeLessThanOrEqual(Math.max(2.5 * small, 40));
    });
  }
});
