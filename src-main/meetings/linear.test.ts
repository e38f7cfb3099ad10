import { describe, expect, it } from 'vitest';
import { expectLinearTime } from '../testing/linear-time';
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

describe('extractArticle, linear time', () => {
  for (const [name, make] of Object.entries(HOSTILE)) {
    it(`costs time linear in the input for ${name}`, () => {
      // Doubling the input at most doubles the time, with room for noise: ×2.5. The harness
      // times CPU, not the wall clock, and retries a bad round, so a loaded machine cannot fail
      // it; a quadratic pattern measures about ×4.
      const result = expectLinearTime(
        n => testArticle(make(n), { published: '2024-03-13' }),
        article => extractArticle(article),
        { startN: 4096, maxN: 1 << 15 },
      );
      expect(result.ratio).toBeLessThanOrEqual(2.5);
    });
  }
});
