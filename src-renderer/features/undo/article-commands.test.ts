import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storeArticles } from '../../db/articles';
import { ReadoutDB } from '../../db/db';
import { highlightsOf, newHighlight } from '../../db/highlights';
import { contractArticle } from '../../db/testing';
import {
  archiveArticles,
  deleteArticles,
  editMetadata,
  restoreArticlesFromTrash,
  tagArticles,
} from './article-commands';
import { UndoStack } from './UndoStack';

const a = contractArticle('seeds/a.txt', 'The foreign ministers met in Cairo.');
const b = contractArticle('seeds/b.txt', 'Negotiators resumed talks in Geneva.');
let db: ReadoutDB;
let stack: UndoStack;
beforeEach(async () => {
  db = new ReadoutDB('t-' + Math.random());
  stack = new UndoStack();
  await storeArticles(db, [a, b]);
});
afterEach(async () => {
  await db.delete();
});

describe('archiveArticles', () => {
  it('archives several articles as one step, and undo leaves an earlier archive alone', async () => {
    await stack.execute(archiveArticles(db, [a.id], true));
    const first = (await db.library.get(a.id))?.archivedAt;
    await stack.execute(archiveArticles(db, [a.id, b.id], true));
    expect(await db.library.where('archivedAt').above(0).count()).toBe(2);
    expect(await stack.undo()).toBe('Archive 2 articles');
    expect((await db.library.get(a.id))?.archivedAt).toBe(first);
    expect((await db.library.get(b.id))?.archivedAt).toBeUndefined();
  });
});

describe('deleteArticles', () => {
  it('trashes the article with its highlight, and undo brings both back', async () => {
    const h = newHighlight({ ...a, contentHash: a.id }, 4, 11, 0);
    await db.highlights.put(h);
    await stack.execute(deleteArticles(db, [a.id]));
    expect(await highlightsOf(db, a.id)).toEqual([]);
    expect((await db.library.get(a.id))?.trashedAt).toBeGreaterThan(0);
    expect(await stack.undo()).toBe('Delete article');
    expect(await highlightsOf(db, a.id)).toMatchObject([{ ...h, updatedAt: expect.any(Number) }]);
    expect((await db.highlights.get(h.id))?.trashedWithArticle).toBeUndefined();
    expect((await db.library.get(a.id))?.trashedAt).toBeUndefined();
    await stack.redo();
    expect(await highlightsOf(db, a.id)).toEqual([]);
  });
});

describe('restoreArticlesFromTrash', () => {
  it('restores, and undo sends the article back to the trash', async () => {
    await stack.execute(deleteArticles(db, [b.id]));
    await stack.execute(restoreArticlesFromTrash(db, [b.id]));
    expect((await db.library.get(b.id))?.trashedAt).toBeUndefined();
    await stack.undo();
    expect((await db.library.get(b.id))?.trashedAt).toBeGreaterThan(0);
  });
});

describe('tagArticles', () => {
  it('tags several articles, keeps notes’ text, and undo removes only what it added', async () => {
    await db.articleNotes.put({ articleId: a.id, text: 'Check', tags: ['egypt'], updatedAt: 1 });
    await stack.execute(tagArticles(db, [a.id, b.id], 'talks'));
    expect((await db.articleNotes.get(a.id))?.tags).toEqual(['egypt', 'talks']);
    expect((await db.articleNotes.get(b.id))?.tags).toEqual(['talks']);
    await stack.undo();
    expect(await db.articleNotes.get(a.id)).toMatchObject({ text: 'Check', tags: ['egypt'] });
    expect(await db.articleNotes.get(b.id)).toBeUndefined();
  });
});

describe('editMetadata', () => {
  it('saves the edits and undo returns to the ones before', async () => {
    await stack.execute(editMetadata(db, a.id, { title: 'Cairo meeting' }));
    await stack.execute(editMetadata(db, a.id, { title: 'Cairo talks', published: '2023-03-01' }));
    await stack.undo();
    expect((await db.library.get(a.id))?.edits).toEqual({ title: 'Cairo meeting' });
    await stack.undo();
    expect((await db.library.get(a.id))?.edits).toBeUndefined();
  });
});
