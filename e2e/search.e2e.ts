import { expect, test } from './fixtures';
import { highlightOf, type BackupFile } from './backup-data';
import { DataDialog } from './pages/data';
import { LibraryPage } from './pages/library';
import { SearchBox } from './pages/search';

/**
 * Puts a highlight with a note on the first article and an article note on the second, through
 * the app's own backup and restore (the highlight and note editors are covered by their own specs).
 */
async function annotate(data: DataDialog): Promise<BackupFile['tables']['articles']> {
  await data.open();
  const backup = JSON.parse((await data.backup()).text) as BackupFile;
  const [first, second] = backup.tables.articles;
  backup.tables.highlights = [
    highlightOf(
      first,
      first.text.slice(200, 260).trim(),
      'Zanzibar quorum: check who else attended',
      ['tripartite'],
    ),
  ];
  backup.tables.articleNotes = [
    {
      articleId: second.id,
      text: 'Marmalade protocol applies to this one.',
      tags: ['moscow-talks'],
      updatedAt: 1_700_000_000_000,
    },
  ];
  await data.restore('annotated.json', JSON.stringify(backup));
  await expect(data.status).toHaveText('Restored 2 articles, 1 highlight and 1 article note.');
  await data.close();
  return backup.tables.articles;
}

test.describe('search', () => {
  test("finds a highlight's note and Enter jumps to the highlighted passage", async ({ app }) => {
    const [first] = await annotate(new DataDialog(app.page));
    const search = new SearchBox(app.page);
    const library = new LibraryPage(app.page);

    await search.search('zanzibar quorum');
    await expect(search.input).toBeFocused();
    const option = search.options.first();
    await expect(option).toContainText('Highlight');
    await expect(option.locator('mark')).toHaveText(['Zanzibar', 'quorum']);
    await search.input.press('Enter');

    await expect(library.readerTitle).toHaveText(first.title);
    const mark = app.page.getByTestId('focus-mark');
    await expect(mark).toBeInViewport();
    await expect(mark).toHaveText(first.text.slice(200, 260).trim());
    await expect(search.results).toBeHidden();
  });

  test("finds an article note's words and opens its article", async ({ app }) => {
    const [, second] = await annotate(new DataDialog(app.page));
    const search = new SearchBox(app.page);
    const library = new LibraryPage(app.page);

    await search.search('marmalade');
    await expect(search.options.first()).toContainText('Note');
    await expect(search.options.first().locator('mark')).toHaveText('Marmalade');
    await search.input.press('Enter');
    await expect(library.readerTitle).toHaveText(second.title);

    // Tags are searched too.
    await search.search('moscow-talks');
    await expect(search.options.first()).toContainText('Note');
  });

  test('finds words of article text, marks them, and jumps to the first occurrence', async ({
    app,
  }) => {
    const search = new SearchBox(app.page);
    const library = new LibraryPage(app.page);
    await search.search('tranquility');
    await expect(search.options).toHaveCount(1);
    await expect(search.options.first()).toContainText('Article');
    await expect(search.options.first().locator('mark')).toHaveText('tranquility');
    await search.input.press('Enter');
    await expect(library.readerTitle).toContainText(
      'The defense ministers and intelligence chiefs',
    );
    await expect(app.page.getByTestId('focus-mark')).toHaveText('tranquility');
    await expect(app.page.getByTestId('focus-mark')).toBeInViewport();
  });

  test('arrow keys choose among results; Escape closes them', async ({ app }) => {
    const search = new SearchBox(app.page);
    const library = new LibraryPage(app.page);
    await search.search('turkey');
    await expect(search.options).toHaveCount(2);
    await expect(search.options.nth(0)).toHaveAttribute('aria-selected', 'true');
    await search.input.press('ArrowDown');
    await expect(search.options.nth(1)).toHaveAttribute('aria-selected', 'true');
    await expect(search.input).toHaveAttribute('aria-activedescendant', 'search-result-1');
    const title = (await search.options.nth(1).locator('.search-result-title').textContent()) ?? '';

    await search.input.press('Escape');
    await expect(search.results).toBeHidden();
    await expect(search.input).toBeFocused();

    // Reopening keeps the choice.
    await search.input.press('ArrowDown');
    await expect(search.results).toBeVisible();
    await expect(search.options.nth(1)).toHaveAttribute('aria-selected', 'true');
    await search.input.press('Enter');
    await expect(library.readerTitle).toHaveText(title);
    await expect(app.page.getByTestId('focus-mark')).toHaveText(/^turkey$/i);
  });

  test('says so when nothing matches', async ({ app }) => {
    const search = new SearchBox(app.page);
    await search.search('xylophone');
    await expect(app.page.getByRole('search').getByText('No matches')).toBeVisible();
  });

  test('a note written in the article note editor is found at once, and after a reload', async ({
    app,
  }) => {
    const search = new SearchBox(app.page);
    const library = new LibraryPage(app.page);
    await library.article(/^Iranian Defense Minister/).click();
    const note = app.page.getByRole('textbox', { name: 'Article note', exact: true });
    await note.fill('Quokka liaison memo: ask the desk.');
    await note.blur();
    await expect(app.page.getByText('Saved', { exact: true })).toBeVisible();

    await library.article(/^The defense ministers/).click();
    await search.search('quokka liaison');
    await expect(search.options).toHaveCount(1);
    await expect(search.options.first()).toContainText('Note');
    await search.input.press('Enter');
    await expect(library.readerTitle).toContainText('Iranian Defense Minister');

    await app.page.reload();
    await search.search('quokka');
    await expect(search.options.first()).toContainText('Iranian Defense Minister');
  });

  test('runs in a worker off the page, saves the index in pieces and searches after a reload', async ({
    app,
  }) => {
    const search = new SearchBox(app.page);
    await search.search('tranquility');
    await expect(search.options.first()).toContainText('The defense ministers');
    expect(app.page.workers().map(w => w.url())).toContainEqual(
      expect.stringMatching(/\/assets\/worker-[\w-]+\.js$/),
    );
    const pieces = () =>
      app.page.evaluate(
        () =>
          new Promise<number>((resolve, reject) => {
            const open = indexedDB.open('readout');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const count = open.result
                .transaction('searchIndex')
                .objectStore('searchIndex')
                .count();
              count.onsuccess = () => resolve(count.result);
              count.onerror = () => reject(count.error);
            };
          }),
      );
    await expect.poll(pieces, { timeout: 15_000 }).toBeGreaterThan(1);

    await app.page.reload();
    await search.search('tranquility');
    await expect(search.options.first()).toContainText('The defense ministers');
  });

  test('Enter pressed straight after typing opens the first result once it arrives', async ({
    app,
  }) => {
    const search = new SearchBox(app.page);
    const library = new LibraryPage(app.page);
    await search.search('tranquility');
    await search.input.press('Enter');
    await expect(library.readerTitle).toContainText(
      'The defense ministers and intelligence chiefs',
    );
    await expect(app.page.getByTestId('focus-mark')).toHaveText('tranquility');
  });
});

test.describe('search results', () => {
  test('say "1 result", mark the words in the title and show the passage where they meet', async ({
    app,
  }) => {
    const library = new LibraryPage(app.page);
    // Our own words: "quota" early and alone, then "quota" and "Valletta" together much later.
    const text = [
      'Valletta fishing quota talks',
      '',
      'The quota was first raised years ago. ' + 'Nothing else of note was said then. '.repeat(12),
      'On Monday the quota was settled in Valletta by both delegations.',
    ].join('\n');
    await library.importFiles([{ name: 'valletta.txt', buffer: Buffer.from(text) }]);
    await expect(library.importReport.getByRole('heading')).toHaveText('1 new article');
    await library.closeReport();

    const search = new SearchBox(app.page);
    await search.search('valletta quota');
    await expect(search.options).toHaveCount(1);
    await expect(app.page.getByRole('search').getByRole('status')).toHaveText('1 result');
    const option = search.options.first();
    await expect(option.locator('.search-result-title mark')).toHaveText(['Valletta', 'quota']);
    await expect(option.locator('.search-snippet')).toContainText('settled in Valletta');
    await expect(option.locator('.search-snippet mark')).toHaveText(['quota', 'Valletta']);
  });
});
