import { resolve } from 'node:path';
import { expect, test } from './fixtures';
import { LibraryPage } from './pages/library';

/** One file per format, our own words (src-main/ingest/fixtures/make-fixtures.ts). */
const FORMATS = resolve(__dirname, '../src-main/ingest/fixtures/formats');
const BAD = resolve(__dirname, '../src-main/ingest/fixtures/bad');

const TITLES = [
  /^Chile and Portugal sign fisheries pact in Lisbon/,
  /^Norway and Poland plan a joint air-defence exercise/,
  /^Japan and the Philippines review coast guard training/,
  /^Estonia and Finland open talks on a second undersea power cable/,
  /^Kenya and Ethiopia agree on river data sharing/,
];

test.describe('import of HTML, PDF, Word, e-mail and Markdown', () => {
  test('a folder with one file of each format gives five articles with their real titles', async ({
    app,
  }) => {
    const library = new LibraryPage(app.page);
    await library.importFolder(FORMATS);
    await expect(library.importReport.getByRole('heading')).toHaveText('5 new articles');
    await expect(library.articles).toHaveCount(2 + TITLES.length);
    for (const title of TITLES) await expect(library.article(title)).toBeVisible();
    await expect(library.article(TITLES[0])).toContainText('The Harbour Ledger');
    await expect(library.article(TITLES[3])).toContainText('Baltic Desk Weekly');
  });

  test('a saved page shows only its article text: no script, navigation or markup', async ({
    app,
  }) => {
    const library = new LibraryPage(app.page);
    await library.importFolder(FORMATS);
    await library.closeReport();
    await library.article(TITLES[0]).click();
    await expect(library.readerTitle).toHaveText(
      'Chile and Portugal sign fisheries pact in Lisbon',
    );
    await expect(library.readerText).toContainText(
      'The foreign ministers of Chile and Portugal signed an agreement on shared fishing research',
    );
    await expect(library.readerText).not.toContainText('hijacked');
    await expect(library.readerText).not.toContainText('Subscribe');
    await expect(library.readerText.locator('img, iframe, script, b')).toHaveCount(0);
    expect(await app.page.title()).not.toBe('hijacked');
  });

  test('the PDF reads as paragraphs without its running header and page numbers', async ({
    app,
  }) => {
    const library = new LibraryPage(app.page);
    await library.importFolder(FORMATS);
    await library.closeReport();
    await library.article(TITLES[1]).click();
    await expect(library.readerText).toContainText(
      'The defence ministers of Norway and Poland met in Oslo on Tuesday',
    );
    await expect(library.readerText).not.toContainText('Nordic Security Monitor');
    await expect(library.readerText).not.toContainText('Page 1 of 2');
  });

  test('importing the same files again adds nothing', async ({ app }) => {
    const library = new LibraryPage(app.page);
    await library.importFolder(FORMATS);
    await expect(library.importReport.getByRole('heading')).toHaveText('5 new articles');
    await library.closeReport();
    await library.importFolder(FORMATS);
    await expect(library.importReport.getByRole('heading')).toHaveText(
      '5 articles already in the library',
    );
    await expect(library.articles).toHaveCount(2 + TITLES.length);
  });

  test('a password PDF, a scanned PDF and a broken Word file each get their own message', async ({
    app,
  }) => {
    const library = new LibraryPage(app.page);
    await library.importFolder(BAD);
    const report = library.importReport;
    await expect(report.getByRole('listitem')).toHaveCount(3);
    await expect(report).toContainText('bad/protected.pdf — This PDF is protected by a password.');
    await expect(report).toContainText(
      'bad/scanned.pdf — This PDF has no text layer (scanned image)',
    );
    await expect(report).toContainText('bad/cut-short.docx — This Word file cannot be read');
    await expect(library.articles).toHaveCount(2);
  });
});
