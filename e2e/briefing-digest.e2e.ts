/**
 * The digest, tried as an analyst would: from the Meetings list open Digest…, see the page as
 * it prints, narrow it to a date range, tick and untick by hand (Shift-click for a run), and
 * download the PDF. The PDF is read back with poppler: one page, every ticked meeting on it.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { expect, test } from './fixtures';
import { MeetingsPage } from './pages/meetings';

test("a digest of the seeds' meetings is one page with every meeting on it", async ({
  app,
}, testInfo) => {
  const { page } = app;
  const meetings = new MeetingsPage(page);
  await meetings.settled();
  // The list is virtualised: the rows in view are named, the heading counts them all.
  const titles = await meetings.items.locator('.meeting-item-title').allInnerTexts();
  const total = await meetings.total();
  expect(titles.length).toBeGreaterThan(3);

  await page.getByRole('button', { name: 'Digest…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Digest of meetings' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('group', { name: /Meetings on the page/ })).toContainText(
    `(${total} of ${total})`,
  );
  await expect(dialog.getByRole('img', { name: 'Digest page as it prints' })).toBeVisible();
  await expect(dialog.getByRole('status', { name: 'Digest fit' })).toHaveText(
    /Every meeting (fits whole|is on the page)/,
  );
  // The screen page names every meeting, as the PDF will.
  const screen = dialog.getByRole('img', { name: 'Digest page as it prints' });
  for (const title of titles.slice(0, 3)) await expect(screen).toContainText(title.slice(0, 20));

  await page.screenshot({ path: testInfo.outputPath('digest-dialog.png') });
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download digest PDF' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^digest-\d{4}-\d{2}-\d{2}\.pdf$/);
  await expect(dialog.getByRole('status').filter({ hasText: 'Downloaded' })).toBeVisible();
  const file = testInfo.outputPath('digest.pdf');
  await download.saveAs(file);
  expect(execFileSync('pdfinfo', [file]).toString()).toMatch(/^Pages:\s+1$/m);
  const text = execFileSync('pdftotext', ['-layout', file, '-']).toString().replace(/\s+/g, ' ');
  for (const title of titles) expect(text).toContain(title);
  expect(text).not.toMatch(/\.txt|\*\*/);
  // The README's page image, drawn from the PDF as a reader sees it.
  if (process.env.READOUT_SCREENSHOTS) {
    const png = resolve(__dirname, 'screenshots', 'digest-page');
    execFileSync('pdftoppm', ['-r', '80', '-png', '-singlefile', file, png]);
  }
});

test('a date range ticks the meetings it holds; Shift-click ticks a run', async ({ app }) => {
  const { page } = app;
  const meetings = new MeetingsPage(page);
  await meetings.settled();
  await page.getByRole('button', { name: 'Digest…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Digest of meetings' });
  const group = dialog.getByRole('group', { name: /Meetings on the page/ });
  const boxes = group.getByRole('checkbox');
  // The dialog lists the meetings once it has read them: wait for every box before counting,
  // as count() does not wait (a count taken too early was 0 and the range check meaningless).
  const total = await meetings.total();
  expect(total).toBeGreaterThan(3);
  await expect(boxes).toHaveCount(total);
  await expect(group).toContainText(`(${total} of ${total})`);

  await dialog.getByLabel('From').fill('2023-04-01');
  await dialog.getByLabel('To').fill('2023-04-30');
  const inApril = await boxes.evaluateAll(els => els.filter(e => (e as HTMLInputElement).checked));
  expect(inApril.length).toBeGreaterThan(0);
  expect(inApril.length).toBeLessThan(total);
  await expect(group).toContainText(`(${inApril.length} of ${total})`);
  await expect(dialog.getByRole('img', { name: 'Digest page as it prints' })).toContainText(
    'April 2023',
  );

  await dialog.getByRole('button', { name: 'Untick all' }).click();
  await expect(group).toContainText(`(0 of ${total})`);
  await expect(dialog.getByText('Tick at least one meeting.')).toBeVisible();
  await boxes.nth(0).click();
  await boxes.nth(2).click({ modifiers: ['Shift'] });
  await expect(group).toContainText(`(3 of ${total})`);
  // Space ticks the focused box from the keyboard.
  await boxes.nth(3).focus();
  await page.keyboard.press('Space');
  await expect(group).toContainText(`(4 of ${total})`);

  await dialog.getByLabel('From').fill('2023-05-01');
  await expect(dialog.getByRole('alert')).toHaveText('The range ends before it starts.');
  await expect(dialog.getByRole('button', { name: 'Download digest PDF' })).toBeDisabled();
});
