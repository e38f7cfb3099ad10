/**
 * Every dialog of the app behaves the same: Tab and Shift+Tab never leave it while it is open,
 * Escape closes it, and focus is back on the control that opened it. One test per dialog, each
 * opened the way an analyst opens it.
 */
import { expect, test } from './fixtures';
import { MeetingsPage } from './pages/meetings';
import type { Locator, Page } from '@playwright/test';

/** Tabs forwards and backwards past the dialog's last and first control, then presses Escape. */
async function tabAroundAndEscape(
  page: Page,
  dialog: Locator,
  opener: Locator,
  controls = 2,
): Promise<void> {
  await expect(dialog).toBeVisible();
  const inside = () =>
    page.evaluate(() => {
      const open = document.querySelector('dialog[open]');
      return Boolean(open && open.contains(document.activeElement));
    });
  const seen = new Set<string>();
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press('Tab');
    expect(await inside()).toBe(true);
    seen.add(await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80) ?? ''));
  }
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Shift+Tab');
    expect(await inside()).toBe(true);
  }
  // Tab reached the dialog's controls: it went round them, not stuck on one.
  expect(seen.size).toBeGreaterThanOrEqual(controls);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
}

test('the Data dialog keeps focus inside, closes on Escape and gives focus back to Data', async ({
  app,
}) => {
  const { page } = app;
  const opener = page.getByRole('button', { name: 'Data', exact: true });
  await opener.click();
  await tabAroundAndEscape(page, page.getByRole('dialog', { name: 'Your data' }), opener);
});

test('the shortcut list (?) keeps focus inside, closes on Escape and gives focus back', async ({
  app,
}) => {
  const { page } = app;
  const opener = page
    .getByRole('navigation', { name: 'Views' })
    .getByRole('button', { name: 'Meetings' });
  await opener.focus();
  await page.keyboard.press('?');
  // Its one control is Close; the list itself scrolls.
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await tabAroundAndEscape(page, help, opener, 1);
  // Its Close button ends it the same way.
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
});

test('the shortcut list opens again when ? follows Escape at once', async ({ app }) => {
  // The browser hides a closed dialog at once but tells the page a task later; a key pressed in
  // between used to find the list still "open" and do nothing.
  const { page } = app;
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  for (let round = 0; round < 5; round++) {
    await page.keyboard.press('?');
    await expect(help).toBeVisible();
    await page.keyboard.press('Escape');
    await page.keyboard.press('?');
    await expect(help).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();
  }
});

test('the export dialog keeps focus inside, closes on Escape and gives focus back', async ({
  app,
}) => {
  const meetings = new MeetingsPage(app.page);
  const dialog = await meetings.openExport(/25 Apr 2023/);
  const opener = meetings.card.getByRole('button', { name: 'Export briefing…' });
  await tabAroundAndEscape(app.page, dialog, opener);
});

test('the digest dialog keeps focus inside, closes on Escape and gives focus back', async ({
  app,
}) => {
  const meetings = new MeetingsPage(app.page);
  await meetings.settled();
  const opener = app.page.getByRole('button', { name: 'Digest…' });
  await opener.click();
  const dialog = app.page.getByRole('dialog', { name: 'Digest of meetings' });
  await tabAroundAndEscape(app.page, dialog, opener);
});
