/**
 * Counts what a database reads, for tests and benchmarks that check how much a step reads rather
 * than how long it takes (a count does not change with the machine's load). A DBCore middleware:
 * every record or key a get, bulk get, query or cursor step hands back is one row, per table.
 * Install it before the database opens; it never changes what is read.
 */
import type Dexie from 'dexie';
import type { DBCoreCursor } from 'dexie';

export interface ReadCount {
  /** Rows read (records or keys), all tables. */
  rows: number;
  /** Read requests made (a get, a bulk get, a query or a cursor each count one). */
  requests: number;
  byTable: Record<string, number>;
}

export function countReads(db: Dexie): ReadCount {
  const count: ReadCount = { rows: 0, requests: 0, byTable: {} };
  const add = (table: string, n: number) => {
    count.rows += n;
    count.byTable[table] = (count.byTable[table] ?? 0) + n;
  };
  db.use({
    stack: 'dbcore',
    name: 'readout.read-count',
    create: down => ({
      ...down,
      table: name => {
        const table = down.table(name);
        const ask = () => count.requests++;
        // `then` on the promises Dexie hands down, not `async`/`await`: a native await here
        // leaves Dexie's transaction zone, and the transaction commits under the next request.
        return {
          ...table,
          get: req =>
            (ask(), table.get(req)).then((row: unknown) => {
              add(name, row === undefined ? 0 : 1);
              return row;
            }),
          getMany: req =>
            (ask(), table.getMany(req)).then(rows => {
              add(name, rows.filter(r => r !== undefined).length);
              return rows;
            }),
          query: req =>
            (ask(), table.query(req)).then(res => {
              add(name, res.result.length);
              return res;
            }),
          openCursor: req =>
            (ask(), table.openCursor(req)).then((cursor: DBCoreCursor | null) => {
              if (!cursor) return cursor;
              // Each step of the cursor hands back one row; the cursor's own functions close over
              // it, so wrapping `start` in place counts every step without changing any.
              const start = cursor.start.bind(cursor);
              cursor.start = onNext =>
                start(() => {
                  add(name, 1);
                  onNext();
                });
              return cursor;
            }),
        };
      },
    }),
  });
  return count;
}

/** The rows `fn` reads, by table. */
export async function readsOf(count: ReadCount, fn: () => Promise<unknown>): Promise<ReadCount> {
  const { rows, requests } = count;
  const byTable = { ...count.byTable };
  await fn();
  const diff: Record<string, number> = {};
  for (const [t, n] of Object.entries(count.byTable))
    if (n !== (byTable[t] ?? 0)) diff[t] = n - (byTable[t] ?? 0);
  return { rows: count.rows - rows, requests: count.requests - requests, byTable: diff };
}
