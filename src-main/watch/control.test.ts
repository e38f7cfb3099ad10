import { mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportReport } from '../contract/article';
import type { WatchImported } from '../contract/watch';
import { importPaths } from '../ingest/import';
import { createWatchControl, type WatchControl } from './control';

const controls: WatchControl[] = [];
afterEach(async () => {
  await Promise.all(controls.splice(0).map(c => c.close()));
});

const temp = (name: string) => realpathSync(mkdtempSync(join(tmpdir(), `readout-${name}-`)));

function control(
  profile: string,
  picked: string | null,
  over: { importPaths?: (p: string[]) => Promise<ImportReport> } = {},
) {
  const imported: WatchImported[] = [];
  const c = createWatchControl({
    settingsFile: join(profile, 'inbox.json'),
    pickFolder: () => Promise.resolve(picked),
    importPaths: over.importPaths ?? (paths => importPaths(paths)),
    onImported: i => imported.push(i),
    timing: { debounceMs: 100, stabilityMs: 200 },
  });
  controls.push(c);
  return { c, imported };
}

async function until(check: () => boolean, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise(done => setTimeout(done, 25));
  }
}

describe('createWatchControl', () => {
  it('watches the folder the dialog names and imports a new file there', async () => {
    const inbox = temp('inbox');
    const { c, imported } = control(temp('profile'), inbox);
    expect(c.status()).toEqual({ folder: null, state: 'off', message: null });
    expect(await c.choose()).toEqual({ folder: inbox, state: 'watching', message: null });
    writeFileSync(
      join(inbox, 'talks.txt'),
      'Harbour talks\n\nThe two envoys met in Valletta on Monday.',
    );
    await until(() => imported.length > 0);
    expect(imported[0].folder).toBe(inbox);
    expect(imported[0].report.articles.map(a => a.title)).toEqual(['Harbour talks']);
    expect(imported[0].report.errors).toEqual([]);
  });

  it('keeps a cancelled dialog from changing anything', async () => {
    const { c } = control(temp('profile'), null);
    expect(await c.choose()).toEqual({ folder: null, state: 'off', message: null });
  });

  it('watches the kept folder again when Readout starts again, until stopped', async () => {
    const profile = temp('profile');
    const inbox = temp('inbox');
    const first = control(profile, inbox);
    await first.c.choose();
    await first.c.close();
    const again = control(profile, null);
    expect((await again.c.resume()).state).toBe('watching');
    expect((await again.c.stop()).state).toBe('off');
    expect(JSON.parse(readFileSync(join(profile, 'inbox.json'), 'utf8'))).toEqual({});
    expect((await control(profile, null).c.resume()).folder).toBeNull();
  });

  it('says why when the kept folder is gone', async () => {
    const profile = temp('profile');
    const inbox = temp('inbox');
    await control(profile, inbox).c.choose();
    rmSync(inbox, { recursive: true });
    const status = await control(profile, null).c.resume();
    expect(status.state).toBe('failed');
    expect(status.folder).toBe(inbox);
    expect(status.message).toMatch(/cannot watch/);
  });

  it('reports a failed import as an error rather than losing it', async () => {
    const inbox = temp('inbox');
    const { c, imported } = control(temp('profile'), inbox, {
      importPaths: () => Promise.reject(new Error('worker stopped')),
    });
    await c.choose();
    writeFileSync(join(inbox, 'a.txt'), 'Some text.');
    await until(() => imported.length > 0);
    expect(imported[0].report.errors[0].message).toContain('worker stopped');
  });
});
