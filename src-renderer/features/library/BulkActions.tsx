import { useState } from 'react';
import { cleanTag } from '../../db/highlights';
import { archive, removeArticles, tagArticles } from '../undo/desk';

interface Props {
  /** The selected article ids, in list order. */
  ids: readonly string[];
  /** Whether the list shows archived articles (then the action is Unarchive). */
  archivedView: boolean;
  onClear: () => void;
}

/**
 * Actions on the selected articles: archive (or unarchive), delete to the trash, tag. Each is
 * one undo step, however many articles it touched.
 */
export function BulkActions({ ids, archivedView, onClear }: Props) {
  const [tagging, setTagging] = useState(false);
  const [tag, setTag] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (ids.length === 0) return null;
  const run = (work: Promise<void>) =>
    work.then(
      () => setError(null),
      (e: unknown) => setError(`Nothing was changed: ${String(e)}`),
    );
  const label = ids.length === 1 ? '1 selected' : `${ids.length.toLocaleString('en')} selected`;
  return (
    <div className="bulk-actions" role="toolbar" aria-label="Selected articles">
      <span role="status">{label}</span>
      <button type="button" onClick={() => void run(archive(ids, !archivedView))}>
        {archivedView ? 'Unarchive' : 'Archive'}
      </button>
      <button type="button" onClick={() => void run(removeArticles(ids).then(onClear))}>
        Delete
      </button>
      {tagging ? (
        <form
          onSubmit={e => {
            e.preventDefault();
            const clean = cleanTag(tag);
            if (!clean) return setError('Type a tag first.');
            void run(tagArticles(ids, clean)).then(() => {
              setTag('');
              setTagging(false);
            });
          }}
        >
          <label>
            Tag
            <input value={tag} onChange={e => setTag(e.currentTarget.value)} autoFocus />
          </label>
          <button type="submit">Add tag</button>
        </form>
      ) : (
        <button type="button" onClick={() => setTagging(true)}>
          Tag…
        </button>
      )}
      <button type="button" onClick={onClear}>
        Clear selection
      </button>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
