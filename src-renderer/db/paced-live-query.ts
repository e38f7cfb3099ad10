/**
 * A live query that can be paced (issue 14). Dexie's `liveQuery` re-runs its querier after every
 * committed write that touches what it read. During an import each stored batch is such a write,
 * and the library's order query reads every entry's key of several indexes: re-run after each of
 * the hundred batches of a 10,000-file import it grew the import quadratically, and since its
 * read-only transactions share the `library` store with the import's read-write one, every
 * batch's transaction waited for the query that the batch before had set off (profiled: the
 * batch's first reads took 0.6 s of a 0.9 s store at 10,000 files).
 *
 * Paced, the query runs at once and then at most once per `paceMs` while the database changes,
 * never two runs at a time; its last answer stays shown between runs. Unpaced it is Dexie's
 * live query again, and the first answer it gives replaces the paced one, so when the pace is
 * lifted after an import the view catches up with everything stored.
 */
import { Dexie, liveQuery, type ObservabilitySet, type Subscription } from 'dexie';

/** Timers of the pacing, replaceable in tests. */
export interface PaceClock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realClock: PaceClock = {
  now: () => performance.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: handle => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class PacedLiveQuery<T> {
  private value: T | undefined = undefined;
  private readonly listeners = new Set<() => void>();
  private paceMs: number | null = null;
  private live: Subscription | null = null;
  private watching: ((parts: ObservabilitySet) => void) | null = null;
  private timer: unknown = null;
  private running = false;
  private dirty = false;
  private lastRun = Number.NEGATIVE_INFINITY;
  /** Bumped on every (re)start, so an answer of a query or mode left behind is dropped. */
  private generation = 0;

  constructor(
    private readonly db: Dexie,
    private querier: () => Promise<T>,
    private readonly clock: PaceClock = realClock,
  ) {}

  /** For useSyncExternalStore: runs the query while anyone listens. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    if (this.listeners.size === 1) this.start();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  };

  /** The last answer; undefined until the first one arrives. */
  getSnapshot = (): T | undefined => this.value;

  /** A new query (the analyst changed the sort or filter): the old answer stays until it answers. */
  setQuerier(querier: () => Promise<T>): void {
    if (querier === this.querier) return;
    this.querier = querier;
    this.restart();
  }

  /** At most one run per `ms` while the database changes; null: live, after every write. */
  setPace(ms: number | null): void {
    if (ms === this.paceMs) return;
    this.paceMs = ms;
    this.restart();
  }

  private restart(): void {
    if (this.listeners.size === 0) return;
    this.stop();
    this.start();
  }

  private start(): void {
    const generation = ++this.generation;
    if (this.paceMs === null) {
      this.live = liveQuery(this.querier).subscribe({
        next: value => this.emit(generation, value),
        error: (error: unknown) => console.error('library query failed', error),
      });
      return;
    }
    const prefix = `idb://${this.db.name}/`;
    this.watching = parts => {
      if (!Object.keys(parts).some(part => part.startsWith(prefix))) return;
      this.dirty = true;
      this.schedule(generation);
    };
    Dexie.on.storagemutated.subscribe(this.watching);
    this.dirty = true;
    this.schedule(generation);
  }

  private stop(): void {
    this.generation++;
    this.live?.unsubscribe();
    this.live = null;
    if (this.watching) Dexie.on.storagemutated.unsubscribe(this.watching);
    this.watching = null;
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    this.running = false;
    this.dirty = false;
    this.lastRun = Number.NEGATIVE_INFINITY;
  }

  private schedule(generation: number): void {
    if (this.running || this.timer !== null || !this.dirty || this.paceMs === null) return;
    const wait = Math.max(0, this.lastRun + this.paceMs - this.clock.now());
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      void this.run(generation);
    }, wait);
  }

  private async run(generation: number): Promise<void> {
    if (generation !== this.generation) return;
    this.running = true;
    this.dirty = false;
    this.lastRun = this.clock.now();
    try {
      const value = await this.querier();
      this.emit(generation, value);
    } catch (error) {
      if (generation === this.generation) console.error('library query failed', error);
    }
    if (generation !== this.generation) return;
    this.running = false;
    // Writes that landed while it ran: once more, no sooner than the pace allows.
    this.schedule(generation);
  }

  private emit(generation: number, value: T): void {
    if (generation !== this.generation) return;
    this.value = value;
    for (const listener of this.listeners) listener();
  }
}
