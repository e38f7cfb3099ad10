/**
 * All highlights at size: a desk of 1,500 highlights (restored from a backup) is listed
 * virtualised, so the page holds only the items in view, and every highlight is still reachable
 * by scrolling. DOM nodes are counted, not timed.
 */
import { expect, test } from './fixtures';
import { highlightOf, type BackupFile } from './backup-data';
import { DataDialog } from './pages/data';
import { DeskPage } from './pages/desk';

const COUNT = 1_500;

test('lists 1,500 highlights with under 2,000 DOM nodes in the page, and scrolls to the last', async ({
  app,
}) => {
  const data = new DataDialog(app.page);
  await data.open();
  const backup = JSON.parse((await data.backup()).text) as BackupFile;
  const [first] = backup.tables.articles;
  const words = [...first.text.matchAll(/\S+/g)].slice(0, 60);
  backup.tables.highlights = Array.from({ length: COUNT }, (_, i) => {
    const w = words[i % words.length];
    return {
      ...highlightOf(first, first.text.slice(w.index, w.index + w[0].length), `Desk note ${i}`),
      id: `bulk-${String(i).padStart(4, '0')}`,
      position: { start: w.index, end: w.index + w[0].length },
    };
  });
  await data.restore('many.json', JSON.stringify(backup));
  await expect(data.status).toContainText('1500 highlights');
  await data.close();

  await new DeskPage(app.page).showAllHighlights();
  await expect(app.page.getByRole('status').filter({ hasText: 'highlights' })).toHaveText(
    `${COUNT} of ${COUNT} highlights`,
  );
  const items = app.page
    .getByRole('list', { name: 'Highlights', exact: true })
    .locator(':scope > li');
  await expect(items.first()).toBeVisible();
  const nodes = await app.page.evaluate(() => document.querySelectorAll('*').length);
  console.log(
    `All highlights, ${COUNT} highlights: ${nodes} DOM nodes, ${await items.count()} items drawn`,
  );
  expect(nodes).toBeLessThan(2_000);
  expect(await items.count()).toBeLessThan(60);

  // The last highlight in order (same article, so by position; ties keep restore order) is reachable.
  await app.page.locator('main.all-highlights').evaluate(el => el.scrollTo(0, el.scrollHeight));
  await expect(items.filter({ hasText: `Desk note ${COUNT - 1}` })).toBeVisible();
});
