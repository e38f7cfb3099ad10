/**
 * The undoable library edits: archive, delete (to the trash), restore, tag and metadata edits of
 * one or several articles. Each command records what it changed, so undo puts back exactly the
 * state before (an article archived earlier stays archived when a later archive is undone).
 */
import type { ArticleNote, MetadataEdits, ReadoutDB } from '../../db/db';
import {
  restoreArchived,
  restoreArticles,
  saveEdits,
  setArchived,
  trashArticles,
} from '../../db/library';
import type { Command } from './UndoStack';

const count = (ids: readonly string[]) => (ids.length === 1 ? 'article' : `${ids.length} articles`);

/** Archives (hides from the default list) or unarchives articles. */
export function archiveArticles(db: ReadoutDB, ids: readonly string[], archive: boolean): Command {
  let before = new Map<string, number | undefined>();
  return {
    label: `${archive ? 'Archive' : 'Unarchive'} ${count(ids)}`,
    do: async () => {
      before = await setArchived(db, ids, archive ? Date.now() : null);
    },
    undo: () => restoreArchived(db, before),
  };
}

/** Sends articles to the trash with their highlights and notes; undo restores them all. */
export function deleteArticles(db: ReadoutDB, ids: readonly string[]): Command {
  let trashed: string[] = [];
  return {
    label: `Delete ${count(ids)}`,
    do: async () => {
      trashed = await trashArticles(db, ids);
    },
    undo: () => restoreArticles(db, trashed),
  };
}

/** Restores articles from the trash; undo sends them back. */
export function restoreArticlesFromTrash(db: ReadoutDB, ids: readonly string[]): Command {
  return {
    label: `Restore ${count(ids)}`,
    do: () => restoreArticles(db, ids),
    undo: async () => void (await trashArticles(db, ids)),
  };
}

/**
 * Adds a tag to each article's note (creating a note with no text where there is none). Undo
 * removes the tag again from the articles that did not have it, and the notes it created.
 */
export function tagArticles(db: ReadoutDB, ids: readonly string[], tag: string): Command {
  let added: string[] = [];
  let created: string[] = [];
  // Notes in the trash count as none (a new note replaces them); undo puts them back.
  let replaced: ArticleNote[] = [];
  return {
    label: `Tag ${count(ids)} “${tag}”`,
    do: () =>
      db.transaction('rw', db.articleNotes, async () => {
        added = [];
        created = [];
        replaced = [];
        const now = Date.now();
        const stored = await db.articleNotes.bulkGet([...ids]);
        for (const [i, id] of ids.entries()) {
          const trashed = stored[i]?.trashedAt !== undefined;
          if (trashed) replaced.push(stored[i]!);
          const note = trashed ? undefined : stored[i];
          if (note?.tags.includes(tag)) continue;
          if (!note) created.push(id);
          added.push(id);
          await db.articleNotes.put({
            articleId: id,
            text: note?.text ?? '',
            tags: [...(note?.tags ?? []), tag],
            updatedAt: now,
          });
        }
      }),
    undo: () =>
      db.transaction('rw', db.articleNotes, async () => {
        await db.articleNotes.bulkDelete(created);
        await db.articleNotes.bulkPut(replaced);
        const kept = added.filter(id => !created.includes(id));
        for (const note of await db.articleNotes.bulkGet(kept)) {
          if (note) await db.articleNotes.put({ ...note, tags: note.tags.filter(t => t !== tag) });
        }
      }),
  };
}

/** Replaces the analyst's metadata edits of one article; undo restores the edits before. */
export function editMetadata(db: ReadoutDB, articleId: string, edits: MetadataEdits): Command {
  let before: MetadataEdits = {};
  return {
    label: 'Edit article details',
    do: async () => {
      before = (await saveEdits(db, articleId, edits)) ?? {};
    },
    undo: async () => void (await saveEdits(db, articleId, before)),
  };
}
