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
  // An article is its text (`articles`) and its entry's shared fields (`library`); storing one
  // may take library state a backup restored (`meta`) and queue it (`syncOutbox`).
  if (ref.table === 'articles') return [db.articles, db.library, db.meta, db.syncOutbox] as Table[];
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

function groupBy<T, K>(items: T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/**
 * `readData` for many records at once: one `bulkGet` per table instead of one `get` (and, outside
 * a transaction, one IndexedDB transaction) per record. Answers in the order of `refs`.
 */
export async function readDataMany(
  db: SyncDexie,
  refs: DocRef[],
): Promise<(Record<string, unknown> | null)[]> {
  const answers: (Record<string, unknown> | null)[] = new Array<null>(refs.length).fill(null);
  const byTable = groupBy(
    refs.map((_, i) => i),
    i => refs[i].table,
  );
  for (const [table, indexes] of byTable) {
    if (table === 'colourMeanings') {
      const data = await readData(db, { table, key: COLOUR_MEANINGS_KEY });
      for (const i of indexes) answers[i] = data;
      continue;
    }
    if (table === 'articles') {
      // An article is two records (text and library entry): its own reader puts them together.
      for (const i of indexes) answers[i] = await readData(db, refs[i]);
      continue;
    }
    const records = await (db[table] as Table<object, string>).bulkGet(
      indexes.map(i => refs[i].key),
    );
    indexes.forEach((i, n) => (answers[i] = records[n] ? plain(records[n]) : null));
  }
  return answers;
}

/**
 * `writeData` for many records: one `bulkPut` and one `bulkDelete` per table. Call it inside the
 * transaction that owns the writes; a record named twice ends as its last write says.
 */
export async function writeDataMany(
  db: SyncDexie,
  writes: { ref: DocRef; data: Record<string, unknown> | null }[],
): Promise<void> {
  const last = new Map<string, { ref: DocRef; data: Record<string, unknown> | null }>();
  for (const write of writes) last.set(`${write.ref.table}\u0000${write.ref.key}`, write);
  const byTable = groupBy([...last.values()], write => write.ref.table);
  for (const [table, group] of byTable) {
    if (table === 'colourMeanings' || table === 'articles') {
      for (const write of group) await writeData(db, write.ref, write.data);
      continue;
    }
    const store = db[table] as unknown as Table<Record<string, unknown>, string>;
    const puts = group.filter(w => w.data !== null).map(w => w.data!);
    const deletes = group.filter(w => w.data === null).map(w => w.ref.key);
    if (puts.length > 0) await store.bulkPut(puts);
    if (deletes.length > 0) await store.bulkDelete(deletes);
  }
}
