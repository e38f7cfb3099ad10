/**
 * `npm run eval:meetings`: scores the meetings extraction. With no arguments it scores the
 * development corpus of real news (`../shared/dev-news/`) and the seeds (`seeds/` against
 * `../shared/dev-gold/seeds-gold.json`) and prints one table with every figure the scorer
 * reports; `npm run eval:meetings -- GOLD.json DIR...` scores DIR against GOLD.json and prints
 * the scorer's verbose list (misses, false positives, wrong fields) followed by its figures.
 * Runs the same import and report as `readout meetings --json`, and the `score.py` beside the
 * gold file (else ../shared/dev-gold/score.py). Exits with the scorer's code.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { importPaths } from '../ingest';
import { meetingsReport } from './index';

interface Scored {
  code: number;
  stdout: string;
  stderr: string;
  figures: Record<string, number | null> | null;
}

const DEFAULT_SETS: { name: string; gold: string; dirs: string[] }[] = [
  {
    name: 'dev-news (28 real articles)',
    gold: '../shared/dev-news/gold.json',
    dirs: ['../shared/dev-news/articles'],
  },
  { name: 'seeds', gold: '../shared/dev-gold/seeds-gold.json', dirs: ['seeds'] },
];

/** The columns of the table, in the scorer's order, with short headings. */
const COLUMNS: [string, string][] = [
  ['precision', 'P'],
  ['recall', 'R'],
  ['f1', 'F1'],
  ['tp', 'TP'],
  ['fp', 'FP'],
  ['units_found', 'found'],
  ['units_required', 'req'],
  ['date_acc', 'date'],
  ['city_acc', 'city'],
  ['status_acc', 'status'],
  ['countries_f1', 'ctryF1'],
  ['people_p', 'pplP'],
  ['people_r', 'pplR'],
  ['merge_p', 'mrgP'],
  ['merge_r', 'mrgR'],
];

async function score(gold: string, dirs: string[], verbose: boolean): Promise<Scored> {
  const imported = await importPaths(dirs, { cwd: process.cwd() });
  if (imported.articles.length === 0)
    return {
      code: 1,
      stdout: '',
      stderr: `no article could be read in ${dirs.join(', ')}\n`,
      figures: null,
    };
  const out = join(mkdtempSync(join(tmpdir(), 'readout-eval-')), 'meetings.json');
  writeFileSync(out, JSON.stringify(meetingsReport(imported)));
  const beside = join(dirname(resolve(gold)), 'score.py');
  const scorer = existsSync(beside) ? beside : resolve('../shared/dev-gold/score.py');
  const args = [scorer, gold, out, ...(verbose ? ['--verbose'] : [])];
  const run = spawnSync('python3', args, { encoding: 'utf8' });
  const stdout = run.stdout ?? '';
  const last = stdout.trim().split('\n').pop() ?? '';
  let figures: Scored['figures'] = null;
  try {
    figures = JSON.parse(last) as Record<string, number | null>;
  } catch {
    figures = null;
  }
  return { code: run.status ?? 1, stdout, stderr: run.stderr ?? '', figures };
}

function table(rows: { name: string; figures: Scored['figures'] }[]): string {
  const head = ['set', ...COLUMNS.map(c => c[1])];
  const body = rows.map(r => [
    r.name,
    ...COLUMNS.map(([key]) => {
      const v = r.figures?.[key];
      return v === null || v === undefined ? '–' : String(v);
    }),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map(b => b[i].length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(head), ...body.map(line)].join('\n') + '\n';
}

async function main(): Promise<number> {
  const [gold, ...dirs] = process.argv.slice(2);
  if (gold && dirs.length === 0) {
    console.error('usage: npm run eval:meetings [-- GOLD.json DIR...]');
    return 2;
  }
  if (gold) {
    const r = await score(gold, dirs, true);
    process.stdout.write(r.stdout);
    process.stderr.write(r.stderr);
    return r.code;
  }
  const rows: { name: string; figures: Scored['figures'] }[] = [];
  let code = 0;
  for (const set of DEFAULT_SETS) {
    if (!existsSync(set.gold)) {
      console.error(`${set.name}: no gold file at ${set.gold}`);
      code = 1;
      continue;
    }
    const r = await score(set.gold, set.dirs, false);
    process.stderr.write(r.stderr);
    if (r.code !== 0) code = r.code;
    rows.push({ name: set.name, figures: r.figures });
  }
  process.stdout.write(table(rows));
  return code;
}

main().then(
  code => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
