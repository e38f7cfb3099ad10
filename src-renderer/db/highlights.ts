/**
 * Repositories for the analyst's desk: highlights and article notes as the views read them, live
 * only (the trash is fields of these records: trash.ts).
 */
import { describeRange } from '../anchoring/describe';
import type { ArticleNote, Highlight, ReadoutDB, StoredArticle } from './db';

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

/**
 * Every live highlight of one article, in no particular order (callers sort by anchored
 * position). Read by the article index; the trashed ones of that article are skipped.
 */
export function highlightsOf(db: ReadoutDB, articleId: string): Promise<Highlight[]> {
  return db.highlights
    .where('articleId')
    .equals(articleId)
    .filter(h => h.trashedAt === undefined)
    .toArray();
}

/** Every live (not trashed) highlight, for the All highlights view. */
export async function liveHighlights(db: ReadoutDB): Promise<Highlight[]> {
  return (await db.highlights.toArray()).filter(h => h.trashedAt === undefined);
}

/** An article's note, or null when it has none or its note is in the trash. */
export async function liveNote(db: ReadoutDB, articleId: string): Promise<ArticleNote | null> {
  const note = await db.articleNotes.get(articleId);
  return note && note.trashedAt === undefined ? note : null;
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
