/**
 * Start-up at scale (issue 14), for `npm run bench:scale`: the real app in the browser preview
 * (needs `npm run build` first) with `count` library entries written straight into its IndexedDB,
 * then reloaded. Prints the time from the page's navigation to the first library rows drawn and
 * the page answering a task, the longest main-thread task meanwhile, the renderer's JS heap, the
 * DOM node counts of the Library, All highlights and Meetings views, and the preview server's peak
 * resident memory, beside reading every entry (what the list did on start before) in the same
 * page. Asserts nothing.
 *
 * What it leaves out: the entries carry no article texts (the texts, the search index and the
 * meetings are measured by the import and search benches), so this is the library's share of
 * start-up, not the search restore's.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import type { BenchFigure } from '../../src-main/bench/report';
import { CHROMIUM_LAUNCH } from '../chromium';

const root = resolve(import.meta.dirname, '../..');

/** The preview server as `npm run web` starts it, on a free port, with its URL. */
export function startPreview(
  appRoot: string,
  dataDir: string,
): Promise<{ url: string; child: ChildProcess }> {
  return new Promise((ok, ko) => {
    const child = spawn(
      process.execPath,
      [
        join(appRoot, 'node_modules/tsx/dist/cli.mjs'),
        'src-main/preview/main.ts',
        `--data=${dataDir}`,
      ],
      {
        cwd: appRoot,
        env: { ...process.env, READOUT_PREVIEW_PORT: '0' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    const timer = setTimeout(() => ko(new Error(`preview did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        ok({ url: match[1], child });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
  });
}

/** Peak resident memory (VmHWM) of `pid` and its descendants, summed, in MB. */
function peakRssMb(pid: number): number {
  const kb = (p: number) => {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
      return m ? Number(m[1]) : 0;
    } catch {
      return 0;
    }
  };
  const children = (p: number): number[] => {
    try {
      return readdirSync(`/proc/${p}/task`).flatMap(t =>
        readFileSync(`/proc/${p}/task/${t}/children`, 'utf8')
          .trim()
          .split(/\s+/)
          .filter(Boolean)
          .map(Number),
      );
    } catch {
      return [];
    }
  };
  const all = [pid];
  for (let i = 0; i < all.length; i++) all.push(...children(all[i]));
  return all.reduce((sum, p) => sum + kb(p), 0) / 1024;
}

/** Writes `count` library entries (no texts) into the page's database, dated over ten years. */
function fill(page: Page, count: number): Promise<number> {
  return page.evaluate(async count => {
    const t0 = performance.now();
    const idb = await new Promise<IDBDatabase>((ok, ko) => {
      const r = indexedDB.open('readout');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => ko(r.error);
    });
    const day0 = Date.UTC(2015, 0, 1);
    for (let from = 0; from < count; from += 10_000) {
      const tx = idb.transaction('library', 'readwrite');
      const store = tx.objectStore('library');
      for (let i = from; i < Math.min(count, from + 10_000); i++)
        store.put({
          articleId: `00001${String(i).padStart(11, '0')}`,
          title: `Generated report ${i} on talks between two delegations`,
          publisher: `Wire ${i % 7}`,
          published:
            i % 20 === 0
              ? null
              : new Date(day0 + ((i * 7919) % 3650) * 86_400_000).toISOString().slice(0, 10),
          dateline: null,
          file: `generated-${i}.txt`,
          source: `/generated/${i}.txt`,
          author: null,
          url: null,
          addedAt: 2_000_000_000_000 + i,
          updatedAt: 2_000_000_000_000 + i,
          ...(i % 3 === 0 ? { readAt: 1 } : {}),
          ...(i % 10 === 0 ? { archivedAt: 1 } : {}),
        });
      await new Promise<void>((ok, ko) => {
        tx.oncomplete = () => ok();
        tx.onerror = () => ko(tx.error);
      });
    }
    idb.close();
    return performance.now() - t0;
  }, count);
}

/** Every entry read in the page, as the list did on start before: the baseline. */
function readEvery(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const t0 = performance.now();
    const idb = await new Promise<IDBDatabase>((ok, ko) => {
      const r = indexedDB.open('readout');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => ko(r.error);
    });
    await new Promise((ok, ko) => {
      const r = idb.transaction('library').objectStore('library').getAll();
      r.onsuccess = () => ok(r.result);
      r.onerror = () => ko(r.error);
    });
    idb.close();
    return performance.now() - t0;
  });
}

const nodes = (page: Page) => page.evaluate(() => document.querySelectorAll('*').length);

export interface StartupResult {
  count: number;
  fillMs: number;
  firstRowsMs: number;
  interactiveMs: number;
  longestTaskMs: number;
  readEveryMs: number;
  heapMb: number;
  heapPeakMb: number;
  domLibrary: number;
  domHighlights: number;
  domMeetings: number;
  previewRssMb: number;
}

/** Start-up of the app built in `appRoot` (this checkout, or another one as the baseline). */
export async function benchStartup(count: number, appRoot = root): Promise<StartupResult> {
  if (!existsSync(join(appRoot, 'out/renderer/index.html')))
    throw new Error(
      `scale start-up: no built renderer in ${appRoot}/out; run \`npm run build\` first`,
    );
  const dataDir = mkdtempSync(join(tmpdir(), 'readout-startup-'));
  const { url, child } = await startPreview(appRoot, dataDir);
  const browser = await chromium.launch({
    ...CHROMIUM_LAUNCH,
    args: [...(CHROMIUM_LAUNCH.args ?? []), '--enable-precise-memory-info'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    // Long tasks from the document's start, kept for the page to report.
    await page.addInitScript(() => {
      const w = window as unknown as { __longest: number };
      w.__longest = 0;
      new PerformanceObserver(list => {
        for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(url);
    await page.locator('button.library-item').first().waitFor();
    const fillMs = await fill(page, count);

    await page.reload();
    // First rows: a row with its title read (not the placeholder). Then interactive: a task
    // queued after the next frame runs, i.e. the page answers input.
    await page.waitForFunction(
      () => {
        const title = document.querySelector('button.library-item .library-title');
        const w = window as unknown as { __firstRows?: number };
        if (title && title.textContent !== '…' && w.__firstRows === undefined)
          w.__firstRows = performance.now();
        return w.__firstRows !== undefined;
      },
      undefined,
      { polling: 'raf', timeout: 300_000 },
    );
    const timing = await page.evaluate(async () => {
      await new Promise<void>(r => requestAnimationFrame(() => setTimeout(r, 0)));
      const w = window as unknown as { __firstRows: number; __longest: number };
      return { firstRows: w.__firstRows, interactive: performance.now(), longest: w.__longest };
    });
    const cdp = await page.context().newCDPSession(page);
    const heap = async () =>
      ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize / 1e6;
    let heapPeakMb = await heap();
    const domLibrary = await nodes(page);
    const views = page.getByRole('navigation', { name: 'Views' });
    await views.getByRole('button', { name: 'All highlights' }).click();
    await page.waitForTimeout(500);
    const domHighlights = await nodes(page);
    heapPeakMb = Math.max(heapPeakMb, await heap());
    await views.getByRole('button', { name: 'Meetings' }).click();
    await page.waitForTimeout(500);
    const domMeetings = await nodes(page);
    heapPeakMb = Math.max(heapPeakMb, await heap());
    await views.getByRole('button', { name: 'Library' }).click();
    // The list scrolled to its end: the last rows are read and drawn.
    await page.getByTestId('library-scroller').evaluate(el => {
      el.scrollTop = el.scrollHeight;
    });
    await page.waitForTimeout(500);
    const heapMb = await heap();
    heapPeakMb = Math.max(heapPeakMb, heapMb);
    const readEveryMs = await readEvery(page);
    heapPeakMb = Math.max(heapPeakMb, await heap());
    return {
      count,
      fillMs,
      firstRowsMs: timing.firstRows,
      interactiveMs: timing.interactive,
      longestTaskMs: timing.longest,
      readEveryMs,
      heapMb,
      heapPeakMb,
      domLibrary,
      domHighlights,
      domMeetings,
      previewRssMb: peakRssMb(child.pid ?? 0),
    };
  } finally {
    await browser.close();
    child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * The figures of `benchStartup(count)`, each beside its target; with READOUT_BASELINE_ROOT set
 * to another built checkout (e.g. `git archive` of the commit before), that app is measured in
 * the same run and its figures are printed as the baselines.
 */
export async function startupFigures(count: number): Promise<BenchFigure[]> {
  const r = await benchStartup(count);
  const baseRoot = process.env.READOUT_BASELINE_ROOT;
  const b = baseRoot ? await benchStartup(count, resolve(baseRoot)) : null;
  const was = (value: number | undefined) =>
    b && value !== undefined ? { baseline: { name: 'the baseline build', value } } : {};
  const n = count.toLocaleString('en-GB');
  const big = count >= 100_000;
  console.log(
    `load average ${loadavg()
      .map(l => l.toFixed(1))
      .join(' ')} (wall-clock figures scale with it)`,
  );
  return [
    {
      name: `start-up: ${n} entries written into IndexedDB (raw puts)`,
      value: r.fillMs / 1000,
      unit: 's',
    },
    {
      name: `start-up: page load → first library rows (${n})`,
      value: r.firstRowsMs,
      unit: 'ms',
      ...was(b?.firstRowsMs),
    },
    {
      // The list's start read before this change, in the same page: every entry, which the
      // start-up then sorted and filtered on top (not comparable with the whole start-up).
      name: `start-up: baseline, every entry read as the list did (${n})`,
      value: r.readEveryMs,
      unit: 'ms',
    },
    {
      name: `start-up: page load → interactive (${n})`,
      value: r.interactiveMs,
      unit: 'ms',
      ...was(b?.interactiveMs),
      target: big ? '≤ 1500 ms' : undefined,
    },
    {
      name: `start-up: longest main-thread task (${n})`,
      value: r.longestTaskMs,
      unit: 'ms',
      ...was(b?.longestTaskMs),
    },
    {
      name: `start-up: renderer JS heap after start and the three views (${n})`,
      value: r.heapMb,
      unit: 'MB',
      ...was(b?.heapMb),
      target: big ? '≤ 400 MB' : undefined,
    },
    {
      name: `start-up: renderer JS heap peak, baseline read included (${n})`,
      value: r.heapPeakMb,
      unit: 'MB',
    },
    {
      name: `DOM nodes, Library view (${n})`,
      value: r.domLibrary,
      unit: 'nodes',
      ...was(b?.domLibrary),
      target: '≤ 2000',
    },
    {
      name: `DOM nodes, All highlights view (${n})`,
      value: r.domHighlights,
      unit: 'nodes',
      ...was(b?.domHighlights),
      target: '≤ 2000',
    },
    {
      name: `DOM nodes, Meetings view (${n})`,
      value: r.domMeetings,
      unit: 'nodes',
      ...was(b?.domMeetings),
      target: '≤ 2000',
    },
    {
      name: `preview server peak RSS, start-up run (${n})`,
      value: r.previewRssMb,
      unit: 'MB',
      ...was(b?.previewRssMb),
      target: big ? '≤ 500 MB' : undefined,
    },
  ];
}
