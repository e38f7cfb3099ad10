import type { StoredArticle } from '../../db/db';
import { formatDate } from '../../format';

interface Props {
  articles: StoredArticle[] | undefined;
  selectedId: string | null;
  onSelect: (id: string) => void;
}

/** The library: every article with its title, source and date, newest first. */
export function LibraryList({ articles, selectedId, onSelect }: Props) {
  if (articles === undefined) {
    return (
      <p className="library-empty" role="status">
        Opening your library…
      </p>
    );
  }
  if (articles.length === 0) {
    return (
      <div className="library-empty">
        <p>No articles yet.</p>
        <p className="hint">Import text files or a folder, or drop them anywhere on this window.</p>
      </div>
    );
  }
  return (
    <ul className="library-list" aria-label="Articles">
      {articles.map(a => {
        const date = formatDate(a.published);
        const source = a.publisher ?? a.dateline ?? a.file;
        return (
          <li key={a.id}>
            <button
              type="button"
              className="library-item"
              aria-current={a.id === selectedId ? 'true' : undefined}
              onClick={() => onSelect(a.id)}
            >
              <span className="library-title">{a.title}</span>
              <span className="library-meta">
                <span>{source}</span>
                <span>{date ?? 'undated'}</span>
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
