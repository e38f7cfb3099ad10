import { useLayoutEffect, useMemo, useRef, useState, type Ref, type UIEventHandler } from 'react';
import type { ShownMeeting } from '../../meetings/decisions';
import { formatMeetingDate } from '../../meetings/format';
import type { MeetingList } from '../../meetings/meeting-query';
import { layoutTimeline, ZOOM_LEVELS } from '../../meetings/timeline';
import {
  axisOf,
  binDates,
  binUnit,
  indexesIn,
  percentOf,
  ITEM_LIMIT,
  ticksOf,
  visibleWindow,
} from '../../meetings/timeline-axis';
import { useShownOf } from './hooks';

/** Room (percent of the visible axis) each label gets before the next meeting in its lane. */
const SLOT = 16;
/** Undated meetings named in their lane; the others are counted. */
const UNDATED_SHOWN = 12;

export interface TimelineProps {
  /** The list's meetings in order (the timeline shows what the list filters). */
  list: MeetingList;
  selectedId: string | null;
  onSelect: (id: string) => void;
  /** Folded to its heading and controls, leaving the list and card the height. */
  collapsed: boolean;
  /** How many times the visible width the axis is drawn; one of ZOOM_LEVELS. */
  zoom: number;
  onCollapse: (collapsed: boolean) => void;
  onZoom: (zoom: number) => void;
  onScroll?: UIEventHandler<HTMLElement>;
  ref?: Ref<HTMLElement>;
}

/** What the timeline draws: every meeting, the meetings in view, or counts per month or year. */
function usePlan(list: MeetingList, zoom: number, scrollLeft: number, width: number) {
  const axis = useMemo(() => axisOf(list.dates), [list]);
  const datedCount = useMemo(() => list.dates.filter(Boolean).length, [list]);
  const window = visibleWindow(scrollLeft, width, zoom);
  // The window moves with every scrolled pixel: recount only when it moves by a percent.
  const wFrom = Math.floor(window.from);
  const wTo = Math.ceil(window.to);
  const inView = useMemo(
    () =>
      axis && datedCount > ITEM_LIMIT
        ? indexesIn(axis, list.dates, { from: wFrom, to: wTo })
        : null,
    [axis, datedCount, list, wFrom, wTo],
  );
  const binned = !!inView && inView.length > ITEM_LIMIT;
  const bins = useMemo(
    () =>
      binned && axis
        ? binDates(axis, list.dates, binUnit(axis, zoom), { from: wFrom, to: wTo })
        : null,
    [binned, axis, list, zoom, wFrom, wTo],
  );
  const shownIds = useMemo(() => {
    if (binned) return [];
    const idx = inView ?? list.dates.flatMap((d, i) => (d ? [i] : []));
    return idx.map(i => list.ids[i]);
  }, [binned, inView, list]);
  const undatedIds = useMemo(() => {
    const out: string[] = [];
    for (let i = 0; i < list.ids.length && out.length < UNDATED_SHOWN; i++)
      if (!list.dates[i]) out.push(list.ids[i]);
    return out;
  }, [list]);
  const undatedCount = list.dates.length - datedCount;
  return {
    axis,
    window: { from: wFrom, to: wTo },
    bins,
    shownIds,
    undatedIds,
    undatedCount,
    partial: inView !== null,
  };
}

/**
 * Meetings on a date axis: a day as a dot-sized mark, a month, year or range as a span of its
 * width; meetings without a date in a lane of their own. It folds away, and zooms in (the axis
 * grows wider and scrolls sideways) where meetings crowd each other. It draws only the part of
 * the axis in view, and where more than `ITEM_LIMIT` meetings are in view it draws how many there
 * are per month or year instead (a bar that opens the period's first meeting in the list).
 */
export function Timeline({
  list,
  selectedId,
  onSelect,
  collapsed,
  zoom,
  onCollapse,
  onZoom,
  onScroll,
  ref,
}: TimelineProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ left: 0, width: 0 });
  const plan = usePlan(list, zoom, view.left, view.width);
  const loaded = useShownOf(
    list,
    useMemo(() => [...plan.shownIds, ...plan.undatedIds], [plan.shownIds, plan.undatedIds]),
  );
  const placed = plan.shownIds.flatMap(id => loaded.get(id) ?? []);
  const undated = plan.undatedIds.flatMap(id => loaded.get(id) ?? []);
  // A part of the axis is laid out on the whole axis' scale; the whole of it, on its own.
  const t = layoutTimeline(placed, SLOT, zoom, plan.partial ? plan.axis : null);
  const ticks =
    plan.axis && (plan.partial || plan.bins) ? ticksOf(plan.axis, zoom, plan.window) : t.ticks;
  const maxCount = Math.max(1, ...(plan.bins ?? []).map(b => b.count));
  const selectedDate = selectedId ? (list.dates[list.ids.indexOf(selectedId)] ?? '') : '';
  const measure = () => {
    const box = scroller.current;
    if (box && (box.scrollLeft !== view.left || box.clientWidth !== view.width))
      setView({ left: box.scrollLeft, width: box.clientWidth });
  };
  useLayoutEffect(measure);
  // A new zoom (or a new choice) brings the open meeting's date into view on the wider axis.
  useLayoutEffect(() => {
    const box = scroller.current;
    if (!box || !plan.axis || !selectedDate) return;
    const at = percentOf(plan.axis, Date.parse(`${selectedDate}T00:00:00Z`)) / 100;
    box.scrollLeft = Math.max(0, at * box.scrollWidth - box.clientWidth / 2);
    // Only on a new zoom or choice: scrolling by hand must not be undone.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [zoom, selectedId, collapsed]);
  const at = ZOOM_LEVELS.findIndex(z => z === zoom);
  const item = (m: ShownMeeting) => {
    const date = formatMeetingDate(m.fields.date.value);
    return {
      'aria-current': m.id === selectedId ? ('true' as const) : undefined,
      onClick: () => onSelect(m.id),
      title: `${m.fields.title.value} — ${date}`,
    };
  };
  return (
    <section
      ref={ref}
      className={collapsed ? 'timeline is-collapsed' : 'timeline'}
      aria-labelledby="timeline-title"
      onScroll={onScroll}
    >
      <div className="timeline-head">
        <h2 id="timeline-title" className="pane-title">
          Timeline
        </h2>
        <div className="timeline-controls">
          {!collapsed && plan.axis && (
            <>
              <button
                type="button"
                className="small"
                onClick={() => onZoom(ZOOM_LEVELS[Math.max(at - 1, 0)])}
                disabled={at <= 0}
              >
                Zoom out
              </button>
              <output className="timeline-zoom" aria-label="Timeline zoom">
                {zoom}×
              </output>
              <button
                type="button"
                className="small"
                onClick={() => onZoom(ZOOM_LEVELS[Math.min(at + 1, ZOOM_LEVELS.length - 1)])}
                disabled={at >= ZOOM_LEVELS.length - 1}
              >
                Zoom in
              </button>
            </>
          )}
          <button
            type="button"
            className="small"
            aria-expanded={!collapsed}
            aria-controls="timeline-body"
            onClick={() => onCollapse(!collapsed)}
          >
            {collapsed ? 'Show timeline' : 'Hide timeline'}
          </button>
        </div>
      </div>
      <div id="timeline-body" hidden={collapsed}>
        {plan.axis && (
          <div className="timeline-scroll" ref={scroller} onScroll={measure}>
            <div className="timeline-axis-wrap" style={{ width: `${zoom * 100}%` }}>
              <div className="timeline-ticks" aria-hidden="true">
                {ticks.map(tick => (
                  <span key={tick.left} className="timeline-tick" style={{ left: `${tick.left}%` }}>
                    {tick.label}
                  </span>
                ))}
              </div>
              {plan.bins ? (
                <ul className="timeline-bins" aria-label="Meetings per period">
                  {plan.bins.map(b => (
                    <li
                      key={b.key}
                      className="timeline-bin"
                      style={{ left: `${b.left}%`, width: `${b.width}%` }}
                    >
                      <button
                        type="button"
                        aria-current={
                          selectedDate.startsWith(b.key) ? ('true' as const) : undefined
                        }
                        title={`${b.label}: ${b.count} ${b.count === 1 ? 'meeting' : 'meetings'}`}
                        onClick={() => onSelect(list.ids[b.first])}
                      >
                        <span
                          className="timeline-bin-bar"
                          style={{ height: `${(100 * b.count) / maxCount}%` }}
                          aria-hidden="true"
                        />
                        <span className="sr-only">
                          {b.label}: {b.count} {b.count === 1 ? 'meeting' : 'meetings'}
                        </span>
                      </button>
                    </li>
                  ))}
                </ul>
              ) : (
                <ul
                  className="timeline-lanes"
                  aria-label="Dated meetings"
                  style={{ height: `${t.lanes * 1.9 + 0.4}rem` }}
                >
                  {t.items.map(i => {
                    const slot = Math.min(Math.max(i.width, SLOT / zoom), 100 - i.left);
                    return (
                      <li
                        key={i.meeting.id}
                        className="timeline-slot"
                        style={{
                          left: `${i.left}%`,
                          width: `${slot}%`,
                          top: `${i.lane * 1.9 + 0.2}rem`,
                        }}
                      >
                        <span
                          className={`timeline-span status-${i.meeting.fields.status.value}`}
                          style={{ width: `${(100 * i.width) / Math.max(slot, i.width)}%` }}
                          aria-hidden="true"
                        />
                        <button
                          type="button"
                          className={`timeline-item status-${i.meeting.fields.status.value}${i.span ? ' is-span' : ''}`}
                          {...item(i.meeting)}
                        >
                          <span className="timeline-date">
                            {formatMeetingDate(i.meeting.fields.date.value)}
                          </span>{' '}
                          {i.meeting.fields.title.value}
                        </button>
                      </li>
                    );
                  })}
                </ul>
              )}
            </div>
          </div>
        )}
        {undated.length > 0 && (
          <div className="timeline-undated">
            <span className="timeline-undated-label" id="timeline-undated">
              Undated
            </span>
            <ul aria-labelledby="timeline-undated">
              {undated.map(m => (
                <li key={m.id}>
                  <button
                    type="button"
                    className={`timeline-item status-${m.fields.status.value}`}
                    {...item(m)}
                  >
                    {m.fields.title.value}
                  </button>
                </li>
              ))}
            </ul>
            {plan.undatedCount > undated.length && (
              <span className="muted timeline-undated-more">
                and {plan.undatedCount - undated.length} more at the end of the list
              </span>
            )}
          </div>
        )}
        {!plan.axis && plan.undatedCount === 0 && (
          <p className="muted timeline-empty">No meetings to place.</p>
        )}
      </div>
    </section>
  );
}
