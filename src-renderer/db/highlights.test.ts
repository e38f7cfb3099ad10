import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReadoutDB } from './db';
import { storeArticles } from './articles';
import { allTags, cleanTag, emptyTrash, newHighlight, trashHighlight, untrash } from './highlights';
import { trashArticles } from './library';

const article = {
  id: '0123456789abcdef',
  contentHash: 'fedcba9876543210',
  text: 'The ministers met in Moscow on April 25.',
};

let db: ReadoutDB;
beforeEach(() => {
  db = new ReadoutDB('test-' + Math.random());
});
afterEach(async () => {
  await db.delete();
});

describe('newHighlight', () => {
  it('describes the passage with both selectors and the article version', () => {
    const h = newHighlight(article, 21, 27, 1, 5);
    expect(h.quote).toEqual({
      exact: 'Moscow',
      prefix: 'The ministers met in ',
      suffix: ' on April 25.',
    });
    expect(h.position).toEqual({ start: 21, end: 27 });
    expect(h.articleVersion).toBe('fedcba9876543210');
    expect(h.createdAt).toBe(5);
  });
});

describe('trashHighlight and untrash', () => {
  it('move a highlight between its table and the trash', async () => {
    const h = newHighlight(article, 21, 27, 1);
    await db.highlights.put(h);
    expect(await trashHighlight(db, h.id)).toEqual(h);
    expect(await trashHighlight(db, h.id)).toBeNull();
    expect(await untrash(db, 'highlight', h.id)).toBe(true);
    expect(await db.highlights.get(h.id)).toEqual(h);
    expect(await untrash(db, 'highlight', h.id)).toBe(false);
  });
});

describe('allTags', () => {
  it('lists the tags of highlights and article notes once each, sorted', async () => {
    await db.highlights.put({ ...newHighlight(article, 0, 3, 0), tags: ['moscow', 'iran'] });
    await db.articleNotes.put({
      articleId: article.id,
      text: '',
      tags: ['iran', 'defence'],
      updatedAt: 1,
    });
    expect(await allTags(db)).toEqual(['defence', 'iran', 'moscow']);
  });
});

describe('cleanTag', () => {
  it('trims, collapses spaces and drops a leading #', () => {
    expect(cleanTag('  #follow   up ')).toBe('follow up');
    expect(cleanTag('   ')).toBeNull();
  });
});

describe('emptyTrash', () => {
  it('empties highlights deleted on their own and keeps those that went with a deleted article', async () => {
    await storeArticles(db, [
      {
        ...article,
        source: 'seeds/e.txt',
        file: 'e.txt',
        title: 'E',
        publisher: null,
        published: null,
        dateline: null,
        paragraphs: [],
        wordCount: 1,
      },
    ]);
    const alone = newHighlight(article, 0, 3, 0);
    const withIt = newHighlight(article, 4, 9, 1);
    await db.highlights.bulkPut([alone, withIt]);
    await trashHighlight(db, alone.id);
    await trashArticles(db, [article.id]);
    await emptyTrash(db);
    expect((await db.trash.toArray()).map(t => (t.record as { id: string }).id)).toEqual([
      withIt.id,
    ]);
    // The one that went with the article is not restored on its own, only with the article.
    expect(await untrash(db, 'highlight', withIt.id)).toBe(false);
  });
});
