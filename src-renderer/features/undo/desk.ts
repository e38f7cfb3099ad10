/**
 * The desk's one undo history and the edits that go through it. Components call these instead of
 * writing highlights and notes themselves, so that every edit can be undone with Ctrl/Cmd+Z.
 */
import { useSyncExternalStore } from 'react';
import { db, type ArticleNote, type Highlight, type MetadataEdits } from '../../db/db';
import { isTrashed, type TrashItem } from '../../db/trash';
import * as articleCommands from './article-commands';
import * as commands from './commands';
import { UndoStack, type UndoState } from './UndoStack';

export const undoStack = new UndoStack();

export function useUndoState(): UndoState {
  return useSyncExternalStore(undoStack.subscribe, undoStack.getState);
}

export function addHighlight(h: Highlight): Promise<void> {
  return undoStack.execute(commands.createHighlight(db, h));
}

/**
 * Changes one highlight. Note and tag edits pass a `mergeKey` so that an autosaved note becomes
 * one undo step. Does nothing when the highlight is gone (deleted in the meantime).
 */
export async function editHighlight(
  id: string,
  patch: Partial<Pick<Highlight, 'colour' | 'note' | 'tags'>>,
  label: string,
  mergeKey?: string,
): Promise<void> {
  const before = await db.highlights.get(id);
  if (!before || isTrashed(before)) return;
  const after = { ...before, ...patch, updatedAt: Date.now() };
  await undoStack.execute(commands.updateHighlight(db, before, after, label, mergeKey));
}

export function removeHighlight(h: Highlight): Promise<void> {
  return undoStack.execute(commands.deleteHighlight(db, h));
}

/**
 * Saves an article's note text and/or tags. Writing a note on an article whose note is in the
 * trash replaces the trashed note (one note per article, as in team sync); Ctrl+Z brings it back.
 */
export async function editArticleNote(
  articleId: string,
  patch: Partial<Pick<ArticleNote, 'text' | 'tags'>>,
): Promise<void> {
  const before = (await db.articleNotes.get(articleId)) ?? null;
  // A note in the trash is not the one being edited: the new note starts empty (and replaces it).
  const live = before && !isTrashed(before) ? before : null;
  const after: ArticleNote = {
    articleId,
    text: live?.text ?? '',
    tags: live?.tags ?? [],
    ...patch,
    updatedAt: Date.now(),
  };
  await undoStack.execute(commands.saveArticleNote(db, before, after));
}

export function removeArticleNote(articleId: string): Promise<void> {
  return undoStack.execute(commands.deleteArticleNote(db, articleId));
}

export function restore(item: TrashItem): Promise<void> {
  return undoStack.execute(commands.restoreFromTrash(db, item));
}

/** Archives or unarchives articles as one undo step. */
export function archive(ids: readonly string[], archived: boolean): Promise<void> {
  return undoStack.execute(articleCommands.archiveArticles(db, ids, archived));
}

/** Deletes articles (to the trash, with their highlights and notes) as one undo step. */
export function removeArticles(ids: readonly string[]): Promise<void> {
  return undoStack.execute(articleCommands.deleteArticles(db, ids));
}

export function restoreArticles(ids: readonly string[]): Promise<void> {
  return undoStack.execute(articleCommands.restoreArticlesFromTrash(db, ids));
}

/** Adds one tag to several articles' notes as one undo step. */
export function tagArticles(ids: readonly string[], tag: string): Promise<void> {
  return undoStack.execute(articleCommands.tagArticles(db, ids, tag));
}

/** Replaces the analyst's metadata edits of one article. */
export function editDetails(articleId: string, edits: MetadataEdits): Promise<void> {
  return undoStack.execute(articleCommands.editMetadata(db, articleId, edits));
}
