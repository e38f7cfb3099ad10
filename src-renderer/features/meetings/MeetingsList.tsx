import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ShownMeeting } from '../../meetings/decisions';
import { formatMeetingDate, formatPlace } from '../../meetings/format';
import type { MeetingList } from '../../meetings/meeting-query';
import { articleCount } from '../../meetings/timeline';
import { OutcomePill, StatusPill } from './Badge';
import { useMeetingRows, useShownOf } from './hooks';

/** A row's height before it is measured (a title of one line and one line of details). */
const ESTIMATE = 74;

/** "1 source", "3 sources": sources are articles; several sentences of one article count once. */
export function sourcesLabel(m: Pick<ShownMeeting, 'mentions'>): string {
  const n = articleCount(m);
  return `${n} ${n === 1 ? 'source' : 'sources'}`;
}

interface Props {
  list: MeetingList;
  /** The open meeting's id, or null while the Add form is open. */
  currentId: string | null;
  onSelect: (id: string) => void;
  /** The pane that scrolls (it holds the filters above the list too). */
  scroller: React.RefObject<HTMLElement | null>;
}

/**
 * The meetings list, virtualised (@tanstack/react-virtual, as the library list): only the rows
 * in view, a few either side and the open one are in the DOM, and only their records are read
 * (`useMeetingRows`), so 10,000 meetings cost what 20 do. Rows are measured, since titles wrap.
 * Choosing a meeting elsewhere (the timeline) scrolls its row into view.
 */
export function MeetingsList({ list, currentId, onSelect, scroller }: Props) {
  const ul = useRef<HTMLUListElement>(null);
  const [margin, setMargin] = useState(0);
  // The list starts below the filters in the same scrolling pane; they change height (a status
  // line comes and goes), so this is checked after every render, and set only when it moved.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useLayoutEffect(() => {
    if (ul.current && ul.current.offsetTop !== margin) setMargin(ul.current.offsetTop);
  });
  const ids = list.ids;
  const currentIndex = useMemo(
    () => (currentId === null ? -1 : ids.indexOf(currentId)),
    [ids, currentId],
  );
  const getItemKey = useCallback((i: number) => ids[i] ?? i, [ids]);
  const estimateSize = useCallback(() => ESTIMATE, []);
  const getScrollElement = useCallback(() => scroller.current, [scroller]);
  const rangeExtractor = useCallback(
    (range: Range) => {
      const visible = defaultRangeExtractor(range);
      // The open meeting stays in the DOM (its row holds aria-current) when scrolled away.
      if (currentIndex < 0 || visible.includes(currentIndex)) return visible;
      return [...visible, currentIndex].sort((a, b) => a - b);
    },
    [currentIndex],
  );
  // TanStack Virtual's instance is mutable by design; this component reads it on every render.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: ids.length,
    getScrollElement,
    estimateSize,
    overscan: 4,
    rangeExtractor,
    getItemKey,
    scrollMargin: margin,
  });
  const items = virtualizer.getVirtualItems();
  const visible = items.filter(i => i.index !== currentIndex || items.length === 1);
  const rows = useMeetingRows(
    list,
    visible[0]?.index ?? 0,
    visible.at(-1)?.index ?? Math.min(ids.length - 1, 20),
  );
  const current = useMemo(
    () => (currentIndex >= 0 ? [ids[currentIndex]] : []),
    [ids, currentIndex],
  );
  const currentRows = useShownOf(list, current);

  // A meeting chosen on the timeline (not in the list) scrolls into view; the first run is the
  // view coming back, whose scroll position is restored by the view itself.
  const chosen = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    if (chosen.current !== undefined && chosen.current !== currentId && currentIndex >= 0) {
      const inView = items.some(
        i =>
          i.index === currentIndex &&
          i.start >= virtualizer.scrollOffset! &&
          i.end <= (virtualizer.scrollOffset ?? 0) + (virtualizer.scrollRect?.height ?? 0),
      );
      if (!inView) virtualizer.scrollToIndex(currentIndex, { align: 'center' });
    }
    chosen.current = currentId;
  }, [currentId, currentIndex, items, virtualizer]);

  return (
    <ul
      ref={ul}
      className="meetings-list"
      aria-labelledby="meetings-list-title"
      style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
    >
      {items.map(item => {
        const id = ids[item.index];
        const m = rows.get(id) ?? currentRows.get(id);
        return (
          <li
            key={item.key}
            ref={virtualizer.measureElement}
            data-index={item.index}
            aria-setsize={ids.length}
            aria-posinset={item.index + 1}
            className="meetings-row"
            style={{ transform: `translateY(${item.start - margin}px)` }}
          >
            {m ? (
              <button
                type="button"
                className="meeting-item"
                aria-current={m.id === currentId ? 'true' : undefined}
                onClick={() => onSelect(m.id)}
              >
                <span className="meeting-item-title">{m.fields.title.value}</span>
                <span className="meeting-item-meta">
                  <StatusPill status={m.fields.status.value} />
                  {m.outcome && <OutcomePill outcome={m.outcome} />}
                  <span>{formatMeetingDate(m.fields.date.value)}</span>
                  <span>{formatPlace(m.fields.place.value)}</span>
                  <span>{sourcesLabel(m)}</span>
                </span>
              </button>
            ) : (
              <span className="meeting-item is-loading" aria-busy="true">
                Loading…
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
