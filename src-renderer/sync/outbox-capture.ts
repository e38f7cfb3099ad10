/**
 * Every edit of a synced record queues its outbox row in the edit's own Dexie transaction,
 * wherever in the app the edit is made. A DBCore middleware (the way Dexie's own sync add-ons
 * track changes) widens each read-write transaction on a synced table to include `syncOutbox`
 * and, after each write to a synced table, adds one row per written key through that same
 * transaction: if the edit's transaction aborts, its rows go with it; if it commits, they are
 * there. No repository can forget to queue, and none needs to know about sync.
 *
 * Decisions written while in a team are signed with the analyst's user name (`authorId`).
 *
 * Rows are queued only while the desk is in a team (`setSyncIdentity` names the analyst); a solo
 * desk queues nothing, and joining queues every record once (`queueAll`). The sync code's own
 * writes — applying the team's changes — are marked with `markSyncWrite` and are not queued.
 */
import Dexie, {
  type DBCore,
  type DBCoreMutateRequest,
  type DBCoreMutateResponse,
  type DBCoreTable,
  type DBCoreTransaction,
  type Transaction,
} from 'dexie';
import { COLOUR_MEANINGS_KEY, docIdOf, type DocRef, type SyncedTable } from './documents';
import type { SyncOutboxRow } from './sync-stores';

/** `syncState` key of the analyst's team user name, read when the database opens. */
export const SYNC_IDENTITY_KEY = 'me';

/** Dexie tables whose writes are queued, with the synced table each row names. */
const QUEUED: Record<string, SyncedTable> = {
  highlights: 'highlights',
  articleNotes: 'articleNotes',
  meetingDecisions: 'meetingDecisions',
  briefings: 'briefings',
  meta: 'colourMeanings',
  // An article document is the article and its library entry's shared fields (article-docs.ts).
  articles: 'articles',
  library: 'articles',
};

/**
 * Tables whose deletions are not queued: an article leaves the team only by a trash (a field),
 * never because this desk's copy went (a restore that replaces the library, say).
 */
const KEPT_ON_DELETE = new Set(['articles', 'library']);

const SYNC_WRITE = Symbol('readout.syncWrite');

interface CaptureState {
  me: string | null;
}

const states = new WeakMap<Dexie, CaptureState>();

/** The analyst the desk queues edits for; null when no team is joined. */
export function syncIdentity(db: Dexie): string | null {
  return states.get(db)?.me ?? null;
}

/**
 * Names the analyst (on join, with their team user name) or clears it (on leave, null). Stored in
 * `syncState` so the next start queues from the first edit, before main has answered anything.
 */
export async function setSyncIdentity(db: Dexie, me: string | null): Promise<void> {
  const table = db.table<{ key: string; value: string }, string>('syncState');
  if (me) await table.put({ key: SYNC_IDENTITY_KEY, value: me });
  else await table.delete(SYNC_IDENTITY_KEY);
  const state = states.get(db);
  if (state) state.me = me;
}

/**
 * Marks the running transaction as the sync code's own (applying team changes), so its writes
 * are not queued back as the analyst's edits. Call first thing inside `db.transaction(…)`.
 */
export function markSyncWrite(): void {
  const tx = Dexie.currentTransaction as (Transaction & { idbtrans: object }) | null;
  if (!tx) throw new Error('markSyncWrite runs inside the sync code’s transaction');
  (tx.idbtrans as Record<symbol, boolean>)[SYNC_WRITE] = true;
}

function keysWritten(table: DBCoreTable, req: DBCoreMutateRequest): Promise<unknown[]> | unknown[] {
  if (req.type === 'delete') return req.keys;
  if (req.type === 'deleteRange') {
    return table
      .query({
        trans: req.trans,
        values: false,
        query: { index: table.schema.primaryKey, range: req.range },
      })
      .then(answer => answer.result as unknown[]);
  }
  const keyPath = table.schema.primaryKey.keyPath as string;
  const keys = req.keys ?? req.values.map(v => (v as Record<string, unknown>)[keyPath]);
  return [...keys, ...(req.type === 'put' ? (req.updates?.keys ?? []) : [])];
}

function rowsFor(name: string, keys: unknown[], me: string): SyncOutboxRow[] {
  const table = QUEUED[name];
  const rows: SyncOutboxRow[] = [];
  const seen = new Set<string>();
  for (const key of keys) {
    if (typeof key !== 'string' || seen.has(key)) continue;
    seen.add(key);
    if (name === 'meta' && key !== COLOUR_MEANINGS_KEY) continue;
    const ref: DocRef = { table, key };
    rows.push({ docId: docIdOf(ref, me), table, key });
  }
  return rows;
}

/**
 * A decision is signed by the analyst who makes it: `authorId` is what "Needs your decision"
 * shows beside each value, and what the server checks against the signed-in user.
 */
function authored(req: DBCoreMutateRequest, me: string): DBCoreMutateRequest {
  if (req.type !== 'add' && req.type !== 'put') return req;
  const values = req.values.map(v => {
    const d = v as { authorId?: unknown };
    return typeof d.authorId === 'string' ? v : { ...d, authorId: me };
  });
  return { ...req, values };
}

function isSyncWrite(trans: DBCoreTransaction): boolean {
  return (trans as unknown as Record<symbol, boolean>)[SYNC_WRITE] === true;
}

/**
 * Installs the capture on `db` (ReadoutDB's constructor does) and loads the stored identity when
 * the database opens. The database must have the `syncOutbox` and `syncState` tables.
 */
export function installOutboxCapture(db: Dexie): void {
  const state: CaptureState = { me: null };
  states.set(db, state);
  db.on('ready', async () => {
    const row = await db
      .table<{ key: string; value: unknown }, string>('syncState')
      .get(SYNC_IDENTITY_KEY);
    state.me = typeof row?.value === 'string' ? row.value : null;
  });
  db.use({
    stack: 'dbcore',
    name: 'readout-sync-outbox',
    create(down: DBCore): DBCore {
      const outbox = () => down.table('syncOutbox');
      return {
        ...down,
        transaction(stores, mode, options) {
          const widened =
            mode === 'readwrite' && stores.some(s => s in QUEUED) && !stores.includes('syncOutbox')
              ? [...stores, 'syncOutbox']
              : stores;
          return down.transaction(widened, mode, options);
        },
        table(name) {
          const table = down.table(name);
          if (!(name in QUEUED)) return table;
          return {
            ...table,
            // Promise chains, not async/await: Dexie keeps its transaction zone across its own
            // promises' `then`, and the hooks middleware below needs that zone.
            mutate(req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
              const me = state.me;
              if (!me || isSyncWrite(req.trans)) return table.mutate(req);
              if (KEPT_ON_DELETE.has(name) && (req.type === 'delete' || req.type === 'deleteRange'))
                return table.mutate(req);
              const write = name === 'meetingDecisions' ? authored(req, me) : req;
              const queue = (keys: unknown[]) =>
                table.mutate(write).then(answer => {
                  const rows = rowsFor(name, keys, me);
                  if (rows.length === 0) return answer;
                  return outbox()
                    .mutate({ type: 'add', trans: req.trans, values: rows })
                    .then(() => answer);
                });
              const keys = keysWritten(table, req);
              return Array.isArray(keys) ? queue(keys) : keys.then(queue);
            },
          };
        },
      };
    },
  });
}
