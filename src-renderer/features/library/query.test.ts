import { describe, expect, it } from 'vitest';
import type { LibraryEntry } from '../../db/db';
import {
  NO_FILTER,
  filterRows,
  isFiltered,
  matchesFilter,
  sortRows,
  sourcesOf,
  toRows,
  type LibraryRow,
} from './query';

function entry(id: string, extra: Partial<LibraryEntry> = {}): LibraryEntry {
  return {
    articleId: id,
    title: `Title ${id}`,
    publisher: null,
    published: null,
    dateline: null,
    file: `${id}.txt`,
    source: `seeds/${id}.txt`,
    author: null,
    url: null,
    addedAt: 0,
    updatedAt: 0,
    ...extra,
  };
}

const entries = [
  entry('a', { title: 'Ankara talks', publisher: 'Wire One', published: '2023-04-02', addedAt: 3 }),
  entry('b', {
    title: 'berlin summit',
    publisher: 'Wire Two',
    published: '2023-05-10',
    addedAt: 1,
  }),
  entry('c', { title: 'Cairo visit', dateline: 'CAIRO', addedAt: 2, readAt: 9 }),
  entry('d', {
    title: 'Doha round',
    publisher: 'Wire One',
    published: '2022-12-31',
    archivedAt: 5,
  }),
  entry('e', { title: 'Gone', trashedAt: 7 }),
];
const rows = toRows(entries, new Map([['a', ['turkey']]]), new Set(['b']));
const ids = (rs: LibraryRow[]) => rs.map(r => r.id);

describe('toRows', () => {
  it('leaves trashed articles out and shows the analyst’s edits', () => {
    const edited = toRows(
      [entry('x', { title: 'Old', edits: { title: 'New', published: '2024-01-01' } })],
      new Map(),
      new Set(),
    );
    expect(ids(rows)).toEqual(['a', 'b', 'c', 'd']);
    expect(edited[0]).toMatchObject({ title: 'New', published: '2024-01-01', source: 'x.txt' });
    expect(rows.find(r => r.id === 'c')).toMatchObject({ source: 'CAIRO', read: true });
  });
});

describe('sortRows', () => {
  it('sorts by date (newest first, undated last), title, source or date added', () => {
    expect(ids(sortRows(rows, 'published'))).toEqual(['b', 'a', 'd', 'c']);
    expect(ids(sortRows(rows, 'title'))).toEqual(['a', 'b', 'c', 'd']);
    expect(ids(sortRows(rows, 'source'))).toEqual(['c', 'a', 'd', 'b']);
    expect(ids(sortRows(rows, 'added'))).toEqual(['a', 'c', 'b', 'd']);
  });

  it('sorts 100,000 rows without reading any text', () => {
    const many = toRows(
      Array.from({ length: 100_000 }, (_, i) =>
        entry(String(i).padStart(6, '0'), { title: `Talks ${(i * 7919) % 100_000}` }),
      ),
      new Map(),
      new Set(),
    );
    const sorted = sortRows(many, 'title');
    expect(sorted[0].title).toBe('Talks 0');
    expect(sorted[99_999].title).toBe('Talks 99999');
  });
});

describe('matchesFilter', () => {
  it('bounds the date range inclusively and keeps undated articles out of any range', () => {
    const a = rows[0];
    expect(matchesFilter(a, { ...NO_FILTER, from: '2023-04-02', to: '2023-04-02' })).toBe(true);
    expect(matchesFilter(a, { ...NO_FILTER, from: '2023-04-03' })).toBe(false);
    expect(matchesFilter(rows[2], { ...NO_FILTER, to: '2030-01-01' })).toBe(false);
  });
});

describe('filterRows', () => {
  it('hides archived articles by default and shows them on asking', () => {
    expect(ids(filterRows(rows, NO_FILTER))).toEqual(['a', 'b', 'c']);
    expect(ids(filterRows(rows, { ...NO_FILTER, show: 'archived' }))).toEqual(['d']);
    expect(ids(filterRows(rows, { ...NO_FILTER, show: 'all' }))).toHaveLength(4);
  });

  it('filters by source, tag, read state and meetings together', () => {
    expect(ids(filterRows(rows, { ...NO_FILTER, source: 'Wire One', show: 'all' }))).toEqual([
      'a',
      'd',
    ]);
    expect(ids(filterRows(rows, { ...NO_FILTER, tag: 'turkey' }))).toEqual(['a']);
    expect(ids(filterRows(rows, { ...NO_FILTER, read: 'unread' }))).toEqual(['a', 'b']);
    expect(ids(filterRows(rows, { ...NO_FILTER, read: 'read' }))).toEqual(['c']);
    expect(ids(filterRows(rows, { ...NO_FILTER, meetings: 'with' }))).toEqual(['b']);
    expect(ids(filterRows(rows, { ...NO_FILTER, meetings: 'without', read: 'unread' }))).toEqual([
      'a',
    ]);
  });
});

describe('isFiltered', () => {
  it('is false for the default view only', () => {
    expect(isFiltered(NO_FILTER)).toBe(false);
    expect(isFiltered({ ...NO_FILTER, read: 'unread' })).toBe(true);
  });
});

describe('sourcesOf', () => {
  it('counts each source, most common first', () => {
    expect(sourcesOf(rows)).toEqual([
      { source: 'Wire One', count: 2 },
      { source: 'CAIRO', count: 1 },
      { source: 'Wire Two', count: 1 },
    ]);
  });
});
