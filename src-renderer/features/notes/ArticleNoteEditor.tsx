import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db/db';
import { liveNote } from '../../db/highlights';
import { editArticleNote, removeArticleNote } from '../undo/desk';
import { NoteEditor } from './NoteEditor';
import { TagsInput } from './TagsInput';

/** The analyst's note and tags on the open article. */
export function ArticleNoteEditor({
  articleId,
  suggestions,
  focusRequest,
}: {
  articleId: string;
  suggestions: readonly string[];
  focusRequest?: number;
}) {
  // null: no note yet; undefined: still loading (the editor must start from the stored text).
  const note = useLiveQuery(() => liveNote(db, articleId), [articleId]);
  if (note === undefined) return null;
  return (
    <div className="article-note">
      <NoteEditor
        key={articleId}
        label="Article note"
        placeholder="Your note on this article (Markdown)…"
        value={note?.text ?? ''}
        focusRequest={focusRequest}
        onSave={text => void editArticleNote(articleId, { text })}
      />
      <TagsInput
        label="Article tags"
        tags={note?.tags ?? []}
        suggestions={suggestions}
        onChange={tags => void editArticleNote(articleId, { tags })}
      />
      {note && (note.text.trim() !== '' || note.tags.length > 0) && (
        <button
          type="button"
          className="link-button"
          onClick={() => void removeArticleNote(articleId)}
        >
          Delete article note
        </button>
      )}
    </div>
  );
}
