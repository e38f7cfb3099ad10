#!/usr/bin/env node
// Static Electron security audit (npm run audit:electron). Runs Doyensec's Electronegativity over
// the app's sources, writes its findings to out/electronegativity/ (findings.json, and report.sarif
// for code-scanning viewers), prints each one, and exits 1 on any finding above LOW, on any
// exclusion below that no longer matches, or on any file it could not parse. Electronegativity's
// own CLI exits 0 whatever it finds, so the verdict is taken here.
//
// It scans the TypeScript sources rather than out/: the checks look for our own Electron API use
// (BrowserWindow options, session handlers, navigation guards, CSP), which the sources show with
// their real file and line, while out/renderer is mostly bundled third-party code. Both src-main
// and src-renderer go into one scan so the global checks (navigation limits, permission handler)
// see main-process handlers and renderer pages together.
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const reportDir = join(root, 'out', 'electronegativity');
const require = createRequire(import.meta.url);
const runElectronegativity = require('@doyensec/electronegativity');

// package.json goes along so Electronegativity reads the Electron version from it.
const SCANNED = ['package.json', 'src-main', 'src-renderer'];

// Unit tests never ship, and some hold deliberately hostile fixtures (foreign CSPs, bad URLs).
const isTest = path => /\.test\.tsx?$/.test(path);

const FAIL_ABOVE = 'LOW';
const SEVERITY_RANK = { INFORMATIONAL: 0, LOW: 1, MEDIUM: 2, HIGH: 3 };

// Checks not run at all. AvailableSecurityFixesGlobalCheck downloads Electron's release list: CI has
// no network, and on a machine that has one its verdict changes with every Electron release rather
// than with our code (for Electron as a devDependency it only reports INFORMATIONAL anyway).
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

// Checks whose findings count for more here than Electronegativity rates them. It reports an
// explicit nodeIntegration: true (in a window that is not sandboxed) as INFORMATIONAL, and only
// the unset, insecure-by-default case as HIGH; for Readout any Node access in a page is a blocker.
const RAISED = { NODE_INTEGRATION_JS_CHECK: 'HIGH' };

// Findings known to be false positives, each tied to one check in one file. An exclusion holds
// only while the file still contains `requires`, the code that makes the finding false, so a
// change that removes the protection brings the finding back.
const ALLOWED = [
  {
    check: 'PRELOAD_JS_CHECK',
    file: 'src-main/window.ts',
    // The exclusion lapses when the preload starts exposing ipcRenderer (or anything from it).
    requiresIn: 'src-main/preload/index.ts',
    requires:
      /^(?![\s\S]*exposeInMainWorld\([^)]*ipcRenderer)[\s\S]*contextBridge\.exposeInMainWorld\('readout', api\)/,
    why:
      'reviewed: the one preload (src-main/preload/index.ts) exposes only named functions, one per ' +
      'declared channel, never ipcRenderer (asserted by src-main/preload/index.test.ts).',
  },
];

function stageSources() {
  const stage = mkdtempSync(join(tmpdir(), 'readout-electronegativity-'));
  for (const entry of SCANNED) {
    cpSync(join(root, entry), join(stage, entry), {
      recursive: true,
      filter: source => !isTest(source),
    });
  }
  return stage;
}

const toPosix = path => path.split(sep).join('/');

mkdirSync(reportDir, { recursive: true });
const stage = stageSources();
const sourceCount = readdirSync(stage, { recursive: true }).filter(name =>
  /\.(tsx?|jsx?|html?)$/.test(name),
).length;
let result;
try {
  result = await runElectronegativity(
    {
      input: stage,
      output: join(reportDir, 'report.sarif'),
      isSarif: true,
      isRelative: true,
      customScan: [],
      excludeFromScan: EXCLUDED_CHECKS.map(check => check.toLowerCase()),
      parserPlugins: [],
    },
    false,
  );
} finally {
  rmSync(stage, { recursive: true, force: true });
}

const findings = result.issues.map(issue => {
  const file = issue.file === 'N/A' ? null : toPosix(relative(stage, resolve(stage, issue.file)));
  const allowed = ALLOWED.find(rule => rule.check === issue.id && rule.file === file);
  return {
    id: issue.id,
    severity: RAISED[issue.id] ?? issue.severity.name,
    reportedSeverity: issue.severity.name,
    confidence: issue.confidence.name,
    file,
    line: issue.location?.line ?? 0,
    column: issue.location?.column ?? 0,
    manualReview: Boolean(issue.manualReview),
    description: issue.description,
    url: issue.shortenedURL,
    excludedBecause: allowed ? allowed.why : null,
    exclusion: allowed ?? null,
  };
});

const problems = [];
for (const finding of findings) {
  if (!finding.exclusion) continue;
  const where = finding.exclusion.requiresIn ?? finding.file;
  const source = readFileSync(join(root, where), 'utf8');
  if (!finding.exclusion.requires.test(source)) {
    problems.push(
      `${finding.id} in ${finding.file}: no longer excluded, ${where} lacks ${finding.exclusion.requires}`,
    );
    finding.excludedBecause = null;
  }
  delete finding.exclusion;
}
const parseErrors = result.errors.map(error => ({
  file: toPosix(relative(stage, error.file)),
  message: error.message,
  tolerable: Boolean(error.tolerable),
}));

writeFileSync(
  join(reportDir, 'findings.json'),
  JSON.stringify(
    { scanned: SCANNED, excludedChecks: EXCLUDED_CHECKS, findings, parseErrors },
    null,
    2,
  ),
);

const rank = finding => SEVERITY_RANK[finding.severity] ?? SEVERITY_RANK.HIGH;
const failing = findings.filter(f => !f.excludedBecause && rank(f) > SEVERITY_RANK[FAIL_ABOVE]);

console.log(
  `Electronegativity ${require('@doyensec/electronegativity/package.json').version}: ` +
    `${result.atomicChecks} atomic and ${result.globalChecks} global checks over ` +
    `${sourceCount} source files in ${SCANNED.join(', ')}`,
);
const sorted = [...findings].sort((a, b) => rank(b) - rank(a) || a.id.localeCompare(b.id));
for (const f of sorted) {
  const where = f.file ? `${f.file}:${f.line}` : '(project)';
  const mark = f.excludedBecause
    ? 'excluded'
    : rank(f) > SEVERITY_RANK[FAIL_ABOVE]
      ? 'FAIL'
      : 'note';
  console.log(`  [${mark}] ${f.id} ${f.severity}/${f.confidence} ${where}`);
  console.log(`      ${f.description}${f.manualReview ? ' (review by hand)' : ''} ${f.url}`);
  if (f.excludedBecause) console.log(`      excluded: ${f.excludedBecause}`);
}
for (const error of parseErrors) {
  const line = `${error.file}: ${error.message}`;
  if (error.tolerable) console.log(`  [parse warning] ${line}`);
  else problems.push(`could not parse ${line}`);
}
for (const problem of problems) console.log(`  [FAIL] ${problem}`);

const excluded = findings.filter(f => f.excludedBecause).length;
console.log(
  `${findings.length} findings: ${failing.length} above ${FAIL_ABOVE}, ${excluded} excluded; ` +
    `report in ${toPosix(relative(root, reportDir))}/findings.json`,
);
process.exitCode = failing.length > 0 || problems.length > 0 ? 1 : 0;
