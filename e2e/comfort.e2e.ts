/**
 * Reading comfort and the `?` list end to end: text size, line width and theme set from the
 * reader (controls and keys) survive a reload; each theme keeps highlights legible (axe, and a
 * screenshot per theme to look at); `?` lists the keys of every view wherever it is asked.
 */
import type { Page } from '@playwright/test';
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { DeskPage } from './pages/desk';

const MOSCOW = /^The defense ministers/;

function settings(page: Page) {
  const summary = page.getByRole('article').getByText('Aa', { exact: true });
  const panel = page.getByRole('group', { name: 'Reading settings' });
  return {
    summary,
    panel,
    larger: panel.getByRole('button', { name: 'Larger text' }),
    smaller: panel.getByRole('button', { name: 'Smaller text' }),
    size: panel.locator('output'),
    width: panel.getByLabel('Line width'),
    theme: panel.getByLabel('Theme'),
  };
}

const fontSize = (page: Page) =>
  page.getByTestId('article-text').evaluate(el => parseFloat(getComputedStyle(el).fontSize));
const columnWidth = (page: Page) =>
  page.getByRole('article').evaluate(el => parseFloat(getComputedStyle(el).maxWidth));
const paneBackground = (page: Page) =>
  page.locator('.reading-pane').evaluate(el => getComputedStyle(el).backgroundColor);

test.describe('reading comfort', () => {
  test('text size, line width and theme set in the reader survive a reload', async ({ app }) => {
    const { page } = app;
    const desk = new DeskPage(page);
    await desk.open(MOSCOW);
    const before = { size: await fontSize(page), width: await columnWidth(page) };
    const s = settings(page);
    await s.summary.click();
    await s.larger.click();
    await s.larger.click();
    await s.width.selectOption('wide');
    await s.theme.selectOption('sepia');
    await expect(s.size).toHaveText('125%');
    expect(await fontSize(page)).toBeGreaterThan(before.size * 1.2);
    expect(await columnWidth(page)).toBeGreaterThan(before.width);
    const sepia = await paneBackground(page);

    await page.reload();
    await desk.open(MOSCOW);
    await s.summary.click();
    await expect(s.size).toHaveText('125%');
    await expect(s.width).toHaveValue('wide');
    await expect(s.theme).toHaveValue('sepia');
    expect(await fontSize(page)).toBeGreaterThan(before.size * 1.2);
    expect(await paneBackground(page)).toBe(sepia);
  });

  test('keys change size, width and theme, and the change is remembered', async ({ app }) => {
    const { page } = app;
    const desk = new DeskPage(page);
    await desk.open(MOSCOW);
    const size = await fontSize(page);
    await page.keyboard.press('-');
    await expect.poll(() => fontSize(page)).toBeLessThan(size);
    await page.keyboard.press('w');
    await page.keyboard.press('t');
    await page.keyboard.press('t');
    const s = settings(page);
    await s.summary.click();
    await expect(s.width).toHaveValue('wide');
    await expect(s.theme).toHaveValue('dark');

    const again = await app.reopen();
    await new DeskPage(again).open(MOSCOW);
    const s2 = settings(again);
    await s2.summary.click();
    await expect(s2.theme).toHaveValue('dark');
    await expect(s2.width).toHaveValue('wide');
  });

  test('every theme keeps the text and highlights legible (axe contrast)', async ({
    app,
  }, testInfo) => {
    // Four full axe runs: each takes several seconds on a loaded machine (one CI run took 32 s
    // for the four), more than the default 30 s for the whole test.
    test.setTimeout(90_000);
    const { page } = app;
    const desk = new DeskPage(page);
    await desk.open(MOSCOW);
    await desk.highlight('defense ministers and intelligence chiefs', 'Participant');
    await desk.highlight('scheduled to meet in Moscow on April 25', 'Date & place');
    const s = settings(page);
    const backgrounds = new Set<string>();
    for (const theme of ['light', 'dark', 'sepia', 'system']) {
      await s.summary.click();
      await s.theme.selectOption(theme);
      await s.summary.click();
      const article = page.getByRole('article');
      if (theme === 'system') await expect(article).not.toHaveAttribute('data-reader-theme');
      else await expect(article).toHaveAttribute('data-reader-theme', theme);
      backgrounds.add(await paneBackground(page));
      expect(await seriousViolations(page, '.reading-pane'), theme).toEqual([]);
      await page.screenshot({ path: testInfo.outputPath(`reader-${theme}.png`) });
    }
    // Light, dark and sepia are three different pages (system is light here).
    expect(backgrounds.size).toBe(3);
  });
});

test.describe('shortcut list', () => {
  test('? lists the shortcuts of every view, wherever it is asked', async ({ app }) => {
    const { page } = app;
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    for (const view of ['Meetings', 'Library']) {
      await page
        .getByRole('navigation', { name: 'Views' })
        .getByRole('button', { name: view })
        .click();
      await page.keyboard.press('?');
      await expect(help).toBeVisible();
      for (const section of ['Everywhere', 'Library', 'Reader', 'Reading comfort', 'Meetings']) {
        await expect(help.getByRole('heading', { name: section, exact: true })).toBeVisible();
      }
      for (const text of [
        'Select the next sentence',
        'Larger text',
        'Next reading theme',
        'Brief the open meeting',
        'Next article',
        'Paste text or a web page as a new article',
      ]) {
        await expect(help).toContainText(text);
      }
      await page.keyboard.press('Escape');
      await expect(help).toBeHidden();
    }
  });
});
