/**
 * Meetings extraction and merging throughput on 10,000 synthetic ~2 KB articles, beside a naive
 * baseline measured in the same run (sentence splitting plus a regex scan for meeting words).
 * The articles vary the seeds' sentences and a few templates deterministically.
 */
import type { Article } from '../contract/article';
import { extractMeetings } from '../meetings';
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

function article(i: number): Article {
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

export async function benchMeetings(count = 10_000): Promise<BenchFigure[]> {
  const articles = Array.from({ length: count }, (_, i) => article(i));
  const mb = articles.reduce((sum, a) => sum + Buffer.byteLength(a.text, 'utf8'), 0) / 1e6;
  // One warm-up on a slice, then one timed run each: the full run is long enough to be stable.
  extractMeetings(articles.slice(0, 200));
  let t0 = performance.now();
  const meetings = extractMeetings(articles);
  const engineMs = performance.now() - t0;
  t0 = performance.now();
  naive(articles);
  const naiveMs = performance.now() - t0;
  await Promise.resolve();
  return [
    {
      name: `meetings: extract + merge ${count} articles (${mb.toFixed(1)} MB, ${meetings.length} meetings)`,
      value: mb / (engineMs / 1000),
      unit: 'MB/s',
      baseline: { name: 'split sentences + regex scan', value: mb / (naiveMs / 1000) },
      target: '≥ 2 MB/s',
    },
  ];
}
