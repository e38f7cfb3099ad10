/**
 * Which articles may have changed since the meetings were last merged, kept as the library is
 * written, so that a meetings sync reads those articles instead of walking every article key
 * (issue 14: two walks of the whole `contentHash` index per sync, 10,200 keys at 5,000 articles).
 *
 * One derived `meta` row (never backed up; a restore drops it), `library.changes`: the articles
 * (`articles` or `library` rows) written since the merge whose fingerprint digest is `base`, and
 * a count of the writes. A DBCore middleware adds to it in the transaction of every write to
 * those two tables, wherever in the app the write is made (import, trash, edits, team sync, a
 * restore), the way the outbox capture queues synced edits: if the write aborts, so does its
 * mark. A write it cannot name the keys of (a table cleared) and more than `MAX_CHANGED` ids make
 * it `all`. While the row is missing it stays missing: nothing is known of the writes before.
 *
 * The sync trusts the row only when `base` is the digest of the stored fingerprint; otherwise
 * (a database from before, a restore, a sync cut short) it walks every key as it always did,
 * after starting the row afresh so that the writes during that walk are kept.
 */
import type {
  DBCore,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreTable,
  DBCoreTransaction,
} from 'dexie';
import type Dexie from 'dexie';
import type { ReadoutDB } from './db';

export const CHANGES_KEY = 'library.changes';

/** Ids kept in the row before it turns into `all`: then a sync walks every key once. */
export const MAX_CHANGED = 5_000;

/** The tables whose rows make an article's extraction key (its text, its trash and date). */
const WATCHED = new Set(['articles', 'library']);

export interface LibraryChanges {
  /** `printDigest` of the merged fingerprint the ids are counted from; '' while a walk runs. */
  base: string;
  ids: readonly string[] | 'all';
  writes: number;
}

export async function readChanges(db: Pick<ReadoutDB, 'meta'>): Promise<LibraryChanges | null> {
  const value = (await db.meta.get(CHANGES_KEY))?.value as Partial<LibraryChanges> | undefined;
  if (!value || typeof value.base !== 'string' || typeof value.writes !== 'number') return null;
  if (value.ids === 'all') return { base: value.base, ids: 'all', writes: value.writes };
  if (!Array.isArray(value.ids)) return null;
  return {
    base: value.base,
    ids: value.ids.filter(v => typeof v === 'string'),
    writes: value.writes,
  };
}

/** Writes the row; runs inside the sync's transaction (which holds `meta`). */
export async function writeChanges(
  db: Pick<ReadoutDB, 'meta'>,
  value: LibraryChanges,
): Promise<void> {
  await db.meta.put({ key: CHANGES_KEY, value });
}

/** The keys a write touches, or null when it cannot say (a range deleted). */
function keysOf(table: DBCoreTable, req: DBCoreMutateRequest): unknown[] | null {
  if (req.type === 'deleteRange') return null;
  if (req.type === 'delete') return req.keys;
  const keyPath = table.schema.primaryKey.keyPath as string;
  return req.keys ?? req.values.map(v => (v as Record<string, unknown>)[keyPath]);
}

function marked(before: LibraryChanges, keys: unknown[] | null): LibraryChanges {
  const writes = before.writes + 1;
  if (keys === null || !Array.isArray(before.ids)) return { ...before, ids: 'all', writes };
  const ids = new Set(before.ids);
  for (const k of keys) if (typeof k === 'string') ids.add(k);
  return { ...before, ids: ids.size > MAX_CHANGED ? 'all' : [...ids], writes };
}

/** Installs the middleware on `db` (ReadoutDB's constructor does); needs a `meta` table. */
export function installLibraryChanges(db: Dexie): void {
  // One read-modify-write of the row at a time per transaction: two writes issued together
  // (a Promise.all of puts) would otherwise both read the row before either wrote it.
  const chains = new WeakMap<DBCoreTransaction, Promise<unknown>>();
  db.use({
    stack: 'dbcore',
    name: 'readout-library-changes',
    create(down: DBCore): DBCore {
      const meta = () => down.table('meta');
      return {
        ...down,
        transaction(stores, mode, options) {
          const widened =
            mode === 'readwrite' && stores.some(s => WATCHED.has(s)) && !stores.includes('meta')
              ? [...stores, 'meta']
              : stores;
          return down.transaction(widened, mode, options);
        },
        table(name) {
          const table = down.table(name);
          if (!WATCHED.has(name)) return table;
          return {
            ...table,
            // Promise chains on Dexie's own promises, not async/await (as in outbox-capture.ts).
            mutate(req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
              const keys = keysOf(table, req);
              return table.mutate(req).then(answer => {
                const mark = () =>
                  meta()
                    .get({ trans: req.trans, key: CHANGES_KEY })
                    .then((row: { value?: unknown } | undefined) => {
                      const value = row?.value as LibraryChanges | undefined;
                      // Missing: nothing is known of earlier writes, and a list would claim it.
                      if (!value || typeof value.writes !== 'number') return;
                      return meta().mutate({
                        type: 'put',
                        trans: req.trans,
                        values: [{ key: CHANGES_KEY, value: marked(value, keys) }],
                      });
                    });
                const before = chains.get(req.trans);
                const run = before ? before.then(mark, mark) : mark();
                chains.set(req.trans, run);
                return run.then(() => answer);
              });
            },
          };
        },
      };
    },
  });
}
