/**
 * Meetings extraction and merging throughput on 10,000 synthetic ~2 KB articles, beside naive
 * baselines measured in the same run (sentence splitting plus a regex scan for meeting words; a
 * hash-map grouping for the merge), and the incremental path the app takes when articles arrive.
 * The articles vary the seeds' sentences and a few templates deterministically.
 */
import type { Article } from '../contract/article';
import { extractArticleResults, mergeArticleResults } from '../meetings';
import { generateCorpus, scoreGroups } from '../meetings/generated-corpus';
import { clusterMeetings, type MergeItem } from '../meetings/merge';
import { splitSentences } from '../meetings/sentences';
import { testArticle } from '../meetings/test-article';
import type { BenchFigure } from './report';
import { MONTH_NAMES as MONTHS } from '../contract/months';

const COUNTRIES = [
  ['Vietnam', 'Vietnamese', 'Hanoi'],
  ['Laos', 'Lao', 'Vientiane'],
  ['Thailand', 'Thai', 'Bangkok'],
  ['Ghana', 'Ghanaian', 'Accra'],
  ['Senegal', 'Senegalese', 'Dakar'],
  ['Nigeria', 'Nigerian', 'Abuja'],
  ['Brazil', 'Brazilian', 'Brasília'],
  ['Chile', 'Chilean', 'Santiago'],
  ['Uruguay', 'Uruguayan', 'Montevideo'],
  ['Poland', 'Polish', 'Warsaw'],
  ['Spain', 'Spanish', 'Madrid'],
  ['Portugal', 'Portuguese', 'Lisbon'],
  ['Kazakhstan', 'Kazakh', 'Astana'],
  ['Uzbekistan', 'Uzbek', 'Tashkent'],
  ['Japan', 'Japanese', 'Tokyo'],
  ['India', 'Indian', 'New Delhi'],
  ['Malaysia', 'Malaysian', 'Kuala Lumpur'],
  ['Togo', 'Togolese', 'Lomé'],
];
const FILLER = [
  'Trade between the two economies has grown steadily over the past decade, officials noted.',
  'Analysts expect the agenda to include energy, transport links and customs procedures.',
  'The ministry did not give further details about the delegation or the programme.',
  'Both governments have signed several memoranda on education and health in recent years.',
  'Observers said the region faces rising food prices and climate pressures this season.',
];

export function article(i: number): Article {
  const a = COUNTRIES[i % COUNTRIES.length];
  const b = COUNTRIES[(i * 7 + 3) % COUNTRIES.length];
  const c = COUNTRIES[(i * 11 + 5) % COUNTRIES.length];
  const month = (i % 12) + 1;
  const day = (i % 27) + 1;
  const published = `2023-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const parts = [
    `${a[2].toUpperCase()} – ${a[1]} Foreign Minister Anna Example${i % 50} held talks with her ${b[1]} counterpart in ${a[2]} on Tuesday, the ministry said.`,
    `The two ministers discussed trade, investment and security cooperation.`,
    `${b[1]} and ${c[1]} defence ministers will meet in ${c[2]} on ${MONTHS[(month + 1) % 12]} ${day}, according to a statement.`,
    `The meeting is expected to focus on maritime security and border management.`,
    `The president spoke by phone with his ${c[1]} counterpart on Monday.`,
    `Earlier this month, deputy foreign ministers of ${a[0]}, ${b[0]} and ${c[0]} met in ${b[2]} to prepare the upcoming summit.`,
    ...FILLER.slice(0, 3 + (i % 3)),
    `The leaders reached the summit of Mount Example after a long climb, a guide told reporters.`,
    `A press conference followed, where journalists asked about the ${a[1]} economy and fuel prices in ${a[0]}.`,
    ...FILLER.slice(i % 2),
    `Negotiations between ${a[0]} and ${c[0]} on a free trade agreement are scheduled to resume in ${MONTHS[(month + 2) % 12]}.`,
  ];
  return testArticle(` date ${published} ${parts.join(' ')}`, { source: `bench/${i}.txt` });
}

function naive(articles: Article[]): number {
  let n = 0;
  for (const a of articles)
    for (const s of splitSentences(a.text))
      if (/\b(?:meet|met|meeting|talks|summit|visit)\b/i.test(s.text)) n++;
  return n;
}

/** The cheapest grouping there is: one hash-map pass on exact countries and date. */
function naiveGroups(items: MergeItem[]): number {
  const groups = new Map<string, number>();
  for (const m of items) {
    const k = `${[...m.countries].sort().join()}@${m.date.start ?? ''}`;
    groups.set(k, (groups.get(k) ?? 0) + 1);
  }
  return groups.size;
}

function timed<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const out = fn();
  return [out, performance.now() - t0];
}

/**
 * Wall time and this process's CPU time of `fn`, in ms. On a shared machine the wall clock
 * counts the time other processes held the core; CPU time is the work itself, which is what a
 * "per core" figure means (it includes the collector's helper threads, so it errs low).
 */
function timedCpu<T>(fn: () => T): [T, number, number] {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const out = fn();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return [out, wall, (c.user + c.system) / 1000];
}

/**
 * Extraction MB/s on `count` synthetic articles; merge time on the per-article results of 10,000
 * and 100,000 generated reports; and adding 100 articles to a library of `count`: extracting only
 * the new ones and merging from cached results, beside re-extracting everything.
 */
export async function benchMeetings(count = 10_000): Promise<BenchFigure[]> {
  const articles = Array.from({ length: count }, (_, i) => article(i));
  const mb = articles.reduce((sum, a) => sum + Buffer.byteLength(a.text, 'utf8'), 0) / 1e6;
  // One warm-up on a slice, then one timed run each: the full run is long enough to be stable.
  extractArticleResults(articles.slice(0, 200));
  const [results, extractMs, extractCpuMs] = timedCpu(() => extractArticleResults(articles));
  const [, naiveMs, naiveCpuMs] = timedCpu(() => naive(articles));
  const figures: BenchFigure[] = [
    {
      name: `meetings: extract ${count} articles (${mb.toFixed(1)} MB), per article`,
      value: mb / (extractMs / 1000),
      unit: 'MB/s',
      baseline: { name: 'split sentences + regex scan', value: mb / (naiveMs / 1000) },
      target: '≥ 2 MB/s',
    },
    {
      name: `meetings: extract, the same run in CPU time (per core)`,
      value: mb / (extractCpuMs / 1000),
      unit: 'MB/s',
      baseline: { name: 'split sentences + regex scan', value: mb / (naiveCpuMs / 1000) },
      target: '≥ 2 MB/s per core',
    },
  ];
  const [merged, mergeMs] = timed(() => mergeArticleResults(results));
  figures.push({
    name: `meetings: merge ${count} articles' results (${merged.meetings.length} meetings)`,
    value: mergeMs,
    unit: 'ms',
  });
  for (const reports of [10_000, 100_000]) {
    const corpus = generateCorpus(42, { meetings: Math.round(reports / 2) });
    const [groups, ms] = timed(() => clusterMeetings(corpus.items));
    const [, baseMs] = timed(() => naiveGroups(corpus.items));
    figures.push({
      name: `meetings: merge ${corpus.items.length} generated reports (${groups.length} meetings)`,
      value: ms,
      unit: 'ms',
      baseline: { name: 'hash map on countries + date', value: baseMs },
      target: reports === 100_000 ? '≤ 1 s' : undefined,
    });
    // Not timed: how right the merge is at this size (pairs of reports put together).
    const score = scoreGroups(corpus, groups);
    figures.push({
      name: `meetings: merge precision, ${corpus.items.length} generated reports`,
      value: score.precision,
      unit: `(recall ${score.recall.toFixed(3)})`,
      target: '≥ 0.99',
    });
  }
  // Incremental: 100 new articles join a library whose results are cached.
  const added = Array.from({ length: 100 }, (_, i) => article(count + i));
  const [, incMs] = timed(() => mergeArticleResults([...results, ...extractArticleResults(added)]));
  const [, fullMs] = timed(() =>
    mergeArticleResults(extractArticleResults([...articles, ...added])),
  );
  figures.push({
    name: `meetings: add 100 articles to ${count} (extract new + merge cached)`,
    value: incMs,
    unit: 'ms',
    baseline: { name: 're-extract and merge everything', value: fullMs },
  });
  await Promise.resolve();
  return figures;
}
