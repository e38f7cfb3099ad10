/**
 * The library list as the pane asks for it at any size: the ORDER of the shown articles comes
 * from Dexie's indexes (primary keys only, never records), and entries are read only for the rows
 * on screen (`loadRows`). At 100,000 articles the list opens by reading the keys of the
 * `published` index and of the table, a few small state indexes (trashed, archived, edited dates)
 * and the forty entries in view, instead of every entry.
 *
 * IndexedDB cannot index a missing value, so "not trashed" and "not archived" are never queried
 * directly: the trashed and archived entries are the ones the `trashedAt` and `archivedAt`
 * indexes hold, and the list is the order index without them. Undated entries are likewise the
 * primary keys the `published` index lacks.
 *
 * Entries whose date the analyst corrected (`edits.published`) are the exception that keeps the
 * date order right: they are read whole and placed by their corrected date, found by a binary
 * search over the index order (a few reads of entries per step). Their number grows with the
 * analyst's corrections, not with the library.
 *
 * Orders and filters with no index (by title or source, which fold case and accents, and the
 * source filter) read every entry once, when chosen (`indexed: false`), as before.
 */
import type { LibraryEntry, ReadoutDB } from '../../db/db';
import {
  filterRows,
  matchesFilter,
  sortRows,
  sourcesOf,
  toRows,
  type LibraryFilter,
  type LibraryRow,
  type SortKey,
} from './query';

export interface LibraryOrderQuery {
  sort: SortKey;
  filter: LibraryFilter;
}

/** The shown articles in order, without their entries (except those already read). */
export interface LibraryOrder {
  /** Shown article ids, in list order. */
  ids: string[];
  /** Every live (not trashed) article, whatever the filter. */
  total: number;
  /** Rows already read whole: the date-corrected ones, or all of them when not `indexed`. */
  known: Map<string, LibraryRow>;
  /** True when the order came from the indexes; false when every entry was read. */
  indexed: boolean;
}

const NO_TAGS: ReadonlyMap<string, readonly string[]> = new Map();
const NONE: ReadonlySet<string> = new Set();

/** Whether the order and filter can be answered from indexes alone. */
export function isIndexed({ sort, filter }: LibraryOrderQuery): boolean {
  return (sort === 'published' || sort === 'added') && filter.source === null;
}

/**
 * Article id → its live note's tags (the analyst's work: small), for the tag filter; index keys
 * only, notes in the trash skipped.
 */
export async function noteTags(db: ReadoutDB): Promise<Map<string, string[]>> {
  const tags = new Map<string, string[]>();
  const trashed = await trashedNotes(db);
  await db.articleNotes.orderBy('tags').eachKey((tag, cursor) => {
    const id = String(cursor.primaryKey);
    if (trashed.has(id)) return;
    tags.set(id, [...(tags.get(id) ?? []), String(tag)]);
  });
  return tags;
}

/** Articles whose note is in the trash (the `trashedAt` index holds only trashed notes). */
async function trashedNotes(db: ReadoutDB): Promise<Set<string>> {
  return new Set((await db.articleNotes.orderBy('trashedAt').primaryKeys()).map(String));
}

/** Articles whose live note carries `tag`. */
async function taggedWith(db: ReadoutDB, tag: string): Promise<Set<string>> {
  const [ids, trashed] = await Promise.all([
    db.articleNotes.where('tags').equals(tag).primaryKeys(),
    trashedNotes(db),
  ]);
  return new Set(ids.map(String).filter(id => !trashed.has(id)));
}

/** Ids of the articles some meeting cites; read only when the meetings filter asks. */
async function citedIds(db: ReadoutDB): Promise<Set<string>> {
  return new Set((await db.meetings.orderBy('articleIds').uniqueKeys()).map(String));
}

const keySet = (keys: readonly unknown[]) => new Set(keys.map(String));

/** The keys (article ids) `keep` lets through, last first: one pass, one array, at any size. */
function keptReversed(keys: readonly unknown[], keep: (id: string) => boolean): string[] {
  const out: string[] = [];
  for (let i = keys.length - 1; i >= 0; i--) {
    const id = keys[i] as string;
    if (keep(id)) out.push(id);
  }
  return out;
}

/** Every entry read, sorted and filtered in memory: the orders no index gives. */
async function fullOrder(
  db: ReadoutDB,
  { sort, filter }: LibraryOrderQuery,
): Promise<LibraryOrder> {
  const [entries, tags, cited] = await Promise.all([
    db.library.toArray(),
    noteTags(db),
    filter.meetings === 'any' ? Promise.resolve(NONE) : citedIds(db),
  ]);
  const rows = toRows(entries, tags, cited);
  const shown = filterRows(sortRows(rows, sort), filter);
  return {
    ids: shown.map(r => r.id),
    total: rows.length,
    known: new Map(rows.map(r => [r.id, r])),
    indexed: false,
  };
}

/** A place in the date order: newest first, then by id, highest first (the index order reversed). */
interface DateKey {
  date: string;
  id: string;
}

/** Whether `a` comes after `b` in the date order. */
const after = (a: DateKey, b: DateKey) => a.date < b.date || (a.date === b.date && a.id < b.id);

/**
 * Where each of `keys` goes in `dated` (ids in the date order, by their entries' `published`):
 * the index of the first id that comes after it. One `bulkGet` per step of the binary search,
 * shared by all keys, so a few corrected dates cost ~17 small reads at 100,000 articles.
 */
async function insertionPoints(
  db: ReadoutDB,
  dated: readonly string[],
  keys: readonly DateKey[],
): Promise<number[]> {
  const lo = keys.map(() => 0);
  const hi = keys.map(() => dated.length);
  for (;;) {
    const open = keys.flatMap((_, i) => (lo[i] < hi[i] ? [i] : []));
    if (open.length === 0) return lo;
    const mids = open.map(i => (lo[i] + hi[i]) >> 1);
    const entries = await db.library.bulkGet(mids.map(m => dated[m]));
    open.forEach((i, k) => {
      const at = { date: entries[k]?.published ?? '', id: dated[mids[k]] };
      if (after(at, keys[i])) hi[i] = mids[k];
      else lo[i] = mids[k] + 1;
    });
  }
}

/**
 * The list for `query`. By date: newest first, undated last; by date added: newest first.
 * Articles of one day (or of one import) come in the indexes' order reversed, by id, so that
 * every page of the list has one fixed place.
 */
export async function queryLibraryOrder(
  db: ReadoutDB,
  query: LibraryOrderQuery,
): Promise<LibraryOrder> {
  if (!isIndexed(query)) return fullOrder(db, query);
  const { sort, filter } = query;
  const ranged = filter.from !== null || filter.to !== null;
  // Corrected dates matter only where the date orders or filters.
  const datesMatter = sort === 'published' || ranged;
  const [count, trashed, archived, corrected] = await Promise.all([
    db.library.count(),
    db.library.orderBy('trashedAt').primaryKeys().then(keySet),
    db.library.orderBy('archivedAt').primaryKeys().then(keySet),
    datesMatter
      ? db.library.orderBy('edits.published').primaryKeys().then(keySet)
      : Promise.resolve(NONE),
  ]);
  const inRange = ranged
    ? db.library
        .where('published')
        .between(filter.from ?? '', filter.to ?? '\uffff', true, true)
        .primaryKeys()
    : db.library.orderBy('published').primaryKeys();
  const [datedAsc, allKeys, read, tagged, cited, addedAsc] = await Promise.all([
    sort === 'published' || ranged ? inRange : Promise.resolve([]),
    // Undated entries are in no date range: only the unranged date order needs them.
    sort === 'published' && !ranged ? db.library.toCollection().primaryKeys() : Promise.resolve([]),
    filter.read === 'any'
      ? Promise.resolve(NONE)
      : db.library.orderBy('readAt').primaryKeys().then(keySet),
    filter.tag === null ? Promise.resolve(null) : taggedWith(db, filter.tag),
    filter.meetings === 'any' ? Promise.resolve(NONE) : citedIds(db),
    sort === 'added' ? db.library.orderBy('addedAt').primaryKeys() : Promise.resolve([]),
  ]);

  const keep = (id: string) => {
    if (trashed.has(id) || corrected.has(id)) return false;
    const isArchived = archived.has(id);
    if (filter.show === 'library' && isArchived) return false;
    if (filter.show === 'archived' && !isArchived) return false;
    if (filter.read === 'read' && !read.has(id)) return false;
    if (filter.read === 'unread' && read.has(id)) return false;
    if (tagged && !tagged.has(id)) return false;
    if (filter.meetings === 'with' && !cited.has(id)) return false;
    if (filter.meetings === 'without' && cited.has(id)) return false;
    return true;
  };

  let dated: string[];
  let undated: string[] = [];
  if (sort === 'published') {
    dated = keptReversed(datedAsc, keep);
    // Undated entries are the keys the date index lacks; none when the counts agree.
    if (!ranged && allKeys.length > datedAsc.length) {
      const hasDate = new Set(datedAsc as string[]);
      undated = keptReversed(allKeys, id => !hasDate.has(id) && keep(id));
    }
  } else {
    const range = ranged ? keySet(datedAsc) : null;
    dated = keptReversed(addedAsc, id => (!range || range.has(id)) && keep(id));
  }

  // The date-corrected entries, read whole and filtered by their effective fields.
  const known = new Map<string, LibraryRow>();
  let placed: { row: LibraryRow; at: number }[] = [];
  if (corrected.size > 0) {
    const ids = [...corrected].filter(id => !trashed.has(id));
    const [entries, notes] = await Promise.all([
      db.library.bulkGet(ids),
      filter.tag === null ? Promise.resolve([]) : db.articleNotes.bulkGet(ids),
    ]);
    const tags = new Map(
      notes.flatMap(n => (n && n.trashedAt === undefined ? [[n.articleId, n.tags] as const] : [])),
    );
    const rows = toRows(
      entries.filter((e): e is LibraryEntry => e !== undefined),
      tags,
      cited,
    ).filter(r => matchesFilter(r, filter));
    const ordered = sortRows(rows, sort);
    for (const r of ordered) known.set(r.id, r);
    if (sort === 'published') {
      const withDate = ordered
        .filter(r => r.published !== null)
        .map(row => ({ row, key: { date: row.published ?? '', id: row.id } }))
        .sort((a, b) => (after(a.key, b.key) ? 1 : after(b.key, a.key) ? -1 : 0));
      const at = await insertionPoints(
        db,
        dated,
        withDate.map(w => w.key),
      );
      placed = withDate.map((w, i) => ({ row: w.row, at: at[i] }));
      undated = [...undated, ...ordered.filter(r => r.published === null).map(r => r.id)];
    } else {
      // By date added, a correction changes only whether the range lets it through.
      const rank = new Map(addedAsc.map((id, i) => [String(id), -i]));
      dated = mergeByRank(
        dated,
        ordered.map(r => r.id),
        rank,
      );
    }
  }
  return {
    ids: [...insertAt(dated, placed), ...undated],
    total: count - trashed.size,
    known,
    indexed: true,
  };
}

/** `ids` with each placed row inserted before the index it names (stable for equal indexes). */
function insertAt(
  ids: readonly string[],
  placed: readonly { row: LibraryRow; at: number }[],
): string[] {
  if (placed.length === 0) return [...ids];
  // Placed rows come in their own order; a stable sort by place keeps it among equal places.
  const sorted = [...placed].sort((a, b) => a.at - b.at);
  const out: string[] = [];
  let j = 0;
  ids.forEach((id, i) => {
    while (j < sorted.length && sorted[j].at <= i) out.push(sorted[j++].row.id);
    out.push(id);
  });
  while (j < sorted.length) out.push(sorted[j++].row.id);
  return out;
}

/** Two lists in one order, by `rank` (lower first). */
function mergeByRank(
  a: readonly string[],
  b: readonly string[],
  rank: ReadonlyMap<string, number>,
): string[] {
  const r = (id: string) => rank.get(id) ?? 0;
  return [...a, ...b].sort((x, y) => r(x) - r(y));
}

/**
 * The rows of `ids` (those on screen), from `known` or read by primary key. An entry that is gone
 * or trashed since the order was read is left out. Tags and meetings are not shown in a row, so
 * they are not read here.
 */
export async function loadRows(
  db: ReadoutDB,
  ids: readonly string[],
  known: ReadonlyMap<string, LibraryRow>,
): Promise<Map<string, LibraryRow>> {
  const out = new Map<string, LibraryRow>();
  const missing = ids.filter(id => {
    const k = known.get(id);
    if (k) out.set(id, k);
    return !k;
  });
  if (missing.length > 0) {
    const entries = await db.library.bulkGet(missing);
    const live = entries.filter((e): e is LibraryEntry => e !== undefined);
    for (const row of toRows(live, NO_TAGS, NONE)) out.set(row.id, row);
  }
  return out;
}

/** What the Filters offer: every source with its count, and every tag. */
export interface LibraryFacets {
  sources: { source: string; count: number }[];
  tags: string[];
}

/**
 * The sources and tags the filter controls offer. Sources have no index (a source is the
 * publisher, else the dateline, else the file name), so this reads every entry: the pane asks
 * for it only when the analyst opens the Filters, never on start.
 */
export async function loadFacets(db: ReadoutDB): Promise<LibraryFacets> {
  const [entries, tags] = await Promise.all([db.library.toArray(), noteTags(db)]);
  const rows = toRows(entries, NO_TAGS, NONE);
  const live = new Set(rows.map(r => r.id));
  const allTags = new Set<string>();
  for (const [id, list] of tags) if (live.has(id)) for (const t of list) allTags.add(t);
  return {
    sources: sourcesOf(rows),
    tags: [...allTags].sort((a, b) => a.localeCompare(b)),
  };
}
