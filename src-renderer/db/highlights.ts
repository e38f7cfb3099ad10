/**
 * Repositories for the analyst's desk: highlights, article notes and the trash. Writes that touch
 * two tables (deleting into the trash, restoring from it) run in one transaction, so a highlight
 * is never in both places or in neither.
 */
import { describeRange } from '../anchoring/describe';
import type { ArticleNote, Highlight, ReadoutDB, StoredArticle, TrashItem } from './db';

/** A new highlight of `article.text.slice(start, end)`; not stored yet. */
export function newHighlight(
  article: Pick<StoredArticle, 'id' | 'text' | 'contentHash'>,
  start: number,
  end: number,
  colour: number,
  now = Date.now(),
): Highlight {
  const { quote, position } = describeRange(article.text, start, end);
  return {
    id: crypto.randomUUID(),
    articleId: article.id,
    colour,
    quote,
    position,
    articleVersion: article.contentHash,
    note: '',
    tags: [],
    createdAt: now,
    updatedAt: now,
  };
}

/** Every highlight of one article, in no particular order (callers sort by anchored position). */
export function highlightsOf(db: ReadoutDB, articleId: string): Promise<Highlight[]> {
  return db.highlights.where('articleId').equals(articleId).toArray();
}

type TrashKind = TrashItem['kind'];

function keyOf(kind: TrashKind, record: Highlight | ArticleNote): string {
  return kind === 'highlight' ? (record as Highlight).id : record.articleId;
}

/** Moves a highlight to the trash. Resolves to the record moved, or null if it was not there. */
export function trashHighlight(
  db: ReadoutDB,
  id: string,
  now = Date.now(),
): Promise<Highlight | null> {
  return db.transaction('rw', db.highlights, db.trash, async () => {
    const record = await db.highlights.get(id);
    if (!record) return null;
    await db.highlights.delete(id);
    await db.trash.add({ kind: 'highlight', record, deletedAt: now });
    return record;
  });
}

/** Moves an article's note (text and tags) to the trash; null when it had none. */
export function trashArticleNote(
  db: ReadoutDB,
  articleId: string,
  now = Date.now(),
): Promise<ArticleNote | null> {
  return db.transaction('rw', db.articleNotes, db.trash, async () => {
    const record = await db.articleNotes.get(articleId);
    if (!record) return null;
    await db.articleNotes.delete(articleId);
    await db.trash.add({ kind: 'article-note', record, deletedAt: now });
    return record;
  });
}

/**
 * Puts a trashed record back where it was and removes it from the trash. `key` is the highlight
 * id or the article id of a note. Resolves to false when the trash held no such record.
 */
export function untrash(db: ReadoutDB, kind: TrashKind, key: string): Promise<boolean> {
  return db.transaction('rw', db.highlights, db.articleNotes, db.trash, async () => {
    const items = await db.trash
      .where('kind')
      .equals(kind)
      .filter(item => !item.withArticle && keyOf(kind, item.record) === key)
      .toArray();
    if (items.length === 0) return false;
    const latest = items.reduce((a, b) => (b.deletedAt >= a.deletedAt ? b : a));
    if (kind === 'highlight') await db.highlights.put(latest.record as Highlight);
    else await db.articleNotes.put(latest.record as ArticleNote);
    await db.trash.bulkDelete(items.map(i => i.id!));
    return true;
  });
}

/** The key `untrash` takes for a trash item. */
export function trashKey(item: TrashItem): string {
  return keyOf(item.kind, item.record);
}

/**
 * Deletes the trashed highlights and notes for good. What went to the trash with a deleted article
 * stays with it until the article is restored (deleting articles for good is not offered yet).
 */
export async function emptyTrash(db: ReadoutDB): Promise<void> {
  await db.trash.filter(item => !item.withArticle).delete();
}

/** Every tag used on a highlight or an article, sorted, for completion. */
export async function allTags(db: ReadoutDB): Promise<string[]> {
  const [a, b] = await Promise.all([
    db.highlights.orderBy('tags').uniqueKeys(),
    db.articleNotes.orderBy('tags').uniqueKeys(),
  ]);
  return [...new Set([...a, ...b].map(String))].sort((x, y) => x.localeCompare(y));
}

/** Normalises a typed tag: trimmed, inner whitespace collapsed; null when nothing is left. */
export function cleanTag(raw: string): string | null {
  const tag = raw.trim().replace(/\s+/g, ' ').replace(/^#/, '');
  return tag ? tag.slice(0, 60) : null;
}
