/**
 * Runs inside Chromium for the search benchmark (bundled by `search.ts`): generates the articles
 * in the page, builds the real index, and times queries against a linear-scan baseline.
 */
import { articleDoc, createIndex, loadIndex, searchIndex } from '../../src-renderer/search/index';
import { describeHit } from '../../src-renderer/search/results';
import { generate, queries } from './search-corpus';

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export interface BenchResult {
  articles: number;
  averageChars: number;
  buildMs: number;
  baselineBuildMs: number;
  serializeMs: number;
  serializedBytes: number;
  restoreMs: number;
  queries: number;
  queryP50: number;
  queryP95: number;
  baselineP50: number;
  baselineP95: number;
  averageHits: number;
}

export function run(count: number): BenchResult {
  const lib = generate(count);
  const qs = queries(lib);
  const byId = new Map(lib.articles.map(a => [a.id, a]));

  // Baseline "build": what a linear scan needs up front, a lower-cased copy of every text.
  let t = performance.now();
  const lowered = lib.articles.map(a => `${a.title}\n${a.text}`.toLowerCase());
  const baselineBuildMs = performance.now() - t;

  t = performance.now();
  const index = createIndex();
  index.addAll(lib.articles.map(articleDoc));
  const buildMs = performance.now() - t;

  t = performance.now();
  const json = JSON.stringify(index);
  const serializeMs = performance.now() - t;
  t = performance.now();
  loadIndex(json);
  const restoreMs = performance.now() - t;

  // A query as the search box runs it: ranked hits, then snippets and jump ranges for the top 10.
  const query = (q: string) => {
    const hits = searchIndex(index, q, 30);
    for (const hit of hits.slice(0, 10)) describeHit(hit, { article: byId.get(hit.articleId) });
    return hits.length;
  };
  const scan = (q: string) => {
    const words = q.toLowerCase().split(/\s+/).filter(Boolean);
    let found = 0;
    for (const text of lowered) if (words.every(w => text.includes(w))) found++;
    return found;
  };
  qs.slice(0, 20).forEach(q => (query(q), scan(q))); // warm-up
  const times: number[] = [];
  const baseline: number[] = [];
  let hits = 0;
  for (const q of qs) {
    t = performance.now();
    hits += query(q);
    times.push(performance.now() - t);
    t = performance.now();
    scan(q);
    baseline.push(performance.now() - t);
  }
  return {
    articles: count,
    averageChars: Math.round(lib.articles.reduce((n, a) => n + a.text.length, 0) / count),
    buildMs,
    baselineBuildMs,
    serializeMs,
    serializedBytes: json.length,
    restoreMs,
    queries: qs.length,
    queryP50: percentile(times, 50),
    queryP95: percentile(times, 95),
    baselineP50: percentile(baseline, 50),
    baselineP95: percentile(baseline, 95),
    averageHits: hits / qs.length,
  };
}
