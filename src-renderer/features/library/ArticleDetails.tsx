import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { db, type LibraryEntry, type MetadataEdits } from '../../db/db';
import { checkEdits, effectiveMetadata } from '../../db/library';
import { editDetails } from '../undo/desk';

const FIELDS: { key: keyof MetadataEdits; label: string; type: string; hint?: string }[] = [
  { key: 'title', label: 'Title', type: 'text' },
  { key: 'publisher', label: 'Publisher', type: 'text' },
  { key: 'author', label: 'Author', type: 'text' },
  { key: 'published', label: 'Date published', type: 'date' },
  { key: 'url', label: 'URL', type: 'url', hint: 'https://…' },
];

/**
 * The article's author and URL, when known, and "Edit details": a form to correct title,
 * publisher, author, date and URL. Corrections are kept apart from the file's values, so a
 * re-import keeps them; a field left empty shows the file's value again.
 */
export function ArticleDetails({ articleId }: { articleId: string }) {
  const entry = useLiveQuery(() => db.library.get(articleId), [articleId]);
  const [editing, setEditing] = useState(false);
  if (!entry) return null;
  const m = effectiveMetadata(entry);
  return (
    <div className="article-details-host">
      {(m.author || m.url) && (
        <p className="reader-meta">
          {[m.author && `By ${m.author}`, m.url].filter(Boolean).join(' · ')}
        </p>
      )}
      {editing ? (
        <DetailsForm entry={entry} onDone={() => setEditing(false)} />
      ) : (
        <button type="button" className="link-button" onClick={() => setEditing(true)}>
          Edit details
        </button>
      )}
    </div>
  );
}

function DetailsForm({ entry, onDone }: { entry: LibraryEntry; onDone: () => void }) {
  const id = useId();
  const m = effectiveMetadata(entry);
  const [values, setValues] = useState<Record<keyof MetadataEdits, string>>({
    title: m.title,
    publisher: m.publisher ?? '',
    author: m.author ?? '',
    published: m.published ?? '',
    url: m.url ?? '',
  });
  const [error, setError] = useState<string | null>(null);
  const fromFile: Record<keyof MetadataEdits, string> = {
    title: entry.title,
    publisher: entry.publisher ?? '',
    author: entry.author ?? '',
    published: entry.published ?? '',
    url: entry.url ?? '',
  };
  const save = async () => {
    // Only what differs from the file is an edit; the rest follows the file on re-import.
    const changed: MetadataEdits = {};
    for (const f of FIELDS) {
      if (values[f.key].trim() !== fromFile[f.key]) changed[f.key] = values[f.key];
    }
    const checked = checkEdits(changed);
    if (!checked.ok) return setError(checked.error.message);
    try {
      await editDetails(entry.articleId, checked.value);
      onDone();
    } catch (e) {
      setError(`The details were not saved: ${String(e)}`);
    }
  };
  return (
    <form
      className="article-details"
      aria-label="Article details"
      onSubmit={e => {
        e.preventDefault();
        void save();
      }}
    >
      {FIELDS.map(f => (
        <label key={f.key} htmlFor={`${id}-${f.key}`}>
          {f.label}
          <input
            id={`${id}-${f.key}`}
            type={f.type}
            value={values[f.key]}
            placeholder={f.hint ?? (fromFile[f.key] || undefined)}
            onChange={e => {
              const value = e.currentTarget.value;
              setValues(v => ({ ...v, [f.key]: value }));
            }}
          />
        </label>
      ))}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit">Save details</button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
