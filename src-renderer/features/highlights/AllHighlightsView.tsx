import { useVirtualizer } from '@tanstack/react-virtual';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { anchor } from '../../anchoring/anchor';
import { db, type Highlight } from '../../db/db';
import { liveHighlights } from '../../db/highlights';
import { useNavigation } from '../../navigation';
import { NotePreview } from '../notes/NotePreview';
import { useAllTags } from '../notes/useAllTags';
import { TrashList } from '../undo/TrashList';
import { ColourMeanings } from './ColourMeanings';
import { COLOUR_NAMES, slot, useColourMeanings } from './palette';
import { useArticleTitles } from './useArticleTitles';

const NO_TITLES: ReadonlyMap<string, { title: string }> = new Map();

interface Filters {
  colour: string;
  tag: string;
  article: string;
  text: string;
}

/** Whether a highlight passes the filters; text matches the quote, the note and the tags. */
export function matches(h: Highlight, f: Filters): boolean {
  if (f.colour !== '' && slot(h.colour) !== Number(f.colour)) return false;
  if (f.tag !== '' && !h.tags.includes(f.tag)) return false;
  if (f.article !== '' && h.articleId !== f.article) return false;
  const needle = f.text.trim().toLowerCase();
  if (needle) {
    const hay = `${h.quote.exact}\n${h.note}\n${h.tags.join(' ')}`.toLowerCase();
    if (!hay.includes(needle)) return false;
  }
  return true;
}

/** A first guess at an item's height; each is measured once drawn. */
const ESTIMATED_ITEM_HEIGHT = 150;
/** Space between items, as the list's gap was before it was virtualised. */
const ITEM_GAP = 10;

/**
 * Every highlight across the library, filterable by colour, tag, article and text, with the
 * colour meanings to rename and the trash to restore from. The list is virtualised (only the
 * items in view and a few around them are in the page), and the view reads article titles from
 * the library entries, not the articles' texts: a text is read only to open a highlight.
 */
export function AllHighlightsView() {
  const all = useLiveQuery(() => liveHighlights(db), []);
  const meanings = useColourMeanings();
  const tags = useAllTags();
  const navigation = useNavigation();
  const [filters, setFilters] = useState<Filters>({ colour: '', tag: '', article: '', text: '' });
  const byId = useArticleTitles(useMemo(() => all?.map(h => h.articleId), [all])) ?? NO_TITLES;
  const highlighted = useMemo(
    () =>
      [...new Set((all ?? []).map(h => h.articleId))]
        .flatMap(id => {
          const a = byId.get(id);
          return a ? [{ id, title: a.title }] : [];
        })
        .sort((a, b) => a.title.localeCompare(b.title)),
    [all, byId],
  );
  const shown = useMemo(() => {
    const list = (all ?? []).filter(h => matches(h, filters));
    const title = (h: Highlight) => byId.get(h.articleId)?.title ?? '';
    return list.sort(
      (a, b) => title(a).localeCompare(title(b)) || a.position.start - b.position.start,
    );
  }, [all, filters, byId]);
  const set = (key: keyof Filters) => (value: string) => setFilters(f => ({ ...f, [key]: value }));

  const open = async (h: Highlight) => {
    const article = await db.articles.get(h.articleId);
    const a = article ? anchor(article.text, h) : null;
    navigation.openArticle(h.articleId, a ? { start: a.start, end: a.end } : undefined);
  };

  const scroller = useRef<HTMLElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const getScrollElement = useCallback(() => scroller.current, []);
  // Where the list starts inside the scrolled view (below the heading and filters).
  const [margin, setMargin] = useState(0);
  useLayoutEffect(() => {
    const view = scroller.current;
    const top = list.current?.getBoundingClientRect().top;
    if (!view || top === undefined) return;
    const next = Math.round(top - view.getBoundingClientRect().top + view.scrollTop);
    if (next !== margin) setMargin(next);
  }, [margin, shown, all]);
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement,
    estimateSize: () => ESTIMATED_ITEM_HEIGHT,
    gap: ITEM_GAP,
    overscan: 4,
    scrollMargin: margin,
    getItemKey: i => shown[i].id,
  });
  const items = virtualizer.getVirtualItems();

  return (
    <main ref={scroller} className="all-highlights" aria-labelledby="all-highlights-title">
      <h1 id="all-highlights-title">All highlights</h1>
      <form
        className="filters"
        role="search"
        aria-label="Filter highlights"
        onSubmit={e => e.preventDefault()}
      >
        <label>
          Colour
          <select value={filters.colour} onChange={e => set('colour')(e.currentTarget.value)}>
            <option value="">All colours</option>
            {meanings.map((m, i) => (
              <option key={i} value={String(i)}>
                {i + 1} · {m}
              </option>
            ))}
          </select>
        </label>
        <label>
          Tag
          <select value={filters.tag} onChange={e => set('tag')(e.currentTarget.value)}>
            <option value="">All tags</option>
            {tags.map(t => (
              <option key={t} value={t}>
                #{t}
              </option>
            ))}
          </select>
        </label>
        <label>
          Article
          <select value={filters.article} onChange={e => set('article')(e.currentTarget.value)}>
            <option value="">All articles</option>
            {highlighted.map(a => (
              <option key={a.id} value={a.id}>
                {a.title.length > 70 ? `${a.title.slice(0, 69)}…` : a.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          Text
          <input
            type="search"
            value={filters.text}
            placeholder="Quote, note or tag"
            onChange={e => set('text')(e.currentTarget.value)}
          />
        </label>
      </form>
      <p role="status" className="result-count">
        {all === undefined
          ? 'Loading highlights…'
          : `${shown.length} of ${all.length} highlight${all.length === 1 ? '' : 's'}`}
      </p>
      <ul
        ref={list}
        className="all-list"
        aria-label="Highlights"
        style={{ position: 'relative', height: virtualizer.getTotalSize() }}
      >
        {items.map(item => {
          const h = shown[item.index];
          const c = slot(h.colour);
          const article = byId.get(h.articleId);
          return (
            <li
              key={item.key}
              ref={virtualizer.measureElement}
              data-index={item.index}
              aria-setsize={shown.length}
              aria-posinset={item.index + 1}
              className="all-item"
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                width: '100%',
                transform: `translateY(${item.start - virtualizer.options.scrollMargin}px)`,
              }}
            >
              <div className="all-item-head">
                <span className={`swatch hl-c${c}`} aria-hidden="true">
                  {c + 1}
                </span>
                <span className="hl-meaning" title={COLOUR_NAMES[c]}>
                  {meanings[c]}
                </span>
                <span className="all-item-article">
                  {article?.title ?? 'Article not in library'}
                </span>
              </div>
              <blockquote className={`all-quote hl-c${c}`}>{h.quote.exact}</blockquote>
              {h.note.trim() && <NotePreview text={h.note} />}
              {h.tags.length > 0 && (
                <ul className="tag-list" aria-label="Tags">
                  {h.tags.map(t => (
                    <li key={t} className="tag">
                      #{t}
                    </li>
                  ))}
                </ul>
              )}
              {article && (
                <button type="button" onClick={() => void open(h)}>
                  Open in “
                  {article.title.length > 40 ? `${article.title.slice(0, 39)}…` : article.title}”
                </button>
              )}
            </li>
          );
        })}
      </ul>
      <div className="desk-settings">
        <ColourMeanings meanings={meanings} />
        <TrashList articles={byId} />
      </div>
    </main>
  );
}
