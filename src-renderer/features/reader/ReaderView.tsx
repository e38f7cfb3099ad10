import type { StoredArticle } from '../../db/db';
import { formatDate, plural } from '../../format';

/** The reading view: the article's text set for long reading, with its metadata above. */
export function ReaderView({ article }: { article: StoredArticle }) {
  const meta = [
    article.publisher,
    formatDate(article.published) ?? 'Undated',
    article.dateline && `Dateline ${article.dateline}`,
    plural(article.wordCount, 'word'),
  ].filter(Boolean);
  return (
    <article className="reader" aria-labelledby="reader-title">
      <header className="reader-header">
        <h1 id="reader-title">{article.title}</h1>
        <p className="reader-meta">{meta.join(' · ')}</p>
        <p className="reader-source" title={article.source}>
          {article.source}
        </p>
      </header>
      <div className="reader-body" data-testid="article-text">
        {article.paragraphs.map(p => (
          <p key={p.start} data-start={p.start}>
            {article.text.slice(p.start, p.end)}
          </p>
        ))}
      </div>
    </article>
  );
}
