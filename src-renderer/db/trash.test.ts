import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setSyncIdentity } from '../sync/outbox-capture';
import { storeArticles } from './articles';
import { ReadoutDB } from './db';
import { highlightsOf, liveNote, newHighlight } from './highlights';
import { restoreArticles, trashArticles } from './library';
import {
  emptyTrash,
  trashArticleNote,
  trashedItems,
  trashHighlight,
  untrash,
  workTrashedWithArticles,
} from './trash';

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

async function storeArticle(): Promise<void> {
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
}

describe('trashHighlight and untrash', () => {
  it('mark a highlight trashed in its own table and bring it back as it was', async () => {
    const h = newHighlight(article, 21, 27, 1, 5);
    await db.highlights.put(h);
    expect(await trashHighlight(db, h.id, 50)).toEqual(h);
    expect(await db.highlights.get(h.id)).toEqual({
      ...h,
      trashedAt: 50,
      trashedBy: 'local',
      updatedAt: 50,
    });
    expect(await highlightsOf(db, article.id)).toEqual([]);
    expect(await trashHighlight(db, h.id)).toBeNull();
    expect(await untrash(db, 'highlight', h.id, 60)).toBe(true);
    expect(await db.highlights.get(h.id)).toEqual({ ...h, updatedAt: 60 });
    expect(await untrash(db, 'highlight', h.id)).toBe(false);
  });

  it('names the analyst as the one who trashed once a team is joined', async () => {
    await db.open();
    await setSyncIdentity(db, 'ana');
    const h = newHighlight(article, 21, 27, 1);
    await db.highlights.put(h);
    await trashHighlight(db, h.id);
    expect((await db.highlights.get(h.id))?.trashedBy).toBe('ana');
  });
});

describe('trashArticleNote', () => {
  it('hides the note from the live read and lists it in the trash', async () => {
    await db.articleNotes.put({ articleId: article.id, text: 'Ask', tags: ['x'], updatedAt: 1 });
    expect(await trashArticleNote(db, article.id, 9)).toMatchObject({ text: 'Ask' });
    expect(await liveNote(db, article.id)).toBeNull();
    expect((await trashedItems(db)).map(i => [i.kind, i.key, i.trashedAt])).toEqual([
      ['article-note', article.id, 9],
    ]);
    expect(await trashArticleNote(db, article.id)).toBeNull();
  });
});

describe('trashedItems', () => {
  it('lists what was trashed on its own, newest first, and not what went with an article', async () => {
    await storeArticle();
    const first = newHighlight(article, 0, 3, 0);
    const second = newHighlight(article, 4, 9, 1);
    const withIt = newHighlight(article, 10, 12, 1);
    await db.highlights.bulkPut([first, second, withIt]);
    await trashHighlight(db, first.id, 10);
    await trashHighlight(db, second.id, 20);
    await trashArticles(db, [article.id], 30);
    expect((await trashedItems(db)).map(i => i.key)).toEqual([second.id, first.id]);
    expect(await workTrashedWithArticles(db)).toEqual(new Map([[article.id, 1]]));
    // Restoring the article brings back only what went with it.
    await restoreArticles(db, [article.id]);
    expect((await highlightsOf(db, article.id)).map(h => h.id)).toEqual([withIt.id]);
  });
});

describe('emptyTrash', () => {
  it('deletes what was trashed on its own for good and keeps what went with a deleted article', async () => {
    await storeArticle();
    const alone = newHighlight(article, 0, 3, 0);
    const withIt = newHighlight(article, 4, 9, 1);
    const live = { ...newHighlight(article, 10, 12, 1), id: 'live' };
    await db.highlights.bulkPut([alone, withIt]);
    await trashHighlight(db, alone.id);
    await trashArticles(db, [article.id]);
    await db.highlights.put(live);
    await emptyTrash(db);
    expect((await db.highlights.orderBy('id').primaryKeys()).sort()).toEqual(
      [withIt.id, 'live'].sort(),
    );
    // The one that went with the article is not restored on its own, only with the article.
    expect(await untrash(db, 'highlight', withIt.id)).toBe(false);
  });
});
