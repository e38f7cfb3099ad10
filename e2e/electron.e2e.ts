/**
 * The desktop app itself, launched by Playwright: first run, the analyst's work surviving a
 * restart, and a briefing saved through main's save dialog (stubbed in main, the one place a
 * test may mock: the native dialog cannot be driven). Runs where an Electron runtime is
 * installed; elsewhere every test is reported as skipped with the reason.
 *
 * `READOUT_APP` may name a packaged test build (`npm run dist:test`) to run the same specs
 * against it; by default they launch the built sources (`out/`).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { electronExecutable, NO_ELECTRON_REASON } from './electron-runtime';
import { DeskPage } from './pages/desk';
import { LibraryPage } from './pages/library';
import { MeetingsPage } from './pages/meetings';

const packaged = process.env.READOUT_APP;
const executablePath = packaged ?? electronExecutable();
const MOSCOW = /^Iranian Defense Minister/;

/** Launches the app on `profile` and waits for the library to show the seeds. */
async function launch(profile: string): Promise<{ app: ElectronApplication; window: Page }> {
  const app = await _electron.launch({
    executablePath: executablePath!,
    args: [...(packaged ? [] : [resolve(__dirname, '..')]), `--profile=${profile}`],
  });
  const window = await app.firstWindow();
  await expect(new LibraryPage(window).articles).toHaveCount(2);
  return { app, window };
}

const freshProfile = () => mkdtempSync(join(tmpdir(), 'readout-profile-'));

test.describe('desktop app', () => {
  test.skip(!executablePath, NO_ELECTRON_REASON);

  test('first run imports the seeds; a restart keeps them and imports nothing twice', async () => {
    const profile = freshProfile();
    let { app, window } = await launch(profile);
    const library = new LibraryPage(window);
    await library.article(MOSCOW).click();
    await expect(library.readerText).toContainText('TEHRAN – Iranian Defense Minister');
    // The page runs sandboxed: no Node, no require, only the preload's named functions.
    expect(
      await window.evaluate(() => ({
        require: typeof (window as { require?: unknown }).require,
        process: typeof (window as { process?: unknown }).process,
      })),
    ).toEqual({ require: 'undefined', process: 'undefined' });
    await app.close();

    ({ app, window } = await launch(profile));
    await expect(new LibraryPage(window).articles).toHaveCount(2);
    await app.close();
  });

  test('a highlight and its note survive a restart', async () => {
    const profile = freshProfile();
    let { app, window } = await launch(profile);
    let desk = new DeskPage(window);
    await desk.open(MOSCOW);
    await desk.highlight('scheduled to meet in Moscow on April 25', 'Date & place');
    await desk.writeNote(desk.noteField, 'Check the date against the Kremlin readout.');
    await app.close();

    ({ app, window } = await launch(profile));
    desk = new DeskPage(window);
    await desk.open(MOSCOW);
    await expect(desk.marksOf('scheduled to meet in Moscow on April 25')).toHaveCount(1);
    await expect(desk.item('scheduled to meet in Moscow')).toContainText(
      'Check the date against the Kremlin readout.',
    );
    await app.close();
  });

  test('saves a one-page briefing where the save dialog points', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'readout-briefings-'));
    const target = join(folder, 'moscow.pdf');
    const { app, window } = await launch(freshProfile());
    await app.evaluate(({ dialog }, filePath) => {
      dialog.showSaveDialog = (() =>
        Promise.resolve({ canceled: false, filePath })) as typeof dialog.showSaveDialog;
    }, target);

    const exporter = await new MeetingsPage(window).openExport(/25 Apr 2023/);
    await exporter.getByRole('button', { name: 'Save PDF…' }).click();
    await expect(exporter.getByRole('status')).toHaveText(`Saved to ${target}`);

    expect(existsSync(target)).toBe(true);
    expect(readFileSync(target).subarray(0, 5).toString()).toBe('%PDF-');
    expect(execFileSync('pdfinfo', [target]).toString()).toMatch(/^Pages:\s+1$/m);
    expect(execFileSync('pdftotext', [target, '-']).toString()).toContain('Hulusi Akar');
    await app.close();
  });
});
