/**
 * The library at 20,000 articles: generated entries are written straight into the page's own
 * database (the `library` table, as an import leaves it), the app is opened again, and the list
 * must show its first rows, scroll to the very last entry, sort by date added and stay under
 * 2,000 DOM nodes throughout. Behaviour only: no step is timed.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { LibraryPage } from './pages/library';

const COUNT = 20_000;
const CEILING = 2_000;

/**
 * Writes `count` library entries: dated over ten years, newest "Newest generated report"
 * (2030), and one undated entry whose id sorts below every other, so it is the list's last row.
 */
function fill(page: Page, count: number): Promise<void> {
  return page.evaluate(async count => {
    const idb = await new Promise<IDBDatabase>((ok, ko) => {
      const r = indexedDB.open('readout');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => ko(r.error);
    });
    const tx = idb.transaction('library', 'readwrite');
    const store = tx.objectStore('library');
    const day0 = Date.UTC(2015, 0, 1);
    for (let i = 1; i <= count; i++) {
      const newest = i === count - 1;
      const undated = i === count;
      const id = undated ? '0000000000000000' : `00001${String(i).padStart(11, '0')}`;
      store.put({
        articleId: id,
        title: newest
          ? 'Newest generated report'
          : undated
            ? 'Last generated report, undated'
            : `Generated report ${i}`,
        publisher: `Wire ${i % 7}`,
        published: newest
          ? '2030-01-01'
          : undated
            ? null
            : new Date(day0 + ((i * 7919) % 3650) * 86_400_000).toISOString().slice(0, 10),
        dateline: null,
        file: `generated-${i}.txt`,
        source: `/generated/${i}.txt`,
        author: null,
        url: null,
        // After the seeds (added when the app first opened), so the last one is the newest added.
        addedAt: 2_000_000_000_000 + i,
        updatedAt: 2_000_000_000_000 + i,
      });
    }
    await new Promise<void>((ok, ko) => {
      tx.oncomplete = () => ok();
      tx.onerror = () => ko(tx.error);
    });
    idb.close();
  }, count);
}

const nodes = (page: Page) => page.evaluate(() => document.querySelectorAll('*').length);

test('a library of 20,000 articles opens at its first rows and scrolls to its last entry', async ({
  app,
}) => {
  test.setTimeout(120_000);
  const { page } = app;
  const library = new LibraryPage(page);
  await fill(page, COUNT);
  await page.reload();

  const heading = page.getByRole('navigation', { name: 'Library' }).getByRole('heading');
  await expect(heading).toHaveText(`Library ${(COUNT + 2).toLocaleString('en')}`);
  await expect(library.articles.first()).toContainText('Newest generated report');
  const opened = await nodes(page);
  expect(opened).toBeLessThanOrEqual(CEILING);

  // End on the list's Tab stop goes to the last row, which is read when it comes into view.
  await library.articles.first().focus();
  await page.keyboard.press('End');
  const last = page.locator(`button.library-item[data-index="${COUNT + 1}"]`);
  await expect(last).toContainText('Last generated report, undated');
  await expect(last).toBeFocused();
  const atEnd = await nodes(page);
  expect(atEnd).toBeLessThanOrEqual(CEILING);

  // Scrolled with the wheel half-way back, the rows there are read and drawn.
  await page.getByTestId('library-scroller').evaluate(el => {
    el.scrollTop = el.scrollHeight / 2;
  });
  const middle = Math.floor((COUNT + 2) / 2);
  await expect(
    page.locator(`button.library-item[data-index="${middle}"] .library-title`),
  ).toHaveText(/Generated report \d+/);

  // By date added: the last generated entry was added last.
  await page
    .getByRole('search', { name: 'Sort and filter the library' })
    .getByLabel('Sort by')
    .selectOption('added');
  await page.getByTestId('library-scroller').evaluate(el => {
    el.scrollTop = 0;
  });
  await expect(library.articles.first()).toContainText('Last generated report, undated');
  const sorted = await nodes(page);
  expect(sorted).toBeLessThanOrEqual(CEILING);
  console.log(
    `Library, ${COUNT + 2} articles: ${opened} DOM nodes opened, ${atEnd} at the end, ${sorted} sorted by date added`,
  );
});
