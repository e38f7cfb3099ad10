/**
 * Keeping the `meetings` table in step with the library: whenever the set of stored article
 * texts differs from the one last extracted (an import, an edited re-import, the first start),
 * every stored article goes to the extractor and its answer replaces the table in one
 * transaction. The analyst's decisions live in their own table and are never touched here.
 */
import type { Article } from '../../src-main/contract/article';
import type { Meeting } from '../../src-main/contract/meeting';
import type { Result } from '../../src-main/contract/result';
import type { ReadoutDB, StoredArticle, StoredMeeting } from '../db/db';

export type Extract = (articles: Article[]) => Promise<Result<{ meetings: Meeting[] }>>;

export const FINGERPRINT_KEY = 'meetings.fingerprint';

/** The set of article texts: ids and content hashes, sorted, so order never matters. */
export function fingerprint(articles: Pick<StoredArticle, 'id' | 'contentHash'>[]): string {
  return articles
    .map(a => `${a.id}:${a.contentHash}`)
    .sort()
    .join(',');
}

/**
 * The fingerprint of the stored library, read from the `contentHash` index alone: no article text
 * is loaded, so checking whether the library changed stays cheap at any size.
 */
export async function storedFingerprint(db: ReadoutDB): Promise<string> {
  const pairs: Pick<StoredArticle, 'id' | 'contentHash'>[] = [];
  await db.articles
    .orderBy('contentHash')
    .eachKey((hash, cursor) =>
      pairs.push({ id: String(cursor.primaryKey), contentHash: String(hash) }),
    );
  return fingerprint(pairs);
}

/** The article as the contract knows it, without the store's own fields. */
function toArticle(a: StoredArticle): Article {
  return {
    id: a.id,
    source: a.source,
    file: a.file,
    title: a.title,
    publisher: a.publisher,
    published: a.published,
    dateline: a.dateline,
    text: a.text,
    paragraphs: a.paragraphs,
    wordCount: a.wordCount,
  };
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
  | { kind: 'extracted'; meetings: number }
  /** The library changed while the extractor worked (an import, a restore): answer discarded. */
  | { kind: 'stale' }
  | { kind: 'failed'; message: string };

/**
 * Extracts meetings when the articles changed since the last extraction (or always, with
 * `force`). When the library changes while the extractor works (an import, or a restore that
 * brought its own meetings), the answer describes a library that no longer exists: it is
 * discarded, never written over what is there, and the caller extracts again.
 */
export async function syncMeetings(
  db: ReadoutDB,
  extract: Extract,
  options: { force?: boolean } = {},
): Promise<SyncOutcome> {
  // On every start the library is usually unchanged: decide that from the index before loading
  // any article text.
  if (
    !options.force &&
    (await db.meta.get(FINGERPRINT_KEY))?.value === (await storedFingerprint(db))
  ) {
    return { kind: 'unchanged' };
  }
  const articles = await db.articles.toArray();
  const print = fingerprint(articles);
  const result = await extract(articles.map(toArticle));
  if (!result.ok) return { kind: 'failed', message: result.error.message };
  const meetings = result.value.meetings.map(toStored);
  const stored = await db.transaction('rw', db.articles, db.meetings, db.meta, async () => {
    if ((await storedFingerprint(db)) !== print) return false;
    await db.meetings.clear();
    await db.meetings.bulkAdd(meetings);
    await db.meta.put({ key: FINGERPRINT_KEY, value: print });
    return true;
  });
  return stored ? { kind: 'extracted', meetings: meetings.length } : { kind: 'stale' };
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
    private readonly extract: Extract,
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
        const outcome = await syncMeetings(this.db, this.extract);
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
