import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReadoutDB, type LibraryEntry, type StoredMeeting } from '../../db/db';
import { isIndexed, loadFacets, loadRows, queryLibraryOrder } from './library-order';
import {
  NO_FILTER,
  filterRows,
  sortRows,
  toRows,
  type LibraryFilter,
  type LibraryRow,
  type SortKey,
} from './query';
import { prng } from '../../../src-main/testing/prng';

let db: ReadoutDB;
beforeEach(() => {
  db = new ReadoutDB('lo-' + Math.random());
});
afterEach(async () => {
  await db.delete();
});

function entry(id: string, extra: Partial<LibraryEntry> = {}): LibraryEntry {
  return {
    articleId: id,
    title: `Title ${id}`,
    publisher: null,
    published: null,
    dateline: null,
    file: `${id}.txt`,
    source: `/lib/${id}.txt`,
    author: null,
    url: null,
    addedAt: 1,
    updatedAt: 1,
    ...extra,
  };
}

const DAYS = ['2021-03-01', '2022-07-15', '2022-07-16', '2023-01-09', '2024-11-30'];
const WORDS = ['Ankara', 'berlin', 'Éire', 'eire', 'talks', 'Zagreb', 'accord'];
const PUBLISHERS = ['Wire One', 'Harbour Ledger', null];

/** A library with every state mixed in: ties of date and import, corrections, tags, meetings. */
async function randomLibrary(seed: number, n: number) {
  const random = prng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const entries = Array.from({ length: n }, (_, i) =>
    entry(`e${String(i).padStart(3, '0')}`, {
      title: `${pick(WORDS)} ${pick(WORDS)}`,
      publisher: pick(PUBLISHERS),
      dateline: random() < 0.3 ? 'CAIRO' : null,
      published: random() < 0.2 ? null : pick(DAYS),
      addedAt: 1 + Math.floor(random() * 4),
      ...(random() < 0.3 ? { readAt: 5 } : {}),
      ...(random() < 0.2 ? { archivedAt: 6 } : {}),
      ...(random() < 0.1 ? { trashedAt: 7 } : {}),
      ...(random() < 0.15
        ? { edits: { published: pick(DAYS), ...(random() < 0.5 ? { title: 'Edited' } : {}) } }
        : {}),
    }),
  );
  const tags = new Map<string, string[]>();
  for (const e of entries) if (random() < 0.25) tags.set(e.articleId, [pick(['iran', 'trade'])]);
  const cited = entries.filter(() => random() < 0.3).map(e => e.articleId);
  await db.library.bulkAdd(entries);
  await db.articleNotes.bulkAdd(
    [...tags].map(([articleId, t]) => ({ articleId, text: '', tags: t, updatedAt: 1 })),
  );
  await db.meetings.bulkAdd(
    cited.map(
      (articleId, i) =>
        ({
          id: `m${i}`,
          dateStart: '',
          countryCodes: [],
          articleIds: [articleId],
        }) as unknown as StoredMeeting,
    ),
  );
  return toRows(entries, tags, new Set(cited));
}

/** The list's documented order: newest first (undated last) or newest added, ties by id, highest first. */
function expected(rows: LibraryRow[], sort: SortKey, filter: LibraryFilter): string[] {
  // Orders no index gives keep the in-memory sort (ties by folded title).
  if (!isIndexed({ sort, filter })) return filterRows(sortRows(rows, sort), filter).map(r => r.id);
  const byId = (a: LibraryRow, b: LibraryRow) => (a.id < b.id ? 1 : -1);
  const cmp =
    sort === 'added'
      ? (a: LibraryRow, b: LibraryRow) => b.addedAt - a.addedAt || byId(a, b)
      : (a: LibraryRow, b: LibraryRow) => {
          if (a.published !== b.published) {
            if (a.published === null) return 1;
            if (b.published === null) return -1;
            return a.published < b.published ? 1 : -1;
          }
          return byId(a, b);
        };
  return filterRows([...rows].sort(cmp), filter).map(r => r.id);
}

const FILTERS: LibraryFilter[] = [
  NO_FILTER,
  { ...NO_FILTER, show: 'archived' },
  { ...NO_FILTER, show: 'all' },
  { ...NO_FILTER, read: 'unread' },
  { ...NO_FILTER, read: 'read', show: 'all' },
  { ...NO_FILTER, tag: 'iran' },
  { ...NO_FILTER, from: '2022-07-16' },
  { ...NO_FILTER, to: '2022-07-15', show: 'all' },
  { ...NO_FILTER, from: '2022-01-01', to: '2023-12-31', read: 'unread' },
  { ...NO_FILTER, meetings: 'with' },
  { ...NO_FILTER, meetings: 'without', tag: 'trade' },
  { ...NO_FILTER, source: 'Wire One' },
];
const SORTS: SortKey[] = ['published', 'added', 'title', 'source'];

describe('queryLibraryOrder', () => {
  it('lists what the in-memory sort and filter list, in every order and filter', async () => {
    for (const seed of [1, 2, 3]) {
      const rows = await randomLibrary(seed, 120);
      for (const sort of SORTS)
        for (const filter of FILTERS) {
          const order = await queryLibraryOrder(db, { sort, filter });
          expect(order.ids, `seed ${seed}, ${sort}, ${JSON.stringify(filter)}`).toEqual(
            expected(rows, sort, filter),
          );
          expect(order.total).toBe(rows.length);
          expect(order.indexed).toBe(isIndexed({ sort, filter }));
        }
      await db.library.clear();
      await db.articleNotes.clear();
      await db.meetings.clear();
    }
  });

  it('places a corrected date by the correction, not by the file’s date', async () => {
    await db.library.bulkAdd([
      entry('a', { published: '2020-01-01' }),
      entry('b', { published: '2021-01-01' }),
      entry('c', { published: '2019-01-01', edits: { published: '2022-06-01' } }),
      entry('d'),
    ]);
    const order = await queryLibraryOrder(db, { sort: 'published', filter: NO_FILTER });
    expect(order.ids).toEqual(['c', 'b', 'a', 'd']);
    // The corrected entry is read whole; the others wait until they are in view.
    expect([...order.known.keys()]).toEqual(['c']);
  });

  it('reads no entry but the corrected ones for the default view of a large library', async () => {
    await db.library.bulkAdd(
      Array.from({ length: 3000 }, (_, i) =>
        entry(`x${String(i).padStart(5, '0')}`, {
          published: `20${10 + (i % 15)}-01-01`,
          ...(i % 10 === 0 ? { archivedAt: 1 } : {}),
        }),
      ),
    );
    const reads: number[] = [];
    db.library.hook('reading', e => {
      reads.push(1);
      return e;
    });
    const order = await queryLibraryOrder(db, { sort: 'published', filter: NO_FILTER });
    expect(order.ids).toHaveLength(2700);
    expect(order.total).toBe(3000);
    expect(reads).toHaveLength(0);
    const rows = await loadRows(db, order.ids.slice(0, 50), order.known);
    expect(reads).toHaveLength(50);
    expect([...rows.keys()]).toEqual(order.ids.slice(0, 50));
    expect(rows.get(order.ids[0])?.published).toBe('2024-01-01');
  });
});

describe('loadRows', () => {
  it('leaves out entries trashed or gone since the order was read', async () => {
    await db.library.bulkAdd([entry('a'), entry('b', { trashedAt: 1 })]);
    const rows = await loadRows(db, ['a', 'b', 'zz'], new Map());
    expect([...rows.keys()]).toEqual(['a']);
  });
});

describe('loadFacets', () => {
  it('offers the live articles’ sources with counts and their tags', async () => {
    await db.library.bulkAdd([
      entry('a', { publisher: 'Wire One' }),
      entry('b', { publisher: 'Wire One' }),
      entry('c', { dateline: 'CAIRO' }),
      entry('d', { publisher: 'Gone Daily', trashedAt: 1 }),
    ]);
    await db.articleNotes.bulkAdd([
      { articleId: 'a', text: '', tags: ['trade', 'iran'], updatedAt: 1 },
      { articleId: 'd', text: '', tags: ['trashed-only'], updatedAt: 1 },
    ]);
    expect(await loadFacets(db)).toEqual({
      sources: [
        { source: 'Wire One', count: 2 },
        { source: 'CAIRO', count: 1 },
      ],
      tags: ['iran', 'trade'],
    });
  });
});
