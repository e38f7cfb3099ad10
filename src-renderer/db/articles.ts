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
import type { ReadoutDB, StoredArticle } from './db';
import { markTouched } from './extraction-marks';
import { planStore, type StoreState, type StoreSummary } from './store-plan';

export type { StoreSummary };

/**
 * The stored records one batch can touch, in one round of reads whatever its size: the keys of
 * the articles with the batch's texts and at the batch's files (index look-ups, all sent at
 * once, keys only), then those articles, the batch's own ids and the found articles' library
 * entries in two bulk gets. Sent together, the look-ups cost one wait, not one per record.
 * (`anyOf` gives the same in one request but walks the index with a cursor, one step a key: ten
 * times the CPU in fake-indexeddb, and sequential round trips in a browser.)
 */
async function readState(db: ReadoutDB, articles: readonly Article[]): Promise<StoreState> {
  const ids = [...new Set(articles.map(a => a.id))];
  const sources = [...new Set(articles.map(a => a.source))];
  const keys = await Promise.all([
    ...ids.map(id => db.articles.where('contentHash').equals(id).primaryKeys()),
    ...sources.map(s => db.articles.where('source').equals(s).primaryKeys()),
  ]);
  const textIds = new Set(keys.slice(0, ids.length).flat());
  const sourceIds = new Set(keys.slice(ids.length).flat());
  const wanted = [...new Set([...textIds, ...sourceIds, ...ids])];
  const found = (await db.articles.bulkGet(wanted)).filter((a): a is StoredArticle => !!a);
  const read = new Map(found.map(a => [a.id, a]));
  const touched = found.filter(a => textIds.has(a.id) || sourceIds.has(a.id)).map(a => a.id);
  const entries = (await db.library.bulkGet(touched)).filter(e => e !== undefined);
  return {
    sameText: [...textIds].map(id => read.get(id)).filter((a): a is StoredArticle => !!a),
    sameSource: [...sourceIds].map(id => read.get(id)).filter((a): a is StoredArticle => !!a),
    takenIds: new Set(ids.filter(id => read.has(id))),
    entries,
  };
}

/**
 * Stores one batch in one transaction: all of it lands, or none of it does. `extractions` (main's
 * per-article meetings of the same articles, keyed by content id) are stored in the same
 * transaction, so an imported article is never without its meetings once it is listed. The
 * store is read in bulk once and written in bulk once (`store-plan.ts` works out the writes),
 * with the same outcome as storing the articles one at a time.
 */
export async function storeArticles(
  db: ReadoutDB,
  articles: Article[],
  now = Date.now(),
  extractions: ReadonlyMap<string, ArticleExtraction> = new Map(),
): Promise<StoreSummary> {
  // Main checks every article at the border; a record without its keys here is a bug upstream,
  // refused whole rather than stored where no look-up by file or text can find it again.
  const bad = articles.find(a => typeof a.id !== 'string' || typeof a.source !== 'string');
  if (bad)
    throw new Error(`An imported article has no id or file path (${String(bad.id ?? bad.file)}).`);
  return db.transaction('rw', db.articles, db.library, db.articleMeetings, db.meta, async () => {
    const plan = planStore(articles, await readState(db, articles), now, extractions);
    // The writes go out together, not one awaited after another: each await is a round trip to
    // the browser's storage process, and at 100 files a batch ten of them in a row were most of
    // a batch's store time on a loaded machine. IndexedDB runs a transaction's requests in the
    // order they were made, the tables (and `meta` rows) written here do not overlap, and any
    // failure still aborts the whole transaction, so what is stored is unchanged.
    const stored = [...plan.put, ...plan.add];
    await Promise.all([
      plan.put.length > 0 ? db.articles.bulkPut(plan.put) : null,
      plan.add.length > 0 ? db.articles.bulkAdd(plan.add) : null,
      // Their cached meetings were written, or are now for another text: the sync checks them.
      markTouched(
        db,
        stored.map(a => a.id),
      ),
      (async () => {
        const fresh = await takePending(db, plan.fresh);
        const entries = [...plan.entries, ...fresh];
        // A restored date of the analyst's own: the meetings are found against it, not cached.
        const ownDate = new Set(fresh.filter(e => e.edits?.published).map(e => e.articleId));
        const kept = plan.results.filter(r => !ownDate.has(r.articleId));
        await Promise.all([
          entries.length > 0 ? db.library.bulkPut(entries) : null,
          kept.length > 0 ? db.articleMeetings.bulkPut(kept) : null,
        ]);
      })(),
    ]);
    return plan.summary;
  });
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
