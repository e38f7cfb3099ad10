/**
 * The Briefing view, tried as an analyst would: highlight in the reader, open the meeting, brief
 * it, write a bottom line, reorder two key points, exclude a highlight, watch the fill gauge,
 * and download the PDF. The PDF is read back with poppler: one page, the bottom line, the points
 * in the new order, no raw Markdown, no file names where the article has a publisher, and the
 * same sections in the same order as the page the view drew.
 */
import { execFileSync } from 'node:child_process';
import { expect, test } from './fixtures';
import { DeskPage } from './pages/desk';
import { MeetingsPage } from './pages/meetings';

const MOSCOW = /^The defense ministers/;
const FIRST = 'scheduled to meet in Moscow on April 25';
const SECOND = 'bring peace and tranquility to the region';
const ASIDE = 'announcement from Turkish Defense Minister Hulusi Akar';
const BOTTOM_LINE = 'Moscow is brokering a Turkish–Syrian thaw; expect a foreign-ministers round.';

/** A letter-spaced heading as pdftotext may split it ("B OT TOM L INE"). */
const spaced = (heading: string) => new RegExp(heading.replace(/\s+/g, '').split('').join('\\s*'));

/** Headings of the sections on a PDF page; the order on paper is found by searching for them. */
const PDF_SECTIONS: [string, RegExp][] = [
  ['bottomLine', spaced('BOTTOM LINE')],
  ['keyPoints', spaced('PURPOSE AND KEY POINTS')],
  ['highlights', spaced('HIGHLIGHTS')],
  ['sources', /\n\s*S\s*O\s*U\s*R\s*C\s*E\s*S\s*\n/],
];

test('briefs a meeting: bottom line, reordered points, an excluded highlight, the PDF agrees', async ({
  app,
}, testInfo) => {
  const { page } = app;
  const desk = new DeskPage(page);
  await desk.open(MOSCOW);
  await desk.highlight(FIRST, 'Key point');
  await desk.highlight(SECOND, 'Key point');
  await desk.highlight(ASIDE, 'Question');
  await desk.item(/Hulusi Akar/).click();
  await desk.writeNote(
    desk.noteField,
    '**Check** the date with [the ministry](https://example.org/mod).',
  );

  const meetings = new MeetingsPage(page);
  await meetings.open();
  await meetings
    .item(/25 Apr 2023/)
    .first()
    .click();
  await meetings.card.getByRole('button', { name: 'Brief this meeting' }).click();

  const view = page.getByRole('main', { name: 'Briefing' });
  const sheet = view.getByRole('img', { name: /^Briefing page:/ });
  await expect(sheet).toBeVisible();
  // The suggestion is marked both on the page and in the editor.
  await expect(sheet).toContainText('Suggested by Readout from the meeting record');
  await expect(view.getByText(/^Suggested by Readout \(printed/)).toBeVisible();
  const gauge = view.getByTestId('gauge-summary');
  await expect(gauge).toContainText('% of the page used');

  // The bottom line replaces the suggestion on the page itself.
  await view.getByLabel('Bottom line (one or two sentences)').fill(BOTTOM_LINE);
  await expect(sheet).toContainText('Moscow is brokering');
  await expect(sheet).not.toContainText('Suggested by Readout');

  // Two key points: the first highlight, then the second; move the second up by keyboard.
  const points = view.getByRole('list', { name: 'Key points' }).getByRole('listitem');
  await expect(points).toHaveCount(2);
  await expect(points.nth(0)).toHaveAccessibleName(new RegExp(FIRST));
  await points.nth(1).focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(points.nth(0)).toHaveAccessibleName(new RegExp(SECOND));
  // … and reword it.
  await view
    .getByLabel('Wording of key point 1', { exact: true })
    .fill('Akar: talks aim at peace, not a deal.');

  // Excluding the aside takes its quote off the page, and the gauge says so.
  const before = await gauge.textContent();
  await expect(sheet).toContainText('Hulusi Akar”');
  await view.getByRole('checkbox', { name: new RegExp(ASIDE) }).uncheck();
  await expect(sheet).not.toContainText('Hulusi Akar”');
  await expect(gauge).not.toHaveText(before ?? '');

  await page.screenshot({ path: testInfo.outputPath('briefing-view.png'), fullPage: true });
  const viewSections = ((await sheet.getAttribute('data-sections')) ?? '').split(' ');

  const downloading = page.waitForEvent('download');
  await view.getByRole('button', { name: 'Download PDF' }).click();
  const file = testInfo.outputPath('briefing.pdf');
  await (await downloading).saveAs(file);
  expect(execFileSync('pdfinfo', [file]).toString()).toMatch(/^Pages:\s+1$/m);
  const text = execFileSync('pdftotext', [file, '-']).toString();
  const flat = text.replace(/\s+/g, ' ');
  expect(flat).toContain(BOTTOM_LINE);
  const reworded = flat.indexOf('Akar: talks aim at peace, not a deal.');
  const first = flat.indexOf('scheduled to meet in Moscow on April 25');
  expect(reworded).toBeGreaterThan(-1);
  expect(first).toBeGreaterThan(reworded);
  expect(flat).not.toMatch(/\*\*|\]\(/);
  expect(flat).not.toMatch(/\.txt/);
  expect(flat).not.toContain('Hulusi Akar”');

  // Same sections in the same order on screen and on paper.
  const onPaper = PDF_SECTIONS.map(([id, heading]) => ({ id, at: text.search(heading) }))
    .filter(s => s.at >= 0)
    .sort((a, b) => a.at - b.at)
    .map(s => s.id);
  expect(onPaper.length).toBeGreaterThanOrEqual(3);
  expect(viewSections.filter(id => onPaper.includes(id))).toEqual(onPaper);
});

test('the Export dialog prints the bottom line and key points saved in the Briefing view', async ({
  app,
}, testInfo) => {
  const { page } = app;
  const meetings = new MeetingsPage(page);
  await meetings.open();
  await meetings
    .item(/25 Apr 2023/)
    .first()
    .click();
  await meetings.card.getByRole('button', { name: 'Brief this meeting' }).click();
  const view = page.getByRole('main', { name: 'Briefing' });
  const sheet = view.getByRole('img', { name: /^Briefing page:/ });
  await view.getByLabel('Bottom line (one or two sentences)').fill(BOTTOM_LINE);
  await expect(sheet).toContainText('Moscow is brokering');
  await view
    .getByLabel('Wording of key point 1', { exact: true })
    .fill('Four ministers, one agenda: Syria.');
  await expect(sheet).toContainText('Four ministers, one agenda');

  const dialog = await meetings.openExport(/25 Apr 2023/);
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download PDF' }).click();
  const file = testInfo.outputPath('exported.pdf');
  await (await downloading).saveAs(file);
  const flat = execFileSync('pdftotext', [file, '-']).toString().replace(/\s+/g, ' ');
  expect(flat).toContain(BOTTOM_LINE);
  expect(flat).toContain('Four ministers, one agenda: Syria.');
  expect(flat).not.toContain('Suggested by Readout');
});
