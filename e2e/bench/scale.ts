/**
 * `npm run bench:scale [count...]` (issue 14): generates libraries of 10,000 and 100,000 small
 * articles deterministically (`scale-corpus.ts`) and prints, beside the raw baseline of reading
 * the same files with `fs` alone, how long `readout meetings` takes to read, extract and merge
 * them and its peak resident memory. The search engineer's `scale-search.ts` runs after it when
 * present. The import through the page is measured by `e2e/scale-import.e2e.ts`
 * (READOUT_SCALE_FILES sets its size). Then start-up with as many library entries
 * (`scale-startup.ts`: needs `npm run build`); `--startup-only` measures start-up alone.
 * `scale-store.ts` prints the import's store step (fake-indexeddb, CPU time and reads), and
 * `scale-add.ts` the time to add 100 files to a library of that size through the page
 * (`--add-only` measures that alone). Asserts nothing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { formatFigure, type BenchFigure } from '../../src-main/bench/report';
import { writeScaleCorpus } from './scale-corpus';
import { addFigures } from './scale-add';
import { startupFigures } from './scale-startup';
import { storeFigures } from './scale-store';

const root = resolve(import.meta.dirname, '../..');

/** Reads every file of `dir` with `fs` alone, 64 at a time: the floor for any import. */
async function readAll(dir: string): Promise<number> {
  const names = readdirSync(dir);
  const t0 = performance.now();
  for (let i = 0; i < names.length; i += 64)
    await Promise.all(names.slice(i, i + 64).map(n => readFile(join(dir, n))));
  return performance.now() - t0;
}

/** `readout meetings --json dir` under /usr/bin/time: wall time and peak RSS. */
function cliMeetings(dir: string): { ms: number; rssMb: number; meetings: number; ok: boolean } {
  const t0 = performance.now();
  const run = spawnSync(
    '/usr/bin/time',
    [
      '-f',
      '%M',
      process.execPath,
      join(root, 'node_modules/tsx/dist/cli.mjs'),
      'src-main/cli/main.ts',
      'meetings',
      '--json',
      dir,
    ],
    { cwd: root, maxBuffer: 2 * 1024 * 1024 * 1024, encoding: 'utf8' },
  );
  const ms = performance.now() - t0;
  const rssKb = Number(run.stderr.trim().split('\n').pop());
  let meetings = -1;
  try {
    meetings = (JSON.parse(run.stdout) as { meetings: unknown[] }).meetings.length;
  } catch {
    // reported as -1 meetings with ok false
  }
  return { ms, rssMb: rssKb / 1024, meetings, ok: run.status === 0 };
}

async function figuresFor(count: number): Promise<BenchFigure[]> {
  const dir = join(mkdtempSync(join(tmpdir(), 'readout-scale-')), 'news');
  try {
    const bytes = await writeScaleCorpus(dir, count);
    const readMs = await readAll(dir);
    const cli = cliMeetings(dir);
    return [
      {
        name: `scale: readout meetings on ${count} files (${(bytes / 1e6).toFixed(0)} MB, ${cli.meetings} meetings${cli.ok ? '' : ', FAILED'})`,
        value: cli.ms / 1000,
        unit: 's',
        baseline: { name: 'fs reads alone', value: readMs / 1000 },
        target: count >= 100_000 ? '≤ 30 s' : undefined,
      },
      {
        name: `scale: readout meetings on ${count} files, peak RSS`,
        value: cli.rssMb,
        unit: 'MB',
        target: count >= 100_000 ? '≤ 1024 MB' : undefined,
      },
    ];
  } finally {
    rmSync(join(dir, '..'), { recursive: true, force: true });
  }
}

/** Start-up, heap, DOM and preview memory with `count` entries (`scale-startup.ts`). */
async function printStartup(count: number): Promise<void> {
  console.log(`\n## scale: start-up with ${count} library entries`);
  try {
    for (const f of await startupFigures(count)) console.log(formatFigure(f));
  } catch (error) {
    console.log(`start-up figures not taken: ${String(error)}`);
  }
}

/** Adding 100 files through the page to a library of `count` (`scale-add.ts`). */
async function printAdd(count: number): Promise<void> {
  console.log(`\n## scale: add 100 files to ${count} articles`);
  try {
    for (const f of await addFigures(count)) console.log(formatFigure(f));
  } catch (error) {
    console.log(`add figures not taken: ${String(error)}`);
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--add-only')) {
    for (const count of args.map(Number).filter(n => n > 0)) await printAdd(count);
    return;
  }
  // `--startup-only` skips the CLI figures (minutes at 100,000) and measures start-up alone.
  const startupOnly = args.includes('--startup-only');
  const counts = args.map(Number).filter(n => n > 0);
  for (const count of counts.length > 0 ? counts : [10_000, 100_000]) {
    if (!startupOnly) {
      console.log(`\n## scale: ${count} articles`);
      for (const f of await figuresFor(count)) console.log(formatFigure(f));
      // The import's store step in fake-indexeddb; at 100,000 it would measure Node's memory
      // more than the store, so the larger sizes take 10,000.
      for (const f of await storeFigures(Math.min(count, 10_000))) console.log(formatFigure(f));
    }
    await printStartup(count);
    if (!startupOnly) await printAdd(count);
  }
  if (startupOnly) return;
  const search = resolve(import.meta.dirname, 'scale-search.ts');
  if (existsSync(search)) {
    console.log('\n## scale: search');
    spawnSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), search], {
      cwd: root,
      stdio: 'inherit',
    });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
