/**
 * Search engines side by side (`npx tsx --expose-gc e2e/bench/search-engines.ts [10000,100000]`):
 * MiniSearch 7.2 as the app configures it, MiniSearch with fuzzy matching only as a fallback,
 * FlexSearch 0.8 and Orama 3, each over the same generated corpus (2–4 KB articles, highlights
 * with notes, article notes) and the same 200 queries, in one Node process, beside a linear scan.
 * Prints build time, query p50/p95, serialised size, restore time and retained heap, and how far
 * each engine's results agree with the app's, so the engine is chosen by numbers. Asserts nothing.
 */
import { resolve } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { Charset, Index } from 'flexsearch';
import { create, insertMultiple, load, save, search as oramaSearch } from '@orama/orama';
import type MiniSearch from 'minisearch';
import {
  articleDoc,
  createIndex,
  highlightDoc,
  INDEX_OPTIONS,
  loadIndex,
  noteDoc,
  normaliseTerm,
  searchIndex,
  WORD,
  type SearchDoc,
} from '../../src-renderer/search/index';
import { percentile } from '../../src-main/bench/report';
import { annotate, generate, queries } from './search-corpus';

interface Engine {
  name: string;
  build(docs: SearchDoc[]): Promise<void>;
  /** Ranked document ids, at most 30. */
  query(q: string): Promise<string[]>;
  /** The index as stored: one string per chunk. */
  save(): Promise<string[]>;
  /** A fresh engine from saved chunks. */
  restore(chunks: string[]): Promise<void>;
}

const FIELDS = ['title', 'text', 'note', 'tags'] as const;
const BOOST: Record<(typeof FIELDS)[number], number> = { title: 3, text: 1, note: 1.5, tags: 2 };

function miniSearch(name: string, search: (m: MiniSearch<SearchDoc>, q: string) => string[]) {
  let index = createIndex();
  return {
    name,
    async build(docs: SearchDoc[]) {
      index = createIndex();
      index.addAll(docs);
    },
    async query(q: string) {
      return search(index, q);
    },
    async save() {
      return [JSON.stringify(index)];
    },
    async restore(chunks: string[]) {
      index = loadIndex(chunks[0]);
    },
  } satisfies Engine;
}

/** Exact and prefix matches first; fuzzy expansion only when they find nothing. */
function fuzzyLast(m: MiniSearch<SearchDoc>, q: string): string[] {
  const exact = { prefix: INDEX_OPTIONS.searchOptions!.prefix, fuzzy: false } as const;
  for (const options of [
    { ...exact, combineWith: 'AND' },
    { combineWith: 'AND' },
    { combineWith: 'OR' },
  ] as const) {
    const r = m.search(q, options);
    if (r.length > 0) return r.slice(0, 30).map(h => String(h.id));
  }
  return [];
}

const normalised = (s: string) => (s.match(WORD) ?? []).map(normaliseTerm).join(' ');

function flexSearch(): Engine {
  const make = () =>
    Object.fromEntries(
      FIELDS.map(f => [f, new Index({ tokenize: 'forward', encoder: Charset.Normalize })]),
    ) as Record<(typeof FIELDS)[number], Index>;
  let fields = make();
  return {
    name: 'FlexSearch 0.8 (forward, per-field boosts)',
    async build(docs) {
      fields = make();
      for (const d of docs) {
        for (const f of FIELDS) if (d[f]) fields[f].add(d.id, normalised(d[f]));
      }
    },
    async query(q) {
      const text = normalised(q);
      const scores = new Map<string, number>();
      for (const suggest of [false, true]) {
        for (const f of FIELDS) {
          const ids = fields[f].search(text, { limit: 100, suggest });
          ids.forEach((id, rank) =>
            scores.set(String(id), (scores.get(String(id)) ?? 0) + BOOST[f] / (1 + rank / 10)),
          );
        }
        if (scores.size > 0) break;
      }
      return [...scores]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 30)
        .map(([id]) => id);
    },
    async save() {
      const chunks: string[] = [];
      for (const f of FIELDS) {
        fields[f].export((key, data) => void chunks.push(JSON.stringify([f, key, data])));
      }
      return chunks;
    },
    async restore(chunks) {
      fields = make();
      for (const c of chunks) {
        const [f, key, data] = JSON.parse(c) as [(typeof FIELDS)[number], string, string];
        fields[f].import(key, data);
      }
    },
  };
}

const ORAMA_SCHEMA = {
  kind: 'string',
  title: 'string',
  text: 'string',
  note: 'string',
  tags: 'string',
} as const;

function orama(): Engine {
  let db = create({ schema: ORAMA_SCHEMA });
  return {
    name: 'Orama 3.1 (prefix, tolerance 1, boosts)',
    async build(docs) {
      db = create({ schema: ORAMA_SCHEMA });
      await insertMultiple(
        db,
        docs.map(d => ({
          id: d.id,
          kind: d.kind,
          title: d.title,
          text: d.text,
          note: d.note,
          tags: d.tags,
        })),
        1000,
      );
    },
    async query(q) {
      for (const threshold of [0, 1]) {
        const r = await oramaSearch(db, {
          term: q,
          properties: [...FIELDS],
          boost: { title: 3, tags: 2, note: 1.5 },
          tolerance: 1,
          threshold,
          limit: 30,
        });
        if (r.hits.length > 0) return r.hits.map(h => String(h.id));
      }
      return [];
    },
    async save() {
      return [JSON.stringify(save(db))];
    },
    async restore(chunks) {
      db = create({ schema: ORAMA_SCHEMA });
      load(db, JSON.parse(chunks[0]) as ReturnType<typeof save>);
    },
  };
}

interface Row {
  engine: string;
  buildMs: number;
  p50: number;
  p95: number;
  savedMB: number;
  chunks: number;
  saveMs: number;
  restoreMs: number;
  heapMB: number;
  hits: number;
  /** Share of the app engine's top-10 found in this engine's top-10. */
  agreement: number;
}

const gc = (globalThis as { gc?: () => void }).gc;
function heap(): number {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed;
}

async function measure(
  engine: Engine,
  docs: SearchDoc[],
  qs: string[],
  reference: Map<string, string[]> | null,
): Promise<{ row: Row; results: Map<string, string[]> }> {
  const before = heap();
  let t = performance.now();
  await engine.build(docs);
  const buildMs = performance.now() - t;
  const heapMB = (heap() - before) / 1e6;
  for (const q of qs.slice(0, 20)) await engine.query(q);
  const times: number[] = [];
  const results = new Map<string, string[]>();
  let hits = 0;
  for (const q of qs) {
    t = performance.now();
    const ids = await engine.query(q);
    times.push(performance.now() - t);
    results.set(q, ids);
    hits += ids.length;
  }
  t = performance.now();
  const chunks = await engine.save();
  const saveMs = performance.now() - t;
  const bytes = chunks.reduce((n, c) => n + c.length, 0);
  t = performance.now();
  await engine.restore(chunks);
  const restoreMs = performance.now() - t;
  const again = await engine.query(qs[0]);
  if (again.join() !== results.get(qs[0])!.join()) {
    console.warn(`${engine.name}: the restored index answers differently`);
  }
  let agreement = 1;
  if (reference) {
    let found = 0;
    let total = 0;
    for (const [q, ids] of reference) {
      const mine = new Set(results.get(q)!.slice(0, 10));
      for (const id of ids.slice(0, 10)) {
        total++;
        if (mine.has(id)) found++;
      }
    }
    agreement = total ? found / total : 1;
  }
  const row: Row = {
    engine: engine.name,
    buildMs,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    savedMB: bytes / 1e6,
    chunks: chunks.length,
    saveMs,
    restoreMs,
    heapMB,
    hits: hits / qs.length,
    agreement,
  };
  return { row, results };
}

function linearScan(docs: SearchDoc[], qs: string[]): Row {
  let t = performance.now();
  const lowered = docs.map(d => `${d.title}\n${d.text}\n${d.note}\n${d.tags}`.toLowerCase());
  const buildMs = performance.now() - t;
  const times: number[] = [];
  let hits = 0;
  for (const q of qs) {
    const words = q.toLowerCase().split(/\s+/).filter(Boolean);
    t = performance.now();
    let found = 0;
    for (const text of lowered) if (words.every(w => text.includes(w))) found++;
    times.push(performance.now() - t);
    hits += Math.min(30, found);
  }
  return {
    engine: 'linear scan (baseline)',
    buildMs,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    savedMB: 0,
    chunks: 0,
    saveMs: 0,
    restoreMs: 0,
    heapMB: 0,
    hits: hits / qs.length,
    agreement: NaN,
  };
}

function print(count: number, docs: number, rows: Row[]): void {
  const f = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : '—');
  console.log(
    `\n${count.toLocaleString('en-GB')} articles, ${docs.toLocaleString('en-GB')} documents`,
  );
  console.log(
    '| engine | build s | query p50 / p95 ms | saved MB (chunks) | save s | restore s | heap MB | hits/query | top-10 agreement |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of rows) {
    console.log(
      `| ${r.engine} | ${f(r.buildMs / 1000)} | ${f(r.p50, 2)} / ${f(r.p95, 2)} | ` +
        `${f(r.savedMB)} (${r.chunks}) | ${f(r.saveMs / 1000, 2)} | ${f(r.restoreMs / 1000, 2)} | ` +
        `${f(r.heapMB, 0)} | ${f(r.hits)} | ${f(r.agreement * 100, 0)}% |`,
    );
  }
}

async function main(): Promise<void> {
  const sizes = (process.argv[2] ?? '10000,100000').split(',').map(Number);
  const only = process.argv[3]?.split(',');
  const load1 = loadavg()
    .map(l => l.toFixed(1))
    .join(' ');
  console.log(`machine: ${cpus().length} CPUs, load average ${load1}; Node ${process.version}`);
  if (!gc) console.log('(run with --expose-gc for heap figures)');
  for (const count of sizes) {
    const lib = generate(count, 2000, 42, 4000);
    const { highlights, notes } = annotate(lib);
    const docs = [
      ...lib.articles.map(articleDoc),
      ...highlights.map(highlightDoc),
      ...notes.map(noteDoc),
    ];
    lib.articles.length = 0;
    const qs = queries(lib);
    const engines: Engine[] = [
      miniSearch('MiniSearch 7.2 (the app: prefix, fuzzy 0.2, boosts)', (m, q) =>
        searchIndex(m, q, 30).map(h => h.id),
      ),
      miniSearch('MiniSearch 7.2, fuzzy only as fallback', fuzzyLast),
      flexSearch(),
      orama(),
    ].filter(e => !only || only.some(o => e.name.toLowerCase().includes(o)));
    const rows: Row[] = [linearScan(docs, qs)];
    let reference: Map<string, string[]> | null = null;
    for (const engine of engines) {
      const { row, results } = await measure(engine, docs, qs, reference);
      reference ??= results;
      rows.push(row);
      console.log(`  measured ${engine.name}`);
      await engine.build([]);
    }
    print(count, docs.length, rows);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
