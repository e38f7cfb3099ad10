/**
 * The Dexie tables team sync adds: ReadoutDB's version 7 (db.ts) is `stores(SYNC_STORES)`.
 *
 * - Three new tables, empty after the upgrade: nothing is queued and nothing has been replicated
 *   before a team is joined.
 * - Joining a team queues every existing synced record once (`queueAll` in outbox.ts), so a desk's
 *   work from before the team reaches the server through the same path as new edits.
 * - Decisions gain the optional `authorId` and `supersedes` fields (not indexed: no schema change).
 * - db.test.ts opens a database of every earlier version at v7 and finds the work unchanged and
 *   these tables empty.
 */
import type { SyncedTable } from './documents';

export const SYNC_STORES = {
  /** Edits not yet written to PouchDB, in the order they were made; one row per edit. */
  syncOutbox: '++seq, docId',
  /**
   * Per-document state (`rev:<docId>` → the PouchDB revision Dexie reflects; `held:<docId>` → an
   * unreadable team revision the document's edits are set aside behind) and the checkpoint.
   */
  syncState: 'key',
  /** "Needs your decision": one row per field both sides changed, keyed `<docId>|<field>`. */
  syncConflicts: 'id, docId',
} as const;

/** One queued edit: which record changed; its content is read when the pump runs. */
export interface SyncOutboxRow {
  seq?: number;
  docId: string;
  table: SyncedTable;
  key: string;
}

export interface SyncStateRow {
  key: string;
  value: string | number;
}

/** One side of a conflicting field: the value, who wrote it and when. */
export interface ConflictValue {
  value: unknown;
  by: string;
  at: number;
}

export interface SyncConflictRow {
  id: string;
  docId: string;
  field: string;
  values: ConflictValue[];
}

/** Key of the changes-feed checkpoint in `syncState`. */
export const CHECKPOINT_KEY = 'checkpoint';

/**
 * Key of the desk PouchDB's update sequence as of the last push that completed: every document
 * written to the replica up to it is on the team server; later ones are still pending.
 */
export const PUSHED_KEY = 'pushed';

/** Prefix of `held:<docId>`: an edit set aside behind a team revision this build cannot read. */
export const HELD_PREFIX = 'held:';

/** Key under which `syncState` names the unreadable team revision a document's edits wait behind. */
export function heldKey(docId: string): string {
  return `${HELD_PREFIX}${docId}`;
}

/** Key of the revision Dexie reflects for a document. */
export function revKey(docId: string): string {
  return `rev:${docId}`;
}
