/**
 * Storing imported articles. Idempotent: the same text again changes nothing; an edited file
 * (same source, new text) updates its article in place, keeping the article's id so that
 * everything the analyst attached to it stays attached. Nothing the analyst wrote is touched:
 * the library entry's file fields follow the new file, its state (read, archived, trashed, the
 * analyst's metadata edits) stays.
 */
import type { Article } from '../../src-main/contract/article';
import type { ArticleExtraction } from '../../src-main/contract/article-meetings';
import { takePending } from '../backup/library-state';
import { TEAM_SOURCE_PREFIX } from '../sync/article-docs';
import {
  entryFromArticle,
  type LibraryEntry,
  type ReadoutDB,
  type StoredArticle,
  type StoredArticleMeetings,
} from './db';

export interface StoreSummary {
  added: number;
  updated: number;
  unchanged: number;
}

/**
 * The per-article meetings main extracted at import, as the `articleMeetings` cache keeps them:
 * under the id the article is stored as (an edited file keeps its first id) and its new content
 * hash. None when the analyst gave the article a date of their own: its meetings depend on that
 * date, and the sync extracts it against it.
 */
function cached(
  extraction: ArticleExtraction | undefined,
  id: string,
  contentHash: string,
  state: LibraryEntry | undefined,
): StoredArticleMeetings | null {
  if (!extraction || state?.edits?.published !== undefined) return null;
  return {
    articleId: id,
    extractorVersion: extraction.extractorVersion,
    meetings: extraction.meetings.map(m => ({ ...m, articleId: id })),
    contentHash,
  };
}

/**
 * Stores one batch in one transaction: all of it lands, or none of it does. `extractions` (main's
 * per-article meetings of the same articles, keyed by content id) are stored in the same
 * transaction, so an imported article is never without its meetings once it is listed.
 */
export async function storeArticles(
  db: ReadoutDB,
  articles: Article[],
  now = Date.now(),
  extractions: ReadonlyMap<string, ArticleExtraction> = new Map(),
): Promise<StoreSummary> {
  const summary: StoreSummary = { added: 0, updated: 0, unchanged: 0 };
  const results: StoredArticleMeetings[] = [];
  /** Entries of articles new to the library; a restored backup may hold state for them. */
  const fresh: LibraryEntry[] = [];
  await db.transaction('rw', db.articles, db.library, db.articleMeetings, db.meta, async () => {
    for (const article of articles) {
      const sameText = await db.articles.where('contentHash').equals(article.id).first();
      if (
        sameText?.source.startsWith(TEAM_SOURCE_PREFIX) &&
        !(await db.articles.where('source').equals(article.source).first())
      ) {
        // A teammate's article, now imported here too: it takes this desk's file place, so a
        // later edit of the file updates it (the place never leaves the desk).
        await db.articles.put({ ...sameText, source: article.source, file: article.file });
        const entry = await db.library.get(sameText.id);
        if (entry) await db.library.put({ ...entry, source: article.source, file: article.file });
        summary.unchanged++;
        continue;
      }
      if (sameText) {
        if (!fresh.some(e => e.articleId === sameText.id) && !(await db.library.get(sameText.id)))
          fresh.push(entryFromArticle(sameText, sameText.importedAt));
        summary.unchanged++;
        continue;
      }
      const sameSource = await db.articles.where('source').equals(article.source).first();
      if (sameSource) {
        await db.articles.put({
          ...article,
          id: sameSource.id,
          contentHash: article.id,
          importedAt: sameSource.importedAt,
          updatedAt: now,
        });
        const fresh = entryFromArticle({ ...article, id: sameSource.id }, sameSource.importedAt);
        const state = await db.library.get(sameSource.id);
        await db.library.put(state ? { ...state, ...fileFields(fresh) } : fresh);
        const result = cached(extractions.get(article.id), sameSource.id, article.id, state);
        if (result) results.push(result);
        summary.updated++;
      } else if (await db.articles.get(article.id)) {
        // The first version of an article that has since been edited (a backup copy in another
        // folder): its content id is that article's id, so adding it would fail the whole batch.
        summary.unchanged++;
      } else {
        await db.articles.add({
          ...article,
          contentHash: article.id,
          importedAt: now,
          updatedAt: now,
        });
        fresh.push(entryFromArticle(article, now));
        const result = cached(extractions.get(article.id), article.id, article.id, undefined);
        if (result) results.push(result);
        summary.added++;
      }
    }
    const entries = await takePending(db, fresh);
    await db.library.bulkPut(entries);
    // A restored date of the analyst's own: the meetings are found against it, not cached here.
    const ownDate = new Set(entries.filter(e => e.edits?.published).map(e => e.articleId));
    const kept = results.filter(r => !ownDate.has(r.articleId));
    if (kept.length > 0) await db.articleMeetings.bulkPut(kept);
  });
  return summary;
}

/**
 * Stores articles in batches, reporting progress after each committed batch with what the
 * committed batches did so far. A failing batch throws; the batches before it stay stored.
 */
export async function storeInBatches(
  db: ReadoutDB,
  articles: Article[],
  options: {
    batchSize?: number;
    onProgress?: (done: number, total: number, stored: StoreSummary) => void;
    /** Main's per-article meetings of these articles, stored with them (see storeArticles). */
    extractions?: ArticleExtraction[];
  } = {},
): Promise<StoreSummary> {
  const size = options.batchSize ?? 250;
  const total: StoreSummary = { added: 0, updated: 0, unchanged: 0 };
  const byId = new Map((options.extractions ?? []).map(r => [r.articleId, r]));
  for (let i = 0; i < articles.length; i += size) {
    const s = await storeArticles(db, articles.slice(i, i + size), Date.now(), byId);
    total.added += s.added;
    total.updated += s.updated;
    total.unchanged += s.unchanged;
    options.onProgress?.(Math.min(i + size, articles.length), articles.length, { ...total });
  }
  return total;
}

/** The fields of an entry that come from the file (replaced by a re-import). */
function fileFields(e: LibraryEntry): Partial<LibraryEntry> {
  const { title, publisher, published, dateline, file, source, author, url } = e;
  return { title, publisher, published, dateline, file, source, author, url };
}

/** Library order: newest publication first, undated last, then by title. */
export function sortForLibrary(articles: StoredArticle[]): StoredArticle[] {
  return [...articles].sort((a, b) => {
    if (a.published !== b.published) {
      if (!a.published) return 1;
      if (!b.published) return -1;
      return a.published < b.published ? 1 : -1;
    }
    return a.title.localeCompare(b.title);
  });
}
