import { useLiveQuery } from 'dexie-react-hooks';
import { db, type Highlight } from '../../db/db';
import { emptyTrash } from '../../db/highlights';
import { restore } from './desk';
import { TrashedArticles } from './TrashedArticles';

/**
 * Deleted articles (with what went with them), then deleted highlights and article notes,
 * newest first, each restorable; and "Empty trash" for the highlights and notes.
 */
export function TrashList({ articles }: { articles: ReadonlyMap<string, { title: string }> }) {
  const items = useLiveQuery(
    () =>
      db.trash
        .orderBy('deletedAt')
        .reverse()
        .filter(item => !item.withArticle)
        .toArray(),
    [],
  );
  return (
    <section className="trash" aria-labelledby="trash-title">
      <h2 id="trash-title">
        Trash {items && items.length > 0 && <span className="count">{items.length}</span>}
      </h2>
      <TrashedArticles />
      {items && items.length === 0 && (
        <p className="hint">Deleted highlights and notes land here.</p>
      )}
      <ul aria-label="Deleted items">
        {items?.map(item => {
          const title =
            articles.get(item.record.articleId)?.title ?? 'an article no longer in the library';
          const what =
            item.kind === 'highlight'
              ? `Highlight “${(item.record as Highlight).quote.exact.slice(0, 60)}”`
              : `Note on “${title.slice(0, 60)}”`;
          return (
            <li key={item.id}>
              <span>{what}</span>
              <button
                type="button"
                onClick={() => void restore(item)}
                aria-label={`Restore ${what}`}
              >
                Restore
              </button>
            </li>
          );
        })}
      </ul>
      {items && items.length > 0 && (
        <button type="button" className="danger-button" onClick={() => void emptyTrash(db)}>
          Empty trash
        </button>
      )}
    </section>
  );
}
