/**
 * The Meetings view at 10,000 meetings: generated meetings are written into the page's own
 * database (beside the seeds' six), the view is opened, scrolled, zoomed and folded, and the
 * DOM is counted at each step. Before the list was virtualised and the timeline counted per
 * period, this view put 117,000 nodes in the page; the ceiling is 2,000 in any view at any size.
 * The figures are printed for the README.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { MeetingsPage } from './pages/meetings';

const COUNT = 10_000;
const CEILING = 2_000;

/**
 * Writes `count` generated meetings straight into IndexedDB, in the shape the extractor's
 * meetings are stored in (indexed fields included): dates over ten years (one in twenty
 * undated), two or three countries, one to three sources each.
 */
function fill(page: Page, count: number): Promise<number> {
  return page.evaluate(async count => {
    const idb = await new Promise<IDBDatabase>((ok, ko) => {
      const r = indexedDB.open('readout');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => ko(r.error);
    });
    const countries = [
      ['TR', 'Turkey'],
      ['RU', 'Russia'],
      ['IR', 'Iran'],
      ['DE', 'Germany'],
      ['FR', 'France'],
      ['US', 'United States'],
      ['CN', 'China'],
      ['BR', 'Brazil'],
      ['ZA', 'South Africa'],
      ['IN', 'India'],
    ];
    const cities = ['Ankara', 'Geneva', 'Vienna', 'Doha', 'Brasília', 'Nairobi', 'Oslo'];
    const statuses = ['held', 'scheduled', 'proposed'];
    const day0 = Date.UTC(2015, 0, 1);
    const tx = idb.transaction('meetings', 'readwrite');
    const store = tx.objectStore('meetings');
    for (let i = 0; i < count; i++) {
      const undated = i % 20 === 7;
      const start = undated
        ? null
        : new Date(day0 + ((i * 7919) % 3650) * 86_400_000).toISOString().slice(0, 10);
      const date = {
        start,
        end: null,
        precision: undated ? 'unknown' : 'day',
        text: undated ? '' : 'on that day',
      };
      const parties = [countries[i % 10], countries[(i * 3 + 1) % 10]];
      if (i % 3 === 0) parties.push(countries[(i * 7 + 2) % 10]);
      const unique = parties.filter((c, k) => parties.findIndex(d => d[0] === c[0]) === k);
      const city = cities[i % cities.length];
      const status = statuses[i % 3];
      const mentions = Array.from({ length: 1 + (i % 3) }, (_, k) => {
        const sentence = `Ministers of ${unique.map(c => c[1]).join(' and ')} met in ${city} for round ${i}.`;
        return {
          file: `generated/${i}-${k}.txt`,
          articleId: `gen${String(i * 3 + k).padStart(13, '0')}`,
          sentence,
          start: 0,
          end: sentence.length,
          status,
          date,
        };
      });
      store.put({
        id: `gen-${i}`,
        title: `Foreign ministers: ${unique.map(c => c[1]).join(', ')} (${city}) round ${i}`,
        status,
        date,
        place: { city, country: null, venue: null },
        level: 'foreign ministers',
        participants: {
          countries: unique.map(([code, name]) => ({ code, name })),
          people: [],
          organizations: [],
        },
        purpose: null,
        mentions,
        dateStart: start ?? '',
        countryCodes: unique.map(c => c[0]),
        articleIds: mentions.map(m => m.articleId),
      });
    }
    await new Promise<void>((ok, ko) => {
      tx.oncomplete = () => ok();
      tx.onerror = () => ko(tx.error);
    });
    idb.close();
    return count;
  }, count);
}

const nodes = (page: Page) => page.evaluate(() => document.querySelectorAll('*').length);

test.describe('meetings view at scale', () => {
  test.setTimeout(240_000);

  test('10,000 meetings stay under 2,000 DOM nodes: list, timeline, card and picker', async ({
    app,
  }) => {
    const { page } = app;
    const meetings = new MeetingsPage(page);
    await meetings.settled();
    const seeds = await meetings.total();
    await fill(page, COUNT);
    await page.reload();
    await meetings.open();
    await expect.poll(() => meetings.total(), { timeout: 60_000 }).toBe(seeds + COUNT);
    await expect(meetings.card).toBeVisible();
    const figures: Record<string, number> = {};
    const measure = async (step: string) => {
      await expect(meetings.list.locator('[aria-busy="true"]')).toHaveCount(0);
      figures[step] = await nodes(page);
    };

    await measure('opened');
    // The list holds the rows in view, not 10,006; the timeline counts per period.
    expect(await meetings.items.count()).toBeLessThan(60);
    await expect(
      meetings.timeline.getByRole('list', { name: 'Meetings per period' }),
    ).toBeVisible();

    // Scrolled half-way down: other rows, read as they come into view.
    const side = page.locator('.meetings-side');
    await side.evaluate(el => (el.scrollTop = el.scrollHeight / 2));
    await expect(meetings.items.filter({ hasText: /round \d+/ }).first()).toBeVisible();
    await measure('list scrolled half-way');

    // A bar of the timeline opens that period's first meeting.
    const bar = meetings.timeline
      .getByRole('list', { name: 'Meetings per period' })
      .getByRole('button');
    const label = (await bar.nth(3).textContent()) ?? '';
    await bar.nth(3).click();
    await expect(meetings.card).toContainText(/round \d+/);
    const [, period] = /^(.+): \d+ meetings?$/.exec(label.trim()) ?? [];
    expect(period).toBeTruthy();

    for (let i = 0; i < 3; i++) {
      await meetings.timeline.getByRole('button', { name: 'Zoom in' }).click();
      await measure(`timeline zoomed ${2 ** (i + 1)}×`);
    }
    const scroller = page.locator('.timeline-scroll');
    await scroller.evaluate(el => (el.scrollLeft = el.scrollWidth / 2));
    await measure('timeline zoomed 8×, scrolled');

    await meetings.openMergePicker();
    await measure('merge picker open');

    await meetings.timeline.getByRole('button', { name: 'Hide timeline' }).click();
    await measure('timeline hidden');

    await page.setViewportSize({ width: 2560, height: 1600 });
    await meetings.timeline.getByRole('button', { name: 'Show timeline' }).click();
    await measure('2560×1600 window');

    console.log(
      `Meetings view, ${seeds + COUNT} meetings — DOM nodes: ${Object.entries(figures)
        .map(([k, v]) => `${k} ${v}`)
        .join(' · ')}`,
    );
    for (const [step, n] of Object.entries(figures))
      expect(n, `DOM nodes when ${step}`).toBeLessThanOrEqual(CEILING);
  });
});
