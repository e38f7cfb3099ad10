/**
 * Runs inside Chromium for the search benchmark (bundled by `search.ts`): generates the articles
 * in the page, builds the real index, and times queries against a linear-scan baseline.
 */
import { articleDoc, createIndex, loadIndex, searchIndex } from '../../src-renderer/search/index';
import { describeHit } from '../../src-renderer/search/results';
import type { StoredArticle } from '../../src-renderer/db/db';
import { prng as rng } from '../../src-main/testing/prng';

const ONSETS = 'b c d f g h j k l m n p r s t v w z br cr dr fr gr pr tr st sp sl ch sh th'.split(
  ' ',
);
const VOWELS = 'a e i o u a e i o ea ou ai'.split(' ');
const CODAS = ['', '', '', 'n', 'r', 's', 't', 'l', 'm', 'nd', 'st', 'ck', 'ng'];
const COMMON =
  'the of and to in a on for with said was that by at from is as were has officials meeting talks minister'.split(
    ' ',
  );

/** English-like invented words: 1–4 syllables of onset, vowel and coda. */
function vocabulary(random: () => number, size: number): string[] {
  const pick = (list: string[]) => list[Math.floor(random() * list.length)];
  const words = new Set<string>();
  while (words.size < size) {
    const n = 1 + Math.floor(random() * 4);
    let w = '';
    for (let i = 0; i < n; i++) w += pick(ONSETS) + pick(VOWELS) + pick(CODAS);
    if (w.length >= 3) words.add(w);
  }
  return [...words];
}

export interface Library {
  articles: StoredArticle[];
  vocabulary: string[];
}

/** `count` articles of about `bytes` characters: common words plus a Zipf-like draw of rarer ones. */
export function generate(count: number, bytes = 2000, seed = 42): Library {
  const random = rng(seed);
  const vocab = vocabulary(random, 20_000);
  const zipf = () => vocab[Math.floor(vocab.length * Math.pow(random(), 2.2))];
  const articles: StoredArticle[] = [];
  for (let i = 0; i < count; i++) {
    const words: string[] = [];
    let length = 0;
    while (length < bytes) {
      const w = random() < 0.45 ? COMMON[Math.floor(random() * COMMON.length)] : zipf();
      words.push(w);
      length += w.length + 1;
    }
    const text = words.join(' ');
    const id = i.toString(16).padStart(16, '0');
    articles.push({
      id,
      source: `bench/${i}.txt`,
      file: `${i}.txt`,
      title: `${zipf()} ${zipf()} ${zipf()} ${i}`,
      publisher: null,
      published: null,
      dateline: null,
      text,
      paragraphs: [{ start: 0, end: text.length }],
      wordCount: words.length,
      contentHash: id,
      importedAt: 0,
      updatedAt: 0,
    });
  }
  return { articles, vocabulary: vocab };
}

/** 200 queries: single words (common and rare), two words, prefixes, and one-letter typos. */
export function queries(lib: Library, n = 200, seed = 7): string[] {
  const random = rng(seed);
  const word = (rare: boolean) =>
    lib.vocabulary[
      Math.floor(lib.vocabulary.length * (rare ? 0.3 + 0.7 * random() : Math.pow(random(), 3)))
    ];
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    switch (i % 5) {
      case 0:
        out.push(word(false));
        break;
      case 1:
        out.push(word(true));
        break;
      case 2:
        out.push(`${word(false)} ${word(false)}`);
        break;
      case 3:
        out.push(word(false).slice(0, 4));
        break;
      default: {
        const w = word(false);
        const at = 1 + Math.floor(random() * (w.length - 2));
        out.push(w.slice(0, at) + w[at + 1] + w[at] + w.slice(at + 2));
      }
    }
  }
  return out;
}

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
