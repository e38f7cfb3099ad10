/**
 * Keeping the `meetings` table in step with the library without re-reading it: each article is
 * extracted once per text and extractor version (its per-article results cached in
 * `articleMeetings`), only articles without a current result are sent to main, a batch at a
 * time, and the merge is fed the cached results alone, never article text. Meetings the change
 * does not touch keep their stored rows. The analyst's decisions live in their own table and are
 * never touched here.
 */
import type { ArticleExtraction } from '../../src-main/contract/article-meetings';
import type { ReadoutApi } from '../../src-main/contract/api';
import type { Meeting } from '../../src-main/contract/meeting';
import type { ReadoutDB, StoredArticle, StoredMeeting } from '../db/db';
import { extractionKey, extractionKeys } from '../db/library';
import { articleForExtraction } from './article-payload';

/** The two main-process calls a sync needs (the app passes its bridge `api`). */
export type MeetingsEngine = Pick<ReadoutApi, 'extractArticleMeetings' | 'mergeArticleMeetings'>;

export const FINGERPRINT_KEY = 'meetings.fingerprint';

/**
 * Articles sent to main per extraction call (the channel takes up to 200): each message stays
 * about 100 KB whatever the size of the library.
 */
export const EXTRACT_BATCH = 50;

/** The set of article texts: ids and content hashes, sorted, so order never matters. */
export function fingerprint(articles: Pick<StoredArticle, 'id' | 'contentHash'>[]): string {
  return articles
    .map(a => `${a.id}:${a.contentHash}`)
    .sort()
    .join(',');
}

/**
 * Every live article's id and extraction key (its content hash, with its edited date when the
 * analyst gave it one), read from indexes alone. Trashed articles are left out, so the merge
 * loses them as a source; archived ones stay.
 */
function storedHashes(db: ReadoutDB): Promise<Pick<StoredArticle, 'id' | 'contentHash'>[]> {
  return extractionKeys(db);
}

/**
 * The fingerprint of the stored library, read from the `contentHash` index alone: no article text
 * is loaded, so checking whether the library changed stays cheap at any size.
 */
export async function storedFingerprint(db: ReadoutDB): Promise<string> {
  return fingerprint(await storedHashes(db));
}

/** A meeting with the keys the list and timeline query by. */
export function toStored(m: Meeting): StoredMeeting {
  const codes = [...m.participants.countries.map(c => c.code), m.place.country?.code];
  return {
    ...m,
    dateStart: m.date.start ?? '',
    countryCodes: [...new Set(codes.filter((c): c is string => !!c))],
    articleIds: [...new Set(m.mentions.map(x => x.articleId))],
  };
}

export type SyncOutcome =
  | { kind: 'unchanged' }
  /** `extracted`: how many articles went to the extractor (the others came from the cache). */
  | { kind: 'extracted'; meetings: number; extracted: number }
  /** The library changed while the extractor worked (an import, a restore): answer discarded. */
  | { kind: 'stale' }
  | { kind: 'failed'; message: string };

/**
 * Extracts the articles that have no current per-article result, a batch at a time, and stores
 * each batch's results as it arrives (so an interrupted sync resumes where it stopped). Returns
 * how many articles were extracted, or an error message.
 */
async function extractMissing(
  db: ReadoutDB,
  engine: MeetingsEngine,
  hashes: Pick<StoredArticle, 'id' | 'contentHash'>[],
): Promise<number | string> {
  const cached = new Map<string, string>();
  await db.articleMeetings
    .orderBy('contentHash')
    .eachKey((hash, cursor) => cached.set(String(cursor.primaryKey), String(hash)));
  const live = new Set(hashes.map(h => h.id));
  const gone = [...cached.keys()].filter(id => !live.has(id));
  if (gone.length > 0) await db.articleMeetings.bulkDelete(gone);
  const missing = hashes.filter(h => cached.get(h.id) !== h.contentHash).map(h => h.id);
  const keyOf = new Map(hashes.map(h => [h.id, h.contentHash]));
  for (let i = 0; i < missing.length; i += EXTRACT_BATCH) {
    // The analyst's date (after the `@` of the key) is the one relative dates resolve against.
    const articles = (await db.articles.bulkGet(missing.slice(i, i + EXTRACT_BATCH)))
      .filter((a): a is StoredArticle => a !== undefined)
      .map(a => ({ ...a, published: keyOf.get(a.id)?.split('@')[1] ?? a.published }));
    if (articles.length === 0) continue;
    const result = await engine.extractArticleMeetings(articles.map(articleForExtraction));
    if (!result.ok) return result.error.message;
    const hashOf = new Map(articles.map(a => [a.id, keyOf.get(a.id) ?? a.contentHash]));
    await db.transaction('rw', db.articles, db.library, db.articleMeetings, async () => {
      // Keep only answers for texts (and dates) still stored: an edit meanwhile is extracted next.
      const ids = articles.map(a => a.id);
      const [texts, entries] = await Promise.all([
        db.articles.bulkGet(ids),
        db.library.bulkGet(ids),
      ]);
      const current = new Set(
        ids.filter((id, k) => {
          const text = texts[k];
          return text && extractionKey(text, entries[k]) === hashOf.get(id);
        }),
      );
      await db.articleMeetings.bulkPut(
        result.value.results
          .filter(r => current.has(r.articleId))
          .map(r => ({ ...r, contentHash: hashOf.get(r.articleId) ?? '' })),
      );
    });
  }
  return missing.length;
}

/**
 * Brings the meetings up to date with the library when it changed since the last sync (or
 * always, with `force`): extracts only what is new, merges from the cache, and writes only the
 * meetings that changed. When the library changes while this runs (an import, or a restore that
 * brought its own meetings), the answer describes a library that no longer exists: it is
 * discarded, never written over what is there, and the caller syncs again.
 */
export async function syncMeetings(
  db: ReadoutDB,
  engine: MeetingsEngine,
  options: { force?: boolean } = {},
): Promise<SyncOutcome> {
  // On every start the library is usually unchanged: decide that from the index before loading
  // anything else.
  const hashes = await storedHashes(db);
  const print = fingerprint(hashes);
  if (!options.force && (await db.meta.get(FINGERPRINT_KEY))?.value === print) {
    return { kind: 'unchanged' };
  }
  let extracted = 0;
  let merged: { meetings: Meeting[]; stale: string[] } | null = null;
  // A second round re-extracts results main called stale (an upgraded extractor).
  for (let round = 0; round < 2 && !merged; round++) {
    const n = await extractMissing(db, engine, hashes);
    if (typeof n === 'string') return { kind: 'failed', message: n };
    extracted += n;
    const results: ArticleExtraction[] = (await db.articleMeetings.toArray()).map(r => ({
      articleId: r.articleId,
      extractorVersion: r.extractorVersion,
      meetings: r.meetings,
    }));
    const answer = await engine.mergeArticleMeetings(results);
    if (!answer.ok) return { kind: 'failed', message: answer.error.message };
    if (answer.value.stale.length > 0 && round === 0)
      await db.articleMeetings.bulkDelete(answer.value.stale);
    else merged = answer.value;
  }
  if (!merged) return { kind: 'failed', message: 'The extractor kept reporting stale results.' };
  const meetings = merged.meetings.map(toStored);
  const stored = await db.transaction(
    'rw',
    db.articles,
    db.library,
    db.meetings,
    db.meta,
    async () => {
      if ((await storedFingerprint(db)) !== print) return false;
      await writeChanged(db, meetings);
      await db.meta.put({ key: FINGERPRINT_KEY, value: print });
      return true;
    },
  );
  return stored ? { kind: 'extracted', meetings: meetings.length, extracted } : { kind: 'stale' };
}

/** Replaces the stored meetings with `meetings`, writing only rows that changed or are new. */
async function writeChanged(db: ReadoutDB, meetings: StoredMeeting[]): Promise<void> {
  const next = new Map(meetings.map(m => [m.id, m]));
  const old = await db.meetings.toArray();
  const unchanged = new Set(
    old.filter(m => JSON.stringify(m) === JSON.stringify(next.get(m.id))).map(m => m.id),
  );
  const removed = old.filter(m => !next.has(m.id)).map(m => m.id);
  if (removed.length > 0) await db.meetings.bulkDelete(removed);
  const changed = meetings.filter(m => !unchanged.has(m.id));
  if (changed.length > 0) await db.meetings.bulkPut(changed);
}

export type SyncStatus =
  { kind: 'idle' } | { kind: 'running' } | { kind: 'failed'; message: string };

/**
 * Runs syncs one at a time: a request during a run schedules exactly one more run after it, so
 * a burst of import batches ends in one extraction of the final library, never two at once.
 */
export class SyncQueue {
  private running: Promise<void> | null = null;
  private again = false;
  private paused = false;
  /** A request arrived (or an answer went stale) while paused: extract once on resume. */
  private deferred = false;
  private status: SyncStatus = { kind: 'idle' };
  private listeners = new Set<() => void>();

  constructor(
    private readonly db: ReadoutDB,
    private readonly engine: MeetingsEngine,
  ) {}

  getStatus = (): SyncStatus => this.status;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * Holds extraction while an import stores its batches, so the import ends in one extraction of
   * the whole library rather than one per batch, each thrown away as the next batch lands.
   */
  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    if (this.deferred) {
      this.deferred = false;
      void this.request();
    }
  }

  /**
   * Resolves when the library as it is now has been extracted (or extraction failed), or at once
   * while paused: the extraction then follows `resume()`.
   */
  request(): Promise<void> {
    if (this.paused) {
      this.deferred = true;
      return this.running ?? Promise.resolve();
    }
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.loop().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      this.set({ kind: 'running' });
      try {
        const outcome = await syncMeetings(this.db, this.engine);
        if (outcome.kind === 'stale') this.again = true;
        else this.set(outcome.kind === 'failed' ? outcome : { kind: 'idle' });
      } catch (error) {
        this.set({ kind: 'failed', message: String(error) });
      }
      if (this.again && this.paused) {
        this.again = false;
        this.deferred = true;
        this.set({ kind: 'idle' });
      }
    } while (this.again);
  }

  private set(status: SyncStatus): void {
    this.status = status;
    this.listeners.forEach(l => l());
  }
}
