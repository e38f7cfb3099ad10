import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './main';
import { capture } from './testing';

/** What must never reach a terminal raw: control characters but the line end, U+2028, RLO. */
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\x00-\x09\x0b-\x1f\u2028\u202e]/;

interface JsonReport {
  articles: {
    file: string;
    id: string;
    title: string;
    publisher: string | null;
    published: string | null;
    dateline: string | null;
    wordCount: number;
  }[];
  errors: { file: string; code: string; message: string }[];
}

describe('importCommand', () => {
  it('reports the two seeds as JSON with their dates, dateline and publisher', async () => {
    const c = capture();
    expect(await runCli(['import', '--json', 'seeds'], c.io)).toBe(0);
    const report = JSON.parse(c.out()) as JsonReport;
    expect(report.errors).toEqual([]);
    expect(report.articles).toHaveLength(2);
    const [s000, s004] = report.articles;
    expect(s000).toMatchObject({
      file: 'seeds/000_46ab9c03f578ed2c.txt',
      published: null,
      dateline: 'TEHRAN',
      publisher: 'Mehr News Agency',
    });
    expect(s004).toMatchObject({
      file: 'seeds/004_5e147edb248d0a50.txt',
      published: '2023-04-24',
      dateline: null,
    });
    for (const a of report.articles) {
      expect(a.id).toMatch(/^[0-9a-f]{16}$/);
      expect(a.wordCount).toBeGreaterThan(200);
    }
    expect(c.err()).toBe('');
  });

  it('exits 1 with the error in JSON when the only path does not exist', async () => {
    const c = capture();
    expect(await runCli(['import', '--json', 'no-such-folder'], c.io)).toBe(1);
    const report = JSON.parse(c.out()) as JsonReport;
    expect(report.articles).toEqual([]);
    expect(report.errors).toEqual([
      {
        file: 'no-such-folder',
        code: 'not-found',
        message: expect.stringMatching(/does not exist/),
      },
    ]);
  });

  it('exits 0 when some paths import and others are missing, reporting both', async () => {
    const c = capture();
    const code = await runCli(
      ['import', '--json', 'seeds/004_5e147edb248d0a50.txt', 'missing.txt'],
      c.io,
    );
    expect(code).toBe(0);
    const report = JSON.parse(c.out()) as JsonReport;
    expect(report.articles.map(a => a.file)).toEqual(['seeds/004_5e147edb248d0a50.txt']);
    expect(report.errors.map(e => [e.file, e.code])).toEqual([['missing.txt', 'not-found']]);
  });

  it('prints a readable summary without --json, with errors on stderr', async () => {
    const c = capture();
    expect(await runCli(['import', 'seeds', 'missing.txt'], c.io)).toBe(0);
    expect(c.out()).toContain('dateline TEHRAN');
    expect(c.out()).toContain('2 article(s), 1 error(s)');
    expect(c.err()).toMatch(/^missing\.txt: .* \[not-found\]\n$/);
  });

  it('exits 2 when given no path', async () => {
    const c = capture();
    expect(await runCli(['import', '--json'], c.io)).toBe(2);
    expect(c.err()).toContain('name at least one file or folder');
  });

  it('prints file names and titles with escapes, never as terminal control or forged lines', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'readout-cli-'));
    try {
      const name = 'a\nforged.txt: line\x1b[31m.txt';
      const body = 'The envoys met in Geneva on Monday and agreed to meet again next month. ';
      writeFileSync(join(dir, name), `Talks\u2028resume \u202eevil\n\n${body.repeat(5)}`);
      writeFileSync(join(dir, 'b\x1b]0;pwned\x07.txt'), '\x00binary');
      const c = capture(dir);
      expect(await runCli(['import', '.'], c.io)).toBe(0);
      expect(c.out()).toContain('a\\nforged.txt: line\\x1b[31m.txt\n');
      expect(c.out()).toContain('  Talks\\u2028resume \\u202eevil\n');
      expect(c.err()).toMatch(/^\.\/b\\x1b\]0;pwned\\x07\.txt: .* \[binary\]\n$/);
      for (const printed of [c.out(), c.err()]) {
        expect(printed).not.toMatch(RAW_CONTROL);
      }
      const json = capture(dir);
      expect(await runCli(['import', '--json', '.'], json.io)).toBe(0);
      expect(json.out()).not.toMatch(RAW_CONTROL);
      const report = JSON.parse(json.out()) as JsonReport;
      expect(report.articles[0].file).toBe(`./${name}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
