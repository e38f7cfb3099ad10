/**
 * Automatic backups end to end: the schedule takes one after the analyst's work changes, the Data
 * dialog lists it, and restoring it brings back work deleted since. Playwright's clock stands in
 * for the minutes the schedule waits (time still flows; `fastForward` jumps), so the app needs no
 * test-only switch.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { autoBackupId } from '../src-main/contract/auto-backup';
import { expect, test } from './fixtures';
import { DataDialog } from './pages/data';
import { DeskPage } from './pages/desk';
import { LibraryPage } from './pages/library';

const MOSCOW = /^The defense ministers/;
const QUOTE = 'scheduled to meet in Moscow on April 25';

test.describe('automatic backups', () => {
  test('a backup taken on schedule brings back work deleted since', async ({ app }) => {
    const { page } = app;
    await page.clock.install();
    await page.reload();
    const desk = new DeskPage(page);
    const data = new DataDialog(page);
    const articleNote = desk.panel.getByRole('textbox', { name: 'Article note' });
    await desk.open(MOSCOW);
    await desk.highlight(QUOTE, 'Date & place');
    await desk.writeNote(desk.noteField, 'Check the date against the Kremlin readout.');
    await desk.writeNote(articleNote, 'Four-way talks.');

    // Past the two quiet minutes and the ten minutes between backups: one is taken.
    await page.clock.fastForward('11:00');
    await data.open();
    await expect(data.autoBackups.first()).toContainText('1 highlight · 2 notes · 0 decisions');
    const axe = await new AxeBuilder({ page }).include('dialog').analyze();
    const serious = axe.violations.filter(v => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map(v => `${v.id}: ${v.nodes.map(n => n.target).join(', ')}`)).toEqual([]);
    await data.close();

    // The analyst deletes the highlight and rewrites the article note.
    await desk.item(QUOTE).click();
    await desk.panel.getByRole('button', { name: 'Delete highlight' }).click();
    await expect(desk.marks).toHaveCount(0);
    await desk.writeNote(articleNote, 'Never mind.');

    await data.open();
    await data.chooseAutoBackup(
      data.autoBackups.filter({ hasText: '1 highlight · 2 notes · 0 decisions' }).first(),
    );
    const confirm = data.dialog.getByRole('group', { name: 'Confirm restore' });
    await expect(confirm).toContainText(
      'Replace your highlights, notes, tags, trash, meeting decisions, meeting notes and what you marked on articles',
    );
    await expect(confirm).toContainText('The articles themselves stay as they are.');
    await confirm.getByRole('button', { name: 'Replace my work' }).click();
    await expect(data.status).toHaveText(
      // The article was open long enough to count as read: that is kept too.
      /^Restored your work as it was on .+: 1 highlight, 2 notes, 0 meeting decisions and 1 article read or edited\.$/,
    );
    // The work the restore replaced was backed up first, so the restore can be undone too.
    await expect(data.autoBackups.first()).toContainText(
      '0 highlights · 1 note · 0 decisions · 1 in trash',
    );
    await data.close();

    await expect(desk.marksOf(QUOTE)).toHaveCount(1);
    await expect(articleNote).toHaveValue('Four-way talks.');
    await expect(desk.item(QUOTE)).toContainText('Check the date against the Kremlin readout.');
    await expect(new LibraryPage(page).articles).toHaveCount(2);
  });

  test('a damaged automatic backup is refused with a clear message and changes nothing', async ({
    app,
    preview,
  }) => {
    const { page } = app;
    const desk = new DeskPage(page);
    const data = new DataDialog(page);
    await desk.open(MOSCOW);
    await desk.highlight(QUOTE, 'Date & place');

    // Two files older than anything the schedule writes: one cut short, one with a bad record.
    const hour = 3600_000;
    const cutShort = autoBackupId(Date.now() - 2 * hour);
    const tamperedAt = Date.now() - hour;
    const tampered = autoBackupId(tamperedAt);
    const text = JSON.stringify({
      format: 'readout-backup',
      version: 1,
      scope: 'work',
      exportedAt: new Date().toISOString(),
      schemaVersion: 3,
      fingerprint: '0'.repeat(64),
      tables: {
        highlights: [{ id: 'h', articleId: 'a', colour: 'red' }],
        articleNotes: [],
        trash: [],
        meetingDecisions: [],
        meta: [],
      },
    });
    mkdirSync(preview.backupsDir, { recursive: true });
    const files = [cutShort, tampered].map(id => join(preview.backupsDir, `${id}.json`));
    writeFileSync(files[0], text.slice(0, 50));
    writeFileSync(files[1], text);
    try {
      await data.open();
      const damaged = data.autoBackups.filter({ hasText: 'Damaged: not valid JSON' });
      await expect(damaged).toHaveCount(1);
      await expect(damaged.getByRole('button')).toHaveCount(0);

      const time = page.locator(`time[datetime="${new Date(tamperedAt).toISOString()}"]`);
      await data.chooseAutoBackup(data.autoBackups.filter({ has: time }));
      await expect(data.alert).toHaveText(
        /^This backup is damaged \(highlights\[0\]\.\w+: .+\)\. Nothing was changed\.$/,
      );
      await expect(data.dialog.getByRole('group', { name: 'Confirm restore' })).toHaveCount(0);
      await data.close();
      await expect(desk.marksOf(QUOTE)).toHaveCount(1);
    } finally {
      files.forEach(file => rmSync(file, { force: true }));
    }
  });
});
