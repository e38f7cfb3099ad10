/**
 * The library as the app shows it: the order of the shown articles (from the indexes, see
 * `library-order.ts`), the rows in view read as the list scrolls, the sort and filter the analyst
 * chose, and the open article with the analyst's metadata edits laid over it.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { db, type StoredArticle } from '../../db/db';
import { PacedLiveQuery } from '../../db/paced-live-query';
import { effectiveMetadata, type EffectiveMetadata } from '../../db/library';
import { loadFacets, loadRows, queryLibraryOrder, type LibraryFacets } from './library-order';
import { NO_FILTER, type LibraryFilter, type LibraryRow, type SortKey } from './query';

/** Rows are read in pages of this many, so scrolling a few rows reads nothing new. */
const PAGE = 50;

export interface LibraryView {
  /** How many live (not trashed) articles there are; undefined while the database opens. */
  total: number | undefined;
  /** The ids the filter lets through, in the chosen order; undefined while loading. */
  order: readonly string[] | undefined;
  /** The row of a shown article once it has been read (rows are read as they come into view). */
  rowOf: (id: string) => LibraryRow | undefined;
  /** The list reports which rows are in view (indexes into `order`, end exclusive). */
  setRange: (start: number, end: number) => void;
  sort: SortKey;
  setSort: (key: SortKey) => void;
  filter: LibraryFilter;
  setFilter: (filter: LibraryFilter) => void;
  /** Sources and tags for the filter controls; undefined while the Filters are closed. */
  facets: LibraryFacets | undefined;
  /** The Filters opened or closed: their sources need every entry, so they are read only while open. */
  setFiltersOpen: (open: boolean) => void;
}

/**
 * `pacedMs`: while an import stores its batches the order is read at most once per that many
 * milliseconds instead of after every batch (see PacedLiveQuery); null follows every write.
 */
export function useLibraryView({ pacedMs = null }: { pacedMs?: number | null } = {}): LibraryView {
  const [sort, setSort] = useState<SortKey>('published');
  const [filter, setFilter] = useState<LibraryFilter>(NO_FILTER);
  const querier = useCallback(() => queryLibraryOrder(db, { sort, filter }), [sort, filter]);
  const [order] = useState(() => new PacedLiveQuery(db, querier));
  useEffect(() => order.setQuerier(querier), [order, querier]);
  useEffect(() => order.setPace(pacedMs), [order, pacedMs]);
  const list = useSyncExternalStore(order.subscribe, order.getSnapshot);
  const [pages, setPages] = useState<[number, number]>([0, 1]);
  const setRange = useCallback((start: number, end: number) => {
    // A margin beyond the rows in view covers the list's overscan.
    const first = Math.floor(Math.max(0, start - 10) / PAGE);
    const last = Math.max(first + 1, Math.ceil((end + 10) / PAGE));
    setPages(p => (p[0] === first && p[1] === last ? p : [first, last]));
  }, []);
  const inView = useMemo(
    () => list?.ids.slice(pages[0] * PAGE, pages[1] * PAGE) ?? [],
    [list, pages],
  );
  const rows = useLiveQuery(
    () => (list ? loadRows(db, inView, list.known) : undefined),
    [list, inView],
  );
  // Until the rows of a new page arrive, the last page's stay (useLiveQuery keeps its result when
  // its inputs change), so rows scrolled a little show at once and far rows as placeholders.
  const rowOf = useCallback((id: string) => rows?.get(id), [rows]);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const facets = useLiveQuery(() => (filtersOpen ? loadFacets(db) : undefined), [filtersOpen]);
  return {
    total: list?.total,
    order: list?.ids,
    rowOf,
    setRange,
    sort,
    setSort,
    filter,
    setFilter,
    facets,
    setFiltersOpen,
  };
}

/**
 * The article open in the reader, with the analyst's edited title, publisher and date in place
 * of the file's; null when there is none or it is in the trash, undefined while loading.
 */
export function useOpenArticle(id: string | null): StoredArticle | null | undefined {
  const article = useLiveQuery(
    async () => (id ? ((await db.articles.get(id)) ?? null) : null),
    [id],
  );
  // A string, so that saving the reading position (which rewrites the entry) does not render
  // the reader again: only a change to what it shows does.
  const shown = useLiveQuery(async () => {
    const entry = id ? await db.library.get(id) : undefined;
    if (!entry) return '';
    if (entry.trashedAt !== undefined) return 'trashed';
    return entry.edits ? JSON.stringify(effectiveMetadata(entry)) : '';
  }, [id]);
  return useMemo(() => {
    if (article === undefined || shown === undefined) return undefined;
    if (!article || shown === 'trashed') return null;
    if (!shown) return article;
    const m = JSON.parse(shown) as EffectiveMetadata;
    return { ...article, title: m.title, publisher: m.publisher, published: m.published };
  }, [article, shown]);
}
