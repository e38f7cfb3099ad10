/**
 * The library as the app shows it: the rows (read from the text-free `library` table, the note
 * tags and the meetings' article index), sorted and filtered as the analyst asked, and the open
 * article with the analyst's metadata edits laid over it.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { db, type StoredArticle } from '../../db/db';
import { effectiveMetadata, type EffectiveMetadata } from '../../db/library';
import {
  NO_FILTER,
  filterRows,
  sortRows,
  toRows,
  type LibraryFilter,
  type LibraryRow,
  type SortKey,
} from './query';

export interface LibraryView {
  /** Every live (not trashed) article; undefined while the database opens. */
  rows: LibraryRow[] | undefined;
  /** The rows the filter lets through, in the chosen order. */
  shown: LibraryRow[] | undefined;
  sort: SortKey;
  setSort: (key: SortKey) => void;
  filter: LibraryFilter;
  setFilter: (filter: LibraryFilter) => void;
}

/** Article id → its live note's tags, for the tag filter (index keys only; trashed notes skipped). */
async function noteTags(): Promise<Map<string, string[]>> {
  const tags = new Map<string, string[]>();
  const trashed = new Set(await db.articleNotes.orderBy('trashedAt').primaryKeys());
  await db.articleNotes.orderBy('tags').eachKey((tag, cursor) => {
    const id = String(cursor.primaryKey);
    if (trashed.has(id)) return;
    tags.set(id, [...(tags.get(id) ?? []), String(tag)]);
  });
  return tags;
}

export function useLibraryView(): LibraryView {
  const entries = useLiveQuery(() => db.library.toArray(), []);
  const tags = useLiveQuery(noteTags, []);
  const cited = useLiveQuery(() => db.meetings.orderBy('articleIds').uniqueKeys(), []);
  const [sort, setSort] = useState<SortKey>('published');
  const [filter, setFilter] = useState<LibraryFilter>(NO_FILTER);
  const rows = useMemo(
    () => entries && toRows(entries, tags ?? new Map(), new Set((cited ?? []).map(String))),
    [entries, tags, cited],
  );
  const sorted = useMemo(() => rows && sortRows(rows, sort), [rows, sort]);
  const shown = useMemo(() => sorted && filterRows(sorted, filter), [sorted, filter]);
  return { rows, shown, sort, setSort, filter, setFilter };
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
