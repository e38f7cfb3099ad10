/**
 * Paste to create, end to end in the preview: text pasted into the library becomes an article
 * that is listed and opened, with the usual import report; pasting it again adds nothing; a
 * paste into a field stays in the field.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { DataDialog } from './pages/data';
import { LibraryPage } from './pages/library';

// Our own words, not a news text.
const ARTICLE = [
  'Harbour talks resume in Valletta',
  '',
  'Negotiators from the two coastal states met in Valletta on Monday to settle the fishing quotas.',
  'They plan to meet again next month.',
].join('\n');

/** Pastes as Ctrl/Cmd+V does: a paste event with the clipboard's text and HTML, on the focus. */
async function paste(page: Page, text: string, html = ''): Promise<void> {
  await page.evaluate(
    ({ text, html }) => {
      const data = new DataTransfer();
      if (text) data.setData('text/plain', text);
      if (html) data.setData('text/html', html);
      const target = document.activeElement ?? document.body;
      target.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    },
    { text, html },
  );
}

test.describe('paste to create', () => {
  test('pasted text becomes an article that is listed and opened', async ({ app }) => {
    const library = new LibraryPage(app.page);
    await expect(library.articles).toHaveCount(2);
    await library.articles.first().focus();
    await paste(app.page, ARTICLE, '<h1>Harbour talks</h1><img src="https://example.org/x.png">');

    await expect(library.importReport.getByRole('heading')).toHaveText('1 new article');
    await expect(library.articles).toHaveCount(3);
    await expect(library.article(/^Harbour talks resume in Valletta/)).toBeVisible();
    await expect(library.readerTitle).toHaveText('Harbour talks resume in Valletta');
    await expect(library.readerText).toContainText('settle the fishing quotas');
    await expect(app.page.getByRole('article')).toContainText(
      /Pasted \d{4}-\d\d-\d\d \d\d:\d\d\.txt/,
    );

    // The same text again: nothing new, and the article already there is opened.
    await library.closeReport();
    await library.articles.last().click();
    await paste(app.page, ARTICLE);
    await expect(library.importReport.getByRole('heading')).toHaveText(
      '1 article already in the library',
    );
    await expect(library.articles).toHaveCount(3);
    await expect(library.readerTitle).toHaveText('Harbour talks resume in Valletta');
    // The HTML was never put into the page, and nothing was fetched (the fixture checks hosts).
    await expect(app.page.locator('img[src^="https:"]')).toHaveCount(0);
  });

  test('a paste into a field stays in the field', async ({ app }) => {
    const library = new LibraryPage(app.page);
    const search = app.page.getByRole('combobox', { name: 'Search' });
    await search.focus();
    await paste(app.page, ARTICLE);
    await expect(library.articles).toHaveCount(2);
    await expect(library.importReport).toBeHidden();
  });
});

test.describe('inbox folder', () => {
  test('the preview shows the inbox setting as desktop only', async ({ app }) => {
    const data = new DataDialog(app.page);
    await data.open();
    const section = data.dialog.getByRole('region', { name: 'Inbox folder' });
    await expect(section).toContainText('Desktop only');
    await expect(section.getByRole('button', { name: 'Choose inbox folder…' })).toBeDisabled();
  });
});
