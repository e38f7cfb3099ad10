import { expect, type Locator, type Page } from '@playwright/test';

export interface FilePayload {
  name: string;
  buffer: Buffer;
}

/**
 * Waits, up to 50 minutes, until the import report's heading reads `text`, checking the page
 * four times a second with one cheap query. For the specs that count the page's long tasks:
 * a failing `toHaveText` retry builds an accessibility snapshot of the page for its message,
 * which on a long library list is itself a main-thread task of up to 200 ms.
 */
export async function waitForReport(page: Page, text: string): Promise<void> {
  await page.waitForFunction(
    expected =>
      document.querySelector('section[aria-label="Import report"] h2')?.textContent === expected,
    text,
    { timeout: 50 * 60_000, polling: 250 },
  );
}

/** The library, reader and import controls, found by role and accessible name. */
export class LibraryPage {
  readonly articles: Locator;
  readonly readerTitle: Locator;
  readonly readerText: Locator;
  readonly importReport: Locator;
  readonly importProgress: Locator;

  constructor(readonly page: Page) {
    this.articles = page.getByRole('list', { name: 'Articles' }).getByRole('button');
    this.readerTitle = page.getByRole('article').getByRole('heading', { level: 1 });
    this.readerText = page.getByTestId('article-text');
    this.importReport = page.getByRole('region', { name: 'Import report' });
    this.importProgress = page.getByRole('progressbar', { name: 'Import progress' });
  }

  article(title: RegExp): Locator {
    return this.articles.filter({ hasText: title });
  }

  async open(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Views' })
      .getByRole('button', { name: 'Library' })
      .click();
  }

  /** Picks a real folder on disk in the folder picker, as an analyst would. */
  async importFolder(dir: string): Promise<void> {
    await this.page.getByLabel('Choose a folder of articles').setInputFiles(dir);
  }

  async importFiles(files: FilePayload[]): Promise<void> {
    await this.upload('Choose article files', files);
  }

  private async upload(label: string, files: FilePayload[]): Promise<void> {
    await this.page
      .getByLabel(label)
      .setInputFiles(files.map(f => ({ name: f.name, mimeType: 'text/plain', buffer: f.buffer })));
  }

  /** Waits until the running import's progress bar has counted at least `files` files read. */
  async waitForProgress(files: number): Promise<void> {
    await expect
      .poll(async () => Number((await this.importProgress.getAttribute('value')) ?? 0), {
        intervals: [20],
      })
      .toBeGreaterThanOrEqual(files);
  }

  async closeReport(): Promise<void> {
    await this.page.getByRole('button', { name: 'Close import report' }).click();
  }
}
