import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db/db';
import { emptyTrash, LOCAL_USER, trashedItems, trasher } from '../../db/trash';
import { restore } from './desk';
import { TrashedArticles } from './TrashedArticles';

/**
 * Deleted articles (with what went with them), then deleted highlights and article notes,
 * newest first, each restorable; and "Empty trash" for the highlights and notes. An item a
 * teammate trashed (it reached this desk through team sync) says who.
 */
export function TrashList({ articles }: { articles: ReadonlyMap<string, { title: string }> }) {
  const trash = useLiveQuery(async () => ({ items: await trashedItems(db), me: trasher(db) }), []);
  const items = trash?.items;
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
              ? `Highlight “${item.record.quote.exact.slice(0, 60)}”`
              : `Note on “${title.slice(0, 60)}”`;
          const byColleague =
            item.trashedBy !== LOCAL_USER && item.trashedBy !== trash?.me ? item.trashedBy : null;
          return (
            <li key={`${item.kind}:${item.key}`}>
              <span>
                {what}
                {byColleague && <span className="trashed-by"> · trashed by {byColleague}</span>}
              </span>
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
