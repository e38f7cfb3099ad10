/**
 * `npm run eval:meetings -- GOLD.json DIR`: runs the meetings extraction on DIR, writes the JSON
 * report to a temporary file and scores it with the `score.py` that sits beside the gold file
 * (else ../shared/dev-gold/score.py), printing the scorer's output and exiting with its code.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { importPaths } from '../ingest';
import { meetingsReport } from './index';

async function main(): Promise<number> {
  const [gold, ...dirs] = process.argv.slice(2);
  if (!gold || dirs.length === 0) {
    console.error('usage: npm run eval:meetings -- GOLD.json DIR...');
    return 2;
  }
  const imported = await importPaths(dirs, { cwd: process.cwd() });
  if (imported.articles.length === 0) {
    console.error('no article could be read');
    return 1;
  }
  const out = join(mkdtempSync(join(tmpdir(), 'readout-eval-')), 'meetings.json');
  writeFileSync(out, JSON.stringify(meetingsReport(imported)));
  const beside = join(dirname(resolve(gold)), 'score.py');
  const scorer = existsSync(beside) ? beside : resolve('../shared/dev-gold/score.py');
  const run = spawnSync('python3', [scorer, gold, out, '--verbose'], { encoding: 'utf8' });
  process.stdout.write(run.stdout ?? '');
  process.stderr.write(run.stderr ?? '');
  return run.status ?? 1;
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
