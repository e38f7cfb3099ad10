/**
 * Runs inside Chromium for the scale benchmark (bundled by `scale-search.ts`): stores a generated
 * library in IndexedDB (timing Dexie's bulkPut as the raw baseline), then drives the search index
 * exactly as the app's worker does (`SearchHost`: batches of documents, then a save in pieces and
 * a restore), and times queries beside a linear scan over the same texts.
 */
import { ReadoutDB } from '../../src-renderer/db/db';
import { entryFromArticle } from '../../src-renderer/db/db';
import { SearchHost } from '../../src-renderer/search/host';
import { articleDoc, highlightDoc, noteDoc, type SearchDoc } from '../../src-renderer/search/index';
import { annotate, generate, queries } from './search-corpus';

export interface ScaleResult {
  articles: number;
  documents: number;
  bulkPutMs: number;
  buildMs: number;
  saveMs: number;
  chunks: number;
  restoreMs: number;
  p50: number;
  p95: number;
  scanP50: number;
  scanP95: number;
  heapMB: number | null;
  /** Documents the linear scan found, summed (so the scan cannot be optimised away). */
  scanHits: number;
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const heapMB = () => {
  const memory = (performance as { memory?: { usedJSHeapSize: number } }).memory;
  return memory ? memory.usedJSHeapSize / 1e6 : null;
};

export async function run(count: number): Promise<ScaleResult> {
  const lib = generate(count, 2000, 42, 4000);
  const { highlights, notes } = annotate(lib);
  const db = new ReadoutDB(`scale-${count}`);
  await db.delete();
  await db.open();
  let t = performance.now();
  for (let i = 0; i < lib.articles.length; i += 2000) {
    const batch = lib.articles.slice(i, i + 2000);
    await db.transaction('rw', db.articles, db.library, async () => {
      await db.articles.bulkPut(batch);
      await db.library.bulkPut(batch.map(a => entryFromArticle(a, 0)));
    });
  }
  await db.highlights.bulkPut(highlights);
  await db.articleNotes.bulkPut(notes);
  const bulkPutMs = performance.now() - t;

  const docs: SearchDoc[] = [
    ...lib.articles.map(articleDoc),
    ...highlights.map(highlightDoc),
    ...notes.map(noteDoc),
  ];
  const host = new SearchHost(db);
  let id = 0;
  const call = async (request: object) => {
    const reply = await host.handle({ ...request, id: id++ });
    if (!reply.result.ok) throw new Error(reply.result.error.message);
    return reply.result.value;
  };
  t = performance.now();
  for (let i = 0; i < docs.length; i += 500) {
    await call({ type: 'apply', add: docs.slice(i, i + 500), remove: [] });
  }
  const buildMs = performance.now() - t;

  const versions = {
    articles: lib.articles.map(a => [a.id, a.contentHash]),
    highlights: highlights.map(h => [h.id, 'v']),
    notes: notes.map(n => [n.articleId, 'v']),
  };
  t = performance.now();
  const saved = (await call({ type: 'save', versions })) as { chunks: number };
  const saveMs = performance.now() - t;

  const restored = new SearchHost(db);
  t = performance.now();
  await restored.handle({ id: 0, type: 'restore', database: db.name });
  const restoreMs = performance.now() - t;

  const qs = queries(lib);
  const lowered = docs.map(d => `${d.title}\n${d.text}\n${d.note}\n${d.tags}`.toLowerCase());
  for (const q of qs.slice(0, 20))
    await restored.handle({ id: 1, type: 'search', query: q, limit: 30 });
  const times: number[] = [];
  const scans: number[] = [];
  let scanHits = 0;
  for (const q of qs) {
    t = performance.now();
    await restored.handle({ id: 2, type: 'search', query: q, limit: 30 });
    times.push(performance.now() - t);
    const words = q.toLowerCase().split(/\s+/);
    t = performance.now();
    let found = 0;
    for (const text of lowered) if (words.every(w => text.includes(w))) found++;
    scans.push(performance.now() - t);
    scanHits += found;
  }
  const heap = heapMB();
  await db.delete();
  return {
    articles: count,
    documents: docs.length,
    bulkPutMs,
    buildMs,
    saveMs,
    chunks: saved.chunks,
    restoreMs,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    scanP50: percentile(scans, 50),
    scanP95: percentile(scans, 95),
    heapMB: heap,
    scanHits,
  };
}
