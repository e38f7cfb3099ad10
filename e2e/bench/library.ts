/**
 * Library list benchmark (`npx tsx e2e/bench/library.ts [count]`): in Chromium, stores 100,000
 * generated library entries in a real Dexie database, reads them back (metadata only, no text),
 * sorts and filters them, renders the real virtualised LibraryList and scrolls it for 300 frames
 * (a fast fling, then jumps across the list), beside a plain list of every row. Prints figures
 * for the README; asserts nothing.
 */
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { formatFigure, type BenchFigure } from '../../src-main/bench/report';
import { CHROMIUM_LAUNCH } from '../chromium';
import type { LibraryBenchResult } from './library-page';

const root = resolve(import.meta.dirname, '../..');

/** The list's layout rules the page needs (library.css, without the rest of the app). */
const CSS = `
.library-scroller { flex: 1; min-height: 0; overflow-y: auto; contain: strict; }
.library-list { position: relative; list-style: none; margin: 0; padding: 0; }
.library-list > li { position: absolute; top: 0; left: 0; right: 0; }
.library-item { display: flex; flex-direction: column; width: 100%; height: 100%; overflow: hidden; }
`;

async function bundle(): Promise<string> {
  const output = await build({
    configFile: false,
    root,
    logLevel: 'silent',
    plugins: [react()],
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      write: false,
      minify: true,
      lib: {
        entry: resolve(root, 'e2e/bench/library-page.tsx'),
        formats: ['iife'],
        name: 'libraryBench',
      },
    },
  });
  for (const r of Array.isArray(output) ? output : [output]) {
    if ('output' in r) {
      const chunk = r.output.find(o => o.type === 'chunk');
      if (chunk && 'code' in chunk) return chunk.code;
    }
  }
  throw new Error('library benchmark: bundling produced no code');
}

async function benchLibrary(count: number): Promise<LibraryBenchResult> {
  const code = await bundle();
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // IndexedDB needs an origin: serve a blank page from a data-free route.
    await page.route('http://127.0.0.1:9/bench', r =>
      r.fulfill({ contentType: 'text/html', body: '<!doctype html><title>library bench</title>' }),
    );
    await page.goto('http://127.0.0.1:9/bench');
    await page.addStyleTag({ content: CSS });
    await page.addScriptTag({ content: code });
    return await page.evaluate(
      n =>
        (
          window as unknown as { libraryBench: { run(n: number): Promise<LibraryBenchResult> } }
        ).libraryBench.run(n),
      count,
    );
  } finally {
    await browser.close();
  }
}

export async function libraryFigures(count = 100_000): Promise<BenchFigure[]> {
  const r = await benchLibrary(count);
  const n = r.articles.toLocaleString('en-GB');
  const load = loadavg()
    .map(l => l.toFixed(1))
    .join(' ');
  console.log(`machine: ${cpus().length} CPUs, load average ${load} (figures scale with load)`);
  console.log(
    `library: ${n} entries; ${r.domRows} rows in the DOM; ${r.frames} frames scrolled, ` +
      `${r.framesOver16} longer than a 60 Hz frame; Chromium`,
  );
  return [
    { name: `library entries stored (${n}, one bulkAdd)`, value: r.storeMs / 1000, unit: 's' },
    {
      name: 'list order from the indexes (newest first) + first 50 rows read',
      value: r.orderMs + r.firstPageMs,
      unit: 'ms',
      baseline: { name: 'every entry read (the list before)', value: r.readMs },
    },
    { name: `library entries read (no text)`, value: r.readMs, unit: 'ms' },
    { name: 'rows built (edits applied)', value: r.rowsMs, unit: 'ms' },
    ...Object.entries(r.sortMs).map(([key, ms]) => ({
      name: `sort by ${key}`,
      value: ms,
      unit: 'ms',
    })),
    { name: 'filter (unread, from a date)', value: r.filterMs, unit: 'ms' },
    {
      name: 'first render of the virtualised list',
      value: r.firstRenderMs,
      unit: 'ms',
      baseline: {
        name: `plain list of ${r.plainRows.toLocaleString('en-GB')} rows`,
        value: r.plainRenderMs,
      },
    },
    { name: 'scroll frame p50', value: r.frameP50, unit: 'ms', target: '< 16 ms' },
    { name: 'scroll frame p95', value: r.frameP95, unit: 'ms', target: '< 16 ms' },
    { name: 'scroll frame max', value: r.frameMax, unit: 'ms' },
    { name: 'scroll work per frame p95 (render + layout)', value: r.workP95, unit: 'ms' },
    { name: 'scroll work per frame max', value: r.workMax, unit: 'ms' },
  ];
}

async function main(): Promise<void> {
  const figures = await libraryFigures(Number(process.argv[2] ?? 100_000));
  for (const f of figures) console.log(formatFigure(f));
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
