/**
 * One sync round of a desk: queued edits into PouchDB, PouchDB to the team server and back
 * (CouchDB's replication protocol, done by PouchDB), then the team's changes into Dexie, with
 * conflicts resolved and the resolutions sent back. The desk's live sync will run rounds on
 * changes and on a timer; tests run them by hand to place network splits exactly.
 */
import { applyChanges, type ApplyReport } from './changes-applier';
import { pumpOutbox, type PumpReport } from './outbox';
import type { SyncDexie } from './sync-db';

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

async function push(desk: Desk, remote: ReadoutPouch.Database): Promise<number> {
  const result = await desk.local.replicate.to(remote);
  return result.doc_write_failures;
}

/** Runs one round against `remote`; rejects when the server cannot be reached or refuses the user. */
export async function syncRound(desk: Desk, remote: ReadoutPouch.Database): Promise<RoundReport> {
  const context = { me: desk.me, now: desk.now };
  const pumped = await pumpOutbox(desk.db, desk.local, context);
  let refusedByServer = await push(desk, remote);
  await desk.local.replicate.from(remote);
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
