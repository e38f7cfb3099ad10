/**
 * The same first-run scenario against the real desktop app. Runs where an Electron runtime is
 * installed; elsewhere every test is reported as skipped with the reason.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron, expect, test } from '@playwright/test';
import { electronExecutable, NO_ELECTRON_REASON } from './electron-runtime';
import { LibraryPage } from './pages/library';

const executablePath = electronExecutable();

test.describe('desktop app', () => {
  test.skip(!executablePath, NO_ELECTRON_REASON);

  test('first run imports the seeds; a restart keeps them', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'readout-profile-'));
    const launch = () =>
      _electron.launch({
        executablePath: executablePath!,
        args: [resolve(__dirname, '..'), `--profile=${profile}`],
      });
    let app = await launch();
    let window = await app.firstWindow();
    let library = new LibraryPage(window);
    await expect(library.articles).toHaveCount(2);
    await library.article(/^Iranian Defense Minister/).click();
    await expect(library.readerText).toContainText('TEHRAN – Iranian Defense Minister');
    await app.close();

    app = await launch();
    window = await app.firstWindow();
    library = new LibraryPage(window);
    await expect(library.articles).toHaveCount(2);
    await app.close();
  });
});
