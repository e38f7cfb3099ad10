/**
 * Keeps the search index current with the database, and quick to restore on start.
 *
 * A live query watches the three searched tables cheaply: for articles only the keys of the
 * `contentHash` index (id → hash of the text, no article bodies), for highlights and article notes
 * (small tables) a hash of the searched fields. Each change is diffed against what the index holds,
 * and only added, changed or removed documents are sent to the index, in batches.
 *
 * The index itself lives in the search worker (`host.ts` via `client.ts`): building, querying and
 * saving run off the page's main thread. It is saved in pieces (`snapshot.ts`), and only once the
 * articles changed since the last save reach a share of the index (SAVE_SHARE): a small import
 * into a big library costs no re-serialising, and the next start catches those few up from the
 * first diff. On start the saved index is loaded instead of rebuilt.
 */
import { liveQuery, type Subscription } from 'dexie';
import type { ArticleNote, Highlight, ReadoutDB } from '../db/db';
import { inProcessClient, searchClient, type SearchClient } from './client';
import {
  articleDoc,
  articleDocId,
  highlightDoc,
  highlightDocId,
  noteDoc,
  noteDocId,
  type SearchDoc,
  type SearchHit,
} from './index';
import { MAX_APPLY_DOCS } from './protocol';
import type { SavedVersions } from './snapshot';

export { INDEX_FORMAT, SEARCH_INDEX_META_KEY } from './snapshot';

/**
 * The index is saved again once the articles added, changed or removed since the last save are
 * this share of the documents (or it has never been saved): re-serialising costs the whole index,
 * catching up at start costs only the unsaved articles.
 */
export const SAVE_SHARE = 0.05;
/** Articles read from the database per batch sent to the index. */
const READ_BATCH = 500;

type Versions = Map<string, string>;

interface TableVersions {
  articles: Versions;
  highlights: Versions;
  notes: Versions;
}

interface Observed {
  versions: TableVersions;
  highlights: Map<string, Highlight>;
  notes: Map<string, ArticleNote>;
}

export type IndexStatus = 'starting' | 'building' | 'ready' | 'failed';

export interface IndexSnapshot {
  status: IndexStatus;
  /** Bumped on every change to the index, so views re-run their query. */
  revision: number;
  documents: number;
  /** How the index was obtained on start, for the curious (and the tests). */
  origin: 'restored' | 'built' | null;
}

/** 53-bit string hash (cyrb53); a change detector, not security. */
export function hashString(s: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

const highlightVersion = (h: Highlight) =>
  hashString(
    JSON.stringify([h.articleId, h.quote.exact, h.note, h.tags, h.position.start, h.position.end]),
  );
const noteVersion = (n: ArticleNote) => hashString(JSON.stringify([n.text, n.tags]));

async function observe(db: ReadoutDB): Promise<Observed> {
  const byHash = db.articles.orderBy('contentHash');
  const [ids, hashes, allHighlights, allNotes] = await Promise.all([
    byHash.primaryKeys(),
    byHash.keys(),
    db.highlights.toArray(),
    db.articleNotes.toArray(),
  ]);
  // Trashed work is not searched: trashing removes it from the index, restoring adds it back.
  const highlights = allHighlights.filter(h => h.trashedAt === undefined);
  const notes = allNotes.filter(n => n.trashedAt === undefined);
  const articles: Versions = new Map();
  ids.forEach((id, i) => articles.set(id, String(hashes[i])));
  return {
    versions: {
      articles,
      highlights: new Map(highlights.map(h => [h.id, highlightVersion(h)])),
      notes: new Map(notes.map(n => [n.articleId, noteVersion(n)])),
    },
    highlights: new Map(highlights.map(h => [h.id, h])),
    notes: new Map(notes.map(n => [n.articleId, n])),
  };
}

function diff(known: Versions, current: Versions): { changed: string[]; removed: string[] } {
  const changed: string[] = [];
  const removed: string[] = [];
  for (const [id, v] of current) if (known.get(id) !== v) changed.push(id);
  for (const id of known.keys()) if (!current.has(id)) removed.push(id);
  return { changed, removed };
}

export interface LiveIndexOptions {
  /** Delay after the last change before the index is saved. */
  persistDelayMs?: number;
  /** Where the index lives; in-process by default (the app passes the worker's client). */
  client?: SearchClient;
}

const emptyVersions = (): TableVersions => ({
  articles: new Map(),
  highlights: new Map(),
  notes: new Map(),
});

export class LiveSearchIndex {
  private known: TableVersions = emptyVersions();
  private subscription: Subscription | null = null;
  private queue: Promise<void> = Promise.resolve();
  private persistTimer: ReturnType<typeof setTimeout> | null = null;
  private listeners = new Set<() => void>();
  private snapshot: IndexSnapshot = { status: 'starting', revision: 0, documents: 0, origin: null };
  private firstSync = true;
  private started = false;
  /** Set once the saved index was loaded (or found missing): following may begin. */
  private restored: boolean | null = null;
  /** Holders (imports storing batches) for which the database is not followed. */
  private holds = 0;
  /** Articles added, changed or removed since the index was last saved (or loaded). */
  private unsaved = 0;
  private neverSaved = true;
  private readonly persistDelayMs: number;
  private readonly client: SearchClient;

  constructor(
    private readonly db: ReadoutDB,
    options: LiveIndexOptions = {},
  ) {
    this.persistDelayMs = options.persistDelayMs ?? 2000;
    this.client = options.client ?? inProcessClient(db);
  }

  /** Restores the saved index if there is one, then follows the database. */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    this.restored = await this.restore();
    if (!this.started) return;
    if (this.holds === 0) this.follow();
  }

  /**
   * Stops following the database until `release`: an import storing batches would otherwise make
   * the live query read every article's key after every batch (a walk of the `contentHash`
   * index, one cursor step a key: O(library) per batch, quadratic over an import). On release
   * one read and one diff catch up with everything stored meanwhile. Holds nest.
   */
  hold(): void {
    this.holds++;
    this.subscription?.unsubscribe();
    this.subscription = null;
  }

  release(): void {
    if (this.holds === 0) return;
    this.holds--;
    if (this.holds === 0 && this.started && this.restored !== null && !this.subscription)
      this.follow();
  }

  private follow(): void {
    const restored = this.restored === true;
    this.subscription = liveQuery(() => observe(this.db)).subscribe({
      next: observed => void this.enqueue(() => this.sync(observed, restored)),
      error: (error: unknown) => {
        console.error('search index: live query failed', error);
        this.update({ status: 'failed' });
      },
    });
  }

  stop(): void {
    this.started = false;
    this.restored = null;
    this.subscription?.unsubscribe();
    this.subscription = null;
    if (this.persistTimer) clearTimeout(this.persistTimer);
    this.persistTimer = null;
  }

  /** Ranked hits for `query`; none (and a console error) when the index cannot answer. */
  async search(query: string, limit = 50): Promise<SearchHit[]> {
    if (!query.trim()) return [];
    const reply = await this.client.call({ type: 'search', query: query.slice(0, 1000), limit });
    if (reply.ok) return reply.value.hits;
    console.error('search:', reply.error.message);
    return [];
  }

  getSnapshot = (): IndexSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Resolves when every change seen so far is in the index. */
  idle(): Promise<void> {
    return this.queue;
  }

  /** Saves the index now (also called, debounced, after enough changes). */
  persist(): Promise<void> {
    if (this.persistTimer) clearTimeout(this.persistTimer);
    this.persistTimer = null;
    return this.enqueue(async () => {
      const versions: SavedVersions = {
        articles: [...this.known.articles],
        highlights: [...this.known.highlights],
        notes: [...this.known.notes],
      };
      const unsaved = this.unsaved;
      const reply = await this.client.call({ type: 'save', versions });
      if (!reply.ok) throw new Error(`saving failed: ${reply.error.message}`);
      this.unsaved -= unsaved;
      this.neverSaved = false;
    });
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    const next = this.queue.then(work).catch((error: unknown) => {
      console.error('search index:', error);
    });
    this.queue = next;
    return next;
  }

  private update(patch: Partial<IndexSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    this.listeners.forEach(l => l());
  }

  /** Loads the saved index; false when there is none usable (then the first sync builds). */
  private async restore(): Promise<boolean> {
    const reply = await this.client.call({ type: 'restore', database: this.db.name });
    if (!reply.ok) {
      console.error('search index: could not start', reply.error.message);
      this.update({ status: 'failed' });
      return false;
    }
    const { versions, documents } = reply.value;
    if (!versions) return false;
    this.known = {
      articles: new Map(versions.articles),
      highlights: new Map(versions.highlights),
      notes: new Map(versions.notes),
    };
    this.neverSaved = false;
    this.update({ documents });
    return true;
  }

  private async apply(add: SearchDoc[], remove: string[]): Promise<number> {
    const reply = await this.client.call({ type: 'apply', add, remove });
    if (!reply.ok) throw new Error(`indexing failed: ${reply.error.message}`);
    return reply.value.documents;
  }

  private async sync(observed: Observed, restored: boolean): Promise<void> {
    const first = this.firstSync;
    this.firstSync = false;
    const a = diff(this.known.articles, observed.versions.articles);
    const h = diff(this.known.highlights, observed.versions.highlights);
    const n = diff(this.known.notes, observed.versions.notes);
    const touched =
      a.changed.length +
      a.removed.length +
      h.changed.length +
      h.removed.length +
      n.changed.length +
      n.removed.length;
    if (first) this.update({ status: 'building' });

    let documents = this.snapshot.documents;
    const gone = [
      ...a.removed.map(articleDocId),
      ...h.removed.map(highlightDocId),
      ...n.removed.map(noteDocId),
    ];
    const small: SearchDoc[] = [
      ...h.changed.map(id => highlightDoc(observed.highlights.get(id)!)),
      ...n.changed.map(id => noteDoc(observed.notes.get(id)!)),
    ];
    if (gone.length > 0 || small.length > 0) {
      for (let i = 0; i < Math.max(1, small.length); i += MAX_APPLY_DOCS) {
        documents = await this.apply(small.slice(i, i + MAX_APPLY_DOCS), i === 0 ? gone : []);
      }
    }
    // Articles in batches: a first build of 100,000 reads and sends a few hundred at a time, so
    // searches sent meanwhile are answered between batches and the page never holds every text.
    const missing: string[] = [];
    const vanished: string[] = [];
    for (let i = 0; i < a.changed.length; i += READ_BATCH) {
      const ids = a.changed.slice(i, i + READ_BATCH);
      const articles = await this.db.articles.bulkGet(ids);
      const docs: SearchDoc[] = [];
      articles.forEach((article, j) => {
        if (article) docs.push(articleDoc(article));
        else missing.push(ids[j]);
      });
      vanished.push(...missing);
      documents = await this.apply(docs, missing.splice(0).map(articleDocId));
      if (first && a.changed.length > READ_BATCH) this.update({ documents });
    }

    this.known = {
      articles: observed.versions.articles,
      highlights: observed.versions.highlights,
      notes: observed.versions.notes,
    };
    for (const id of vanished) this.known.articles.delete(id);
    this.unsaved += a.changed.length + a.removed.length;

    if (touched > 0 || first) {
      this.update({
        status: 'ready',
        revision: this.snapshot.revision + 1,
        documents,
        origin: first ? (restored ? 'restored' : 'built') : this.snapshot.origin,
      });
    }
    // Saving serializes the whole index, so it waits until enough articles changed; highlight
    // and note edits are caught up from the diff on next start.
    const worth = this.neverSaved
      ? touched > 0
      : this.unsaved > 0 && this.unsaved >= SAVE_SHARE * documents;
    if (worth) this.schedulePersist();
  }

  private schedulePersist(): void {
    if (this.persistTimer) clearTimeout(this.persistTimer);
    this.persistTimer = setTimeout(() => void this.persist(), this.persistDelayMs);
  }
}

const instances = new WeakMap<ReadoutDB, LiveSearchIndex>();

/** How long start-up may put off loading the index, at most (it waits for the page to be idle). */
const START_DELAY_MS = 1500;

/**
 * The one live index of a database, in the search worker, started on first use once the page is
 * idle: loading a large saved index is not what the first screen waits for.
 */
export function liveSearchIndex(db: ReadoutDB): LiveSearchIndex {
  let live = instances.get(db);
  if (!live) {
    const index = new LiveSearchIndex(db, { client: searchClient(db) });
    instances.set(db, index);
    const start = () => void index.start();
    if (typeof requestIdleCallback === 'function') {
      requestIdleCallback(start, { timeout: START_DELAY_MS });
    } else setTimeout(start, 0);
    live = index;
  }
  return live;
}
