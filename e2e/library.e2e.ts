/**
 * The library an analyst runs: sort and filter with a count, archive and delete (with undo),
 * several articles at once from the keyboard, corrected metadata that the meetings follow, and
 * read state and reading position that survive a reload. The articles are written here.
 */
import type { Locator, Page } from '@playwright/test';
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { LibraryPage } from './pages/library';
import { MeetingsPage } from './pages/meetings';

function file(name: string, header: string, body: string) {
  return { name, buffer: Buffer.from(`${header}\n\n${body}\n`) };
}

const ANKARA = file(
  'ankara.txt',
  'Title: Ankara trade talks\nSource: Harbour Ledger\nDate: 2023-04-26',
  'The foreign ministers of Iran and Turkey met in Ankara on Monday to discuss trade and border crossings, officials said.\n\nBoth sides agreed to meet again in the spring.',
);
const BALTIC = file(
  'baltic.txt',
  'Title: Baltic ferry deal\nSource: Coastline Daily\nDate: 2022-11-02',
  'Port operators signed a ferry timetable for the winter season.',
);
const CEDAR = file(
  'cedar.txt',
  'Title: Cedar summit preview\nSource: Harbour Ledger\nDate: 2024-02-15',
  'Organisers expect a quiet summit with few announcements.',
);

/** A long article of numbered paragraphs, so the reader has somewhere to scroll to. */
function longRead() {
  const paragraphs = Array.from(
    { length: 60 },
    (_, i) =>
      `Paragraph ${i + 1}. The committee reviewed the shipping figures line by line, and the clerk read each total aloud before the members moved on to the next table.`,
  );
  return file(
    'long.txt',
    'Title: Long committee minutes\nSource: Minutes Office\nDate: 2021-06-01',
    paragraphs.join('\n\n'),
  );
}

const heading = (page: Page) =>
  page.getByRole('navigation', { name: 'Library' }).getByRole('heading');
const titles = (library: LibraryPage) => library.articles.locator('.library-title');

async function importMine(library: LibraryPage, files: ReturnType<typeof file>[]): Promise<void> {
  await library.importFiles(files);
  await expect(library.importReport).toBeVisible();
  await library.closeReport();
}

async function choose(page: Page, label: string, value: string): Promise<void> {
  await page
    .getByRole('search', { name: 'Sort and filter the library' })
    .getByLabel(label)
    .selectOption(value);
}

test.describe('the library', () => {
  test('sorts and filters, saying how many articles the filter shows', async ({ app }) => {
    const { page } = app;
    const library = new LibraryPage(page);
    await importMine(library, [ANKARA, BALTIC, CEDAR]);
    await expect(library.articles).toHaveCount(5);
    await expect(heading(page)).toHaveText('Library 5');

    // Default: newest publication first.
    await expect(titles(library).first()).toHaveText(/Cedar summit preview/);
    await choose(page, 'Sort by', 'title');
    await expect(titles(library).nth(0)).toHaveText(/Ankara trade talks/);
    await expect(titles(library).nth(1)).toHaveText(/Baltic ferry deal/);
    await expect(titles(library).nth(2)).toHaveText(/Cedar summit preview/);
    await choose(page, 'Sort by', 'source');
    // Sources A to Z (a seed without a publisher goes by its file name, "004_…", first).
    await expect(library.articles.nth(1)).toContainText('Coastline Daily');
    await expect(library.articles.nth(2)).toContainText('Harbour Ledger');
    await expect(library.articles.nth(3)).toContainText('Harbour Ledger');

    await page.getByText('Filters', { exact: true }).click();
    await choose(page, 'Source', 'Harbour Ledger');
    await expect(heading(page)).toHaveText('Library 2 of 5');
    await expect(library.articles).toHaveCount(2);
    await page.getByLabel('Published from').fill('2024-01-01');
    await expect(heading(page)).toHaveText('Library 1 of 5');
    await expect(library.articles).toHaveText([/Cedar summit preview/]);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(heading(page)).toHaveText('Library 5');

    await choose(page, 'Read state', 'read');
    await expect(page.getByText('No articles match these filters.')).toBeVisible();
    await choose(page, 'Read state', 'any');
    await choose(page, 'Meetings', 'with');
    await expect(library.article(/Ankara trade talks/)).toBeVisible();
    await expect(library.article(/Baltic ferry deal/)).toHaveCount(0);
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('a row shows a two-line title and its source and date whole, never cut by the next row', async ({
    app,
  }) => {
    const { page } = app;
    const library = new LibraryPage(page);
    await importMine(library, [
      file(
        'long-title.txt',
        'Title: Foreign ministers of four neighbouring states open a second round of border and water talks\nSource: Harbour Ledger\nDate: 2024-03-05',
        'The ministers met in the capital for two days of talks.',
      ),
    ]);
    await expect(library.articles).toHaveCount(3);
    // Each row's title shows whole lines (two at most, the rest clamped with an ellipsis) and its
    // meta line shows whole, both inside the row's own button: nothing is cut mid-line.
    const overflow = await library.articles.evaluateAll(rows =>
      rows.flatMap(row => {
        const box = row.getBoundingClientRect();
        const title = row.querySelector('.library-title') as HTMLElement;
        const meta = row.querySelector('.library-meta') as HTMLElement;
        const lines = title.clientHeight / parseFloat(getComputedStyle(title).lineHeight);
        const problems = [
          Math.abs(lines - Math.round(lines)) > 0.1 && `title shows ${lines.toFixed(2)} lines`,
          meta.scrollHeight > meta.clientHeight + 1 && 'meta line cut',
          meta.getBoundingClientRect().bottom > box.bottom + 0.5 && 'meta line below the row',
        ].filter(Boolean);
        return problems.length ? [`${row.textContent}: ${problems.join(', ')}`] : [];
      }),
    );
    expect(overflow).toEqual([]);
  });

  test('archives one article and deletes another; undo brings the deleted one back', async ({
    app,
  }) => {
    const { page } = app;
    const library = new LibraryPage(page);
    await importMine(library, [ANKARA, BALTIC, CEDAR]);
    const actions = page.getByRole('toolbar', { name: 'Selected articles' });

    await library.article(/Baltic ferry deal/).click();
    await expect(actions.getByRole('status')).toHaveText('1 selected');
    await actions.getByRole('button', { name: 'Archive' }).click();
    await expect(library.article(/Baltic ferry deal/)).toHaveCount(0);
    await expect(heading(page)).toHaveText('Library 4 of 5');
    await choose(page, 'Show', 'archived');
    await expect(library.articles).toHaveText([/Baltic ferry deal/]);
    await choose(page, 'Show', 'library');

    await library.article(/Cedar summit preview/).click();
    await actions.getByRole('button', { name: 'Delete' }).click();
    await expect(library.article(/Cedar summit preview/)).toHaveCount(0);
    await expect(heading(page)).toHaveText('Library 3 of 4');
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect(library.article(/Cedar summit preview/)).toBeVisible();
    await expect(heading(page)).toHaveText('Library 4 of 5');
    // The archived article stays archived through the undo of the delete.
    await expect(library.article(/Baltic ferry deal/)).toHaveCount(0);
  });

  test('selects several articles from the keyboard and tags them together', async ({ app }) => {
    const { page } = app;
    const library = new LibraryPage(page);
    await importMine(library, [ANKARA, BALTIC, CEDAR]);
    await choose(page, 'Sort by', 'title');
    await library.article(/Ankara trade talks/).click();
    // One Tab stop: the list's current article; arrows move inside it.
    await expect(library.articles.first()).toBeFocused();
    await page.keyboard.press('Shift+ArrowDown');
    await expect(library.articles.nth(1)).toBeFocused();
    const actions = page.getByRole('toolbar', { name: 'Selected articles' });
    await expect(actions.getByRole('status')).toHaveText('2 selected');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    await expect(actions.getByRole('status')).toHaveText('3 selected');
    await actions.getByRole('button', { name: 'Tag…' }).click();
    await actions.getByLabel('Tag').fill('shipping');
    await actions.getByRole('button', { name: 'Add tag' }).click();
    await page.getByText('Filters', { exact: true }).click();
    await choose(page, 'Tag', 'shipping');
    await expect(heading(page)).toHaveText('Library 3 of 5');
    await page.getByRole('link', { name: 'Skip to reader' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('main')).toBeFocused();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('an edited date moves the meetings’ relative dates with it', async ({ app }) => {
    const { page } = app;
    const library = new LibraryPage(page);
    const meetings = new MeetingsPage(page);
    await importMine(library, [ANKARA]);
    await meetings.open();
    await expect(meetings.item(/Ankara/)).toContainText('24 Apr 2023');

    await library.open();
    await library.article(/Ankara trade talks/).click();
    await page.getByRole('button', { name: 'Edit details' }).click();
    const form = page.getByRole('form', { name: 'Article details' });
    await form.getByLabel('Date published').fill('2024-01-10');
    await form.getByLabel('Author').fill('Desk Correspondent');
    await form.getByRole('button', { name: 'Save details' }).click();
    await expect(library.readerTitle).toHaveText('Ankara trade talks');
    await expect(page.getByRole('article')).toContainText('10 Jan 2024');
    await expect(page.getByRole('article')).toContainText('By Desk Correspondent');

    await meetings.open();
    await expect(meetings.item(/Ankara/)).toContainText('8 Jan 2024');
    await expect(meetings.item(/Ankara/)).not.toContainText('2023');
  });

  test('read state and reading position survive a reload', async ({ app }) => {
    const { page } = app;
    const library = new LibraryPage(page);
    await importMine(library, [longRead()]);
    const item = library.article(/Long committee minutes/);
    await expect(item).toContainText(', unread');
    await item.click();
    await expect(item).not.toContainText(', unread', { timeout: 10_000 });

    const pane = page.getByRole('main');
    await paragraph(page, 40).evaluate(p => p.scrollIntoView({ block: 'start' }));
    await expect.poll(() => storedPosition(page), { timeout: 10_000 }).toBeGreaterThan(0);

    await page.reload();
    await expect(library.article(/Long committee minutes/)).not.toContainText(', unread');
    await library.article(/Long committee minutes/).click();
    await expect(paragraph(page, 40)).toBeInViewport();
    await expect(paragraph(page, 1)).not.toBeInViewport();
    expect(await pane.evaluate(el => el.scrollTop)).toBeGreaterThan(0);
  });
});

function paragraph(page: Page, n: number): Locator {
  return page
    .getByTestId('article-text')
    .locator('p')
    .filter({ hasText: `Paragraph ${n}.` });
}

/** The furthest reading position the app stored (0 until it saved one). */
function storedPosition(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((done, fail) => {
        const open = indexedDB.open('readout');
        open.onerror = () => fail(new Error('cannot open the database'));
        open.onsuccess = () => {
          // Only the long article is ever scrolled in this test.
          const all = open.result.transaction('positions').objectStore('positions').getAll();
          all.onsuccess = () => {
            const rows = all.result as { position: number }[];
            done(Math.max(0, ...rows.map(r => r.position)));
            open.result.close();
          };
        };
      }),
  );
}
