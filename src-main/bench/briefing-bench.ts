/**
 * Briefing benchmark: one briefing warm (the issue asks for under 50 ms) and 1,000 in a batch,
 * each beside a naive baseline measured in the same run: re-reading and re-parsing the fonts for
 * every document, which is what handing pdfkit the TTF bytes each time amounts to.
 */
import { hugeInput, seedInput } from '../briefing/fixtures';
import { loadBriefingFonts } from '../briefing/fonts';
import { renderBriefing } from '../briefing/render';
import { timeMs, type BenchFigure } from './report';

export async function benchBriefing(): Promise<BenchFigure[]> {
  const fonts = loadBriefingFonts();
  const seed = seedInput();
  const huge = hugeInput();
  const naive = (input: typeof seed) => renderBriefing(input, loadBriefingFonts());

  const oneSeed = await timeMs(() => renderBriefing(seed, fonts), 20);
  const oneSeedNaive = await timeMs(() => naive(seed), 5);
  const oneHuge = await timeMs(() => renderBriefing(huge, fonts), 10);
  const oneHugeNaive = await timeMs(() => naive(huge), 3);

  const N = 1000;
  const t0 = performance.now();
  for (let i = 0; i < N; i++) await renderBriefing(seed, fonts);
  const batch = performance.now() - t0;
  const NAIVE_N = 100;
  const t1 = performance.now();
  for (let i = 0; i < NAIVE_N; i++) await naive(seed);
  const naivePer = (performance.now() - t1) / NAIVE_N;

  return [
    {
      name: 'one briefing, seed meeting, warm',
      value: oneSeed,
      unit: 'ms',
      baseline: { name: 'fonts re-parsed per document', value: oneSeedNaive },
      target: '< 50 ms',
    },
    {
      name: 'one briefing, huge meeting (fit + shorten), warm',
      value: oneHuge,
      unit: 'ms',
      baseline: { name: 'fonts re-parsed per document', value: oneHugeNaive },
      target: '< 50 ms',
    },
    {
      name: `${N} briefings in a batch, total`,
      value: batch / 1000,
      unit: 's',
      baseline: {
        name: `fonts re-parsed, extrapolated from ${NAIVE_N}`,
        value: (naivePer * N) / 1000,
      },
    },
    {
      name: `${N} briefings in a batch, per briefing`,
      value: batch / N,
      unit: 'ms',
      baseline: { name: 'fonts re-parsed per document', value: naivePer },
    },
  ];
}
