import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import {
  useCallback,
  useMemo,
  useEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';
import { formatDate } from '../../format';
import type { LibraryRow } from './query';
import { extendTo, moveIndex, selectOnly, toggle, type Selection } from './selection';

/** Every row has this height (titles clamp to two lines), so scrolling never measures. */
export const ROW_HEIGHT = 84;

interface Props {
  /** The shown article ids in list order. */
  ids: readonly string[];
  /** A shown article's row, once read; a row not read yet draws as a placeholder. */
  rowOf: (id: string) => LibraryRow | undefined;
  /** Called with the rows in view (indexes into `ids`, end exclusive) whenever they change. */
  onRange?: (start: number, end: number) => void;
  openId: string | null;
  selection: Selection;
  onSelectionChange: (s: Selection) => void;
  onOpen: (id: string) => void;
  /** Delete or Backspace in the list: delete the selection. */
  onDelete: () => void;
}

/**
 * The library list, virtualised (@tanstack/react-virtual): only the rows in view (and the one
 * holding keyboard focus) are in the DOM, so 100,000 articles scroll like 10. One Tab stop
 * (roving tabindex): ↑/↓/Home/End/PageUp/PageDown move, Shift+↑/↓ extends the selection,
 * Space (or Ctrl/Cmd+Space) toggles, Enter opens. A click opens and selects one article,
 * Ctrl/Cmd-click toggles, Shift-click selects a range.
 */
export function LibraryList({
  ids,
  rowOf,
  onRange,
  openId,
  selection,
  onSelectionChange,
  onOpen,
  onDelete,
}: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const focusPending = useRef(false);
  // The active row: the one the keyboard is on, else the open article, else the first. Two
  // look-ups per change, not a map of every id: at 100,000 rows building one cost more.
  const activeIndex = useMemo(() => {
    const indexOf = (id: string | null) => (id === null ? -1 : ids.indexOf(id));
    const active = indexOf(activeId);
    return Math.max(0, active >= 0 ? active : indexOf(openId));
  }, [ids, activeId, openId]);
  // Stable options: a new function each render would make the virtualiser re-measure all rows.
  const getItemKey = useCallback((i: number) => ids[i] ?? i, [ids]);
  const estimateSize = useCallback(() => ROW_HEIGHT, []);
  const getScrollElement = useCallback(() => scroller.current, []);
  const rangeExtractor = useCallback(
    (range: Range) => {
      const visible = defaultRangeExtractor(range);
      // Keep the Tab stop in the DOM even when it scrolled out of view.
      if (ids.length === 0 || visible.includes(activeIndex)) return visible;
      return [...visible, activeIndex].sort((a, b) => a - b);
    },
    [activeIndex, ids.length],
  );
  // TanStack Virtual's instance is mutable by design; this component reads it on every render.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: ids.length,
    getScrollElement,
    estimateSize,
    overscan: 6,
    rangeExtractor,
    getItemKey,
  });

  const items = virtualizer.getVirtualItems();
  // The rows in view, without the Tab stop kept far away (it stays readable from the last page).
  const first = virtualizer.range?.startIndex ?? 0;
  const last = (virtualizer.range?.endIndex ?? -1) + 1;
  useEffect(() => {
    onRange?.(first, last);
  }, [onRange, first, last]);

  useEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    scroller.current
      ?.querySelector<HTMLButtonElement>(`button[data-index="${activeIndex}"]`)
      ?.focus({ preventScroll: true });
  });

  const moveTo = (index: number) => {
    setActiveId(ids[index] ?? null);
    focusPending.current = true;
    virtualizer.scrollToIndex(index, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.altKey) return;
    const id = ids[activeIndex];
    if (id === undefined) return;
    const mod = event.ctrlKey || event.metaKey;
    const next = moveIndex(event.key, activeIndex, ids.length);
    if (next !== null) {
      event.preventDefault();
      moveTo(next);
      if (event.shiftKey) onSelectionChange(extendTo(withAnchor(selection, id), ids, ids[next]));
      return;
    }
    if (event.key === ' ') {
      event.preventDefault();
      onSelectionChange(toggle(selection, id));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (!mod) {
        onSelectionChange(selectOnly(id));
        onOpen(id);
      }
    } else if ((event.key === 'Delete' || event.key === 'Backspace') && selection.ids.size > 0) {
      event.preventDefault();
      onDelete();
    } else if (mod && event.key.toLowerCase() === 'a') {
      event.preventDefault();
      onSelectionChange({ ids: new Set(ids), anchor: id });
    }
  };

  const onClick = (event: MouseEvent, id: string) => {
    setActiveId(id);
    if (event.shiftKey) onSelectionChange(extendTo(selection, ids, id));
    else if (event.ctrlKey || event.metaKey) onSelectionChange(toggle(selection, id));
    else {
      onSelectionChange(selectOnly(id));
      onOpen(id);
    }
  };

  return (
    <div className="library-scroller" ref={scroller} data-testid="library-scroller">
      <ul
        className="library-list"
        aria-label="Articles"
        style={{ height: virtualizer.getTotalSize() }}
        onKeyDown={onKeyDown}
      >
        {items.map(item => {
          const id = ids[item.index];
          const row = rowOf(id);
          const selected = selection.ids.has(id);
          return (
            <li
              key={item.key}
              aria-setsize={ids.length}
              aria-posinset={item.index + 1}
              style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
            >
              <button
                type="button"
                className="library-item"
                data-index={item.index}
                data-selected={selected || undefined}
                tabIndex={item.index === activeIndex ? 0 : -1}
                aria-current={id === openId ? 'true' : undefined}
                aria-busy={row ? undefined : true}
                onClick={e => onClick(e, id)}
                onFocus={() => setActiveId(id)}
              >
                {row ? (
                  <RowText row={row} selected={selected} />
                ) : (
                  <span className="library-title">…</span>
                )}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** A row's title, source and date, and what a screen reader hears of its state. */
function RowText({ row, selected }: { row: LibraryRow; selected: boolean }) {
  return (
    <>
      <span className="library-title">
        {!row.read && <span className="unread-dot" title="Unread" aria-hidden="true" />}
        {row.title}
      </span>
      <span className="library-meta">
        <span>{row.source}</span>
        <span>
          {row.archived && <span className="archived-mark">Archived · </span>}
          {formatDate(row.published) ?? 'undated'}
        </span>
      </span>
      {!row.read && <span className="sr-only">, unread</span>}
      {selected && <span className="sr-only">, selected</span>}
    </>
  );
}

/** Shift+arrow from a selection without an anchor starts the range at the active row. */
function withAnchor(s: Selection, id: string): Selection {
  return s.anchor === null ? { ...s, anchor: id } : s;
}
