/**
 * The Dexie tables the bridge reads and writes, and how a record is read from and written to its
 * table. The app's ReadoutDB has these tables (version 7 adds SYNC_STORES, sync-stores.ts), so a
 * ReadoutDB is a SyncDexie.
 */
import type { Dexie, Table } from 'dexie';
import type { MeetingDecision, ReadoutDB } from '../db/db';
import { readArticleData, storeTeamArticle } from './article-docs';
import { colourFields, colourNames, COLOUR_MEANINGS_KEY, type DocRef } from './documents';
import { syncIdentity } from './outbox-capture';

/** A decision as synced: immutable, authored, naming the decisions it replaces (db.ts). */
export type SyncedDecision = MeetingDecision;

/** The tables sync reads and writes, typed as ReadoutDB declares them. */
export type SyncTables = Pick<
  ReadoutDB,
  | 'highlights'
  | 'articleNotes'
  | 'meetingDecisions'
  | 'briefings'
  | 'meta'
  | 'syncOutbox'
  | 'syncState'
  | 'syncConflicts'
  | 'articles'
  | 'library'
>;

export type SyncDexie = Dexie & SyncTables;

/** Every table one applied batch may touch, for `db.transaction('rw', …)`. */
export function syncedTables(db: SyncDexie): Table[] {
  return [
    db.highlights,
    db.articleNotes,
    db.meetingDecisions,
    db.briefings,
    db.meta,
    db.syncOutbox,
    db.syncState,
    db.syncConflicts,
    db.articles,
    db.library,
  ] as Table[];
}

/** The tables a record of `ref`'s kind is read from and written to. */
export function tablesOf(db: SyncDexie, ref: DocRef): Table[] {
  if (ref.table === 'colourMeanings') return [db.meta];
  // An article is its text (`articles`) and its entry's shared fields (`library`).
  if (ref.table === 'articles') return [db.articles, db.library] as Table[];
  return [db[ref.table] as Table];
}

function plain(record: object): Record<string, unknown> {
  return JSON.parse(JSON.stringify(record)) as Record<string, unknown>;
}

/** The record's fields as a document holds them; null when the record does not exist. */
export async function readData(
  db: SyncDexie,
  ref: DocRef,
): Promise<Record<string, unknown> | null> {
  if (ref.table === 'colourMeanings') {
    const meta = await db.meta.get(COLOUR_MEANINGS_KEY);
    return meta ? colourFields(meta.value) : null;
  }
  if (ref.table === 'articles') {
    return readArticleData(db, ref.key, syncIdentity(db) ?? 'local');
  }
  const record = await (db[ref.table] as Table<object, string>).get(ref.key);
  return record ? plain(record) : null;
}

/** Writes a document's fields to the record's table, or deletes the record for null. */
export async function writeData(
  db: SyncDexie,
  ref: DocRef,
  data: Record<string, unknown> | null,
): Promise<void> {
  if (ref.table === 'colourMeanings') {
    if (data) await db.meta.put({ key: COLOUR_MEANINGS_KEY, value: colourNames(data) });
    else await db.meta.delete(COLOUR_MEANINGS_KEY);
    return;
  }
  if (ref.table === 'articles') {
    await storeTeamArticle(db, ref.key, data);
    return;
  }
  const table = db[ref.table] as unknown as Table<Record<string, unknown>, string>;
  if (data) await table.put(data);
  else await table.delete(ref.key);
}
