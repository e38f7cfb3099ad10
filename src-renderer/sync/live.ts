/**
 * The live sync loop of one desk: it runs sync rounds (session.ts) when the analyst edits
 * something (the outbox gains a row; rounds are debounced so a typed note is one round) and when
 * the team's changes feed reports a change (a long-poll through the bridge fetch, so a teammate's
 * edit arrives within a round trip), and it backs off while the server cannot be reached.
 *
 * Its status is what the sync chip shows (names agreed with the teamui engineer, who reads it
 * through `subscribe`/`getStatus` or the `useSyncStatus` hook in team-sync.ts):
 * - `off` — no team joined: no loop exists and nothing leaves the machine;
 * - `syncing` — a round is running;
 * - `synced` — the last round succeeded (`lastSyncAt`), `pending` edits may wait for the next one;
 * - `offline` — the team server cannot be reached; edits wait in the outbox, retried with backoff;
 * - `error` — the server refused this desk (a revoked member, a wrong password): `message` says so.
 * `pending` is the number of documents with edits not yet on the server (outbox.ts,
 * `pendingDocuments`: by document, not by outbox row, until a push has sent them), `setAside`
 * the documents whose edits wait behind a team copy this build cannot read (`setAsideDocuments`;
 * not retried each round, so not pending) and `conflicts` the length of "Needs your decision",
 * all live from Dexie.
 */
import { liveQuery } from 'dexie';
import { needsYourDecision } from './needs-decision';
import { pendingDocuments, setAsideDocuments } from './outbox';
import { syncRound, type Desk } from './session';

export type SyncStateName = 'off' | 'synced' | 'syncing' | 'offline' | 'error';

/** What the sync chip shows. */
export interface SyncStatus {
  state: SyncStateName;
  /** Documents with edits saved on this desk and not yet on the team server. */
  pending: number;
  /**
   * Documents with edits this desk cannot send: the team's copy was written by a newer build or
   * is malformed, so there is nothing this build may merge into or overwrite.
   */
  setAside: number;
  /** Entries of "Needs your decision". */
  conflicts: number;
  /** When a round last completed; null before the first. */
  lastSyncAt: number | null;
  /** A sentence for the analyst when offline or in error; null otherwise. */
  message: string | null;
}

export const SYNC_OFF: SyncStatus = {
  state: 'off',
  pending: 0,
  setAside: 0,
  conflicts: 0,
  lastSyncAt: null,
  message: null,
};

export interface LiveSyncOptions {
  desk: Desk;
  /** The team database as the page reaches it (through the bridge fetch in the app). */
  remote: ReadoutPouch.Database;
  /** Quiet time after an edit before a round runs; 400 ms by default. */
  debounceMs?: number;
  /** Wait after the team's feed reports a change, to take a burst in one round; 20 ms by default. */
  feedDebounceMs?: number;
  /** How long one long-poll of the team's changes feed waits for a change; 25 s by default. */
  longPollMs?: number;
  /** First and longest wait before retrying an unreachable server; 1 s and 60 s by default. */
  backoff?: { firstMs: number; maxMs: number };
  /** The wall clock for `lastSyncAt`. */
  clock?: () => number;
}

interface ChangesFeed {
  on(event: 'change' | 'error', listener: (info: unknown) => void): ChangesFeed;
  cancel(): void;
}

type LiveChanges = (options: {
  since: 'now';
  live: true;
  timeout: number;
  heartbeat: false;
}) => ChangesFeed;

/** How a failed round reads to the analyst: refused (no retry helps) or unreachable. */
export function describeFailure(error: unknown): { state: 'offline' | 'error'; message: string } {
  const status = (error as { status?: unknown } | null)?.status;
  if (status === 401 || status === 403) {
    return {
      state: 'error',
      message:
        'The team server refused your sign-in (removed from the team, or the password changed). Your work stays on this desk.',
    };
  }
  return {
    state: 'offline',
    message:
      'The team server cannot be reached. Your edits wait on this desk and go when it is back.',
  };
}

/** One desk's live loop; `start()` once, `stop()` on leave or close. */
export class LiveSync {
  private status: SyncStatus = { ...SYNC_OFF };
  private readonly listeners = new Set<(status: SyncStatus) => void>();
  private readonly debounceMs: number;
  private readonly feedDebounceMs: number;
  private lastEditAt = Number.NEGATIVE_INFINITY;
  private newestQueued: unknown = undefined;
  private readonly longPollMs: number;
  private readonly backoff: { firstMs: number; maxMs: number };
  private readonly clock: () => number;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = true;
  private failures = 0;
  private roundTimer: ReturnType<typeof setTimeout> | null = null;
  private feedTimer: ReturnType<typeof setTimeout> | null = null;
  private feed: ChangesFeed | null = null;
  private watches: { unsubscribe(): void }[] = [];

  constructor(private readonly options: LiveSyncOptions) {
    this.debounceMs = options.debounceMs ?? 400;
    this.feedDebounceMs = options.feedDebounceMs ?? 20;
    this.longPollMs = options.longPollMs ?? 25_000;
    this.backoff = options.backoff ?? { firstMs: 1_000, maxMs: 60_000 };
    this.clock = options.clock ?? Date.now;
  }

  getStatus = (): SyncStatus => this.status;

  /** Calls `listener` on every change of the status; returns the unsubscribe. */
  subscribe = (listener: (status: SyncStatus) => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  /** Starts watching the outbox and the team feed, and runs a first round at once. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    const db = this.options.desk.db;
    this.set({ state: 'syncing', message: null });
    this.watches = [
      // The newest outbox row, not only the count of documents: a second edit of a document
      // already pending leaves the count alone but still needs a round.
      liveQuery(async () => ({
        newest: await db.syncOutbox.toCollection().lastKey(),
        setAside: await setAsideDocuments(db),
        pending: await pendingDocuments(db, this.options.desk.local),
      })).subscribe({
        next: ({ pending, setAside, newest }) => {
          this.set({ pending, setAside });
          if (pending > 0 && newest !== this.newestQueued) this.edited();
          this.newestQueued = newest;
        },
        error: () => undefined,
      }),
      liveQuery(async () => (await needsYourDecision(db)).length).subscribe({
        next: conflicts => this.set({ conflicts }),
        error: () => undefined,
      }),
    ];
    this.listen();
    void this.round();
  }

  /** Stops the loop: no request is made after the promise resolves. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const watch of this.watches) watch.unsubscribe();
    this.watches = [];
    this.clearTimers();
    this.feed?.cancel();
    this.feed = null;
    await this.running?.catch(() => undefined);
    this.set({ ...SYNC_OFF });
  }

  /** Asks for a round after `delayMs` of quiet; many nudges in a burst make one round. */
  nudge(delayMs = this.debounceMs): void {
    if (this.stopped) return;
    if (this.roundTimer) clearTimeout(this.roundTimer);
    this.roundTimer = setTimeout(() => {
      this.roundTimer = null;
      void this.round();
    }, delayMs);
  }

  /**
   * The outbox gained rows. The first edit after a quiet spell goes at once, so a single change
   * reaches the team without waiting out the debounce; edits that follow it within the debounce
   * (typing a note) wait for quiet and go together in one more round.
   */
  private edited(): void {
    const now = performance.now();
    const quiet = now - this.lastEditAt > this.debounceMs && !this.roundTimer;
    this.lastEditAt = now;
    this.nudge(quiet ? 0 : this.debounceMs);
  }

  /** Runs a round now (or right after the one running) and resolves when it is done. */
  async syncNow(): Promise<void> {
    await this.round();
    if (this.running) await this.running;
  }

  private round(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.set({ state: 'syncing' });
    this.running = (async () => {
      try {
        await syncRound(this.options.desk, this.options.remote);
        this.failures = 0;
        if (!this.stopped) this.set({ state: 'synced', lastSyncAt: this.clock(), message: null });
        if (!this.feed && !this.feedTimer) this.listen();
      } catch (error) {
        this.failures++;
        if (!this.stopped) {
          this.set(describeFailure(error));
          this.retryLater();
        }
      } finally {
        this.running = null;
      }
      if (this.again && !this.stopped) {
        this.again = false;
        await this.round();
      }
    })();
    return this.running;
  }

  private delay(): number {
    return Math.min(this.backoff.maxMs, this.backoff.firstMs * 2 ** Math.max(0, this.failures - 1));
  }

  private retryLater(): void {
    if (this.roundTimer) clearTimeout(this.roundTimer);
    this.roundTimer = setTimeout(() => {
      this.roundTimer = null;
      void this.round();
    }, this.delay());
  }

  /** Long-polls the team's changes feed; each change asks for a round. */
  private listen(): void {
    if (this.stopped || this.feed) return;
    const changes = this.options.remote.changes as unknown as LiveChanges;
    const feed = changes.call(this.options.remote, {
      since: 'now',
      live: true,
      timeout: this.longPollMs,
      heartbeat: false,
    });
    this.feed = feed;
    feed.on('change', () => this.nudge(this.feedDebounceMs));
    feed.on('error', () => {
      if (this.feed !== feed) return;
      this.feed = null;
      if (this.stopped) return;
      // The feed broke (server gone): listen again later; a round tells the analyst what is wrong.
      this.feedTimer = setTimeout(() => {
        this.feedTimer = null;
        this.listen();
        void this.round();
      }, this.delay());
    });
  }

  private clearTimers(): void {
    if (this.roundTimer) clearTimeout(this.roundTimer);
    if (this.feedTimer) clearTimeout(this.feedTimer);
    this.roundTimer = null;
    this.feedTimer = null;
  }

  private set(patch: Partial<SyncStatus>): void {
    const next = { ...this.status, ...patch };
    if (
      next.state === this.status.state &&
      next.pending === this.status.pending &&
      next.setAside === this.status.setAside &&
      next.conflicts === this.status.conflicts &&
      next.lastSyncAt === this.status.lastSyncAt &&
      next.message === this.status.message
    ) {
      return;
    }
    this.status = next;
    for (const listener of this.listeners) listener(next);
  }
}
