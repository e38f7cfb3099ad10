import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AutoBackupEntry, AutoBackupList } from '../../src-main/contract/auto-backup';
import type { Result } from '../../src-main/contract/result';
import { AutoBackupScheduler, DEFAULT_POLICY, type WorkSnapshot } from './scheduler';

const MINUTE = 60_000;
const START = Date.UTC(2025, 2, 1, 9);

function entry(fingerprint: string, createdAt: number): AutoBackupEntry {
  return {
    state: 'ok',
    id: 'auto-2025-03-01T09-00-00-000Z',
    createdAt,
    size: 10,
    fingerprint,
    counts: {
      highlights: 1,
      highlightNotes: 0,
      articleNotes: 0,
      meetingNotes: 0,
      decisions: 0,
      trash: 0,
      articleStates: 0,
    },
  };
}

/**
 * A scheduler on vitest's fake clock, with the work as a mutable fingerprint and main's folder
 * as a list of writes. `edit()` changes the work the way the database watch would report it.
 */
function setup(
  options: {
    work?: string;
    existing?: AutoBackupEntry[];
    list?: Result<AutoBackupList>;
    write?: (text: string) => Promise<Result<AutoBackupEntry>>;
  } = {},
) {
  let work = options.work ?? 'w0';
  let onChange: (() => void) | null = null;
  let origin = START;
  const writes: { at: number; text: string }[] = [];
  const scheduler = new AutoBackupScheduler({
    now: () => Date.now(),
    setTimer: (callback, ms) => setTimeout(callback, ms),
    clearTimer: handle => clearTimeout(handle as ReturnType<typeof setTimeout>),
    snapshot: (): Promise<WorkSnapshot> =>
      Promise.resolve({ text: `backup of ${work}`, fingerprint: work, empty: work === '' }),
    list: () =>
      Promise.resolve(
        options.list ?? { ok: true, value: { folder: '/b', backups: options.existing ?? [] } },
      ),
    write:
      options.write ??
      (text => {
        writes.push({ at: Date.now() - origin, text });
        return Promise.resolve({ ok: true, value: entry(text, Date.now()) });
      }),
    watch: listener => {
      onChange = listener;
      return () => (onChange = null);
    },
  });
  return {
    scheduler,
    writes,
    edit(next: string) {
      work = next;
      onChange?.();
    },
    watching: () => onChange !== null,
    /** Starts, lets the start check pass (the work is as backed up), and counts time from there. */
    async startSettled() {
      scheduler.start();
      await advance(DEFAULT_POLICY.startDelayMs);
      origin = Date.now();
    },
  };
}

const advance = (ms: number) => vi.advanceTimersByTimeAsync(ms);

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(START);
});

afterEach(() => vi.useRealTimers());

describe('AutoBackupScheduler', () => {
  it('backs up on start when the work differs from the newest backup', async () => {
    const { scheduler, writes } = setup({
      work: 'w1',
      existing: [entry('w0', START - 60 * MINUTE)],
    });
    scheduler.start();
    await advance(DEFAULT_POLICY.startDelayMs - 1);
    expect(writes).toEqual([]);
    await advance(1);
    expect(writes).toEqual([{ at: DEFAULT_POLICY.startDelayMs, text: 'backup of w1' }]);
    expect(scheduler.getStatus()).toMatchObject({ lastBackupAt: START + 30_000, written: 1 });
  });

  it('never backs up when nothing changed since the newest backup', async () => {
    const { scheduler, writes } = setup({ work: 'w0', existing: [entry('w0', START - MINUTE)] });
    scheduler.start();
    await advance(60 * MINUTE);
    expect(writes).toEqual([]);
  });

  it('never backs up empty work, so a wiped database does not push good backups out', async () => {
    const { scheduler, writes, edit } = setup({
      work: '',
      existing: [entry('w0', START - MINUTE)],
    });
    scheduler.start();
    await advance(60 * MINUTE);
    edit('');
    await advance(60 * MINUTE);
    expect(writes).toEqual([]);
  });

  it('waits until the work has been quiet for two minutes', async () => {
    const { startSettled, writes, edit } = setup({ existing: [entry('w0', START - 60 * MINUTE)] });
    await startSettled();
    await advance(MINUTE);
    edit('w1');
    await advance(MINUTE);
    edit('w2');
    await advance(2 * MINUTE - 1);
    expect(writes).toEqual([]);
    await advance(1);
    expect(writes).toEqual([{ at: 4 * MINUTE, text: 'backup of w2' }]);
  });

  it('backs up ten minutes after the first change even while changes keep coming', async () => {
    const { startSettled, writes, edit } = setup({ existing: [entry('w0', START - 60 * MINUTE)] });
    await startSettled();
    for (let i = 1; i <= 30; i++) {
      edit(`w${i}`);
      await advance(MINUTE / 2);
    }
    // First change at 0, every 30 s after: the deadline is 10 minutes on.
    expect(writes.map(w => w.at)).toEqual([10 * MINUTE]);
  });

  it('takes at most one backup every ten minutes', async () => {
    const { startSettled, writes, edit } = setup({ existing: [entry('w0', START - 60 * MINUTE)] });
    await startSettled();
    edit('w1');
    await advance(3 * MINUTE);
    edit('w2');
    await advance(3 * MINUTE);
    expect(writes.map(w => w.at)).toEqual([2 * MINUTE]);
    await advance(6 * MINUTE);
    expect(writes.map(w => w.at)).toEqual([2 * MINUTE, 12 * MINUTE]);
  });

  it('counts the newest backup in the folder towards that interval after a restart', async () => {
    const { scheduler, writes, edit } = setup({ existing: [entry('w0', START - 4 * MINUTE)] });
    scheduler.start();
    edit('w1');
    await advance(5 * MINUTE);
    expect(writes).toEqual([]);
    await advance(MINUTE);
    expect(writes.map(w => w.at)).toEqual([6 * MINUTE]);
  });

  it('backs up a change made while a backup was being written', async () => {
    let release: () => void = () => undefined;
    const written: string[] = [];
    const ctx = setup({
      existing: [entry('w0', START - 60 * MINUTE)],
      write: async text => {
        written.push(text);
        if (written.length === 1) await new Promise<void>(resolve => (release = resolve));
        return { ok: true, value: entry(text, Date.now()) };
      },
    });
    ctx.scheduler.start();
    ctx.edit('w1');
    await advance(2 * MINUTE);
    ctx.edit('w2'); // while the first write is still under way
    release();
    await advance(20 * MINUTE);
    expect(written).toEqual(['backup of w1', 'backup of w2']);
  });

  it('tries again after a failure, and says why it failed until then', async () => {
    let fail = true;
    const ctx = setup({
      existing: [entry('w0', START - 60 * MINUTE)],
      write: text =>
        Promise.resolve(
          fail
            ? { ok: false, error: { code: 'io', message: 'the disk is full' } }
            : { ok: true, value: entry(text, Date.now()) },
        ),
    });
    ctx.scheduler.start();
    ctx.edit('w1');
    await advance(2 * MINUTE);
    expect(ctx.scheduler.getStatus().error).toBe('the disk is full');
    fail = false;
    await advance(DEFAULT_POLICY.retryMs);
    expect(ctx.scheduler.getStatus()).toMatchObject({ error: null, written: 1 });
  });

  it('does not retry a backup main refused as such, until the work changes', async () => {
    let attempts = 0;
    const ctx = setup({
      existing: [entry('w0', START - 60 * MINUTE)],
      write: text => {
        attempts++;
        return Promise.resolve(
          text === 'backup of w1'
            ? { ok: false, error: { code: 'invalid-argument', message: 'over 32 MiB' } }
            : { ok: true, value: entry(text, Date.now()) },
        );
      },
    });
    ctx.scheduler.start();
    ctx.edit('w1');
    await advance(2 * MINUTE);
    expect(ctx.scheduler.getStatus()).toMatchObject({ error: 'over 32 MiB', nextAt: null });
    await advance(60 * MINUTE);
    expect(attempts).toBe(1);
    ctx.edit('w2');
    await advance(10 * MINUTE);
    expect(attempts).toBe(2);
    expect(ctx.scheduler.getStatus()).toMatchObject({ error: null, written: 1 });
  });

  it('clears a failure once the work is back to what is already saved', async () => {
    const ctx = setup({
      existing: [entry('w0', START - 60 * MINUTE)],
      write: () =>
        Promise.resolve({ ok: false, error: { code: 'io', message: 'the disk is full' } }),
    });
    ctx.scheduler.start();
    ctx.edit('w1');
    await advance(2 * MINUTE);
    expect(ctx.scheduler.getStatus().error).toBe('the disk is full');
    ctx.edit('w0'); // undone: the work is what the newest backup holds
    await advance(DEFAULT_POLICY.retryMs);
    expect(ctx.scheduler.getStatus().error).toBeNull();
  });

  it('does nothing at all where main keeps no backups', async () => {
    const ctx = setup({
      list: { ok: false, error: { code: 'unsupported', message: 'Not kept here.' } },
    });
    ctx.scheduler.start();
    await advance(0);
    ctx.edit('w1');
    await advance(60 * MINUTE);
    expect(ctx.writes).toEqual([]);
    expect(ctx.scheduler.getStatus().available).toBe(false);
    expect(ctx.watching()).toBe(false);
    expect(await ctx.scheduler.backupNow()).toEqual({ kind: 'unavailable' });
  });

  it('backs up now when asked, whatever the schedule, unless nothing changed', async () => {
    const ctx = setup({ work: 'w0', existing: [entry('w0', START - MINUTE)] });
    ctx.scheduler.start();
    expect(await ctx.scheduler.backupNow()).toEqual({ kind: 'unchanged' });
    ctx.edit('w1');
    expect(await ctx.scheduler.backupNow()).toMatchObject({ kind: 'written' });
    expect(ctx.writes.map(w => w.at)).toEqual([0]);
    // The change it saved is no longer pending.
    await advance(60 * MINUTE);
    expect(ctx.writes).toHaveLength(1);
  });

  it('does not back up again the work a restore just put back', async () => {
    const ctx = setup({ work: 'w5', existing: [entry('w5', START - 60 * MINUTE)] });
    ctx.scheduler.start();
    ctx.scheduler.restored('w2');
    ctx.edit('w2');
    await advance(60 * MINUTE);
    expect(ctx.writes).toEqual([]);
  });

  it('stops watching and cancels its timer when stopped', async () => {
    const ctx = setup({ existing: [entry('w0', START - 60 * MINUTE)] });
    ctx.scheduler.start();
    ctx.edit('w1');
    ctx.scheduler.stop();
    await advance(60 * MINUTE);
    expect(ctx.writes).toEqual([]);
    expect(ctx.watching()).toBe(false);
  });
});
