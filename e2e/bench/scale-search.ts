/**
 * Search at scale (`npx tsx e2e/bench/scale-search.ts [10000,100000]`; `npm run bench:scale` calls
 * `scaleSearchFigures` when it exists): in Chromium, on a real origin so IndexedDB is there,
 * stores N generated articles with highlights and notes (Dexie bulkPut, the raw baseline), builds
 * the index as the search worker does, saves it in pieces, restores it, and times 200 queries
 * beside a linear scan; prints the JS heap. Asserts nothing. DOM node counts at size are asserted
 * by e2e/all-highlights.e2e.ts instead.
 */
import { resolve } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { chromium } from '@playwright/test';
import { build } from 'vite';
import { formatFigure, type BenchFigure } from '../../src-main/bench/report';
import { CHROMIUM_LAUNCH } from '../chromium';
import type { ScaleResult } from './scale-search-page';

const root = resolve(import.meta.dirname, '../..');

async function bundle(): Promise<string> {
  const output = await build({
    configFile: false,
    root,
    logLevel: 'silent',
    build: {
      write: false,
      minify: true,
      lib: {
        entry: resolve(root, 'e2e/bench/scale-search-page.ts'),
        formats: ['iife'],
        name: 'scaleSearch',
      },
    },
  });
  for (const r of Array.isArray(output) ? output : [output]) {
    if ('output' in r) {
      const chunk = r.output.find(o => o.type === 'chunk');
      if (chunk && 'code' in chunk) return chunk.code;
    }
  }
  throw new Error('scale benchmark: bundling produced no code');
}

export async function benchScaleSearch(count: number): Promise<ScaleResult> {
  const code = await bundle();
  const browser = await chromium.launch({
    ...CHROMIUM_LAUNCH,
    args: [...(CHROMIUM_LAUNCH.args ?? []), '--enable-precise-memory-info'],
  });
  try {
    const page = await browser.newPage();
    // IndexedDB needs a real origin; the page is served from memory, nothing leaves the machine.
    await page.route('http://bench.invalid/**', route =>
      route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><title>scale bench</title>',
      }),
    );
    await page.goto('http://bench.invalid/');
    await page.addScriptTag({ content: code });
    return await page.evaluate(
      n =>
        (
          window as unknown as { scaleSearch: { run(n: number): Promise<ScaleResult> } }
        ).scaleSearch.run(n),
      count,
    );
  } finally {
    await browser.close();
  }
}

/** The figures of one size, in the shape `src-main/bench` prints. */
export async function scaleSearchFigures(count: number): Promise<BenchFigure[]> {
  const r = await benchScaleSearch(count);
  const n = r.articles.toLocaleString('en-GB');
  return [
    {
      name: `search ready: index built (${n} articles)`,
      value: r.buildMs / 1000,
      unit: 's',
      baseline: { name: 'Dexie bulkPut of the same records', value: r.bulkPutMs / 1000 },
    },
    {
      name: `search index saved in ${r.chunks} pieces`,
      value: r.saveMs / 1000,
      unit: 's',
    },
    {
      name: 'search restored on start (no rebuild)',
      value: r.restoreMs / 1000,
      unit: 's',
      baseline: { name: 'building it', value: r.buildMs / 1000 },
    },
    {
      name: 'search query p50',
      value: r.p50,
      unit: 'ms',
      baseline: { name: 'linear scan', value: r.scanP50 },
    },
    {
      name: 'search query p95',
      value: r.p95,
      unit: 'ms',
      baseline: { name: 'linear scan', value: r.scanP95 },
      target: '< 20 ms',
    },
    ...(r.heapMB === null
      ? []
      : [{ name: 'JS heap with the index and the texts', value: r.heapMB, unit: 'MB' }]),
  ];
}

async function main(): Promise<void> {
  const sizes = (process.argv[2] ?? '10000,100000').split(',').map(Number);
  const load = loadavg()
    .map(l => l.toFixed(1))
    .join(' ');
  console.log(`machine: ${cpus().length} CPUs, load average ${load} (figures scale with load)`);
  for (const count of sizes) {
    for (const f of await scaleSearchFigures(count)) console.log(formatFigure(f));
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
