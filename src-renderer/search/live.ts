/**
 * Keeps the search index current with the database, and quick to restore on start.
 *
 * A live query watches the three searched tables cheaply: for articles only the keys of the
 * `contentHash` index (id → hash of the text, no article bodies), for highlights and article notes
 * (small tables) a hash of the searched fields. Each change is diffed against what the index holds,
 * and only added, changed or removed documents are touched.
 *
 * The index is persisted (serialized MiniSearch + the versions it was built from) in `meta`, a
 * couple of seconds after the last change to the articles. On start it is loaded instead of rebuilt, and the first
 * diff catches up whatever changed since it was saved — so a stale index is never served for
 * long, and an unchanged library costs one load.
 */
import { liveQuery, type Subscription } from 'dexie';
import type MiniSearch from 'minisearch';
import type { ArticleNote, Highlight, ReadoutDB } from '../db/db';
import {
  articleDoc,
  articleDocId,
  createIndex,
  highlightDoc,
  highlightDocId,
  loadIndex,
  noteDoc,
  noteDocId,
  searchIndex,
  type SearchDoc,
  type SearchHit,
} from './index';

/** `meta` key of the persisted index. Derived data: backups leave it out. */
export const SEARCH_INDEX_META_KEY = 'search-index';
/** Bump when INDEX_OPTIONS or the document shapes change: older persisted indexes are rebuilt. */
export const INDEX_FORMAT = 1;

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

export interface PersistedIndex {
  format: number;
  savedAt: number;
  versions: {
    articles: [string, string][];
    highlights: [string, string][];
    notes: [string, string][];
  };
  index: string;
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
  const [ids, hashes, highlights, notes] = await Promise.all([
    byHash.primaryKeys(),
    byHash.keys(),
    db.highlights.toArray(),
    db.articleNotes.toArray(),
  ]);
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
}

export class LiveSearchIndex {
  private index: MiniSearch<SearchDoc> = createIndex();
  private known: TableVersions = { articles: new Map(), highlights: new Map(), notes: new Map() };
  private subscription: Subscription | null = null;
  private queue: Promise<void> = Promise.resolve();
  private persistTimer: ReturnType<typeof setTimeout> | null = null;
  private listeners = new Set<() => void>();
  private snapshot: IndexSnapshot = { status: 'starting', revision: 0, documents: 0, origin: null };
  private firstSync = true;
  private readonly persistDelayMs: number;

  constructor(
    private readonly db: ReadoutDB,
    options: LiveIndexOptions = {},
  ) {
    this.persistDelayMs = options.persistDelayMs ?? 2000;
  }

  /** Restores the saved index if there is one, then follows the database. */
  async start(): Promise<void> {
    if (this.subscription) return;
    const restored = await this.restore();
    this.subscription = liveQuery(() => observe(this.db)).subscribe({
      next: observed => void this.enqueue(() => this.sync(observed, restored)),
      error: (error: unknown) => {
        console.error('search index: live query failed', error);
        this.update({ status: 'failed' });
      },
    });
  }

  stop(): void {
    this.subscription?.unsubscribe();
    this.subscription = null;
    if (this.persistTimer) clearTimeout(this.persistTimer);
    this.persistTimer = null;
  }

  search(query: string, limit?: number): SearchHit[] {
    return searchIndex(this.index, query, limit);
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

  /** Saves the index now (also called, debounced, after changes). */
  persist(): Promise<void> {
    if (this.persistTimer) clearTimeout(this.persistTimer);
    this.persistTimer = null;
    return this.enqueue(async () => {
      const value: PersistedIndex = {
        format: INDEX_FORMAT,
        savedAt: Date.now(),
        versions: {
          articles: [...this.known.articles],
          highlights: [...this.known.highlights],
          notes: [...this.known.notes],
        },
        index: JSON.stringify(this.index),
      };
      await this.db.meta.put({ key: SEARCH_INDEX_META_KEY, value });
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

  /** Loads the persisted index; false when there is none usable (then the first sync builds). */
  private async restore(): Promise<boolean> {
    try {
      const record = await this.db.meta.get(SEARCH_INDEX_META_KEY);
      const saved = record?.value as PersistedIndex | undefined;
      if (!saved || saved.format !== INDEX_FORMAT || typeof saved.index !== 'string') return false;
      this.index = loadIndex(saved.index);
      this.known = {
        articles: new Map(saved.versions.articles),
        highlights: new Map(saved.versions.highlights),
        notes: new Map(saved.versions.notes),
      };
      this.update({ documents: this.index.documentCount });
      return true;
    } catch (error) {
      console.warn('search index: saved index unusable, rebuilding', error);
      this.index = createIndex();
      this.known = { articles: new Map(), highlights: new Map(), notes: new Map() };
      return false;
    }
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

    const docs: SearchDoc[] = [];
    if (a.changed.length > 0) {
      const articles = await this.db.articles.bulkGet(a.changed);
      a.changed.forEach((id, i) => {
        const article = articles[i];
        if (article) docs.push(articleDoc(article));
        else a.removed.push(id);
      });
    }
    for (const id of h.changed) docs.push(highlightDoc(observed.highlights.get(id)!));
    for (const id of n.changed) docs.push(noteDoc(observed.notes.get(id)!));
    const gone = [
      ...a.removed.map(articleDocId),
      ...h.removed.map(highlightDocId),
      ...n.removed.map(noteDocId),
    ];

    for (const id of gone) if (this.index.has(id)) this.index.discard(id);
    const fresh = docs.filter(d => !this.index.has(d.id));
    for (const d of docs) if (this.index.has(d.id)) this.index.replace(d);
    // A first build of thousands of articles yields to the page between chunks.
    if (fresh.length > 500) await this.index.addAllAsync(fresh, { chunkSize: 250 });
    else this.index.addAll(fresh);

    this.known = {
      articles: observed.versions.articles,
      highlights: observed.versions.highlights,
      notes: observed.versions.notes,
    };
    for (const id of a.removed) this.known.articles.delete(id);

    if (touched > 0 || first) {
      this.update({
        status: 'ready',
        revision: this.snapshot.revision + 1,
        documents: this.index.documentCount,
        origin: first ? (restored ? 'restored' : 'built') : this.snapshot.origin,
      });
    }
    // Saving serializes the whole index (megabytes for a large library), so it is worth it only
    // when articles changed; highlight and note edits are caught up from the diff on next start.
    if (first ? touched > 0 : a.changed.length + a.removed.length > 0) this.schedulePersist();
  }

  private schedulePersist(): void {
    if (this.persistTimer) clearTimeout(this.persistTimer);
    this.persistTimer = setTimeout(() => void this.persist(), this.persistDelayMs);
  }
}

const instances = new WeakMap<ReadoutDB, LiveSearchIndex>();

/** The one live index of a database, started on first use. */
export function liveSearchIndex(db: ReadoutDB): LiveSearchIndex {
  let live = instances.get(db);
  if (!live) {
    live = new LiveSearchIndex(db);
    instances.set(db, live);
    void live.start();
  }
  return live;
}
