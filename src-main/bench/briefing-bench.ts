/**
 * Briefing benchmark: one briefing warm (the issue asks for under 50 ms) and 1,000 in a batch,
 * each beside a naive baseline measured in the same run: re-reading and re-parsing the fonts for
 * every document, which is what handing pdfkit the TTF bytes each time amounts to.
 */
import { BriefingLayoutSchema } from '../contract';
import { digestInput } from '../briefing/digest-fixtures';
import { layoutDigest } from '../briefing/digest';
import { hugeInput, seedInput } from '../briefing/fixtures';
import { loadBriefingFonts } from '../briefing/fonts';
import { layoutBriefing, renderBriefing } from '../briefing/render';
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

  // The Briefing view after an edit of a 60-highlight meeting: main lays the page out again and
  // the layout crosses the bridge (serialised, parsed by zod on arrival). Each run edits the
  // bottom line, so no answer is reused.
  let edit = 0;
  const relayout = (fontsFor: () => typeof fonts) => () => {
    const input = { ...huge, edits: { bottomLine: `Edit ${++edit}: the talks go on.` } };
    const { layout } = layoutBriefing(input, fontsFor());
    return BriefingLayoutSchema.parse(JSON.parse(JSON.stringify(layout)));
  };
  const viewEdit = await timeMs(
    relayout(() => fonts),
    10,
  );
  const viewEditNaive = await timeMs(relayout(loadBriefingFonts), 3);
  const digest = await timeMs(() => layoutDigest(digestInput(30), fonts), 5);
  const digestNaive = await timeMs(() => layoutDigest(digestInput(30), loadBriefingFonts()), 2);

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
      name: 'Briefing view re-laid out after an edit, 60 highlights (layout + bridge)',
      value: viewEdit,
      unit: 'ms',
      baseline: { name: 'fonts re-parsed, word cache cold', value: viewEditNaive },
      target: '< 50 ms',
    },
    {
      name: 'digest of 30 meetings laid out (every meeting kept)',
      value: digest,
      unit: 'ms',
      baseline: { name: 'fonts re-parsed, word cache cold', value: digestNaive },
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
