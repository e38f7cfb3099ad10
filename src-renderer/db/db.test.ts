import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { ReadoutDB, type Highlight, type StoredArticle } from './db';

// The stores of earlier versions exactly as they shipped, so a test can write a database the
// way an older Readout did and open it with today's class.
const V1_STORES = {
  articles: 'id, &source, contentHash, published, importedAt',
  meta: 'key',
};
const V2_STORES = {
  highlights: 'id, articleId, colour, *tags, createdAt, updatedAt',
  articleNotes: 'articleId, *tags, updatedAt',
  trash: '++id, kind, deletedAt',
};

function storedArticle(id: string, source: string): StoredArticle {
  const text = `Article ${id}: the ministers met.`;
  return {
    id,
    source,
    file: source,
    title: `Article ${id}`,
    publisher: null,
    published: '2023-04-24',
    dateline: null,
    text,
    paragraphs: [{ start: 0, end: text.length }],
    wordCount: 5,
    contentHash: id,
    importedAt: 1000,
    updatedAt: 1000,
  };
}

const highlight: Highlight = {
  id: 'h1',
  articleId: '00000000000000a1',
  colour: 2,
  quote: { exact: 'ministers', prefix: 'the ', suffix: ' met' },
  position: { start: 18, end: 27 },
  articleVersion: '00000000000000a1',
  note: 'Who attended?',
  tags: ['moscow'],
  createdAt: 1,
  updatedAt: 1,
};

describe('ReadoutDB', () => {
  it('opens a version 1 database at the latest version with its articles intact', async () => {
    const name = `t-${Math.random()}`;
    const old = new Dexie(name);
    old.version(1).stores(V1_STORES);
    const articles = [
      storedArticle('00000000000000a1', 'seeds/a.txt'),
      storedArticle('00000000000000b2', 'seeds/b.txt'),
    ];
    await old.table('articles').bulkAdd(articles);
    await old.table('meta').put({ key: 'seeded', value: true });
    old.close();

    const db = new ReadoutDB(name);
    await db.open();
    try {
      expect(db.verno).toBe(3);
      expect(await db.articles.orderBy('id').toArray()).toEqual(articles);
      expect(await db.meta.get('seeded')).toEqual({ key: 'seeded', value: true });
      expect(await db.highlights.count()).toBe(0);
      expect(await db.articleNotes.count()).toBe(0);
      expect(await db.trash.count()).toBe(0);
      expect(await db.meetings.count()).toBe(0);
      expect(await db.meetingDecisions.count()).toBe(0);
      // The unique source index survived the upgrade.
      await expect(
        db.articles.add(storedArticle('00000000000000c3', 'seeds/a.txt')),
      ).rejects.toThrow();
    } finally {
      await db.delete();
    }
  });

  it('keeps the highlights written at version 2 when opened at version 3', async () => {
    const name = `t-${Math.random()}`;
    const old = new Dexie(name);
    old.version(1).stores(V1_STORES);
    old.version(2).stores(V2_STORES);
    await old.table('articles').add(storedArticle('00000000000000a1', 'seeds/a.txt'));
    await old.table('highlights').add(highlight);
    await old
      .table('articleNotes')
      .add({ articleId: '00000000000000a1', text: 'Note', tags: [], updatedAt: 2 });
    old.close();

    const db = new ReadoutDB(name);
    await db.open();
    try {
      expect(db.verno).toBe(3);
      expect(await db.highlights.toArray()).toEqual([highlight]);
      expect(await db.highlights.where('tags').equals('moscow').count()).toBe(1);
      expect(await db.articleNotes.get('00000000000000a1')).toMatchObject({ text: 'Note' });
      expect(await db.articles.count()).toBe(1);
      expect(await db.meetings.count()).toBe(0);
    } finally {
      await db.delete();
    }
  });

  it('creates an empty database at the latest version', async () => {
    const db = new ReadoutDB(`t-${Math.random()}`);
    await db.open();
    try {
      expect(db.verno).toBe(3);
      expect(db.tables.map(t => t.name).sort()).toEqual([
        'articleNotes',
        'articles',
        'highlights',
        'meetingDecisions',
        'meetings',
        'meta',
        'trash',
      ]);
    } finally {
      await db.delete();
    }
  });
});
