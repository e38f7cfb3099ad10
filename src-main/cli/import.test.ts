import { describe, expect, it } from 'vitest';
import { runCli } from './main';
import { capture } from './testing';

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
});
