/**
 * The trash, as fields of the records (db.ts `Trashable`): trashing a highlight or a note sets
 * `trashedAt` and `trashedBy`, restoring removes them, emptying the trash deletes the trashed
 * records for good. Each is one write of one record (or one transaction for an article's work),
 * so team sync sends a trashing as an edit, and a colleague's edit of the same record merges
 * with it instead of being lost to a deletion.
 *
 * The trash reads through the `trashedAt` and `trashedWithArticle` indexes, which hold only
 * trashed records: the trash view and "Empty trash" never read the live work.
 */
import type { Table } from 'dexie';
import { syncIdentity } from '../sync/outbox-capture';
import type { ArticleNote, Highlight, ReadoutDB, Trashable } from './db';

/** Who trashes on a desk not in a team. */
export const LOCAL_USER = 'local';

/** The name `trashedBy` records: the analyst's team user name once in a team, else 'local'. */
export function trasher(db: ReadoutDB): string {
  return syncIdentity(db) ?? LOCAL_USER;
}

export function isTrashed(record: Trashable): boolean {
  return record.trashedAt !== undefined;
}

/** The record without its trash fields: what restoring writes back. */
export function withoutTrash<T extends Trashable>(record: T): T {
  const copy = { ...record };
  delete copy.trashedAt;
  delete copy.trashedBy;
  delete copy.trashedWithArticle;
  return copy;
}

/** One entry of the trash view: a highlight or note trashed on its own. */
export type TrashItem =
  | { kind: 'highlight'; key: string; record: Highlight; trashedAt: number; trashedBy: string }
  | {
      kind: 'article-note';
      key: string;
      record: ArticleNote;
      trashedAt: number;
      trashedBy: string;
    };

export type TrashKind = TrashItem['kind'];

function tableOf(db: ReadoutDB, kind: TrashKind): Table<Highlight | ArticleNote, string> {
  return (kind === 'highlight' ? db.highlights : db.articleNotes) as Table<
    Highlight | ArticleNote,
    string
  >;
}

async function trashOne(
  db: ReadoutDB,
  kind: TrashKind,
  key: string,
  now: number,
): Promise<Highlight | ArticleNote | null> {
  const table = tableOf(db, kind);
  return db.transaction('rw', table, async () => {
    const record = await table.get(key);
    if (!record || isTrashed(record)) return null;
    await table.put({ ...record, trashedAt: now, trashedBy: trasher(db), updatedAt: now });
    return record;
  });
}

/** Sends a highlight to the trash. Resolves to the record as it was, or null if not live. */
export async function trashHighlight(
  db: ReadoutDB,
  id: string,
  now = Date.now(),
): Promise<Highlight | null> {
  return (await trashOne(db, 'highlight', id, now)) as Highlight | null;
}

/** Sends an article's note (text and tags) to the trash; null when it had no live note. */
export async function trashArticleNote(
  db: ReadoutDB,
  articleId: string,
  now = Date.now(),
): Promise<ArticleNote | null> {
  return (await trashOne(db, 'article-note', articleId, now)) as ArticleNote | null;
}

/**
 * Brings a record trashed on its own back. `key` is the highlight id or the note's article id.
 * Resolves to false when no such record is in the trash (or it went with its article: restoring
 * the article brings it back).
 */
export function untrash(
  db: ReadoutDB,
  kind: TrashKind,
  key: string,
  now = Date.now(),
): Promise<boolean> {
  const table = tableOf(db, kind);
  return db.transaction('rw', table, async () => {
    const record = await table.get(key);
    if (!record || !isTrashed(record) || record.trashedWithArticle !== undefined) return false;
    await table.put({ ...withoutTrash(record), updatedAt: now });
    return true;
  });
}

/** Highlights and notes trashed on their own, newest first. */
export async function trashedItems(db: ReadoutDB): Promise<TrashItem[]> {
  const [highlights, notes] = await db.transaction('r', db.highlights, db.articleNotes, () =>
    Promise.all([
      db.highlights.orderBy('trashedAt').toArray(),
      db.articleNotes.orderBy('trashedAt').toArray(),
    ]),
  );
  const items: TrashItem[] = [
    ...highlights.map(record => ({
      kind: 'highlight' as const,
      key: record.id,
      record,
      trashedAt: record.trashedAt!,
      trashedBy: record.trashedBy ?? LOCAL_USER,
    })),
    ...notes.map(record => ({
      kind: 'article-note' as const,
      key: record.articleId,
      record,
      trashedAt: record.trashedAt!,
      trashedBy: record.trashedBy ?? LOCAL_USER,
    })),
  ];
  return items
    .filter(item => item.record.trashedWithArticle === undefined)
    .sort((a, b) => b.trashedAt - a.trashedAt || a.key.localeCompare(b.key));
}

/**
 * Deletes the highlights and notes trashed on their own, for good (in a team, the deletion of
 * their documents reaches the others). What went with a deleted article stays with it until the
 * article is restored (deleting articles for good is not offered yet).
 */
export async function emptyTrash(db: ReadoutDB): Promise<void> {
  await db.transaction('rw', db.highlights, db.articleNotes, async () => {
    const alone = (r: Trashable) => r.trashedWithArticle === undefined;
    await db.highlights.orderBy('trashedAt').filter(alone).delete();
    await db.articleNotes.orderBy('trashedAt').filter(alone).delete();
  });
}

/**
 * Sends an article's live highlights and note to the trash with it. Runs inside the caller's
 * transaction (library.ts trashes the entry in the same one).
 */
export async function trashWorkOf(db: ReadoutDB, articleId: string, now: number): Promise<void> {
  const by = trasher(db);
  const mark = <T extends Trashable>(r: T): T => ({
    ...r,
    trashedAt: now,
    trashedBy: by,
    trashedWithArticle: articleId,
    updatedAt: now,
  });
  const highlights = await db.highlights.where('articleId').equals(articleId).toArray();
  await db.highlights.bulkPut(highlights.filter(h => !isTrashed(h)).map(mark));
  const note = await db.articleNotes.get(articleId);
  if (note && !isTrashed(note)) await db.articleNotes.put(mark(note));
}

/** Brings back what went to the trash with an article; inside the caller's transaction. */
export async function restoreWorkOf(db: ReadoutDB, articleId: string, now: number): Promise<void> {
  const back = <T extends Trashable>(r: T): T => ({ ...withoutTrash(r), updatedAt: now });
  const highlights = await db.highlights.where('trashedWithArticle').equals(articleId).toArray();
  await db.highlights.bulkPut(highlights.map(back));
  const notes = await db.articleNotes.where('trashedWithArticle').equals(articleId).toArray();
  await db.articleNotes.bulkPut(notes.map(back));
}

/** Article id → how many highlights and notes went to the trash with it (index keys only). */
export async function workTrashedWithArticles(db: ReadoutDB): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const [h, n] = await Promise.all([
    db.highlights.orderBy('trashedWithArticle').keys(),
    db.articleNotes.orderBy('trashedWithArticle').keys(),
  ]);
  for (const key of [...h, ...n]) counts.set(String(key), (counts.get(String(key)) ?? 0) + 1);
  return counts;
}
