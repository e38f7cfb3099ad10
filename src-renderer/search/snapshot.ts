/**
 * The saved search index: the serialised MiniSearch cut into pieces of CHUNK_CHARS characters in
 * the `searchIndex` table, the versions of what it holds beside them, and a small manifest in
 * `meta` that names how many pieces make the index. All written in one transaction, so a start
 * never finds half of one save and half of another; a manifest whose pieces are missing (a
 * restore from backup clears the table) reads as "nothing saved" and the index is built again.
 *
 * Runs in the search worker (or in-process where there is no Worker): the serialising and the
 * writes never touch the page's main thread.
 */
import type MiniSearch from 'minisearch';
import type { ReadoutDB } from '../db/db';
import { loadIndex, type SearchDoc } from './index';

/** `meta` key of the manifest. Derived data: backups leave it out. */
export const SEARCH_INDEX_META_KEY = 'search-index';
/**
 * Bump when INDEX_OPTIONS, the document shapes or this layout change: older saved indexes are
 * then ignored and built again. 2: the index in pieces in its own table.
 */
export const INDEX_FORMAT = 2;
/** Characters a piece holds: a few megabytes, so no record is the size of the whole index. */
export const CHUNK_CHARS = 2_000_000;

/** What the index was built from, by table: record id → version (see live.ts). */
export interface SavedVersions {
  articles: [string, string][];
  highlights: [string, string][];
  notes: [string, string][];
}

export interface SnapshotManifest {
  format: number;
  savedAt: number;
  /** How many `index:N` pieces make the serialised index. */
  chunks: number;
  documents: number;
}

export interface Snapshot {
  index: MiniSearch<SearchDoc>;
  versions: SavedVersions;
  savedAt: number;
}

const VERSIONS_ID = 'versions';
const chunkId = (i: number) => `index:${String(i).padStart(5, '0')}`;

/** `text` in pieces of at most `size` characters (one empty piece for an empty text). */
export function cut(text: string, size = CHUNK_CHARS): string[] {
  const pieces: string[] = [];
  for (let at = 0; at < text.length; at += size) pieces.push(text.slice(at, at + size));
  return pieces.length > 0 ? pieces : [''];
}

/**
 * Saves `index` and the versions it was built from, replacing any earlier save. Returns the
 * manifest written.
 */
export async function saveSnapshot(
  db: ReadoutDB,
  index: MiniSearch<SearchDoc>,
  versions: SavedVersions,
  chunkChars = CHUNK_CHARS,
): Promise<SnapshotManifest> {
  const pieces = cut(JSON.stringify(index), chunkChars);
  const manifest: SnapshotManifest = {
    format: INDEX_FORMAT,
    savedAt: Date.now(),
    chunks: pieces.length,
    documents: index.documentCount,
  };
  await db.transaction('rw', db.searchIndex, db.meta, async () => {
    await db.searchIndex.clear();
    await db.searchIndex.bulkPut([
      { id: VERSIONS_ID, data: JSON.stringify(versions) },
      ...pieces.map((data, i) => ({ id: chunkId(i), data })),
    ]);
    await db.meta.put({ key: SEARCH_INDEX_META_KEY, value: manifest });
  });
  return manifest;
}

function isManifest(value: unknown): value is SnapshotManifest {
  const m = value as Partial<SnapshotManifest> | undefined;
  return (
    typeof m === 'object' &&
    m !== null &&
    m.format === INDEX_FORMAT &&
    typeof m.chunks === 'number' &&
    Number.isInteger(m.chunks) &&
    m.chunks > 0 &&
    typeof m.savedAt === 'number'
  );
}

/**
 * The saved index, or null when there is none usable: no manifest, another format, or pieces
 * missing. Throws only when the pieces are all there but do not make an index (corrupt data);
 * the caller then builds afresh.
 */
export async function loadSnapshot(db: ReadoutDB): Promise<Snapshot | null> {
  const [record, rows] = await db.transaction('r', db.searchIndex, db.meta, () =>
    Promise.all([db.meta.get(SEARCH_INDEX_META_KEY), db.searchIndex.orderBy('id').toArray()]),
  );
  const manifest = record?.value;
  if (!isManifest(manifest)) return null;
  const versionsRow = rows.find(r => r.id === VERSIONS_ID);
  const pieces = rows.filter(r => r.id.startsWith('index:'));
  if (!versionsRow || pieces.length !== manifest.chunks) return null;
  if (pieces.some((p, i) => p.id !== chunkId(i))) return null;
  const index = loadIndex(pieces.map(p => p.data).join(''));
  const versions = JSON.parse(versionsRow.data) as SavedVersions;
  return { index, versions, savedAt: manifest.savedAt };
}
