import { useEffect, useRef } from 'react';
import type { StoredArticle } from '../../db/db';
import { formatDate, plural } from '../../format';

/** A passage to show marked and scrolled into view (a search hit, a meeting's source sentence). */
export interface FocusRange {
  articleId: string;
  start: number;
  end: number;
}

/** The reading view: the article's text set for long reading, with its metadata above. */
export function ReaderView({
  article,
  focus,
}: {
  article: StoredArticle;
  focus?: FocusRange | null;
}) {
  const meta = [
    article.publisher,
    formatDate(article.published) ?? 'Undated',
    article.dateline && `Dateline ${article.dateline}`,
    plural(article.wordCount, 'word'),
  ].filter(Boolean);
  const focused = focus && focus.articleId === article.id ? focus : null;
  const mark = useRef<HTMLElement>(null);
  useEffect(() => {
    mark.current?.scrollIntoView({ block: 'center' });
  }, [focused?.start, focused?.end, article.id]);
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
        {article.paragraphs.map(p => {
          const text = article.text.slice(p.start, p.end);
          if (!focused || focused.end <= p.start || focused.start >= p.end) {
            return (
              <p key={p.start} data-start={p.start}>
                {text}
              </p>
            );
          }
          const s = Math.max(focused.start, p.start) - p.start;
          const e = Math.min(focused.end, p.end) - p.start;
          return (
            <p key={p.start} data-start={p.start}>
              {text.slice(0, s)}
              <mark className="focus-mark" ref={mark} data-testid="focus-mark">
                {text.slice(s, e)}
              </mark>
              {text.slice(e)}
            </p>
          );
        })}
      </div>
    </article>
  );
}
