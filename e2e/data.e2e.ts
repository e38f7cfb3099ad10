import { expect, test } from './fixtures';
import { highlightOf, type BackupFile } from './backup-data';
import { DataDialog } from './pages/data';
import { LibraryPage } from './pages/library';
import { MeetingsPage } from './pages/meetings';

/** Tables of a backup without the parts that differ between two backups of the same data. */
function comparable(text: string): Record<string, unknown> {
  const backup = JSON.parse(text) as BackupFile;
  return backup.tables;
}

test.describe('backup and restore', () => {
  test('a backup restores everything it held, replacing what came after', async ({ app }) => {
    const data = new DataDialog(app.page);
    const library = new LibraryPage(app.page);
    await new MeetingsPage(app.page).settled();
    await library.open();
    await data.open();
    await expect(data.dialog.getByText(/^Storage: /)).toBeVisible();
    const saved = await data.backup();
    expect(saved.name).toMatch(/^readout-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const backup = JSON.parse(saved.text) as BackupFile;
    expect(backup.format).toBe('readout-backup');
    expect(backup.tables.articles).toHaveLength(2);
    await expect(data.status).toHaveText(
      'Backup saved: 2 articles, 0 highlights and 0 article notes.',
    );
    await data.close();

    // Something changes after the backup: a third article.
    await library.importFiles([
      {
        name: 'later.txt',
        buffer: Buffer.from('Envoys meet in Valletta\n\nVALLETTA – Envoys met on Monday.\n'),
      },
    ]);
    await expect(library.articles).toHaveCount(3);
    await library.closeReport();

    await data.open();
    await data.chooseBackup(saved.name, saved.text);
    await expect(data.dialog.getByRole('group', { name: 'Confirm restore' })).toContainText(
      '2 articles, 0 highlights and 0 article notes',
    );
    await data.dialog.getByRole('button', { name: 'Replace everything' }).click();
    await expect(data.status).toHaveText('Restored 2 articles, 0 highlights and 0 article notes.');
    await expect(library.articles).toHaveCount(2);

    // Nothing was lost or added: a new backup holds the same tables.
    const again = await data.backup();
    expect(comparable(again.text)).toEqual(comparable(saved.text));
  });

  test('a damaged or foreign file is refused with a clear message and changes nothing', async ({
    app,
  }) => {
    const data = new DataDialog(app.page);
    const library = new LibraryPage(app.page);
    await new MeetingsPage(app.page).settled();
    await library.open();
    await data.open();
    const saved = await data.backup();

    await data.chooseBackup('cut-short.json', saved.text.slice(0, saved.text.length / 2));
    await expect(data.alert).toHaveText(
      /not valid JSON: it may be damaged or incomplete\. Nothing was changed\./,
    );
    await expect(data.dialog.getByRole('button', { name: 'Replace everything' })).toHaveCount(0);

    await data.chooseBackup('notes.json', JSON.stringify({ hello: 'world' }));
    await expect(data.alert).toHaveText('This file is not a Readout backup. Nothing was changed.');

    const bad = JSON.parse(saved.text) as BackupFile;
    bad.tables.articles[0].text = 42 as unknown as string;
    await data.chooseBackup('tampered.json', JSON.stringify(bad));
    await expect(data.alert).toHaveText(
      /This backup is damaged \(articles\[0\]\.text: .*\)\. Nothing was changed\./,
    );

    const crafted = JSON.parse(saved.text) as BackupFile;
    crafted.tables.plugins = [{ id: 'p1', code: 'alert(1)' }];
    await data.chooseBackup('crafted-table.json', JSON.stringify(crafted));
    await expect(data.alert).toHaveText(
      'This backup holds data this version of Readout does not know ("plugins"). Nothing was changed.',
    );

    const polluted = saved.text.replace('"title":', '"__proto__":{"isAdmin":true},"title":');
    expect(polluted).not.toBe(saved.text);
    await data.chooseBackup('proto.json', polluted);
    await expect(data.alert).toHaveText(
      'This backup is damaged (it holds a "__proto__" key). Nothing was changed.',
    );

    const oversized = JSON.parse(saved.text) as BackupFile;
    oversized.tables.articleNotes = [
      {
        articleId: oversized.tables.articles[0].id,
        text: 'x'.repeat(300_000),
        tags: [],
        updatedAt: 1_700_000_000_000,
      },
    ];
    await data.chooseBackup('oversized.json', JSON.stringify(oversized));
    await expect(data.alert).toHaveText(
      /^This backup is damaged \(articleNotes\[0\]\.text: .*\)\. Nothing was changed\.$/,
    );

    await expect(data.dialog.getByRole('button', { name: 'Replace everything' })).toHaveCount(0);
    await expect(library.articles).toHaveCount(2);
    const after = await data.backup();
    expect(comparable(after.text)).toEqual(comparable(saved.text));
  });

  test('a backup carrying planted meetings and a note that used to crash restores safely', async ({
    app,
  }) => {
    const data = new DataDialog(app.page);
    const library = new LibraryPage(app.page);
    const meetings = new MeetingsPage(app.page);
    await meetings.settled();
    await meetings.open();
    const found = await meetings.items.count();
    expect(found).toBeGreaterThan(0);

    await data.open();
    const backup = JSON.parse((await data.backup()).text) as BackupFile;
    // An older backup format carried the derived meetings and their fingerprint: plant some.
    backup.tables.meetings = [{ id: 'planted', title: 42, status: 'held', mentions: 'none' }];
    backup.tables.meta.push({ key: 'meetings.fingerprint', value: 'never re-extract' });
    const [first] = backup.tables.articles;
    backup.tables.highlights = [
      highlightOf(first, first.text.slice(0, 40).trim(), `${'>'.repeat(5000)} check`),
    ];
    await data.restore('planted.json', JSON.stringify(backup));
    await expect(data.status).toHaveText(/^Restored 2 articles, 1 highlight/);
    await data.close();

    // Meetings are found again in the restored articles; the planted one is gone.
    await meetings.settled();
    await meetings.open();
    await expect(meetings.items).toHaveCount(found);
    await library.open();
    await app.page
      .getByRole('list', { name: 'Articles' })
      .getByRole('button', { name: first.title })
      .click();
    await expect(app.page.locator('.note-preview')).toHaveCount(1);
    await expect(app.page.getByRole('alert')).toHaveCount(0);
  });

  test('cancelling a restore changes nothing', async ({ app }) => {
    const data = new DataDialog(app.page);
    const library = new LibraryPage(app.page);
    await data.open();
    const saved = JSON.parse((await data.backup()).text) as BackupFile;
    saved.tables.articles = [];
    await data.chooseBackup('empty.json', JSON.stringify(saved));
    await data.dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(data.dialog.getByRole('group', { name: 'Confirm restore' })).toHaveCount(0);
    await expect(library.articles).toHaveCount(2);
  });
});

test.describe('annotation exports', () => {
  test('exports annotations as Markdown and as W3C Web Annotation JSON', async ({ app }) => {
    const data = new DataDialog(app.page);
    await data.open();
    const backup = JSON.parse((await data.backup()).text) as BackupFile;
    const [first] = backup.tables.articles;
    const quote = first.text.slice(0, 80).trim();
    backup.tables.highlights = [highlightOf(first, quote, 'Who briefed the press?', ['moscow'])];
    await data.restore('annotated.json', JSON.stringify(backup));
    await expect(data.status).toHaveText(/^Restored/);

    const md = await data.download('Export annotations (Markdown)');
    expect(md.name).toMatch(/\.md$/);
    expect(md.text).toContain(`## ${first.title}`);
    expect(md.text).toContain('— **Purpose**');
    expect(md.text).toContain('Who briefed the press?');
    expect(md.text).toContain('Tags: `moscow`');

    const anno = await data.download('Export annotations (Web Annotation JSON)');
    expect(anno.name).toMatch(/\.jsonld$/);
    const doc = JSON.parse(anno.text) as {
      '@context': string;
      type: string;
      first: {
        items: { type: string; target: { source: string; selector: { type: string }[] } }[];
      };
    };
    expect(doc['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(doc.type).toBe('AnnotationCollection');
    expect(doc.first.items).toHaveLength(1);
    expect(doc.first.items[0].target.source).toBe(`urn:readout:article:${first.id}`);
    expect(doc.first.items[0].target.selector.map(s => s.type)).toEqual([
      'TextQuoteSelector',
      'TextPositionSelector',
    ]);
  });
});
