/**
 * The search box in the top bar: one query over article text, highlights, notes and tags. Results
 * open below it as a listbox (the ARIA combobox pattern): arrows move, Enter jumps to the match
 * inside its article, Escape closes. `/` focuses the box from anywhere.
 */
import {
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type KeyboardEvent as ReactKeyboardEvent,
} from 'react';
import { db } from '../../db/db';
import { useNavigation } from '../../navigation';
import { liveSearchIndex } from '../../search/live';
import { resultCount } from '../../search/count';
import { resolveHits, type SearchResultItem } from '../../search/results';
import type { Segment } from '../../search/snippets';
import type { SearchKind } from '../../search/index';
import { useShortcut } from '../../shortcuts';
import { useEscapeLayer } from '../keyboard/escape';
import './search.css';

const KIND_LABEL: Record<SearchKind, string> = {
  article: 'Article',
  highlight: 'Highlight',
  'article-note': 'Note',
};

const LIMIT = 30;

interface Results {
  query: string;
  items: SearchResultItem[];
}

/** Text with its matched words in <mark>: segments, never HTML. */
function Marked({ segments }: { segments: readonly Segment[] }) {
  return segments.map((s, j) =>
    s.match ? <mark key={j}>{s.text}</mark> : <span key={j}>{s.text}</span>,
  );
}

/**
 * The search box in the top bar (see the module comment).
 */
export function SearchBox() {
  const navigation = useNavigation();
  const [live] = useState(() => liveSearchIndex(db));
  const index = useSyncExternalStore(live.subscribe, live.getSnapshot);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [results, setResults] = useState<Results>({ query: '', items: [] });
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  // Enter pressed before the results of the latest keystroke arrived: open the first of them.
  const enterWhenSettled = useRef(false);
  const chooseLatest = useRef<(item: SearchResultItem | undefined) => void>(() => {});

  useEffect(() => {
    let current = true;
    const resolved = live
      .search(query, LIMIT)
      .then(hits => (hits.length > 0 ? resolveHits(db, hits) : []));
    resolved.then(
      items => {
        if (!current) return;
        setResults({ query, items });
        setActive(0);
        if (enterWhenSettled.current) {
          enterWhenSettled.current = false;
          chooseLatest.current(items[0]);
        }
      },
      (error: unknown) => console.error('search:', error),
    );
    return () => {
      current = false;
    };
  }, [query, live, index.revision]);

  useEffect(() => {
    list.current?.querySelector(`[data-index="${active}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  useShortcut({
    key: '/',
    description: 'Search articles, highlights and notes',
    group: 'Search',
    run: () => {
      input.current?.focus();
      input.current?.select();
    },
  });

  const items = results.items;
  const showing = open && query.trim() !== '';
  useEscapeLayer(showing, () => setOpen(false));
  const popover = useRef<HTMLDivElement>(null);
  const hasItems = items.length > 0;
  // The popover is wider than the box; keep it inside the window wherever the box sits.
  useLayoutEffect(() => {
    const pop = popover.current;
    if (!pop?.parentElement) return;
    const box = pop.parentElement.getBoundingClientRect();
    const margin = 12;
    const overflow = box.left + pop.offsetWidth + margin - window.innerWidth;
    pop.style.left = `${Math.max(margin - box.left, -Math.max(0, overflow))}px`;
  }, [showing, hasItems]);
  const settled = results.query === query;

  const choose = (item: SearchResultItem | undefined) => {
    if (!item) return;
    navigation.openArticle(item.articleId, item.range ?? undefined);
    setOpen(false);
    input.current?.blur();
  };
  useEffect(() => {
    chooseLatest.current = choose;
  });

  const onKeyDown = (e: ReactKeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!open) return setOpen(true);
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive(a => (items.length === 0 ? 0 : (a + step + items.length) % items.length));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (settled) choose(items[active]);
      else enterWhenSettled.current = true;
    } else if (e.key === 'Escape' && showing) {
      e.preventDefault();
      setOpen(false);
    }
  };

  let status: string | null = null;
  if (showing && items.length === 0 && settled) {
    status = index.status === 'ready' ? 'No matches' : 'Indexing the library…';
  }

  return (
    <div
      className="search"
      role="search"
      onBlur={e => {
        if (!e.currentTarget.contains(e.relatedTarget)) setOpen(false);
      }}
    >
      <input
        ref={input}
        type="search"
        className="search-input"
        role="combobox"
        aria-label="Search"
        aria-expanded={showing && items.length > 0}
        aria-controls="search-results"
        aria-autocomplete="list"
        aria-activedescendant={showing && items[active] ? `search-result-${active}` : undefined}
        placeholder="Search  /"
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={e => {
          enterWhenSettled.current = false;
          setQuery(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={onKeyDown}
      />
      <span className="sr-only" role="status">
        {showing && settled && items.length > 0 ? resultCount(items.length, LIMIT) : ''}
      </span>
      {showing && (items.length > 0 || status) && (
        <div className="search-popover" ref={popover}>
          {status && <p className="search-status">{status}</p>}
          <ul
            ref={list}
            id="search-results"
            role="listbox"
            aria-label="Search results"
            className="search-results"
            hidden={items.length === 0}
          >
            {items.map((item, i) => (
              <li
                key={item.id}
                id={`search-result-${i}`}
                data-index={i}
                role="option"
                aria-selected={i === active}
                className="search-result"
                onMouseDown={e => e.preventDefault()}
                onMouseEnter={() => setActive(i)}
                onClick={() => choose(item)}
              >
                <div className="search-result-head">
                  <span className={`search-kind search-kind-${item.kind}`}>
                    {KIND_LABEL[item.kind]}
                  </span>
                  <span className="search-result-title">
                    <Marked segments={item.title} />
                  </span>
                </div>
                {item.snippet.length > 0 && (
                  <p className="search-snippet">
                    <Marked segments={item.snippet} />
                  </p>
                )}
                {item.tags.length > 0 && (
                  <p className="search-tags">
                    {item.tags.map((t, j) => (
                      <span key={j} className="search-tag">
                        {t}
                      </span>
                    ))}
                  </p>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
