/**
 * Notes that used to break the renderer: Markdown parsers choke on some inputs (deep quotes
 * overflowed marked's stack; emphasis runs and long space runs took seconds). Such a note, typed
 * or restored from a backup, must open quickly and never take the article or All highlights down.
 */
import type { Page } from '@playwright/test';
import { highlightOf, type BackupFile } from './backup-data';
import { expect, test } from './fixtures';
import { DataDialog } from './pages/data';
import { DeskPage } from './pages/desk';

const MOSCOW = /^The defense ministers/;

/** Notes written to be hard on a Markdown parser, at the formatting limit and far beyond it. */
function hostileNotes(): Record<string, string> {
  const notes: Record<string, string> = {};
  for (const size of [5_000, 40_000]) {
    const repeat = (unit: string) => unit.repeat(Math.floor(size / unit.length));
    notes[`deep quotes ${size}`] = repeat('>');
    notes[`underscores ${size}`] = repeat('_a');
    notes[`spaces ${size}`] = `a${' '.repeat(size - 2)}b`;
    notes[`e-mail autolinks ${size}`] = repeat('ask <desk@example.org> or desk@example.org; ');
    notes[`link references ${size}`] = Array.from(
      { length: Math.floor(size / 60) },
      (_, i) => `[r${i}]: https://example.org/${i}\n[see][r${i}]`,
    ).join('\n');
  }
  return notes;
}

/**
 * Runs `click` and answers how many milliseconds passed, from the click the page saw until
 * `count` note previews were on screen, measured by the page's own clock. All highlights is
 * virtualised, so there `count` is the first screenful, not every note.
 */
async function timeUntilNotes(page: Page, click: () => Promise<void>, count: number) {
  await page.evaluate(n => {
    const w = window as { notesShownAt?: number; clickedAt?: number };
    w.notesShownAt = undefined;
    const observer = new MutationObserver(() => {
      if (document.querySelectorAll('.note-preview').length >= n) {
        w.notesShownAt = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document.body, { childList: true, subtree: true });
    document.addEventListener('click', () => (w.clickedAt = performance.now()), {
      capture: true,
      once: true,
    });
  }, count);
  await click();
  await expect
    .poll(() => page.locator('.note-preview').count(), { timeout: 10_000 })
    .toBeGreaterThanOrEqual(count);
  return page.evaluate(() => {
    const w = window as { notesShownAt?: number; clickedAt?: number };
    return (w.notesShownAt ?? Infinity) - (w.clickedAt ?? 0);
  });
}

/**
 * Restores the article with one highlight per note and answers the median of five opens of
 * each view: the fastest, so that the figure is the app's work rather than a busy machine's.
 */
/** Highlights All highlights draws on its first screen at the test window's size, at least. */
const FIRST_SCREEN = 5;

async function openTimes(page: Page, notes: string[]): Promise<{ article: number; all: number }> {
  const data = new DataDialog(page);
  const desk = new DeskPage(page);
  await data.open();
  const backup = JSON.parse((await data.backup()).text) as BackupFile;
  const article = backup.tables.articles.find(a => MOSCOW.test(a.title))!;
  backup.tables.highlights = notes.map((note, i) =>
    highlightOf(article, article.text.slice(i * 30, i * 30 + 12), note),
  );
  await data.restore('notes.json', JSON.stringify(backup));
  await expect(data.status).toHaveText(/^Restored/);
  await data.close();
  const opens: number[] = [];
  const lists: number[] = [];
  // Loading the page again before each open empties its memo of formatted notes, so every open
  // formats them; without the #article= part, so no article is open yet.
  const fresh = async () => {
    const url = new URL(page.url());
    await page.goto(url.origin + url.pathname);
    await expect(page.getByRole('heading', { name: 'Readout', level: 1 })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Articles' }).getByRole('button')).toHaveCount(2);
    // Start-up work (the search index's restore, the meetings check) runs once the first rows
    // are shown; timing an open that overlaps it measures that work, not the notes.
    await page.evaluate(
      () => new Promise(done => requestIdleCallback(() => done(null), { timeout: 2_000 })),
    );
  };
  for (let run = 0; run < 5; run++) {
    await fresh();
    opens.push(await timeUntilNotes(page, () => desk.open(MOSCOW), notes.length));
    await fresh();
    lists.push(
      await timeUntilNotes(
        page,
        () => desk.showAllHighlights(),
        Math.min(notes.length, FIRST_SCREEN),
      ),
    );
  }
  // Medians, not minimums: an open now and then lands in a quiet moment and runs in half the
  // usual time, and a minimum compares one such lucky open with an ordinary one.
  return { article: median(opens), all: median(lists) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

test('hostile notes restored from a backup open without freezing the article or All highlights', async ({
  app,
}) => {
  test.setTimeout(240_000); // twenty reloads, each opening one view
  const { page } = app;
  const hostile = Object.values(hostileNotes());
  const plain = await openTimes(
    page,
    hostile.map((_, i) => `Plain note ${i}`),
  );
  const slow = await openTimes(page, hostile);
  console.log(
    `${hostile.length} notes, median of five opens: article ${plain.article.toFixed(0)} ms plain, ` +
      `${slow.article.toFixed(0)} ms hostile; All highlights ${plain.all.toFixed(0)} ms plain, ` +
      `${slow.all.toFixed(0)} ms hostile`,
  );
  // The figures above are the measurement; the assertion only guards against the freeze these
  // notes used to cause (seconds of a dead page), with room for a loaded CI machine, where the
  // same difference has varied from 10 to 190 ms between runs of unchanged code.
  expect(slow.article - plain.article).toBeLessThan(1_000);
  expect(slow.all - plain.all).toBeLessThan(1_000);
  // Formatting follows: the notes under the limit are formatted, those over it say why they are
  // not. Checked in the article, whose panel draws every note (All highlights draws a screenful).
  await new DeskPage(page).open(MOSCOW);
  await expect(page.locator('.note-preview')).toHaveCount(hostile.length);
  await expect(page.locator('.note-preview blockquote').first()).toBeAttached();
  await expect(page.locator('.note-preview .note-link').first()).toBeVisible();
  await expect(page.getByText(/^Shown as plain text/)).toHaveCount(5);
  await expect(page.getByText('This note could not be displayed')).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Library' })).toBeVisible();
});

test('a note of 5,000 quote marks typed into the editor leaves the app working, also after a reload', async ({
  app,
}) => {
  const desk = new DeskPage(app.page);
  await desk.open(MOSCOW);
  await desk.highlight('scheduled to meet in Moscow on April 25', 'Question');
  await desk.writeNote(desk.noteField, `${'>'.repeat(5000)} who attends?`);
  const preview = desk.panel.getByRole('region', { name: 'Highlight note, formatted' });
  await expect(preview).toBeVisible();
  await app.page.reload();
  await desk.open(MOSCOW);
  await expect(desk.item('scheduled to meet in Moscow').locator('.note-preview')).toBeVisible();
  await desk.showAllHighlights();
  await expect(app.page.locator('.note-preview')).toHaveCount(1);
  await expect(app.page.getByRole('navigation', { name: 'Library' })).toBeVisible();
});
