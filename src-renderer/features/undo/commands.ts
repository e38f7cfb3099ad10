/**
 * The undoable edits of the analyst's desk. Each command holds the records before and after, so
 * undo and redo are plain writes; deletions go through the trash (a field of the record), so
 * undoing one restores exactly the record that was deleted.
 */
import type { ArticleNote, Highlight, ReadoutDB } from '../../db/db';
import { trashArticleNote, trashHighlight, untrash, type TrashItem } from '../../db/trash';
import { setFieldsIfUnchanged } from './compare-and-set';
import type { Command } from './UndoStack';

const HIGHLIGHT_FIELDS = ['colour', 'note', 'tags'] as const;
const NOTE_FIELDS = ['text', 'tags'] as const;

/** A command that writes one record; merging keeps the first `before` and the last `after`. */
interface WriteCommand<T> extends Command {
  after: T;
}

export function createHighlight(db: ReadoutDB, h: Highlight): Command {
  return {
    label: 'Create highlight',
    do: async () => void (await db.highlights.put(h)),
    undo: () => db.highlights.delete(h.id),
  };
}

/**
 * Changes a highlight (colour, note, tags). With a `mergeKey`, successive edits (autosaves of one
 * note) fold into one undo step that returns to the first `before`. Undo and redo are
 * compare-and-set (compare-and-set.ts): a field a colleague changed since is kept, and said.
 */
export function updateHighlight(
  db: ReadoutDB,
  before: Highlight,
  after: Highlight,
  label: string,
  mergeKey?: string,
): WriteCommand<Highlight> {
  return {
    label,
    mergeKey,
    do: () =>
      setFieldsIfUnchanged(
        db.highlights,
        after.id,
        before,
        after,
        HIGHLIGHT_FIELDS,
        after.updatedAt,
      ),
    undo: () => setFieldsIfUnchanged(db.highlights, before.id, after, before, HIGHLIGHT_FIELDS),
    merge: next =>
      updateHighlight(db, before, (next as WriteCommand<Highlight>).after, label, mergeKey),
    after,
  };
}

export function deleteHighlight(db: ReadoutDB, h: Highlight): Command {
  return {
    label: 'Delete highlight',
    do: async () => void (await trashHighlight(db, h.id)),
    undo: async () => void (await untrash(db, 'highlight', h.id)),
  };
}

/**
 * Saves an article's note and tags; successive autosaves of one article fold into one step.
 * `before` is the stored record, which may be a note in the trash: one note per article, so a
 * new note replaces it, and undo puts the trashed note back as it was.
 */
export function saveArticleNote(
  db: ReadoutDB,
  before: ArticleNote | null,
  after: ArticleNote,
): WriteCommand<ArticleNote> {
  return {
    label: 'Edit article note',
    mergeKey: `article-note:${after.articleId}`,
    do: async () => void (await db.articleNotes.put(after)),
    undo: async () => {
      if (before && before.trashedAt !== undefined) {
        await db.articleNotes.put(before);
        return undefined;
      }
      if (before) {
        return setFieldsIfUnchanged(db.articleNotes, after.articleId, after, before, NOTE_FIELDS);
      }
      await db.articleNotes.delete(after.articleId);
      return undefined;
    },
    merge: next => saveArticleNote(db, before, (next as WriteCommand<ArticleNote>).after),
    after,
  };
}

export function deleteArticleNote(db: ReadoutDB, articleId: string): Command {
  return {
    label: 'Delete article note',
    do: async () => void (await trashArticleNote(db, articleId)),
    undo: async () => void (await untrash(db, 'article-note', articleId)),
  };
}

/** Restores an item from the trash; undoing it sends the item back to the trash. */
export function restoreFromTrash(db: ReadoutDB, item: TrashItem): Command {
  const key = item.key;
  return {
    label: item.kind === 'highlight' ? 'Restore highlight' : 'Restore article note',
    do: async () => void (await untrash(db, item.kind, key)),
    undo: async () => {
      if (item.kind === 'highlight') await trashHighlight(db, key);
      else await trashArticleNote(db, key);
    },
  };
}
