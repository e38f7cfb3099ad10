/**
 * Search benchmark (`npx tsx e2e/bench/search.ts [count]`): in Chromium, builds the real search
 * index over 10,000 generated ~2 KB articles and times 200 varied queries (words, pairs, prefixes,
 * typos; each with snippets for the top ten), beside a linear scan over lower-cased texts measured
 * in the same run. Prints figures for the README; asserts nothing.
 */
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { build } from 'vite';
import { formatFigure, type BenchFigure } from '../../src-main/bench/report';
import type { BenchResult } from './search-page';
import { CHROMIUM_LAUNCH } from '../chromium';

const root = resolve(import.meta.dirname, '../..');

/** Bundles search-page.ts (and the renderer's search modules it imports) into one IIFE. */
async function bundle(): Promise<string> {
  const output = await build({
    configFile: false,
    root,
    logLevel: 'silent',
    build: {
      write: false,
      minify: true,
      lib: {
        entry: resolve(root, 'e2e/bench/search-page.ts'),
        formats: ['iife'],
        name: 'searchBench',
      },
    },
  });
  const results = Array.isArray(output) ? output : [output];
  for (const r of results) {
    if ('output' in r) {
      const chunk = r.output.find(o => o.type === 'chunk');
      if (chunk && 'code' in chunk) return chunk.code;
    }
  }
  throw new Error('search benchmark: bundling produced no code');
}

export async function benchSearch(count = 10_000): Promise<BenchResult> {
  const code = await bundle();
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><title>search bench</title>');
    await page.addScriptTag({ content: code });
    return await page.evaluate(
      n =>
        (window as unknown as { searchBench: { run(n: number): BenchResult } }).searchBench.run(n),
      count,
    );
  } finally {
    await browser.close();
  }
}

/** The figures of one run, in the shape `src-main/bench` prints (a suite's `run`). */
export async function searchFigures(count = 10_000): Promise<BenchFigure[]> {
  const r = await benchSearch(count);
  const n = r.articles.toLocaleString('en-GB');
  const load = loadavg()
    .map(l => l.toFixed(1))
    .join(' ');
  console.log(`machine: ${cpus().length} CPUs, load average ${load} (figures scale with load)`);
  console.log(
    `search: ${n} generated articles of ~${r.averageChars} characters, ${r.queries} queries ` +
      `(${r.averageHits.toFixed(0)} hits on average), Chromium`,
  );
  return [
    {
      name: `search index build (${n} articles)`,
      value: r.buildMs / 1000,
      unit: 's',
      baseline: { name: 'lower-casing texts for a linear scan', value: r.baselineBuildMs / 1000 },
      target: '< 5 s',
    },
    {
      name: 'search index restore from saved JSON',
      value: r.restoreMs / 1000,
      unit: 's',
      baseline: { name: 'building it again', value: r.buildMs / 1000 },
    },
    {
      name: `search index save (${(r.serializedBytes / 1e6).toFixed(1)} MB of JSON)`,
      value: r.serializeMs / 1000,
      unit: 's',
    },
    {
      name: 'search query p50 (with top-10 snippets)',
      value: r.queryP50,
      unit: 'ms',
      baseline: { name: 'linear scan', value: r.baselineP50 },
    },
    {
      name: 'search query p95 (with top-10 snippets)',
      value: r.queryP95,
      unit: 'ms',
      baseline: { name: 'linear scan', value: r.baselineP95 },
      target: '< 20 ms',
    },
  ];
}

async function main(): Promise<void> {
  const figures = await searchFigures(Number(process.argv[2] ?? 10_000));
  for (const f of figures) console.log(formatFigure(f));
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
