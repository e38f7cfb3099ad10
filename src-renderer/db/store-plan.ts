/**
 * What storing one batch of imported articles writes, worked out in memory from the few stored
 * records the batch can touch (read up front in bulk, see `articles.ts`). Records are taken in
 * batch order against a view of the store that each one's writes update, so a batch gives the
 * same library as storing its articles one at a time: a file that appears twice, a text that
 * appears under two names, an edit of an article added earlier in the same batch.
 */
import type { Article } from '../../src-main/contract/article';
import type { ArticleExtraction } from '../../src-main/contract/article-meetings';
import { TEAM_SOURCE_PREFIX } from '../sync/article-docs';
import { entryFromArticle } from './entries';
import type { LibraryEntry, StoredArticle, StoredArticleMeetings } from './db';

export interface StoreSummary {
  added: number;
  updated: number;
  unchanged: number;
}

/** The stored records a batch can touch, as read before planning. */
export interface StoreState {
  /** Every stored article whose `contentHash` is one of the batch's ids. */
  sameText: StoredArticle[];
  /** Every stored article at one of the batch's sources. */
  sameSource: StoredArticle[];
  /** The batch's ids that are already the id of a stored article. */
  takenIds: ReadonlySet<string>;
  /** The library entries of the articles above that have one. */
  entries: LibraryEntry[];
}

export interface StorePlan {
  summary: StoreSummary;
  /** Articles already stored, in their new form. */
  put: StoredArticle[];
  /** Articles new to the store. */
  add: StoredArticle[];
  /** Entries written as they are. */
  entries: LibraryEntry[];
  /** Entries of articles new to the library: a restored backup may hold state for them. */
  fresh: LibraryEntry[];
  /** Main's per-article meetings, one per article id, as the cache keeps them. */
  results: StoredArticleMeetings[];
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

/** The fields of an entry that come from the file (replaced by a re-import). */
function fileFields(e: LibraryEntry): Partial<LibraryEntry> {
  const { title, publisher, published, dateline, file, source, author, url } = e;
  return { title, publisher, published, dateline, file, source, author, url };
}

/**
 * The store as the batch sees it so far: the records read up front, with the batch's own writes
 * laid over them, and the two index look-ups the rules make (by content hash, by source).
 */
class View {
  readonly articles = new Map<string, StoredArticle>();
  readonly entries = new Map<string, LibraryEntry>();
  private readonly byHash = new Map<string, Set<string>>();
  private readonly bySource = new Map<string, string>();
  private readonly taken: Set<string>;

  constructor(state: StoreState) {
    this.taken = new Set(state.takenIds);
    for (const a of [...state.sameText, ...state.sameSource]) this.set(a);
    for (const e of state.entries) this.entries.set(e.articleId, e);
  }

  set(article: StoredArticle): void {
    const before = this.articles.get(article.id);
    if (before) {
      this.byHash.get(before.contentHash)?.delete(before.id);
      if (this.bySource.get(before.source) === before.id) this.bySource.delete(before.source);
    }
    this.articles.set(article.id, article);
    this.taken.add(article.id);
    let ids = this.byHash.get(article.contentHash);
    if (!ids) this.byHash.set(article.contentHash, (ids = new Set()));
    ids.add(article.id);
    this.bySource.set(article.source, article.id);
  }

  /** The article `where('contentHash').equals(hash).first()` finds: the lowest id. */
  withText(hash: string): StoredArticle | undefined {
    let first: string | undefined;
    for (const id of this.byHash.get(hash) ?? []) if (first === undefined || id < first) first = id;
    return first === undefined ? undefined : this.articles.get(first);
  }

  atSource(source: string): StoredArticle | undefined {
    const id = this.bySource.get(source);
    return id === undefined ? undefined : this.articles.get(id);
  }

  isTaken(id: string): boolean {
    return this.taken.has(id);
  }
}

/** Works out one batch's writes; see the module comment. Reads nothing. */
export function planStore(
  articles: readonly Article[],
  state: StoreState,
  now: number,
  extractions: ReadonlyMap<string, ArticleExtraction>,
): StorePlan {
  const summary: StoreSummary = { added: 0, updated: 0, unchanged: 0 };
  const view = new View(state);
  const known = new Set(view.articles.keys());
  const changed = new Set<string>();
  const added = new Set<string>();
  const written = new Set<string>();
  const fresh = new Set<string>();
  const results = new Map<string, StoredArticleMeetings>();
  const putEntry = (entry: LibraryEntry) => {
    view.entries.set(entry.articleId, entry);
    if (!fresh.has(entry.articleId)) written.add(entry.articleId);
  };
  const write = (article: StoredArticle) => {
    view.set(article);
    (known.has(article.id) ? changed : added).add(article.id);
  };

  for (const article of articles) {
    const sameText = view.withText(article.id);
    if (sameText?.source.startsWith(TEAM_SOURCE_PREFIX) && !view.atSource(article.source)) {
      // A teammate's article, now imported here too: it takes this desk's file place, so a
      // later edit of the file updates it (the place never leaves the desk).
      write({ ...sameText, source: article.source, file: article.file });
      const entry = view.entries.get(sameText.id);
      if (entry) putEntry({ ...entry, source: article.source, file: article.file });
      summary.unchanged++;
      continue;
    }
    if (sameText) {
      if (!view.entries.has(sameText.id)) {
        fresh.add(sameText.id);
        view.entries.set(sameText.id, entryFromArticle(sameText, sameText.importedAt));
      }
      summary.unchanged++;
      continue;
    }
    const sameSource = view.atSource(article.source);
    if (sameSource) {
      write({
        ...article,
        id: sameSource.id,
        contentHash: article.id,
        importedAt: sameSource.importedAt,
        updatedAt: now,
      });
      const entry = entryFromArticle({ ...article, id: sameSource.id }, sameSource.importedAt);
      const state = view.entries.get(sameSource.id);
      putEntry(state ? { ...state, ...fileFields(entry) } : entry);
      const result = cached(extractions.get(article.id), sameSource.id, article.id, state);
      if (result) results.set(result.articleId, result);
      summary.updated++;
    } else if (view.isTaken(article.id)) {
      // The first version of an article that has since been edited (a backup copy in another
      // folder): its content id is that article's id, so adding it would fail the whole batch.
      summary.unchanged++;
    } else {
      write({ ...article, contentHash: article.id, importedAt: now, updatedAt: now });
      fresh.add(article.id);
      view.entries.set(article.id, entryFromArticle(article, now));
      const result = cached(extractions.get(article.id), article.id, article.id, undefined);
      if (result) results.set(result.articleId, result);
      summary.added++;
    }
  }
  const pick = <T>(ids: Set<string>, from: Map<string, T>): T[] =>
    [...ids].map(id => from.get(id)!);
  return {
    summary,
    put: pick(changed, view.articles),
    add: pick(added, view.articles),
    entries: pick(written, view.entries),
    fresh: pick(fresh, view.entries),
    results: [...results.values()],
  };
}
