import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Article } from '../../src-main/contract/article';
import { storeArticles } from './articles';
import { entryFromArticle, ReadoutDB } from './db';
import { saveEdits, trashArticles } from './library';
import { CHANGES_KEY, MAX_CHANGED, readChanges, writeChanges } from './library-changes';

let db: ReadoutDB;
beforeEach(() => {
  db = new ReadoutDB('lc-' + Math.random());
});
afterEach(async () => {
  await db.delete();
});

function article(n: number): Article {
  const text = `Report number ${n}: envoys spoke.`;
  return {
    id: n.toString(16).padStart(16, '0'),
    source: `lib/${n}.txt`,
    file: `lib/${n}.txt`,
    title: `Report ${n}`,
    publisher: null,
    published: '2024-02-02',
    dateline: null,
    text,
    paragraphs: [{ start: 0, end: text.length }],
    wordCount: 5,
  };
}

const idOf = (n: number) => article(n).id;
const counted = () => writeChanges(db, { base: 'b', ids: [], writes: 0 });

describe('library changes', () => {
  it('stays missing while missing: writes before the row was kept are unknown', async () => {
    await storeArticles(db, [article(1)]);
    expect(await db.meta.get(CHANGES_KEY)).toBeUndefined();
  });

  it('names every article an import, a trash, a date edit or a delete writes', async () => {
    await storeArticles(db, [article(1), article(2), article(3)]);
    await counted();
    await storeArticles(db, [article(4)]);
    await trashArticles(db, [idOf(1)]);
    await saveEdits(db, idOf(2), { published: '2024-03-01' });
    await db.articles.delete(idOf(3));
    const changes = await readChanges(db);
    expect(changes?.base).toBe('b');
    expect([...(changes?.ids ?? [])].sort()).toEqual([1, 2, 3, 4].map(idOf));
    expect(changes?.writes).toBeGreaterThanOrEqual(4);
  });

  it('keeps both of two writes issued together in one transaction', async () => {
    await counted();
    await db.transaction('rw', db.articles, db.library, async () => {
      await Promise.all([
        db.library.put({ ...entryFromArticle(article(7), 1) }),
        db.library.put({ ...entryFromArticle(article(8), 1) }),
      ]);
    });
    expect([...((await readChanges(db))?.ids ?? [])].sort()).toEqual([idOf(7), idOf(8)]);
  });

  it('drops the mark with a write that aborts', async () => {
    await counted();
    await expect(
      db.transaction('rw', db.articles, db.library, async () => {
        await db.library.put(entryFromArticle(article(9), 1));
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await readChanges(db)).toEqual({ base: 'b', ids: [], writes: 0 });
  });

  it('turns into all on a cleared table or past the cap', async () => {
    await counted();
    await db.library.clear();
    expect((await readChanges(db))?.ids).toBe('all');
    await counted();
    await db.library.bulkPut(
      Array.from({ length: MAX_CHANGED + 1 }, (_, n) => entryFromArticle(article(n + 1), 1)),
    );
    expect((await readChanges(db))?.ids).toBe('all');
  });
});
