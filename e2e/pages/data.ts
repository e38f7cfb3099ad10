import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';

/** The "Data" dialog: annotation exports, backup and restore, automatic backups. */
export class DataDialog {
  readonly dialog: Locator;
  readonly status: Locator;
  readonly alert: Locator;
  /** The automatic backups, newest first. */
  readonly autoBackups: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Your data' });
    this.status = this.dialog.getByRole('status');
    this.alert = this.dialog.getByRole('alert');
    this.autoBackups = this.dialog
      .getByRole('list', { name: 'Automatic backups' })
      .getByRole('listitem');
  }

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Data', exact: true }).click();
    await this.dialog.waitFor();
  }

  async close(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Close' }).click();
    await this.dialog.waitFor({ state: 'hidden' });
  }

  /** Clicks a button that downloads a file and returns the file's name and text. */
  async download(button: string): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.dialog.getByRole('button', { name: button }).click(),
    ]);
    const path = await download.path();
    return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
  }

  async backup(): Promise<{ name: string; text: string }> {
    return this.download('Back up everything…');
  }

  /** Picks a backup file; a valid one then waits for confirmation. */
  async chooseBackup(name: string, text: string): Promise<void> {
    await this.dialog.getByLabel('Choose a backup file').setInputFiles({
      name,
      mimeType: 'application/json',
      buffer: Buffer.from(text, 'utf8'),
    });
  }

  /** Asks to restore the automatic backup listed as `entry`; a good one waits for confirmation. */
  async chooseAutoBackup(entry: Locator): Promise<void> {
    await entry.getByRole('button', { name: /^Restore the automatic backup of / }).click();
  }

  async restore(name: string, text: string): Promise<void> {
    await this.chooseBackup(name, text);
    await this.dialog.getByRole('button', { name: 'Replace everything' }).click();
  }

  /** Waits until a running restore's status ("Restoring… 1,000 of 3,600 records") counts `records`. */
  async waitForRestoreProgress(records: number): Promise<void> {
    await expect
      .poll(
        async () => {
          const match = /^Restoring… ([\d,]+) of/.exec((await this.status.textContent()) ?? '');
          return match ? Number(match[1].replace(/,/g, '')) : 0;
        },
        { intervals: [20] },
      )
      .toBeGreaterThanOrEqual(records);
  }
}
