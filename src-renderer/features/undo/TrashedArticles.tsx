import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db/db';
import { effectiveMetadata } from '../../db/library';
import { workTrashedWithArticles } from '../../db/trash';
import { plural } from '../../format';
import { restoreArticles } from './desk';

/** Deleted articles, newest first, each with what went with it and a Restore button. */
export function TrashedArticles() {
  const trashed = useLiveQuery(async () => {
    const entries = await db.library.orderBy('trashedAt').reverse().toArray();
    const withArticle = await workTrashedWithArticles(db);
    return entries.map(e => ({
      id: e.articleId,
      title: effectiveMetadata(e).title,
      work: withArticle.get(e.articleId) ?? 0,
    }));
  }, []);
  if (!trashed || trashed.length === 0) return null;
  return (
    <ul aria-label="Deleted articles">
      {trashed.map(a => {
        const what = `Article “${a.title.slice(0, 60)}”`;
        return (
          <li key={a.id}>
            <span>
              {what}
              {a.work > 0 && ` with ${plural(a.work, 'highlight or note', 'highlights and notes')}`}
            </span>
            <button
              type="button"
              onClick={() => void restoreArticles([a.id])}
              aria-label={`Restore ${what}`}
            >
              Restore
            </button>
          </li>
        );
      })}
    </ul>
  );
}
