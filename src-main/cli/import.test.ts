import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './main';
import { capture } from './testing';

/** What must never reach a terminal raw: control characters but the line end, U+2028, RLO. */
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\x00-\x09\x0b-\x1f\u2028\u202e]/;

const FIXTURES = 'src-main/ingest/fixtures/formats';
const BAD_FIXTURES = 'src-main/ingest/fixtures/bad';

interface JsonReport {
  articles: {
    file: string;
    id: string;
    title: string;
    publisher: string | null;
    published: string | null;
    dateline: string | null;
    wordCount: number;
    format: string;
    author: string | null;
    url: string | null;
    sources: Record<string, string>;
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

  it('reads an HTML page, a PDF, a Word file, an e-mail and a Markdown file with each field and its source', async () => {
    const c = capture();
    expect(await runCli(['import', '--json', FIXTURES], c.io)).toBe(0);
    const report = JSON.parse(c.out()) as JsonReport;
    expect(report.errors).toEqual([]);
    const byFormat = Object.fromEntries(report.articles.map(a => [a.format, a]));
    expect(Object.keys(byFormat).sort()).toEqual(['docx', 'eml', 'html', 'markdown', 'pdf']);
    expect(byFormat.html).toMatchObject({
      title: 'Chile and Portugal sign fisheries pact in Lisbon',
      publisher: 'The Harbour Ledger',
      author: 'Inês Carvalho and Tomás Reyes',
      published: '2024-03-11',
      url: 'https://ledger.example.org/world/chile-portugal-fisheries',
      sources: {
        title: 'json-ld',
        publisher: 'json-ld',
        author: 'json-ld',
        published: 'json-ld',
        url: 'json-ld',
      },
    });
    expect(byFormat.pdf).toMatchObject({
      title: 'Norway and Poland plan a joint air-defence exercise',
      author: 'Kari Nordmann',
      published: '2024-04-09',
      url: null,
      sources: { title: 'pdf-info', author: 'pdf-info', published: 'pdf-info' },
    });
    expect(byFormat.docx).toMatchObject({
      title: 'Japan and the Philippines review coast guard training',
      author: 'Hana Sato',
      published: '2024-02-20',
      sources: { title: 'docx-props', author: 'docx-props', published: 'docx-props' },
    });
    expect(byFormat.eml).toMatchObject({
      title: 'Estonia and Finland open talks on a second undersea power cable',
      publisher: 'Baltic Desk Weekly',
      // As the Date header writes it (23:40 at -0400), not the next day in UTC.
      published: '2024-06-14',
      sources: { title: 'email-header', publisher: 'email-header', published: 'email-header' },
    });
    expect(byFormat.markdown).toMatchObject({
      title: 'Kenya and Ethiopia agree on river data sharing',
      publisher: 'Rift Valley Review',
      author: 'Wanjiru Mwangi',
      published: '2024-05-02',
      url: 'https://rvr.example.org/2024/05/river-data',
      sources: {
        title: 'header',
        publisher: 'header',
        author: 'header',
        published: 'header',
        url: 'header',
      },
    });
  });

  it('gives a password PDF, a scanned PDF and a broken Word file each its own error', async () => {
    const c = capture();
    expect(await runCli(['import', '--json', BAD_FIXTURES], c.io)).toBe(1);
    const report = JSON.parse(c.out()) as JsonReport;
    expect(report.articles).toEqual([]);
    expect(report.errors.map(e => [e.file.split('/').pop(), e.code])).toEqual([
      ['cut-short.docx', 'corrupt'],
      ['protected.pdf', 'password'],
      ['scanned.pdf', 'no-text-layer'],
    ]);
    expect(report.errors[1].message).toMatch(/protected by a password/);
    expect(report.errors[2].message).toMatch(/no text layer \(scanned image\)/);
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
