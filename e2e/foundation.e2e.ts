import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { LibraryPage } from './pages/library';

test.describe('first run', () => {
  test('imports and lists the two seed articles', async ({ app }) => {
    const library = new LibraryPage(app.page);
    await expect(library.article(/^Iranian Defense Minister/)).toBeVisible();
    await expect(library.article(/^The defense ministers and intelligence chiefs/)).toBeVisible();
    await expect(library.article(/^The defense ministers/)).toContainText('24 Apr 2023');
    await expect(library.article(/^Iranian Defense Minister/)).toContainText('Mehr News Agency');
  });

  test('opening an article shows its text and metadata', async ({ app }) => {
    const library = new LibraryPage(app.page);
    await library.article(/^Iranian Defense Minister/).click();
    await expect(library.readerTitle).toContainText(
      'Iranian Defense Minister Mohammad Reza Ashtiyani',
    );
    await expect(library.readerText).toContainText(
      'TEHRAN – Iranian Defense Minister Mohammad Reza Ashtiyani arrived',
    );
    await expect(library.readerText).toContainText('Creative Commons Attribution 4.0');
    await expect(app.page.getByText('Dateline TEHRAN')).toBeVisible();
  });

  test('a reload keeps the articles and the open article, and does not import the seeds twice', async ({
    app,
  }) => {
    const library = new LibraryPage(app.page);
    await library.article(/^The defense ministers/).click();
    await expect(library.readerText).toContainText('scheduled to meet in Moscow on April 25');
    await app.page.reload();
    await expect(library.articles).toHaveCount(2);
    await expect(library.readerText).toContainText('scheduled to meet in Moscow on April 25');
  });
});

test.describe('import', () => {
  test('a folder with one good and three bad files gives one new article and three clear errors', async ({
    app,
  }, testInfo) => {
    const dir = join(testInfo.outputPath(), 'batch');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'good.txt'),
      'Leaders meet in Lisbon\n\nLISBON – The leaders met on Friday.\n',
    );
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(
      join(dir, 'photo.txt'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    );
    writeFileSync(join(dir, 'latin1.txt'), Buffer.from('Café talks', 'latin1'));
    const library = new LibraryPage(app.page);
    await library.importFolder(dir);
    const report = library.importReport;
    await expect(report.getByRole('heading')).toHaveText('1 new article');
    await expect(report.getByRole('listitem')).toHaveCount(3);
    await expect(report).toContainText('batch/empty.txt — The file is empty.');
    await expect(report).toContainText(
      'batch/photo.txt — This is a PNG image, not a text article.',
    );
    await expect(report).toContainText(
      'batch/latin1.txt — The file is not valid UTF-8 (first bad byte 0xe9 at offset 3).',
    );
    await expect(library.articles).toHaveCount(3);
    await expect(library.article(/^Leaders meet in Lisbon/)).toBeVisible();
  });

  test('importing the same file again adds nothing', async ({ app }) => {
    const library = new LibraryPage(app.page);
    const file = {
      name: 'note.txt',
      buffer: Buffer.from('Ministers hold talks\n\nThe ministers held talks in Oslo.\n'),
    };
    await library.importFiles([file]);
    await expect(library.importReport.getByRole('heading')).toHaveText('1 new article');
    await library.closeReport();
    await library.importFiles([file]);
    await expect(library.importReport.getByRole('heading')).toHaveText(
      '1 article already in the library',
    );
    await expect(library.articles).toHaveCount(3);
  });

  test('an edited file replaces the text of its article instead of adding one', async ({ app }) => {
    const library = new LibraryPage(app.page);
    await library.importFiles([
      { name: 'draft.txt', buffer: Buffer.from('Envoys meet\n\nFirst version of the text.\n') },
    ]);
    await expect(library.articles).toHaveCount(3);
    await library.closeReport();
    await library.importFiles([
      { name: 'draft.txt', buffer: Buffer.from('Envoys meet\n\nSecond version, edited.\n') },
    ]);
    await expect(library.importReport.getByRole('heading')).toHaveText('1 article updated');
    await expect(library.articles).toHaveCount(3);
    await library.article(/^Envoys meet/).click();
    await expect(library.readerText).toHaveText('Second version, edited.');
  });

  test('a page that names a path, even with the preview token, reads nothing', async ({
    app,
  }, testInfo) => {
    const secret = join(testInfo.outputPath(), 'secret.txt');
    mkdirSync(testInfo.outputPath(), { recursive: true });
    writeFileSync(secret, 'Private notes\n\nNot for the library.\n');
    const library = new LibraryPage(app.page);
    await expect(library.articles).toHaveCount(2);
    // What a compromised page could do: call the API itself with the token this tab holds.
    const answer = await app.page.evaluate(
      async paths => {
        const response = await fetch('/api/import:paths', {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-readout-token': sessionStorage.getItem('readout.previewToken') ?? '',
          },
          body: JSON.stringify([paths]),
        });
        return { status: response.status, body: (await response.json()) as unknown };
      },
      [secret, '/etc/passwd'],
    );
    expect(answer).toEqual({
      status: 200,
      body: {
        ok: false,
        error: {
          code: 'unsupported',
          message: 'Files are imported here only as uploads; no path is ever opened.',
        },
      },
    });
    await app.page.reload();
    await expect(library.articles).toHaveCount(2);
  });
});
