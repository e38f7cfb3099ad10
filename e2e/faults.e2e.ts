/**
 * Data safety when the page dies half-way: the renderer is crashed (as a crash or a killed app
 * would end it) in the middle of a large import and of a restore, then Readout is opened again
 * on the same IndexedDB and what it holds is read back through a backup.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { highlightOf, type BackupFile } from './backup-data';
import { expect, test } from './fixtures';
import { DataDialog } from './pages/data';
import { BATCH_FILES as UPLOAD_BATCH } from '../src-renderer/features/import/upload-budget';
import { LibraryPage } from './pages/library';

// UPLOAD_BATCH: files the preview sends per request; each request's articles are stored in one
// transaction. Read from the page's own budget: a copy here went stale at 200 when the page
// moved to 100, and the whole-batch check then failed whenever an odd number of batches landed.
const SEEDS = 2;

/** Kills the page's renderer process. */
async function crash(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const crashed = page.waitForEvent('crash');
  // The answer never comes: the renderer that would send it is gone.
  void cdp.send('Page.crash').catch(() => undefined);
  await crashed;
}

/** Everything the app holds, as its own backup reads it. */
async function snapshot(page: Page): Promise<BackupFile> {
  const data = new DataDialog(page);
  await data.open();
  const backup = JSON.parse((await data.backup()).text) as BackupFile;
  await data.close();
  return backup;
}

type Row = Record<string, unknown>;
const sortedBy = (rows: Row[] | undefined, key: string) =>
  [...(rows ?? [])].sort((a, b) => (String(a[key]) < String(b[key]) ? -1 : 1));

/** The analyst's own work in a backup, in key order. */
function work(backup: BackupFile): Record<string, Row[]> {
  return {
    highlights: sortedBy(backup.tables.highlights, 'id'),
    articleNotes: sortedBy(backup.tables.articleNotes, 'articleId'),
    trash: sortedBy(backup.tables.trash, 'id'),
    meetingDecisions: sortedBy(backup.tables.meetingDecisions, 'id'),
  };
}

/** Work and articles; meetings and meta are left out, as the app re-derives them on start. */
function content(backup: BackupFile): Record<string, Row[]> {
  return { articles: sortedBy(backup.tables.articles, 'id'), ...work(backup) };
}

/** Puts two highlights and an article note on the seed articles, through Restore. */
async function annotateSeeds(page: Page): Promise<void> {
  const backup = await snapshot(page);
  const [first, second] = backup.tables.articles;
  backup.tables.highlights = [
    highlightOf(first, first.text.slice(0, 60).trim(), 'Who briefed the press?', ['moscow']),
    { ...highlightOf(second, second.text.slice(0, 60).trim(), 'Check the date.'), id: 'e2e-b' },
  ];
  backup.tables.articleNotes = [
    { articleId: first.id, text: 'Follow up with Ankara.', tags: ['ankara'], updatedAt: 1 },
  ];
  const data = new DataDialog(page);
  await data.open();
  await data.restore('annotated.json', JSON.stringify(backup));
  await expect(data.status).toHaveText('Restored 2 articles, 2 highlights and 1 article note.');
  await data.close();
}

test.describe('when the page dies half-way', () => {
  test('an import keeps whole batches and the analyst’s work, and importing again completes it', async ({
    app,
  }) => {
    // 1,000 files: ten requests of 100. (More would be slower here without proving more.) Each
    // request is parsed in main's worker, in turn with the meeting extraction the import starts,
    // so on a loaded 2-core machine the whole test takes longer than the default limit.
    test.setTimeout(90_000);
    const files = 1000;
    const dir = mkdtempSync(join(tmpdir(), 'readout-faults-'));
    try {
      for (let i = 0; i < files; i++) {
        const text = `Harvest report ${i}\n\nGrain stocks in district ${i} were counted.\n`;
        writeFileSync(join(dir, `${String(i).padStart(4, '0')}.txt`), text);
      }
      await annotateSeeds(app.page);
      const before = work(await snapshot(app.page));
      expect(before.highlights).toHaveLength(2);

      const library = new LibraryPage(app.page);
      await library.importFolder(dir);
      // The third request is read only after the first two batches were stored.
      await library.waitForProgress(3 * UPLOAD_BATCH);
      await crash(app.page);

      const page = await app.reopen();
      const after = await snapshot(page);
      const stored = after.tables.articles.length - SEEDS;
      test.info().annotations.push({
        type: 'stored before the crash',
        description: `${stored} of ${files}`,
      });
      expect(stored % UPLOAD_BATCH, `${stored} articles: a batch was stored in part`).toBe(0);
      expect(stored).toBeGreaterThanOrEqual(2 * UPLOAD_BATCH);
      expect(stored, 'the crash came after the import had ended').toBeLessThan(files);
      expect(new Set(after.tables.articles.map(a => a.id)).size).toBe(stored + SEEDS);
      expect(work(after)).toEqual(before);

      const reopened = new LibraryPage(page);
      await reopened.importFolder(dir);
      await expect(reopened.importReport.getByRole('heading')).toHaveText(
        `${(files - stored).toLocaleString('en')} new articles, ` +
          `${stored.toLocaleString('en')} articles already in the library`,
        { timeout: 60_000 },
      );
      const done = await snapshot(page);
      expect(done.tables.articles).toHaveLength(files + SEEDS);
      expect(new Set(done.tables.articles.map(a => a.id)).size).toBe(files + SEEDS);
      expect(work(done)).toEqual(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a restore leaves either all the old data or all the new, nothing in between', async ({
    app,
  }) => {
    await annotateSeeds(app.page);
    const old = await snapshot(app.page);

    // A large backup, so that replacing everything takes long enough to be cut short.
    const next = JSON.parse(JSON.stringify(old)) as BackupFile;
    next.tables.articles = Array.from({ length: 3000 }, (_, i) => {
      const id = (0xbac0000 + i).toString(16).padStart(16, '0');
      const text = `Grain stocks in district ${i} were counted. `.repeat(40).trim();
      return {
        id,
        source: `big/${i}.txt`,
        file: `${i}.txt`,
        title: `Harvest report ${i}`,
        publisher: null,
        published: null,
        dateline: null,
        text,
        paragraphs: [{ start: 0, end: text.length }],
        wordCount: 280,
        contentHash: id,
        importedAt: 1_700_000_000_000,
        updatedAt: 1_700_000_000_000,
      };
    });
    next.tables.highlights = next.tables.articles
      .slice(0, 300)
      .map((a, i) => ({ ...highlightOf(a, 'Grain stocks', `Note ${i}`), id: `big-${i}` }));
    next.tables.articleNotes = next.tables.articles
      .slice(0, 300)
      .map(a => ({ articleId: a.id, text: `About ${a.title}.`, tags: ['grain'], updatedAt: 2 }));

    const data = new DataDialog(app.page);
    await data.open();
    await data.chooseBackup('big.json', JSON.stringify(next));
    await expect(data.dialog.getByRole('group', { name: 'Confirm restore' })).toContainText(
      '3000 articles, 300 highlights and 300 article notes',
    );
    await data.dialog.getByRole('button', { name: 'Replace everything' }).click();
    // A third of the way through its one transaction.
    await data.waitForRestoreProgress(1000);
    await crash(app.page);

    const page = await app.reopen();
    const after = await snapshot(page);
    const outcome = after.tables.articles.length === 3000 ? 'new' : 'old';
    test.info().annotations.push({ type: 'state after the crash', description: outcome });
    expect(content(after)).toEqual(content(outcome === 'new' ? next : old));
  });
});
