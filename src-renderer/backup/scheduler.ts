/**
 * When to take an automatic backup of the analyst's work:
 * - after a change, once the work has been quiet for `quietMs`, but no later than `maxWaitMs`
 *   after the first change not yet backed up (so a long session of steady edits is saved too);
 * - never sooner than `minIntervalMs` after the previous backup;
 * - on start, after `startDelayMs`, when the work differs from the newest backup (edits made
 *   just before the app was last closed);
 * - never when nothing changed since the last backup (same fingerprint), and never of empty work,
 *   so that a wiped database does not push good backups out of the folder.
 * A failed backup is tried again after `retryMs`, and its message is kept for the Data dialog.
 *
 * Time and timers are injected, so tests drive the schedule without waiting.
 */
import type { AutoBackupEntry, AutoBackupList } from '../../src-main/contract/auto-backup';
import type { Result } from '../../src-main/contract/result';

export interface AutoBackupPolicy {
  quietMs: number;
  maxWaitMs: number;
  minIntervalMs: number;
  startDelayMs: number;
  retryMs: number;
}

const MINUTE = 60_000;

export const DEFAULT_POLICY: AutoBackupPolicy = {
  quietMs: 2 * MINUTE,
  maxWaitMs: 10 * MINUTE,
  minIntervalMs: 10 * MINUTE,
  startDelayMs: 30_000,
  retryMs: 5 * MINUTE,
};

export interface WorkSnapshot {
  /** The backup file's text. */
  text: string;
  fingerprint: string;
  empty: boolean;
}

export interface SchedulerDeps {
  now(): number;
  setTimer(callback: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
  /** Reads the work as it is now. */
  snapshot(): Promise<WorkSnapshot>;
  list(): Promise<Result<AutoBackupList>>;
  write(text: string): Promise<Result<AutoBackupEntry>>;
  /** Calls back after every change to the work; returns the function that stops watching. */
  watch(onChange: () => void): () => void;
}

export type BackupOutcome =
  | { kind: 'written'; entry: AutoBackupEntry }
  | { kind: 'unchanged' }
  | { kind: 'empty' }
  | { kind: 'unavailable' }
  | { kind: 'failed'; message: string };

export interface SchedulerStatus {
  /** False where main keeps no backups folder (and the schedule does nothing). */
  available: boolean;
  /** When the last backup this window knows of was made. */
  lastBackupAt: number | null;
  /** When the next backup is due, if a change is waiting for one. */
  nextAt: number | null;
  /** Why the last attempt failed; null after a success. */
  error: string | null;
  /** Counts backups written by this window, so views know to list the folder again. */
  written: number;
}

export class AutoBackupScheduler {
  private status: SchedulerStatus = {
    available: true,
    lastBackupAt: null,
    nextAt: null,
    error: null,
    written: 0,
  };
  private listeners = new Set<() => void>();
  private lastFingerprint: string | null = null;
  /** Deadline set by the quiet period after the latest change. */
  private settleAt: number | null = null;
  /** Deadline set by the first change not yet backed up. */
  private deadlineAt: number | null = null;
  private timer: unknown = null;
  private unwatch: (() => void) | null = null;
  private loaded: Promise<void> = Promise.resolve();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly deps: SchedulerDeps,
    private readonly policy: AutoBackupPolicy = DEFAULT_POLICY,
  ) {}

  getStatus = (): SchedulerStatus => this.status;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Starts watching the work and schedules the start check. Calling it twice does nothing. */
  start(): void {
    if (this.unwatch) return;
    this.unwatch = this.deps.watch(() => this.changed());
    this.loaded = this.loadLatest();
    const at = this.deps.now() + this.policy.startDelayMs;
    this.settleAt = Math.min(this.settleAt ?? at, at);
    this.deadlineAt = Math.min(this.deadlineAt ?? at, at);
    this.reschedule();
  }

  /** Stops watching and cancels the timer; a backup already under way still finishes. */
  stop(): void {
    this.unwatch?.();
    this.unwatch = null;
    if (this.timer !== null) this.deps.clearTimer(this.timer);
    this.timer = null;
  }

  /** The work changed: (re)schedules the next backup. */
  changed(): void {
    const now = this.deps.now();
    this.settleAt = now + this.policy.quietMs;
    this.deadlineAt ??= now + this.policy.maxWaitMs;
    this.reschedule();
  }

  /**
   * Backs up now, whatever the schedule (before a restore replaces the work), unless the work is
   * empty or unchanged since the last backup. Resolves with what happened; never rejects.
   */
  backupNow(): Promise<BackupOutcome> {
    return this.enqueue(() => this.run());
  }

  /**
   * The work was just replaced by backup `fingerprint` (a restore): that state is already in
   * the folder, so the change the restore makes is not backed up again.
   */
  restored(fingerprint: string): void {
    this.lastFingerprint = fingerprint;
  }

  private enqueue(work: () => Promise<BackupOutcome>): Promise<BackupOutcome> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async loadLatest(): Promise<void> {
    const listed = await this.deps.list().catch((error: unknown): Result<AutoBackupList> => ({
      ok: false,
      error: { code: 'internal', message: String(error) },
    }));
    if (!listed.ok) {
      if (listed.error.code === 'unsupported') {
        this.stop();
        this.update({ available: false, nextAt: null });
      } else {
        this.update({ error: listed.error.message });
      }
      return;
    }
    const newest = listed.value.backups.find(b => b.state === 'ok');
    if (newest?.state === 'ok') {
      this.lastFingerprint ??= newest.fingerprint;
      this.update({ lastBackupAt: Math.max(this.status.lastBackupAt ?? 0, newest.createdAt) });
      this.reschedule();
    }
  }

  private reschedule(): void {
    if (this.timer !== null) this.deps.clearTimer(this.timer);
    this.timer = null;
    if (this.settleAt === null || this.deadlineAt === null || !this.unwatch) {
      if (this.status.nextAt !== null) this.update({ nextAt: null });
      return;
    }
    let due = Math.min(this.settleAt, this.deadlineAt);
    if (this.status.lastBackupAt !== null) {
      due = Math.max(due, this.status.lastBackupAt + this.policy.minIntervalMs);
    }
    this.timer = this.deps.setTimer(
      () => {
        this.timer = null;
        void this.enqueue(() => this.run());
      },
      Math.max(0, due - this.deps.now()),
    );
    if (this.status.nextAt !== due) this.update({ nextAt: due });
  }

  private async run(): Promise<BackupOutcome> {
    await this.loaded;
    if (!this.status.available) return { kind: 'unavailable' };
    // What is pending now is what this run saves; a change from here on schedules another run.
    this.settleAt = null;
    this.deadlineAt = null;
    this.reschedule();
    let outcome: BackupOutcome;
    let retry = true;
    try {
      const snapshot = await this.deps.snapshot();
      if (snapshot.empty || snapshot.fingerprint === this.lastFingerprint) {
        // Nothing to save, so an earlier failure no longer stands for unsaved work.
        if (this.status.error !== null) this.update({ error: null });
        return { kind: snapshot.empty ? 'empty' : 'unchanged' };
      }
      const written = await this.deps.write(snapshot.text);
      outcome = written.ok
        ? { kind: 'written', entry: written.value }
        : { kind: 'failed', message: written.error.message };
      if (written.ok) this.lastFingerprint = snapshot.fingerprint;
      // Main refused this backup itself (too large, say): the same work would be refused again,
      // so only a change to the work schedules the next attempt.
      if (!written.ok && written.error.code === 'invalid-argument') retry = false;
    } catch (error) {
      outcome = { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
    }
    if (outcome.kind === 'written') {
      this.update({
        lastBackupAt: this.deps.now(),
        error: null,
        written: this.status.written + 1,
      });
    } else if (outcome.kind === 'failed') {
      if (retry) {
        const at = this.deps.now() + this.policy.retryMs;
        this.settleAt = Math.min(this.settleAt ?? at, at);
        this.deadlineAt = Math.min(this.deadlineAt ?? at, at);
      }
      this.update({ error: outcome.message });
    }
    this.reschedule();
    return outcome;
  }

  private update(patch: Partial<SchedulerStatus>): void {
    this.status = { ...this.status, ...patch };
    this.listeners.forEach(l => l());
  }
}
