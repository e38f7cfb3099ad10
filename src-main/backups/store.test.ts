import {
  promises as fsp,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { rm, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { autoBackupId, type AutoBackupEntry } from '../contract/auto-backup';
import { ServiceError } from '../service-error';
import { createBackupStore, parseWorkBackup } from './store';

let root: string;
let dir: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'readout-backups-'));
  dir = join(root, 'backups');
});

afterEach(async () => {
  vi.restoreAllMocks();
  await rm(root, { recursive: true, force: true });
});

/** A work backup as the renderer writes one, with `n` highlights. */
function workText(n: number, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    format: 'readout-backup',
    version: 1,
    scope: 'work',
    exportedAt: '2025-03-01T10:00:00.000Z',
    schemaVersion: 3,
    fingerprint: n.toString(16).padStart(64, '0'),
    tables: {
      highlights: Array.from({ length: n }, (_, i) => ({
        id: `h${i}`,
        articleId: 'a',
        note: i === 0 ? 'Who said so?' : '',
      })),
      articleNotes: [{ articleId: 'a', text: 'Note', tags: [] }],
      trash: [],
      meetingDecisions: [{ id: 'd1' }, { id: 'd2' }],
      meta: [
        { key: 'colours', value: ['Main'] },
        { key: 'meeting-note:m1', value: 'Ask about the venue' },
        { key: 'meeting-note:m2', value: '  ' },
      ],
    },
    ...extra,
  });
}

/** A clock that moves one minute on every reading, as far apart as real backups are. */
function ticking(start = Date.UTC(2025, 2, 1, 10)) {
  let t = start;
  return () => (t += 60_000);
}

/** A work backup holding nothing at all, as a wiped database would make. */
function emptyWorkText(fingerprint = 'e'.repeat(64)): string {
  return JSON.stringify({
    ...(JSON.parse(workText(0)) as object),
    fingerprint,
    tables: { highlights: [], articleNotes: [], trash: [], meetingDecisions: [], meta: [] },
  });
}

async function refusal(promise: Promise<unknown>): Promise<ServiceError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ServiceError);
  return error as ServiceError;
}

const okEntries = (backups: AutoBackupEntry[]) => backups.filter(b => b.state === 'ok');

describe('createBackupStore', () => {
  it('lists nothing, without failing, before the folder exists', async () => {
    const store = createBackupStore({ dir });
    expect(await store.list()).toEqual({ folder: dir, backups: [] });
  });

  it('writes a backup named from its own clock and lists it with its counts', async () => {
    const store = createBackupStore({ dir, now: () => Date.UTC(2025, 2, 1, 10, 30, 0, 123) });
    const text = workText(3);
    const entry = await store.write(text);
    expect(entry).toEqual({
      state: 'ok',
      id: 'auto-2025-03-01T10-30-00-123Z',
      createdAt: Date.UTC(2025, 2, 1, 10, 30, 0, 123),
      size: Buffer.byteLength(text),
      fingerprint: '3'.padStart(64, '0'),
      counts: {
        highlights: 3,
        highlightNotes: 1,
        articleNotes: 1,
        meetingNotes: 1,
        decisions: 2,
        trash: 0,
        articleStates: 0,
      },
    });
    expect(readdirSync(dir)).toEqual(['auto-2025-03-01T10-30-00-123Z.json']);
    expect(readFileSync(join(dir, 'auto-2025-03-01T10-30-00-123Z.json'), 'utf8')).toBe(text);
    expect((await store.list()).backups).toEqual([entry]);
    expect(await store.read(entry.id)).toEqual({ id: entry.id, text });
  });

  it('lists newest first and leaves no temporary files behind', async () => {
    const store = createBackupStore({ dir, now: ticking() });
    for (let n = 1; n <= 3; n++) await store.write(workText(n));
    const { backups } = await store.list();
    expect(okEntries(backups).map(b => b.counts.highlights)).toEqual([3, 2, 1]);
    expect(readdirSync(dir).every(name => /^auto-[\dTZ-]+\.json$/.test(name))).toBe(true);
  });

  it('gives two backups made in the same millisecond different files', async () => {
    const store = createBackupStore({ dir, now: () => Date.UTC(2025, 2, 1) });
    const [a, b] = await Promise.all([store.write(workText(1)), store.write(workText(2))]);
    expect(a.id).not.toBe(b.id);
    expect((await store.list()).backups).toHaveLength(2);
  });

  it.each([
    ['text that is not JSON', '{"format": "readout-backup", "tab', /not valid JSON/],
    ['a foreign JSON file', '{"hello": "world"}', /not a Readout backup/],
    ['a full backup', workText(1, { scope: 'all' }), /not a well-formed work backup/],
    ['a backup from a newer Readout', workText(1, { version: 99 }), /newer version/],
    ['a bad fingerprint', workText(1, { fingerprint: '../x' }), /not a well-formed/],
  ])('refuses %s and writes nothing', async (_title, text, message) => {
    const store = createBackupStore({ dir });
    const error = await refusal(store.write(text));
    expect(error.code).toBe('invalid-argument');
    expect(error.message).toMatch(message);
    expect((await store.list()).backups).toEqual([]);
  });

  it('refuses a work backup that smuggles in the articles', async () => {
    const text = workText(1);
    const parsed = JSON.parse(text) as { tables: Record<string, unknown> };
    parsed.tables.articles = [{ id: 'a', text: 'x'.repeat(100) }];
    const error = await refusal(createBackupStore({ dir }).write(JSON.stringify(parsed)));
    expect(error.code).toBe('invalid-argument');
  });

  it('refuses text over the size limit', async () => {
    const huge = workText(1).replace('"Note"', `"${'é'.repeat(17 * 1024 * 1024)}"`);
    const error = await refusal(createBackupStore({ dir }).write(huge));
    expect(error.message).toMatch(/32 MiB/);
  });

  it.each([
    '../auto-2025-03-01T10-30-00-123Z',
    'auto-2025-03-01T10-30-00-123Z/../../secret',
    'auto-2025-03-01T10-30-00-123Z.json',
    '/etc/passwd',
    'auto-2025-13-01T10-30-00-123Z',
    '',
  ])('refuses to read %j', async id => {
    writeFileSync(join(root, 'secret.json'), 'TOP SECRET');
    const error = await refusal(createBackupStore({ dir }).read(id));
    expect(error.code).toBe('invalid-argument');
  });

  it('answers not-found for a backup that is not there', async () => {
    const error = await refusal(createBackupStore({ dir }).read(autoBackupId(Date.UTC(2025, 0))));
    expect(error.code).toBe('not-found');
  });

  it('lists damaged files as damaged, ignores foreign ones, and never fails', async () => {
    const store = createBackupStore({ dir, now: ticking() });
    const good = await store.write(workText(2));
    const name = (time: number) => `${autoBackupId(time)}.json`;
    writeFileSync(join(dir, name(Date.UTC(2025, 1, 1))), workText(1).slice(0, 40));
    writeFileSync(join(dir, name(Date.UTC(2025, 1, 2))), '{"hello": "world"}');
    writeFileSync(join(root, 'outside.json'), workText(5));
    symlinkSync(join(root, 'outside.json'), join(dir, name(Date.UTC(2025, 1, 3))));
    mkdirSync(join(dir, name(Date.UTC(2025, 1, 4))));
    writeFileSync(join(dir, 'notes.txt'), 'the analyst’s own file');
    writeFileSync(join(dir, 'auto-yesterday.json'), workText(1));
    writeFileSync(join(dir, `.${name(Date.UTC(2025, 1, 5))}.0a1b2c.tmp`), '{"form');

    const { backups } = await store.list();
    expect(backups.map(b => (b.state === 'ok' ? 'ok' : b.reason))).toEqual([
      'ok',
      'not a regular file', // the folder
      'not a regular file', // the symbolic link, not followed
      'not a Readout backup',
      'not valid JSON (cut short or damaged)',
    ]);
    expect(backups[0]).toEqual(good);
    const link = autoBackupId(Date.UTC(2025, 1, 3));
    expect((await refusal(store.read(link))).code).toBe('io');
  });

  it(
    'keeps the ten newest and one a day for a week, pruning the rest as it writes',
    { timeout: 30_000 },
    async () => {
      // A backup every three hours for ten days.
      let now = new Date(2025, 2, 1, 0, 30).getTime();
      const store = createBackupStore({ dir, now: () => now });
      for (let i = 0; i < 80; i++) {
        await store.write(workText(i));
        now += 3 * 3600_000;
      }
      const { backups } = await store.list();
      expect(backups.every(b => b.state === 'ok')).toBe(true);
      const days = new Set(backups.map(b => new Date(b.createdAt).getDate()));
      expect(backups.length).toBeGreaterThanOrEqual(10);
      expect(backups.length).toBeLessThanOrEqual(17);
      // The ten newest are all there…
      expect(
        okEntries(backups)
          .slice(0, 10)
          .map(b => b.counts.highlights),
      ).toEqual([79, 78, 77, 76, 75, 74, 73, 72, 71, 70]);
      // …and each of the seven days up to today has one.
      expect([...days].sort((a, b) => a - b)).toEqual([4, 5, 6, 7, 8, 9, 10]);
    },
  );

  it('keeps the backup it just wrote when the clock has stepped back behind older backups', async () => {
    let now = new Date(2025, 2, 1, 15).getTime();
    const store = createBackupStore({ dir, now: () => now });
    for (let i = 0; i < 10; i++) {
      await store.write(workText(i));
      now += 60_000;
    }
    now -= 4 * 3600_000; // the clock is corrected four hours back
    const written = await store.write(workText(42));
    const { backups } = await store.list();
    expect(backups.map(b => b.id)).toContain(written.id);
    expect(backups).toHaveLength(11);
    expect((await store.read(written.id)).text).toBe(workText(42));
  });

  it('notices a backup damaged after it was listed', async () => {
    const store = createBackupStore({ dir, now: ticking() });
    const written = await store.write(workText(3));
    expect((await store.list()).backups[0]).toMatchObject({ id: written.id, state: 'ok' });
    writeFileSync(join(dir, `${written.id}.json`), '{"cut short');
    expect((await store.list()).backups[0]).toMatchObject({ id: written.id, state: 'damaged' });
  });

  it('hands out only work backups, whatever else sits in the folder under a backup name', async () => {
    const store = createBackupStore({ dir, now: ticking() });
    await store.write(workText(1));
    const id = autoBackupId(Date.UTC(2025, 1, 4));
    writeFileSync(join(dir, `${id}.json`), '{"format":"something-else"}');
    const error = await refusal(store.read(id));
    expect(error.code).toBe('invalid-argument');
    expect(error.message).toBe('That automatic backup is not a Readout backup.');
  });

  it('prunes a damaged file once it would have aged out as a healthy one, not before', async () => {
    let now = Date.UTC(2025, 2, 1);
    const store = createBackupStore({
      dir,
      now: () => now,
      retention: { recent: 2, days: 0 },
      writeLimit: { writes: 10, perMs: 1000 },
    });
    mkdirSync(dir);
    const old = `${autoBackupId(now - 1000)}.json`;
    writeFileSync(join(dir, old), 'damaged');
    await store.write(workText(1));
    expect(readdirSync(dir)).toContain(old);
    now += 1000;
    await store.write(workText(2));
    expect(readdirSync(dir)).not.toContain(old);
    now += 1000;
    await store.write(workText(3));
    expect((await store.list()).backups).toHaveLength(2);
  });

  it('refuses a backup of empty work and keeps the real ones', async () => {
    const store = createBackupStore({ dir, now: ticking() });
    const real = await store.write(workText(2));
    const error = await refusal(store.write(emptyWorkText()));
    expect(error).toMatchObject({ code: 'invalid-argument', message: /holds no work/ });
    expect((await store.list()).backups.map(b => b.id)).toEqual([real.id]);
  });

  it('accepts at most two writes a minute, however fast the page asks', async () => {
    let now = new Date(2025, 2, 1, 9).getTime();
    const store = createBackupStore({ dir, now: () => now });
    const outcomes: string[] = [];
    for (let i = 1; i <= 10; i++) {
      outcomes.push(
        await store.write(workText(i)).then(
          () => 'saved',
          (e: unknown) => (e instanceof ServiceError ? e.code : String(e)),
        ),
      );
      now += 4; // ten writes in 40 ms
    }
    expect(outcomes).toEqual(['saved', 'saved', ...Array<string>(8).fill('forbidden')]);
    expect((await store.list()).backups).toHaveLength(2);
    now += 60_000;
    await expect(store.write(workText(11))).resolves.toMatchObject({ state: 'ok' });
  });

  it('keeps the day’s real backups through a flood of writes from a compromised page', async () => {
    // Five genuine backups this morning, an hour apart…
    let now = new Date(2025, 2, 10, 8).getTime();
    const store = createBackupStore({ dir, now: () => now });
    const genuine = [];
    for (let i = 1; i <= 5; i++) {
      genuine.push((await store.write(workText(i))).id);
      now += 3600_000;
    }
    // …then ten empty writes in 39 ms, and a minute of full ones as fast as main allows.
    for (let i = 0; i < 10; i++) {
      await store.write(emptyWorkText(i.toString(16).padStart(64, 'f'))).catch(() => undefined);
      now += 4;
    }
    for (let i = 0; i < 30; i++) {
      await store.write(workText(100 + i)).catch(() => undefined);
      now += 2000;
    }
    const ids = (await store.list()).backups.map(b => b.id);
    expect(ids).toEqual(expect.arrayContaining(genuine));
  });

  it('keeps the newest non-empty backup of each of the last seven days, not an empty one after it', async () => {
    mkdirSync(dir);
    // Days 1–7: each ends with a real backup at noon and an empty one (an older Readout's) at 18:00.
    const day = (d: number, h: number) => new Date(2025, 2, d, h).getTime();
    for (let d = 1; d <= 7; d++) {
      writeFileSync(join(dir, `${autoBackupId(day(d, 12))}.json`), workText(d));
      writeFileSync(join(dir, `${autoBackupId(day(d, 18))}.json`), emptyWorkText());
    }
    let now = day(7, 20);
    const store = createBackupStore({ dir, now: () => now });
    // Ten new backups this evening push out everything that is only "recent".
    for (let i = 0; i < 10; i++) {
      await store.write(workText(50 + i));
      now += 60_000;
    }
    const kept = new Set((await store.list()).backups.map(b => b.id));
    for (let d = 1; d <= 6; d++) expect(kept).toContain(autoBackupId(day(d, 12)));
    for (let d = 1; d <= 6; d++) expect(kept).not.toContain(autoBackupId(day(d, 18)));
  });

  it.skipIf(process.platform === 'win32')(
    'flushes the backup file and then the backups folder to disk before answering',
    async () => {
      const store = createBackupStore({ dir, now: ticking() });
      await store.list();
      mkdirSync(dir);
      const probe = await fsp.open(join(dir, 'probe'), 'w');
      const fileHandle = Object.getPrototypeOf(probe) as { sync: () => Promise<void> };
      await probe.close();
      await rm(join(dir, 'probe'));
      const opened = new Map<number, string>();
      const synced: string[] = [];
      const realOpen = fsp.open.bind(fsp);
      const realSync = fileHandle.sync;
      vi.spyOn(fsp, 'open').mockImplementation(async (...args) => {
        const handle = await realOpen(...args);
        opened.set(handle.fd, String(args[0]));
        return handle;
      });
      vi.spyOn(fileHandle, 'sync').mockImplementation(async function (this: FileHandle) {
        synced.push(opened.get(this.fd) ?? '?');
        return realSync.call(this);
      });
      const entry = await store.write(workText(1));
      expect(synced).toHaveLength(2);
      expect(synced[0]).toMatch(new RegExp(`\\.${entry.id}\\.json\\.[0-9a-f]+\\.tmp$`));
      expect(synced[1]).toBe(dir);
    },
  );

  it('says so when the folder cannot be created', async () => {
    writeFileSync(dir, 'a file where the folder should be');
    const error = await refusal(createBackupStore({ dir }).write(workText(1)));
    expect(error.code).toBe('io');
    expect(error.message).toMatch(/backups folder cannot be created/);
  });
});

describe('parseWorkBackup', () => {
  it('accepts a backup without the tables older versions did not have', () => {
    const parsed = JSON.parse(workText(1)) as { tables: Record<string, unknown> };
    delete parsed.tables.trash;
    delete parsed.tables.meetingDecisions;
    expect(parseWorkBackup(JSON.stringify(parsed)).ok).toBe(true);
  });
});
