/**
 * Storing an import's articles (`storeInBatches`, the import's store step) on fake-indexeddb in
 * Node: `count` generated articles stored in the import's batches, then the same files imported
 * again (every one unchanged), beside the raw baseline measured in the same run (Dexie `bulkPut`
 * of the same records and their library entries, one transaction a batch). Figures are CPU time
 * of this process and rows read per batch (`db/read-count.ts`): counts do not move with the
 * machine's load. `READOUT_STORE_MODULE=path` measures another module exporting `storeInBatches`
 * (a copy of an older version) in the same way. `npx tsx e2e/bench/scale-store.ts [count]`.
 */
import 'fake-indexeddb/auto';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Article } from '../../src-main/contract/article';
import { formatFigure, type BenchFigure } from '../../src-main/bench/report';
import * as current from '../../src-renderer/db/articles';
import { entryFromArticle, ReadoutDB } from '../../src-renderer/db/db';
import { countReads } from '../../src-renderer/db/read-count';
import { contractArticle } from '../../src-renderer/db/testing';
import { scaleFile } from './scale-corpus';

/** The import's batch size (`storeInBatches`' default). */
const BATCH = 250;

type Store = typeof current.storeInBatches;

function cpuMs<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const c0 = process.cpuUsage();
  return fn().then(out => {
    const c = process.cpuUsage(c0);
    return [out, (c.user + c.system) / 1000];
  });
}

function articles(count: number): Article[] {
  return Array.from({ length: count }, (_, i) => {
    const f = scaleFile(i, count);
    return contractArticle(`scale/${f.name}`, f.text, { title: f.name });
  });
}

async function storeRun(store: Store, list: Article[]) {
  const db = new ReadoutDB(`store-bench-${Math.random()}`);
  const reads = countReads(db);
  await db.open();
  try {
    const [, firstMs] = await cpuMs(() => store(db, list, { batchSize: BATCH }));
    const first = { rows: reads.rows, requests: reads.requests };
    const [again, againMs] = await cpuMs(() => store(db, list, { batchSize: BATCH }));
    const second = { rows: reads.rows - first.rows, requests: reads.requests - first.requests };
    return { firstMs, againMs, first, second, again };
  } finally {
    await db.delete();
  }
}

async function bulkBaseline(list: Article[]): Promise<number> {
  const db = new ReadoutDB(`store-bench-raw-${Math.random()}`);
  await db.open();
  try {
    const [, ms] = await cpuMs(async () => {
      for (let i = 0; i < list.length; i += BATCH) {
        const batch = list.slice(i, i + BATCH);
        await db.transaction('rw', db.articles, db.library, async () => {
          await db.articles.bulkPut(
            batch.map(a => ({ ...a, contentHash: a.id, importedAt: 1, updatedAt: 1 })),
          );
          await db.library.bulkPut(batch.map(a => entryFromArticle(a, 1)));
        });
      }
    });
    return ms;
  } finally {
    await db.delete();
  }
}

export async function storeFigures(count: number): Promise<BenchFigure[]> {
  const moduleName = process.env.READOUT_STORE_MODULE;
  const store: Store = moduleName
    ? ((await import(pathToFileURL(resolve(moduleName)).href)) as typeof current).storeInBatches
    : current.storeInBatches;
  const label = moduleName ? ` (${moduleName})` : '';
  const list = articles(count);
  const raw = await bulkBaseline(list);
  const run = await storeRun(store, list);
  const batches = Math.ceil(count / BATCH);
  const ok = run.again.unchanged === count ? '' : ', WRONG: not all unchanged';
  return [
    {
      name: `store: ${count} new articles, batches of ${BATCH}${label}, CPU`,
      value: run.firstMs / 1000,
      unit: 's',
      baseline: { name: 'bulkPut of the same records', value: raw / 1000 },
    },
    {
      name: `store: the same ${count} again (all unchanged${ok}), CPU`,
      value: run.againMs / 1000,
      unit: 's',
    },
    {
      name: `store: read requests per batch of ${BATCH}, new / unchanged`,
      value: run.first.requests / batches,
      unit: `/ ${Math.round(run.second.requests / batches)} (rows read ${Math.round(run.first.rows / batches)} / ${Math.round(run.second.rows / batches)})`,
    },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const count = Number(process.argv[2] ?? 10_000);
  storeFigures(count)
    .then(figures => figures.forEach(f => console.log(formatFigure(f))))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
