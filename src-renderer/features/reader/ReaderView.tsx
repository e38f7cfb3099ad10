import { useEffect, useMemo, useRef, type MouseEvent, type Ref } from 'react';
import type { StoredArticle } from '../../db/db';
import { formatDate, plural } from '../../format';
import { HighlightedParagraph } from '../highlights/HighlightedParagraph';
import { DEFAULT_MEANINGS } from '../highlights/palette';
import { segment, type Layer } from '../highlights/segments';
import { ArticleDetails } from '../library/ArticleDetails';
import { useReadingState } from '../library/useReadingState';
import { ComfortReader } from './ComfortReader';

/** A passage to show marked and scrolled into view (a search hit, a meeting's source sentence). */
export interface FocusRange {
  articleId: string;
  start: number;
  end: number;
}

const noLayers: Layer[] = [];

/**
 * The reading view: the article's text set for long reading, with its metadata above. Highlights
 * (already anchored to offsets in this text) and the focus range are drawn as runs of each
 * paragraph; see highlights/segments.ts.
 */
export function ReaderView({
  article,
  focus,
  highlights = noLayers,
  meanings = DEFAULT_MEANINGS,
  selectedHighlightId = null,
  bodyRef,
  onBodyClick,
}: {
  article: StoredArticle;
  focus?: FocusRange | null;
  highlights?: readonly Layer[];
  meanings?: readonly string[];
  selectedHighlightId?: string | null;
  bodyRef?: Ref<HTMLDivElement>;
  onBodyClick?: (event: MouseEvent<HTMLDivElement>) => void;
}) {
  const meta = [
    article.publisher,
    formatDate(article.published) ?? 'Undated',
    article.dateline && `Dateline ${article.dateline}`,
    plural(article.wordCount, 'word'),
  ].filter(Boolean);
  const focused = focus && focus.articleId === article.id ? focus : null;
  const focusStart = focused?.start;
  const focusEnd = focused?.end;
  const mark = useRef<HTMLElement>(null);
  const root = useRef<HTMLElement>(null);
  useReadingState(article.id, root, !!focused);
  useEffect(() => {
    mark.current?.scrollIntoView({ block: 'center' });
  }, [focusStart, focusEnd, article.id]);
  const runs = useMemo(() => {
    const range =
      focusStart !== undefined && focusEnd !== undefined
        ? { start: focusStart, end: focusEnd }
        : null;
    return article.paragraphs.map(p => segment(p.start, p.end, highlights, range));
  }, [article.paragraphs, highlights, focusStart, focusEnd]);
  return (
    <ComfortReader className="reader" aria-labelledby="reader-title" ref={root}>
      <header className="reader-header">
        <h1 id="reader-title">{article.title}</h1>
        <p className="reader-meta">{meta.join(' · ')}</p>
        <p className="reader-source" title={article.source}>
          {article.source}
        </p>
        <ArticleDetails articleId={article.id} />
      </header>
      <div
        className="reader-body"
        data-testid="article-text"
        data-highlights={highlights.length}
        ref={bodyRef}
        onClick={onBodyClick}
      >
        {article.paragraphs.map((p, i) => (
          <HighlightedParagraph
            key={p.start}
            text={article.text.slice(p.start, p.end)}
            start={p.start}
            end={p.end}
            segments={runs[i]}
            meanings={meanings}
            selectedId={selectedHighlightId}
            focusRef={mark}
          />
        ))}
      </div>
    </ComfortReader>
  );
}
