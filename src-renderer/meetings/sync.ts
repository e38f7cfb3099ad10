/**
 * Keeping the `meetings` table in step with the library without re-reading it: each article is
 * extracted once per text and extractor version (its per-article results cached in
 * `articleMeetings`), only articles without a current result are sent to main, a batch at a
 * time, and the merge is fed the cached results alone, never article text. Meetings the change
 * does not touch keep their stored rows. The analyst's decisions live in their own table and are
 * never touched here.
 */
import {
  MAX_MERGE_REPLACES,
  MAX_MERGE_RESULTS,
  MAX_MESSAGE_BYTES,
  messageBytes,
  type MergeRequest,
} from '../../src-main/contract/article-meetings';
import type { ReadoutApi } from '../../src-main/contract/api';
import type { Meeting } from '../../src-main/contract/meeting';
import type { ReadoutDB, StoredArticle, StoredArticleMeetings, StoredMeeting } from '../db/db';
import { EXTRACTED_KEY, forgetTouched, printDigest, readTouched } from '../db/extraction-marks';
import { extractionKey, extractionKeys } from '../db/library';
import { articleForExtraction } from './article-payload';
import { mergeScope, reportDay } from './merge-scope';
import { scopeKeys } from './scope-keys';

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

/** A meeting with the keys the list and timeline query by, and the merge scope's. */
export function toStored(m: Meeting): StoredMeeting {
  const codes = [...m.participants.countries.map(c => c.code), m.place.country?.code];
  const keyed = {
    ...m,
    dateStart: m.date.start ?? '',
    countryCodes: [...new Set(codes.filter((c): c is string => !!c))],
    articleIds: [...new Set(m.mentions.map(x => x.articleId))],
  };
  return { ...keyed, scopeKeys: scopeKeys(keyed) };
}

export type SyncOutcome =
  | { kind: 'unchanged' }
  /** `extracted`: how many articles went to the extractor (the others came from the cache). */
  | { kind: 'extracted'; meetings: number; extracted: number }
  /**
   * The library changed while the sync ran (an import, a restore): what was merged is stored,
   * or, when a restore replaced the meetings, nothing is written; the caller syncs again.
   */
  | { kind: 'stale' }
  | { kind: 'failed'; message: string };

/**
 * Changed articles per merge step at most: a step is split further when its scope (the stored
 * meetings the change can touch) would pass the caps of one message. Each step reads, through
 * the `countryCodes` index, the stored meetings of every country its articles name, which after
 * a large import is most of the table: at 500 a 10,000-file import took 21 steps with the page
 * busy 2.5–6 s between two (growing with the table), at 2,000 it takes 5 (meetings stored 92 s
 * → 45 s after the library showed all, one run each at load 9–13).
 */
export const MERGE_BATCH = 2_000;

/** The stored fingerprint as what it records: each merged article's id and extraction key. */
function mergedKeys(print: string): Map<string, string> {
  const keys = new Map<string, string>();
  if (!print) return keys;
  for (const pair of print.split(',')) {
    const at = pair.lastIndexOf(':');
    keys.set(pair.slice(0, at), pair.slice(at + 1));
  }
  return keys;
}

/**
 * The articles (of `hashes`, each with its extraction key) whose cached result is missing or for
 * another key. `candidates` null: every cached result is walked (keys only), and those of
 * articles no longer live are dropped. Otherwise only the candidates' results are read, and
 * `gone` (articles merged before, no longer live) lose theirs: the extraction marks
 * (`db/extraction-marks.ts`) vouch that no other article can lack one.
 */
async function findMissing(
  db: ReadoutDB,
  hashes: Pick<StoredArticle, 'id' | 'contentHash'>[],
  candidates: Set<string> | null,
  gone: string[],
): Promise<string[]> {
  if (candidates === null) {
    const cached = new Map<string, string>();
    await db.articleMeetings
      .orderBy('contentHash')
      .eachKey((hash, cursor) => cached.set(String(cursor.primaryKey), String(hash)));
    const live = new Set(hashes.map(h => h.id));
    const dead = [...cached.keys()].filter(id => !live.has(id));
    if (dead.length > 0) await db.articleMeetings.bulkDelete(dead);
    return hashes.filter(h => cached.get(h.id) !== h.contentHash).map(h => h.id);
  }
  if (gone.length > 0) await db.articleMeetings.bulkDelete(gone);
  const wanted = hashes.filter(h => candidates.has(h.id));
  const missing: string[] = [];
  for (let i = 0; i < wanted.length; i += 2_000) {
    const step = wanted.slice(i, i + 2_000);
    const rows = await db.articleMeetings.bulkGet(step.map(h => h.id));
    step.forEach((h, k) => {
      if (rows[k]?.contentHash !== h.contentHash) missing.push(h.id);
    });
  }
  return missing;
}

/**
 * Extracts the articles that have no current per-article result (see `findMissing`), a batch at
 * a time, and stores each batch's results as it arrives (so an interrupted sync resumes where it
 * stopped). Returns how many articles were extracted, or an error message.
 */
async function extractMissing(
  db: ReadoutDB,
  engine: MeetingsEngine,
  hashes: Pick<StoredArticle, 'id' | 'contentHash'>[],
  candidates: Set<string> | null,
  gone: string[] = [],
): Promise<number | string> {
  const missing = await findMissing(db, hashes, candidates, gone);
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

/** What a merge step ended with: done, results main called stale, or a reason to stop. */
type StepOutcome =
  { kind: 'done'; stale: string[] } | { kind: 'replaced' } | { kind: 'failed'; message: string };

/**
 * One bounded step of the incremental merge: the stored meetings `changed` and `removed` can
 * touch (see `merge-scope.ts`) are sent to main as the per-article results of their articles,
 * and main's answer replaces them; rows that come back identical are not rewritten. A step
 * whose scope passes the caps of one message is split in two; a single article whose scope
 * does is an error, never a silent cut. `token` is the stored fingerprint when the sync began:
 * a restore meanwhile changes it, and the step then writes nothing.
 */
async function mergeStep(
  db: ReadoutDB,
  engine: MeetingsEngine,
  changed: string[],
  removed: string[],
  token: string,
): Promise<StepOutcome> {
  const fresh = (await db.articleMeetings.bulkGet(changed)).filter(
    (r): r is StoredArticleMeetings => r !== undefined,
  );
  const scope = await mergeScope(
    db,
    { changed, removed, items: fresh.flatMap(r => r.meetings) },
    { meetings: MAX_MERGE_REPLACES, articles: MAX_MERGE_RESULTS },
  );
  const gone = new Set(removed);
  let request: MergeRequest | null = null;
  if (!('overflow' in scope)) {
    const ids = [...scope.articles].filter(id => !gone.has(id));
    const results = (await db.articleMeetings.bulkGet(ids))
      .filter((r): r is StoredArticleMeetings => r !== undefined)
      .map(({ articleId, extractorVersion, meetings }) => ({
        articleId,
        extractorVersion,
        meetings,
      }));
    request = { results, replaces: scope.meetings.map(m => m.id) };
    if (messageBytes(request) > MAX_MESSAGE_BYTES) request = null;
  }
  if (!request) {
    const size = changed.length + removed.length;
    if (size <= 1)
      return {
        kind: 'failed',
        message: `The meetings one article touches are too many to merge in one message (article ${changed[0] ?? removed[0]}).`,
      };
    const half = Math.ceil(changed.length / 2);
    const halfRemoved = Math.ceil(removed.length / 2);
    const first = await mergeStep(
      db,
      engine,
      changed.slice(0, half),
      removed.slice(0, halfRemoved),
      token,
    );
    if (first.kind !== 'done') return first;
    const second = await mergeStep(
      db,
      engine,
      changed.slice(half),
      removed.slice(halfRemoved),
      token,
    );
    return second.kind === 'done'
      ? { kind: 'done', stale: [...first.stale, ...second.stale] }
      : second;
  }
  if (request.results.length === 0 && request.replaces.length === 0)
    return { kind: 'done', stale: [] };
  const answer = await engine.mergeArticleMeetings(request);
  if (!answer.ok) return { kind: 'failed', message: answer.error.message };
  const next = answer.value.meetings.map(toStored);
  const before = new Map<string, StoredMeeting>(
    'overflow' in scope ? [] : scope.meetings.map(m => [m.id, m]),
  );
  const written = await db.transaction('rw', db.meetings, db.meta, async () => {
    if (((await db.meta.get(FINGERPRINT_KEY))?.value ?? null) !== token) return false;
    const keep = new Set(next.map(m => m.id));
    const dropped = [...before.keys()].filter(id => !keep.has(id));
    if (dropped.length > 0) await db.meetings.bulkDelete(dropped);
    const put = next.filter(m => JSON.stringify(before.get(m.id)) !== JSON.stringify(m));
    if (put.length > 0) await db.meetings.bulkPut(put);
    return true;
  });
  return written ? { kind: 'done', stale: answer.value.stale } : { kind: 'replaced' };
}

/** Ids of articles stored meetings cite that are not in `live` (left by a restore or a bug). */
async function orphanedArticles(db: ReadoutDB, live: Set<string>): Promise<string[]> {
  const cited = await db.meetings.orderBy('articleIds').uniqueKeys();
  return cited.map(String).filter(id => !live.has(id));
}

/**
 * Brings the meetings up to date with the library when it changed since the last sync (or
 * always, with `force`): extracts only what is new, then merges incrementally: only the
 * articles that changed since the last merge, with the stored meetings they can touch, a
 * bounded step at a time. Meetings no change touches keep their stored rows. The stored
 * fingerprint records which article versions the meetings were merged from; it is written
 * when every step is done, so an interrupted sync merges the rest next time (merging an article
 * again gives the same meetings). A restore during the sync replaces the meetings: the steps
 * after it write nothing and the caller syncs again.
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
  const stored = (await db.meta.get(FINGERPRINT_KEY))?.value;
  // Results an import wrote for a text the fingerprint already lists (a file edited, then put
  // back) are checked even then.
  const touched = await readTouched(db);
  const untouched = touched.ids !== 'all' && touched.ids.length === 0;
  if (!options.force && stored === print && untouched) return { kind: 'unchanged' };
  // The token a restore would change; a first sync records an empty merge to have one.
  let token = typeof stored === 'string' ? stored : null;
  if (token === null) {
    token = '';
    await db.meta.put({ key: FINGERPRINT_KEY, value: token });
  }
  const merged = options.force ? new Map<string, string>() : mergedKeys(token);
  const live = new Set(hashes.map(h => h.id));
  // Only the articles that changed since the last merge, or whose results an import wrote, can
  // lack a current result, while the marks say so; otherwise every cached result is checked.
  const marked = (await db.meta.get(EXTRACTED_KEY))?.value === printDigest(token);
  const checkAll = options.force || merged.size === 0 || !marked || touched.ids === 'all';
  let extracted = 0;
  let again = new Set<string>();
  for (let round = 0; round < 2; round++) {
    const changed =
      round === 0
        ? hashes.filter(h => merged.get(h.id) !== h.contentHash).map(h => h.id)
        : [...again].filter(id => live.has(id));
    const removed =
      round === 0
        ? [
            ...new Set([
              ...[...merged.keys()].filter(id => !live.has(id)),
              ...(options.force || merged.size === 0 ? await orphanedArticles(db, live) : []),
            ]),
          ]
        : [];
    const candidates =
      round === 0 && checkAll
        ? null
        : new Set([...changed, ...(round === 0 && touched.ids !== 'all' ? touched.ids : [])]);
    const n = await extractMissing(db, engine, hashes, candidates, removed);
    if (typeof n === 'string') return { kind: 'failed', message: n };
    extracted += n;
    again = new Set();
    const ordered = await byReportDay(db, changed);
    for (let i = 0; i < Math.max(ordered.length, removed.length); i += MERGE_BATCH) {
      const step = await mergeStep(
        db,
        engine,
        ordered.slice(i, i + MERGE_BATCH),
        removed.slice(i, i + MERGE_BATCH),
        token,
      );
      if (step.kind === 'failed') return step;
      if (step.kind === 'replaced') return { kind: 'stale' };
      for (const id of step.stale) again.add(id);
    }
    if (again.size === 0) break;
    // Results of another extractor version: extract those articles again, then merge them.
    await db.articleMeetings.bulkDelete([...again]);
    if (round === 1)
      return { kind: 'failed', message: 'The extractor kept reporting stale results.' };
  }
  const done = await db.transaction('rw', db.meta, async () => {
    if (((await db.meta.get(FINGERPRINT_KEY))?.value ?? null) !== token) return false;
    await db.meta.put({ key: FINGERPRINT_KEY, value: print });
    // Every article at the key `print` gives it now has its current result (db/extraction-marks).
    await db.meta.put({ key: EXTRACTED_KEY, value: printDigest(print) });
    await forgetTouched(db, touched);
    return true;
  });
  if (!done || (await storedFingerprint(db)) !== print) return { kind: 'stale' };
  return { kind: 'extracted', meetings: await db.meetings.count(), extracted };
}

/**
 * The changed articles in order of their meetings' dates, so that one merge step covers a short
 * span of time and its scope stays small.
 */
async function byReportDay(db: ReadoutDB, ids: string[]): Promise<string[]> {
  if (ids.length <= MERGE_BATCH) return ids;
  const dayOf = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 2_000) {
    const rows = await db.articleMeetings.bulkGet(ids.slice(i, i + 2_000));
    for (const r of rows) if (r) dayOf.set(r.articleId, r.meetings.map(reportDay).sort()[0] ?? '');
  }
  return [...ids].sort((a, b) => {
    const da = dayOf.get(a) ?? '';
    const dbDay = dayOf.get(b) ?? '';
    return da < dbDay ? -1 : da > dbDay ? 1 : a < b ? -1 : a > b ? 1 : 0;
  });
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
