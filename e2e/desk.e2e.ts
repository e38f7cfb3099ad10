/**
 * The analyst's desk end to end: highlights, notes, tags, undo and trash, the All highlights view,
 * keyboard-only use, accessibility (axe) and re-anchoring after an edited re-import.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { DeskPage } from './pages/desk';

const MOSCOW = /^The defense ministers/;
const TEHRAN = /^Iranian Defense Minister/;

test.describe('highlights', () => {
  test('select, highlight, write a note, reload: all still there', async ({ app }) => {
    const desk = new DeskPage(app.page);
    await desk.open(MOSCOW);
    await desk.highlight('scheduled to meet in Moscow on April 25', 'Date & place');
    await expect(desk.marksOf('scheduled to meet in Moscow on April 25')).toHaveAttribute(
      'title',
      /Date & place/,
    );
    await expect(desk.item('scheduled to meet in Moscow')).toContainText('Date & place');
    await desk.writeNote(desk.noteField, '**Check** the date against the Kremlin readout.');
    await expect(
      desk.panel.getByRole('region', { name: 'Highlight note, formatted' }).locator('strong'),
    ).toHaveText('Check');

    await app.page.reload();
    await expect(desk.marksOf('scheduled to meet in Moscow on April 25')).toHaveCount(1);
    const item = desk.item('scheduled to meet in Moscow');
    await expect(item.locator('.note-preview strong')).toHaveText('Check');
    await item.getByRole('button', { pressed: false }).click();
    await expect(desk.noteField).toHaveValue('**Check** the date against the Kremlin readout.');
  });

  test('a hostile note renders as text: no script runs, no image loads, links are not followed', async ({
    app,
  }) => {
    const desk = new DeskPage(app.page);
    await desk.open(MOSCOW);
    await desk.highlight('scheduled to meet in Moscow on April 25', 'Question');
    await desk.writeNote(
      desk.noteField,
      [
        '<script>window.pwned = "script"</script>',
        '<img src="https://tracker.example/p.png" onerror="window.pwned = \'img\'">',
        '[Kremlin readout](https://kremlin.example/readout) and [run](javascript:window.pwned=1)',
      ].join('\n\n'),
    );
    const preview = desk.panel.getByRole('region', { name: 'Highlight note, formatted' });
    const link = preview.locator('a', { hasText: 'Kremlin readout' });
    await expect(link).toHaveAttribute('title', /^https:\/\/kremlin\.example\/readout /);
    await expect(preview.locator('script, img, [href], [onerror]')).toHaveCount(0);
    const url = app.page.url();
    await link.click();
    await preview.locator('a', { hasText: 'run' }).click();
    await expect(link).toBeVisible();
    expect(app.page.url()).toBe(url);
    expect(await app.page.evaluate(() => (window as { pwned?: unknown }).pwned)).toBeUndefined();
  });

  test('recolours a highlight from the side panel and with a number key', async ({ app }) => {
    const desk = new DeskPage(app.page);
    await desk.open(MOSCOW);
    await desk.highlight('Turkish Defense Minister Hulusi Akar', 'Key point');
    const mark = desk.marksOf('Turkish Defense Minister Hulusi Akar');
    await desk.panel.getByRole('button', { name: 'Recolour as Participant' }).click();
    await expect(mark).toHaveAttribute('title', /^Participant/);
    await expect(
      desk.panel.getByRole('button', { name: 'Recolour as Participant' }),
    ).toHaveAttribute('aria-pressed', 'true');
    await app.page.keyboard.press('Escape');
    await mark.click();
    await app.page.keyboard.press('6');
    await expect(mark).toHaveAttribute('title', /^Doubt/);
    await expect(desk.item('Hulusi Akar')).toContainText('Doubt');
  });

  test('draws overlapping and adjacent highlights, and a click selects the one on top', async ({
    app,
  }) => {
    const desk = new DeskPage(app.page);
    await desk.open(MOSCOW);
    await desk.highlight('defense ministers and intelligence chiefs', 'Participant');
    await desk.highlight('intelligence chiefs of Turkey, Russia', 'Key point');
    await desk.highlight(', Syria, and Iran', 'Purpose');
    // Runs: "defense ministers and " | "intelligence chiefs" (both) | " of Turkey, Russia" | ", Syria, and Iran"
    await expect(desk.marks).toHaveText(
      ['defense ministers and ', 'intelligence chiefs', ' of Turkey, Russia', ', Syria, and Iran'],
      { useInnerText: true },
    );
    await expect(desk.marks.nth(1)).toHaveAttribute(
      'title',
      'Key point (yellow) over Participant (blue)',
    );
    await app.page.keyboard.press('Escape');
    await desk.marks.nth(1).click();
    await expect(desk.item('intelligence chiefs of Turkey')).toHaveClass(/is-selected/);
    await desk.marks.nth(0).click();
    await expect(desk.item('defense ministers and intelligence')).toHaveClass(/is-selected/);
  });

  test('delete then undo brings the highlight back; redo and the trash work too', async ({
    app,
  }) => {
    const desk = new DeskPage(app.page);
    await desk.open(MOSCOW);
    await desk.highlight('kamikaze drones', 'Doubt');
    await desk.panel.getByRole('button', { name: 'Delete highlight' }).click();
    await expect(desk.marks).toHaveCount(0);
    await app.page.keyboard.press('ControlOrMeta+z');
    await expect(
      app.page.getByRole('status').filter({ hasText: 'Undid: Delete highlight' }),
    ).toBeVisible();
    await expect(desk.marksOf('kamikaze drones')).toHaveCount(1);
    await app.page.keyboard.press('ControlOrMeta+Shift+z');
    await expect(desk.marks).toHaveCount(0);

    await desk.showAllHighlights();
    const trash = app.page.getByRole('list', { name: 'Deleted items' });
    await trash.getByRole('button', { name: 'Restore Highlight “kamikaze drones”' }).click();
    await expect(trash.getByRole('listitem')).toHaveCount(0);
    await app.page.getByRole('button', { name: /^Open in/ }).click();
    await expect(desk.marksOf('kamikaze drones')).toHaveCount(1);
  });

  test('notes and tags on articles and highlights, with completion, filterable in All highlights', async ({
    app,
  }) => {
    const desk = new DeskPage(app.page);
    await desk.open(MOSCOW);
    await desk.writeNote(
      desk.panel.getByRole('textbox', { name: 'Article note' }),
      'Four-way talks.\n\n- Moscow\n- April',
    );
    await desk.panel.getByRole('combobox', { name: 'Add to article tags' }).fill('syria');
    await app.page.keyboard.press('Enter');
    await expect(desk.panel.getByRole('list', { name: 'Article tags' })).toContainText('#syria');

    await desk.highlight('Ibrahim Kalin', 'Participant');
    const tagField = desk.panel.getByRole('combobox', { name: 'Add to highlight tags' });
    await tagField.fill('spokes');
    await app.page.keyboard.press('Enter');
    // The tag typed on the article is offered for highlights.
    await expect(desk.panel.locator('datalist option[value="syria"]').first()).toBeAttached();
    await desk.highlight('Recep Tayyip Erdogan', 'Participant');
    await desk.panel.getByRole('combobox', { name: 'Add to highlight tags' }).fill('syria');
    await app.page.keyboard.press('Enter');
    await desk.open(TEHRAN);
    await desk.highlight('Bashar Assad', 'Participant');
    await desk.highlight('December 28, 2022', 'Date & place');

    await desk.showAllHighlights();
    const list = app.page
      .getByRole('list', { name: 'Highlights', exact: true })
      .locator(':scope > li');
    await expect(list).toHaveCount(4);
    await app.page
      .getByRole('combobox', { name: 'Colour' })
      .selectOption({ label: '2 · Participant' });
    await expect(list).toHaveCount(3);
    await app.page.getByRole('combobox', { name: 'Tag' }).selectOption('syria');
    await expect(list).toHaveCount(1);
    await expect(list).toContainText('Recep Tayyip Erdogan');
    await app.page.getByRole('combobox', { name: 'Tag' }).selectOption('');
    await app.page
      .getByRole('combobox', { name: 'Article' })
      .selectOption({ label: await titleOf(app.page, TEHRAN) });
    await expect(list).toHaveCount(1);
    await expect(list).toContainText('Bashar Assad');
    await app.page.getByRole('combobox', { name: 'Article' }).selectOption('');
    await app.page.getByRole('combobox', { name: 'Colour' }).selectOption('');
    await app.page.getByRole('searchbox', { name: 'Text' }).fill('kalin');
    await expect(list).toHaveCount(1);
    await expect(app.page.getByRole('status').filter({ hasText: /of 4 highlights/ })).toHaveText(
      '1 of 4 highlights',
    );
  });

  test('colour meanings can be renamed', async ({ app }) => {
    const desk = new DeskPage(app.page);
    await desk.showAllHighlights();
    const field = app.page.getByRole('textbox', { name: 'Meaning of colour 6 (purple)' });
    await field.fill('Disputed');
    await field.press('Enter');
    await app.page
      .getByRole('navigation', { name: 'Views' })
      .getByRole('button', { name: 'Library' })
      .click();
    await desk.open(MOSCOW);
    await desk.select('kamikaze drones');
    await expect(desk.toolbar.getByRole('button', { name: 'Highlight as Disputed' })).toBeVisible();
  });
});

async function titleOf(page: Page, title: RegExp): Promise<string> {
  const name = await page
    .getByRole('list', { name: 'Articles' })
    .getByRole('button', { name: title })
    .locator('.library-title')
    .textContent();
  const t = name ?? '';
  return t.length > 70 ? `${t.slice(0, 69)}…` : t;
}

test('a keyboard-only session: open, select, highlight, note, recolour, undo, help', async ({
  app,
}) => {
  const { page } = app;
  const desk = new DeskPage(page);
  await page.keyboard.press('j');
  await expect(page.getByRole('article').getByRole('heading', { level: 1 })).toHaveText(MOSCOW);
  await page.keyboard.press('j');
  await expect(page.getByRole('article').getByRole('heading', { level: 1 })).toHaveText(TEHRAN);
  await page.keyboard.press('k');
  await expect(page.getByRole('article').getByRole('heading', { level: 1 })).toHaveText(MOSCOW);

  await page.keyboard.press(']');
  await page.keyboard.press(']');
  await expect(desk.toolbar).toBeVisible();
  expect(await page.evaluate(() => document.getSelection()?.toString())).toBe(
    'The meeting aims to discuss and address the ongoing conflicts in the region with the goal of finding peaceful solutions.',
  );
  await page.keyboard.press('4');
  await expect(desk.marksOf('The meeting aims to discuss')).toHaveAttribute('title', /^Purpose/);
  await page.keyboard.press('n');
  await expect(desk.noteField).toBeFocused();
  await page.keyboard.type('Stated aim: peace talks.');
  await page.keyboard.press('Escape');
  await expect(desk.panel.getByText('Saved', { exact: true })).toBeVisible();
  await page.keyboard.press('5');
  await expect(desk.marksOf('The meeting aims to discuss')).toHaveAttribute('title', /^Question/);
  await page.keyboard.press('ControlOrMeta+z');
  await expect(desk.marksOf('The meeting aims to discuss')).toHaveAttribute('title', /^Purpose/);

  // Tab reaches the side panel's controls, with a visible focus ring.
  const recolour = desk.panel.getByRole('button', { name: 'Recolour as Key point' });
  for (let i = 0; i < 60 && !(await recolour.evaluate(el => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(recolour).toBeFocused();
  const outline = await recolour.evaluate(el => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe('none');
  await page.keyboard.press('Enter');
  await expect(desk.marksOf('The meeting aims to discuss')).toHaveAttribute('title', /^Key point/);

  await page.keyboard.press('Escape');
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  for (const text of [
    'Next article',
    'Previous article',
    'Highlight the selection',
    'Undo',
    'Redo',
    'Select the next sentence',
  ]) {
    await expect(help).toContainText(text);
  }
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  await page.keyboard.press('Delete');
  await expect(desk.marks).toHaveCount(1);
  await page.keyboard.press(']');
  await expect(desk.toolbar).toBeVisible();
  await page.keyboard.press('h');
  await expect(desk.panelHighlights).toHaveCount(2);
});

test('axe finds nothing serious on the annotated reader and the All highlights view', async ({
  app,
}) => {
  // Three whole-page axe runs: each takes a few seconds of CPU, and on a loaded 2-core machine
  // (load 16 in one CI run) the three passed the default 30 s.
  test.setTimeout(90_000);
  const desk = new DeskPage(app.page);
  await desk.open(MOSCOW);
  await desk.highlight('defense ministers and intelligence chiefs', 'Participant');
  await desk.highlight('intelligence chiefs of Turkey, Russia', 'Key point');
  await desk.writeNote(desk.noteField, 'Who *exactly* attends?');
  await desk.select('kamikaze drones');
  expect(await seriousViolations(app.page)).toEqual([]);
  await app.page.keyboard.press('Escape');
  await app.page.keyboard.press('?');
  await expect(app.page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  expect(await seriousViolations(app.page)).toEqual([]);
  await app.page.keyboard.press('Escape');
  await desk.showAllHighlights();
  expect(await seriousViolations(app.page)).toEqual([]);
});

test('re-importing an edited seed re-anchors highlights and shows lost ones as orphans', async ({
  app,
}) => {
  const desk = new DeskPage(app.page);
  await desk.open(MOSCOW);
  await desk.highlight('scheduled to meet in Moscow on April 25', 'Date & place');
  await desk.highlight('Iran has been reportedly supplying Russia with kamikaze drones', 'Doubt');
  await desk.highlight('These developments make this meeting more important.', 'Key point');
  await desk.writeNote(desk.noteField, 'Why *more* important?');

  const source = 'seeds/004_5e147edb248d0a50.txt';
  const original = readFileSync(resolve(__dirname, '..', source), 'utf8');
  const edited = original
    .replace(
      'The defense ministers and intelligence chiefs',
      'UPDATE: The defence ministers and the intelligence chiefs',
    )
    .replace(
      'Iran has been reportedly supplying Russia',
      'Iran has allegedly been supplying Russia',
    )
    .replace(' These developments make this meeting more important.', '');
  expect(edited).not.toBe(original);
  await app.page.getByLabel('Choose article files').setInputFiles({
    name: source,
    mimeType: 'text/plain',
    buffer: Buffer.from(edited),
  });
  await expect(desk.text).toContainText('UPDATE: The defence ministers');
  await expect(desk.marksOf('scheduled to meet in Moscow on April 25')).toHaveCount(1);
  await expect(
    desk.marks.filter({ hasText: 'allegedly been supplying Russia with kamikaze drones' }),
  ).toHaveCount(1);
  await expect(desk.orphans).toHaveCount(1);
  await expect(desk.orphans).toContainText('These developments make this meeting more important.');
  await expect(desk.orphans.locator('em')).toHaveText('more');
  await expect(app.page.getByRole('list', { name: 'Articles' }).getByRole('button')).toHaveCount(2);
});

// The README's picture: READOUT_SCREENSHOTS=1 npx playwright test -c e2e e2e/desk.e2e.ts -g screenshot
for (const scheme of ['light', 'dark'] as const) {
  test(`screenshot of an annotated article (${scheme})`, async ({ app }) => {
    test.skip(
      !process.env.READOUT_SCREENSHOTS,
      'set READOUT_SCREENSHOTS=1 to write the screenshots',
    );
    const { page } = app;
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 1440, height: 1000 });
    const desk = new DeskPage(page);
    await desk.open(MOSCOW);
    await desk.highlight('defense ministers and intelligence chiefs', 'Participant');
    await desk.highlight('intelligence chiefs of Turkey, Russia, Syria, and Iran', 'Key point');
    await desk.highlight('in Moscow on April 25', 'Date & place');
    await desk.highlight('to discuss and address the ongoing conflicts in the region', 'Purpose');
    await desk.highlight('Iran has been reportedly supplying Russia with kamikaze drones', 'Doubt');
    await desk.writeNote(
      desk.noteField,
      'Reported by **Kyiv Independent** only — find a second source.',
    );
    await desk.panel.getByRole('combobox', { name: 'Add to highlight tags' }).fill('drones');
    await page.keyboard.press('Enter');
    await desk.highlight('facilitate a ceasefire between Russia and Ukraine', 'Question');
    await desk.writeNote(
      desk.panel.getByRole('textbox', { name: 'Article note' }),
      'Second four-way meeting; *Iran joins* for the first time.',
    );
    await page.keyboard.press('Escape');
    await expect(desk.panel.getByRole('button', { pressed: true })).toHaveCount(0);
    await desk.panel.evaluate(el => el.scrollTo(0, 0));
    await page.mouse.move(0, 0);
    const path = resolve(
      __dirname,
      'screenshots',
      scheme === 'light' ? 'annotated-article.png' : 'annotated-article-dark.png',
    );
    await page.screenshot({ path });
  });
}
