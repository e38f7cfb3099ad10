// Prints one closing line over the unit (vitest) and end-to-end (Playwright) JSON reports that
// `npm test` writes, so a reader (or CI) sees every count at once: "N passed, N failed, N skipped".
import { readFileSync } from 'node:fs';

function read(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

const unit = read('out/test-results/unit.json');
const e2e = read('out/test-results/e2e.json');
const counts = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

if (unit) {
  const u = {
    passed: unit.numPassedTests ?? 0,
    failed: unit.numFailedTests ?? 0,
    skipped: (unit.numPendingTests ?? 0) + (unit.numTodoTests ?? 0),
  };
  lines.push(`unit (vitest): ${u.passed} passed, ${u.failed} failed, ${u.skipped} skipped`);
  for (const k of Object.keys(counts)) counts[k] += u[k];
}
if (e2e) {
  const s = e2e.stats ?? {};
  const p = {
    passed: (s.expected ?? 0) + (s.flaky ?? 0),
    failed: s.unexpected ?? 0,
    skipped: s.skipped ?? 0,
  };
  lines.push(
    `end-to-end (playwright): ${p.passed} passed, ${p.failed} failed, ${p.skipped} skipped`,
  );
  for (const k of Object.keys(counts)) counts[k] += p[k];
  const skippedWhy = [];
  const walk = suite => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        if (t.status === 'skipped') {
          const why =
            (t.annotations ?? []).find(a => a.type === 'skip')?.description ?? 'no reason given';
          skippedWhy.push(`  skipped: ${spec.title} — ${why}`);
        }
      }
    }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of e2e.suites ?? []) walk(suite);
  lines.push(...skippedWhy);
}
console.log('');
for (const line of lines) console.log(line);
console.log(`${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exitCode = unit && e2e && counts.failed === 0 ? 0 : 1;
