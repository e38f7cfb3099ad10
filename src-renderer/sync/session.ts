/**
 * One sync round of a desk: queued edits into PouchDB, PouchDB to the team server and back
 * (CouchDB's replication protocol, done by PouchDB), then the team's changes into Dexie, with
 * conflicts resolved and the resolutions sent back. The desk's live sync will run rounds on
 * changes and on a timer; tests run them by hand to place network splits exactly.
 */
import { applyChanges, type ApplyReport } from './changes-applier';
import { pumpOutbox, type PumpReport } from './outbox';
import type { SyncDexie } from './sync-db';
import { PUSHED_KEY } from './sync-stores';

export interface Desk {
  db: SyncDexie;
  /** The desk's own PouchDB (adapter `idb` in the app). */
  local: ReadoutPouch.Database;
  /** The analyst's user name on the team server: their `authorId`. */
  me: string;
  now: () => number;
}

export interface RoundReport {
  pumped: PumpReport;
  applied: ApplyReport;
  /** Documents the server refused (validation), summed over the round's pushes. */
  refusedByServer: number;
}

/**
 * Documents per replication batch, each way. PouchDB's default of 100 makes a first sync of
 * 10,000 highlights 100 rounds of `_revs_diff`, `_bulk_docs` (or `_bulk_get`) and two checkpoint
 * writes through the bridge; 500 highlights are about 300 kB a request, far under the bridge's
 * limits (contract/sync-request.ts), and a batch that fails is retried whole by the next round.
 */
export const REPLICATION = { batch_size: 500, batches_limit: 4 } as const;

/** The local update sequence each replica had when a push of it last completed. */
const pushedSeq = new WeakMap<ReadoutPouch.Database, number | string>();

/**
 * Replicates the desk's PouchDB to the team, unless nothing was written to it since the last push
 * completed: a round woken by a colleague's change then goes straight to the pull instead of
 * spending a replication's requests (info, checkpoint, changes) on finding nothing to send.
 */
async function push(desk: Desk, remote: ReadoutPouch.Database): Promise<number> {
  const { update_seq: seq } = await desk.local.info();
  if (pushedSeq.get(desk.local) === seq) return 0;
  const result = await desk.local.replicate.to(remote, REPLICATION);
  // A refused document is sent again next round, as before: its refusal is reported each time.
  if (result.ok && result.doc_write_failures === 0) pushedSeq.set(desk.local, seq);
  // What the sync chip counts as pending starts after this (outbox.ts, pendingDocuments).
  if (result.ok) await desk.db.syncState.put({ key: PUSHED_KEY, value: seq });
  return result.doc_write_failures;
}

/** Runs one round against `remote`; rejects when the server cannot be reached or refuses the user. */
export async function syncRound(desk: Desk, remote: ReadoutPouch.Database): Promise<RoundReport> {
  const context = { me: desk.me, now: desk.now };
  const pumped = await pumpOutbox(desk.db, desk.local, context);
  let refusedByServer = await push(desk, remote);
  await desk.local.replicate.from(remote, REPLICATION);
  const applied = await applyChanges(desk.db, desk.local, context);
  const again = await pumpOutbox(desk.db, desk.local, context);
  // A second pass applies the revisions that resolving conflicts and merging deferred edits wrote.
  const settled = await applyChanges(desk.db, desk.local, context);
  refusedByServer += await push(desk, remote);
  return {
    pumped: {
      written: pumped.written + again.written,
      merged: pumped.merged + again.merged,
      refused: pumped.refused + again.refused,
      // Both passes meet the same set-aside documents: count them once.
      setAside: Math.max(pumped.setAside, again.setAside),
    },
    applied: {
      applied: applied.applied + settled.applied,
      resolved: applied.resolved + settled.resolved,
      deferred: applied.deferred + settled.deferred,
      rejected: applied.rejected + settled.rejected,
    },
    refusedByServer,
  };
}
