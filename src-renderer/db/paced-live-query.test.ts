import 'fake-indexeddb/auto';
import { Dexie, type EntityTable } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PacedLiveQuery, type PaceClock } from './paced-live-query';

interface Row {
  id: number;
}

class CountDB extends Dexie {
  rows!: EntityTable<Row, 'id'>;
  constructor(name: string) {
    super(name);
    this.version(1).stores({ rows: 'id' });
  }
}

/** A clock the test moves by hand: timers fire only in `advance`. */
function manualClock(): PaceClock & { advance(ms: number): void } {
  let now = 0;
  let timers: { at: number; run: () => void; id: number }[] = [];
  let next = 0;
  return {
    now: () => now,
    setTimeout(run, ms) {
      const id = ++next;
      timers.push({ at: now + ms, run, id });
      return id;
    },
    clearTimeout(handle) {
      timers = timers.filter(t => t.id !== handle);
    },
    advance(ms) {
      now += ms;
      const due = timers.filter(t => t.at <= now);
      timers = timers.filter(t => t.at > now);
      for (const t of due) t.run();
    },
  };
}

/** Lets IndexedDB callbacks, Dexie's commit signal and the querier's promise settle. */
const settle = async () => {
  for (let i = 0; i < 20; i++) await new Promise(resolve => setTimeout(resolve, 1));
};

let db: CountDB;
let n = 0;
beforeEach(async () => {
  db = new CountDB(`paced-${++n}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

function counting() {
  const runs = { count: 0 };
  const querier = () => {
    runs.count++;
    return db.rows.count();
  };
  return { runs, querier };
}

describe('PacedLiveQuery', () => {
  it('follows every write while unpaced, as a live query does', async () => {
    const { runs, querier } = counting();
    const query = new PacedLiveQuery(db, querier, manualClock());
    const stop = query.subscribe(() => {});
    await settle();
    expect(query.getSnapshot()).toBe(0);
    for (let i = 1; i <= 5; i++) {
      await db.rows.add({ id: i });
      await settle();
    }
    expect(query.getSnapshot()).toBe(5);
    expect(runs.count).toBe(6);
    stop();
  });

  it('paced, runs at most once per pace however many batches are written, then catches up', async () => {
    const clock = manualClock();
    const { runs, querier } = counting();
    const query = new PacedLiveQuery(db, querier, clock);
    query.setPace(1000);
    const stop = query.subscribe(() => {});
    clock.advance(0);
    await settle();
    expect(query.getSnapshot()).toBe(0);
    expect(runs.count).toBe(1);
    // Ten stored batches within one pace: the last answer stays shown, nothing is re-read.
    for (let i = 1; i <= 10; i++) {
      await db.rows.bulkAdd([{ id: i * 2 }, { id: i * 2 + 1 }]);
      await settle();
      clock.advance(50);
    }
    expect(runs.count).toBe(1);
    expect(query.getSnapshot()).toBe(0);
    clock.advance(500);
    await settle();
    expect(runs.count).toBe(2);
    expect(query.getSnapshot()).toBe(20);
    // No write since: no run, however long the pace goes on.
    clock.advance(5000);
    await settle();
    expect(runs.count).toBe(2);
    // The pace lifted (the import ended): live again, and writes show at once.
    query.setPace(null);
    await settle();
    await db.rows.add({ id: 100 });
    await settle();
    expect(query.getSnapshot()).toBe(21);
    stop();
  });

  it('keeps the last answer while a new query loads and drops answers of the old one', async () => {
    const clock = manualClock();
    const query = new PacedLiveQuery(db, () => db.rows.count(), clock);
    const stop = query.subscribe(() => {});
    await settle();
    expect(query.getSnapshot()).toBe(0);
    let release: (v: number) => void = () => {};
    query.setQuerier(() => new Promise<number>(resolve => (release = resolve)));
    await settle();
    expect(query.getSnapshot()).toBe(0);
    query.setQuerier(() => Promise.resolve(7));
    await settle();
    release(99);
    await settle();
    expect(query.getSnapshot()).toBe(7);
    stop();
  });
});
