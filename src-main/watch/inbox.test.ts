import {
  appendFileSync,
  mkdirSync,
  mkdtempSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isIgnoredName, isInside, watchInbox, type Inbox } from './inbox';

const open: Inbox[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map(w => w.close()));
});

function tempFolder(): string {
  return realpathSync(mkdtempSync(join(tmpdir(), 'readout-inbox-')));
}

/** Watches `folder` with short timings and records every batch handed over. */
async function watching(folder: string, includeExisting = true) {
  const batches: string[][] = [];
  const inbox = watchInbox({
    folder,
    onFiles: paths => batches.push(paths),
    debounceMs: 150,
    stabilityMs: 300,
    includeExisting,
  });
  open.push(inbox);
  await inbox.ready;
  return batches;
}

const sleep = (ms: number) => new Promise(done => setTimeout(done, ms));

async function until(check: () => boolean, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await sleep(25);
  }
}

describe('watchInbox', () => {
  it('hands a new file over once, after the quiet spell', async () => {
    const folder = tempFolder();
    const batches = await watching(folder);
    writeFileSync(join(folder, 'talks.txt'), 'Envoys met in Oslo on Monday.');
    await until(() => batches.length > 0);
    await sleep(600);
    expect(batches).toEqual([[join(folder, 'talks.txt')]]);
  });

  it('waits for a file still being written, then hands it over whole', async () => {
    const folder = tempFolder();
    const batches = await watching(folder);
    const file = join(folder, 'download.txt');
    writeFileSync(file, 'First part.');
    for (let i = 0; i < 6; i++) {
      await sleep(120);
      expect(batches).toEqual([]); // the size keeps changing: not yet
      appendFileSync(file, ` More ${i}.`);
    }
    await until(() => batches.length > 0);
    expect(batches).toEqual([[file]]);
  });

  it('hands a changed file over again, and several new files in one batch', async () => {
    const folder = tempFolder();
    const batches = await watching(folder);
    writeFileSync(join(folder, 'a.txt'), 'One.');
    writeFileSync(join(folder, 'b.txt'), 'Two.');
    await until(() => batches.length > 0);
    expect(batches[0]).toEqual([join(folder, 'a.txt'), join(folder, 'b.txt')]);
    writeFileSync(join(folder, 'a.txt'), 'One, edited.');
    await until(() => batches.length > 1);
    expect(batches[1]).toEqual([join(folder, 'a.txt')]);
  });

  it('picks up files already there when it starts, unless told not to', async () => {
    const folder = tempFolder();
    writeFileSync(join(folder, 'old.txt'), 'Already here.');
    const batches = await watching(folder);
    await until(() => batches.length > 0);
    expect(batches).toEqual([[join(folder, 'old.txt')]]);

    const quiet = tempFolder();
    writeFileSync(join(quiet, 'old.txt'), 'Already here.');
    const none = await watching(quiet, false);
    await sleep(700);
    expect(none).toEqual([]);
  });

  it('reads only inside the folder: ignores hidden and partial files and symlinks out', async () => {
    const folder = tempFolder();
    const outside = tempFolder();
    writeFileSync(join(outside, 'secret.txt'), 'Not for the inbox.');
    const batches = await watching(folder);
    symlinkSync(join(outside, 'secret.txt'), join(folder, 'link.txt'));
    writeFileSync(join(folder, '.hidden.txt'), 'x');
    writeFileSync(join(folder, 'report.pdf.crdownload'), 'x');
    mkdirSync(join(folder, 'sub'));
    writeFileSync(join(folder, 'sub', 'inner.txt'), 'Inside, one level down.');
    await until(() => batches.length > 0);
    await sleep(600);
    expect(batches.flat()).toEqual([join(folder, 'sub', 'inner.txt')]);
  });

  it('hands nothing over once closed', async () => {
    const folder = tempFolder();
    const batches = await watching(folder);
    writeFileSync(join(folder, 'late.txt'), 'Too late.');
    await open.pop()!.close();
    await sleep(700);
    expect(batches).toEqual([]);
    rmSync(folder, { recursive: true });
  });

  it('throws when the folder does not exist', () => {
    expect(() =>
      watchInbox({ folder: join(tempFolder(), 'missing'), onFiles: () => {} }),
    ).toThrow();
  });
});

describe('isIgnoredName', () => {
  it('ignores hidden, temporary and partial downloads, not articles', () => {
    for (const name of ['.DS_Store', '~$report.docx', 'a.txt~', 'x.part', 'y.crdownload', 'z.tmp'])
      expect(isIgnoredName(name), name).toBe(true);
    for (const name of ['talks.txt', 'brief.md', 'page.html'])
      expect(isIgnoredName(name)).toBe(false);
  });
});

describe('isInside', () => {
  it('says whether a path lies below a folder', () => {
    expect(isInside('/in', '/in/a.txt')).toBe(true);
    expect(isInside('/in', '/in')).toBe(false);
    expect(isInside('/in', '/inbox/a.txt')).toBe(false);
    expect(isInside('/in', '/in/../etc/passwd')).toBe(false);
  });
});
