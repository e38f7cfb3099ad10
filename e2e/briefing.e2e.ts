/**
 * Exporting a meeting's briefing from the UI: in the browser preview the PDF downloads. The file
 * is checked as a reader would check it: one page (pdfinfo), the participants and the analyst's
 * note in its text (pdftotext).
 */
import { execFileSync } from 'node:child_process';
import { expect, test } from './fixtures';
import { MeetingsPage } from './pages/meetings';

test('exports a one-page briefing with the participants and the analyst note', async ({
  app,
}, testInfo) => {
  const meetings = new MeetingsPage(app.page);
  const dialog = await meetings.openExport(/25 Apr 2023/);
  const note = dialog.getByLabel('Your note on this meeting (printed on the briefing)');
  await expect(note).toBeEnabled();
  await note.fill('Ask Ankara whether Erdoğan attends the next round.');
  await dialog.getByLabel('Handling line').fill('OFFICIAL');

  const downloading = app.page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download PDF' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^2023-04-25-moscow-.*\.pdf$/);
  await expect(dialog.getByRole('status')).toContainText('Downloaded');

  const file = testInfo.outputPath('briefing.pdf');
  await download.saveAs(file);
  expect(execFileSync('pdfinfo', [file]).toString()).toMatch(/^Pages:\s+1$/m);
  const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
  for (const words of [
    'Iran',
    'Russia',
    'Syria',
    'Turkey',
    'Hulusi Akar',
    'OFFICIAL',
    'page 1 of 1',
  ]) {
    expect(text).toContain(words);
  }
  expect(text.replace(/\s+/g, ' ')).toContain('Ask Ankara whether Erdoğan attends the next round.');

  // The note is the analyst's work: it is still there when the dialog opens again.
  await dialog.getByRole('button', { name: 'Close' }).click();
  await meetings.card.getByRole('button', { name: 'Export briefing…' }).click();
  await expect(note).toHaveValue('Ask Ankara whether Erdoğan attends the next round.');
});

test('Escape closes the export dialog from any field, focus stays inside while open and returns to the opener', async ({
  app,
}) => {
  const { page } = app;
  const meetings = new MeetingsPage(page);
  const dialog = await meetings.openExport(/25 Apr 2023/);
  const opener = meetings.card.getByRole('button', { name: 'Export briefing…' });

  // Tab never leaves the dialog while it is open.
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    expect(
      await page.evaluate(() => Boolean(document.activeElement?.closest('dialog[open]'))),
    ).toBe(true);
  }

  // From a text field, one Escape closes the dialog and focus is back on the opener.
  await dialog.getByLabel('Handling line').focus();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();

  // And from a button.
  await opener.press('Enter');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).focus();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
});
