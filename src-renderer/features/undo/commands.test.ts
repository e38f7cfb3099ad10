import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReadoutDB } from '../../db/db';
import { highlightsOf, liveNote, newHighlight } from '../../db/highlights';
import { trashedItems } from '../../db/trash';
import {
  createHighlight,
  deleteArticleNote,
  deleteHighlight,
  restoreFromTrash,
  saveArticleNote,
  updateHighlight,
} from './commands';
import { UndoStack } from './UndoStack';

const article = {
  id: '0123456789abcdef',
  contentHash: '0123456789abcdef',
  text: 'The ministers met in Moscow on April 25 to discuss the war.',
};

let db: ReadoutDB;
let stack: UndoStack;
beforeEach(() => {
  db = new ReadoutDB('test-' + Math.random());
  stack = new UndoStack();
});
afterEach(async () => {
  await db.delete();
});

/** A record without its bookkeeping time (trashing and restoring stamp `updatedAt`). */
function content<T extends { updatedAt: number }>(
  record: T | undefined,
): Omit<T, 'updatedAt'> | undefined {
  if (!record) return undefined;
  const rest: Partial<T> = { ...record };
  delete rest.updatedAt;
  return rest as Omit<T, 'updatedAt'>;
}

describe('createHighlight', () => {
  it('stores the highlight, and undo removes it without a trace in the trash', async () => {
    const h = newHighlight(article, 4, 13, 0);
    await stack.execute(createHighlight(db, h));
    expect(await db.highlights.get(h.id)).toEqual(h);
    await stack.undo();
    expect(await db.highlights.count()).toBe(0);
    await stack.redo();
    expect(await db.highlights.get(h.id)).toEqual(h);
  });
});

describe('updateHighlight', () => {
  it('recolours, and undo restores the old colour', async () => {
    const h = newHighlight(article, 4, 13, 0);
    await stack.execute(createHighlight(db, h));
    await stack.execute(updateHighlight(db, h, { ...h, colour: 3 }, 'Recolour highlight'));
    expect((await db.highlights.get(h.id))?.colour).toBe(3);
    expect(await stack.undo()).toBe('Recolour highlight');
    expect((await db.highlights.get(h.id))?.colour).toBe(0);
  });

  it('folds autosaves of one note into one undo step', async () => {
    const h = newHighlight(article, 4, 13, 0);
    await stack.execute(createHighlight(db, h));
    let current = h;
    for (const note of ['Ch', 'Check', 'Check source']) {
      const next = { ...current, note };
      await stack.execute(updateHighlight(db, current, next, 'Edit note', `note:${h.id}`));
      current = next;
    }
    await stack.undo();
    expect((await db.highlights.get(h.id))?.note).toBe('');
    await stack.undo();
    expect(await db.highlights.count()).toBe(0);
  });
});

describe('deleteHighlight', () => {
  it('moves the highlight to the trash, and undo brings it back from there', async () => {
    const h = newHighlight(article, 4, 13, 2);
    await stack.execute(createHighlight(db, h));
    await stack.execute(deleteHighlight(db, h));
    expect(await highlightsOf(db, article.id)).toEqual([]);
    expect((await trashedItems(db)).map(t => t.record)).toMatchObject([
      { ...content(h), trashedBy: 'local' },
    ]);
    await stack.undo();
    expect(content(await db.highlights.get(h.id))).toEqual(content(h));
    expect(await db.highlights.get(h.id)).not.toHaveProperty('trashedAt');
    expect(await trashedItems(db)).toEqual([]);
  });
});

describe('restoreFromTrash', () => {
  it('restores a deleted highlight, and undo sends it back to the trash', async () => {
    const h = newHighlight(article, 4, 13, 2);
    await stack.execute(createHighlight(db, h));
    await stack.execute(deleteHighlight(db, h));
    const [item] = await trashedItems(db);
    await stack.execute(restoreFromTrash(db, item));
    expect(content(await db.highlights.get(h.id))).toEqual(content(h));
    expect(await trashedItems(db)).toEqual([]);
    await stack.undo();
    expect(await highlightsOf(db, article.id)).toEqual([]);
    expect(await trashedItems(db)).toHaveLength(1);
    await stack.redo();
    expect(await highlightsOf(db, article.id)).toHaveLength(1);
  });
});

describe('saveArticleNote', () => {
  it('saves, folds autosaves, and undo removes a note that did not exist before', async () => {
    const note = { articleId: article.id, text: 'Draft', tags: [], updatedAt: 1 };
    await stack.execute(saveArticleNote(db, null, note));
    await stack.execute(saveArticleNote(db, note, { ...note, text: 'Draft two', tags: ['iran'] }));
    expect((await db.articleNotes.get(article.id))?.tags).toEqual(['iran']);
    await stack.undo();
    expect(await db.articleNotes.count()).toBe(0);
  });
});

describe('deleteArticleNote', () => {
  it('trashes the note and undo restores it', async () => {
    const note = { articleId: article.id, text: 'Keep', tags: ['x'], updatedAt: 1 };
    await db.articleNotes.put(note);
    await stack.execute(deleteArticleNote(db, article.id));
    expect(await liveNote(db, article.id)).toBeNull();
    expect(await trashedItems(db)).toHaveLength(1);
    await stack.undo();
    expect(content(await db.articleNotes.get(article.id))).toEqual(content(note));
    expect(await liveNote(db, article.id)).not.toBeNull();
  });

  it('lets a new note replace one in the trash, and undo puts the trashed one back', async () => {
    const note = { articleId: article.id, text: 'Old', tags: ['x'], updatedAt: 1 };
    await db.articleNotes.put(note);
    await stack.execute(deleteArticleNote(db, article.id));
    const trashed = (await db.articleNotes.get(article.id))!;
    const fresh = { articleId: article.id, text: 'New', tags: [], updatedAt: 5 };
    await stack.execute(saveArticleNote(db, trashed, fresh));
    expect(await liveNote(db, article.id)).toEqual(fresh);
    await stack.undo();
    expect(await db.articleNotes.get(article.id)).toEqual(trashed);
  });
});

describe('updateHighlight on a team desk', () => {
  it('undoes only the fields that still hold this desk’s value, and says which a colleague changed', async () => {
    const h = newHighlight(article, 4, 13, 0);
    await stack.execute(createHighlight(db, h));
    await stack.execute(
      updateHighlight(db, h, { ...h, colour: 3, note: 'Mine' }, 'Edit highlight'),
    );
    // A colleague's edit of the note arrives through sync before the analyst presses Ctrl+Z.
    await db.highlights.update(h.id, { note: 'Theirs' });
    expect(await stack.undo()).toBe(
      'Edit highlight (note changed by a colleague since: kept theirs)',
    );
    expect(await db.highlights.get(h.id)).toMatchObject({ colour: 0, note: 'Theirs' });
    // Redo puts back the colour; the note is still the colleague's.
    expect(await stack.redo()).toBe(
      'Edit highlight (note changed by a colleague since: kept theirs)',
    );
    expect(await db.highlights.get(h.id)).toMatchObject({ colour: 3, note: 'Theirs' });
  });

  it('says so when the highlight was deleted since, and brings nothing back', async () => {
    const h = newHighlight(article, 4, 13, 0);
    await stack.execute(createHighlight(db, h));
    await stack.execute(updateHighlight(db, h, { ...h, colour: 3 }, 'Recolour highlight'));
    await db.highlights.delete(h.id);
    expect(await stack.undo()).toBe('Recolour highlight (it was deleted since)');
    expect(await db.highlights.count()).toBe(0);
  });
});

describe('saveArticleNote on a team desk', () => {
  it('keeps a colleague’s later tags when undoing the text', async () => {
    const before = { articleId: 'a1', text: 'First', tags: [], updatedAt: 1 };
    await db.articleNotes.put(before);
    await stack.execute(saveArticleNote(db, before, { ...before, text: 'Second', updatedAt: 2 }));
    await db.articleNotes.update('a1', { tags: ['ankara'] });
    expect(await stack.undo()).toBe('Edit article note');
    expect(await db.articleNotes.get('a1')).toMatchObject({ text: 'First', tags: ['ankara'] });
  });
});
