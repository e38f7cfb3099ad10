import { useLayoutEffect, useRef, type Ref, type UIEventHandler } from 'react';
import type { ShownMeeting } from '../../meetings/decisions';
import { formatMeetingDate } from '../../meetings/format';
import { layoutTimeline, ZOOM_LEVELS } from '../../meetings/timeline';

/** Room (percent of the visible axis) each label gets before the next meeting in its lane. */
const SLOT = 16;

export interface TimelineProps {
  meetings: ShownMeeting[];
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

/**
 * Meetings on a date axis: a day as a dot-sized mark, a month, year or range as a span of its
 * width; meetings without a date in a lane of their own. It folds away, and zooms in (the axis
 * grows wider and scrolls sideways) where meetings crowd each other.
 */
export function Timeline({
  meetings,
  selectedId,
  onSelect,
  collapsed,
  zoom,
  onCollapse,
  onZoom,
  onScroll,
  ref,
}: TimelineProps) {
  const t = layoutTimeline(meetings, SLOT, zoom);
  const scroller = useRef<HTMLDivElement>(null);
  // A new zoom (or a new choice) brings the open meeting into view on the wider axis.
  useLayoutEffect(() => {
    const box = scroller.current;
    const current = box?.querySelector<HTMLElement>('.timeline-slot [aria-current="true"]');
    if (!box || !current) return;
    const slot = current.parentElement!;
    box.scrollLeft = Math.max(0, slot.offsetLeft - (box.clientWidth - slot.offsetWidth) / 2);
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
          {!collapsed && t.items.length > 0 && (
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
        {t.items.length > 0 && (
          <div className="timeline-scroll" ref={scroller}>
            <div className="timeline-axis-wrap" style={{ width: `${zoom * 100}%` }}>
              <div className="timeline-ticks" aria-hidden="true">
                {t.ticks.map(tick => (
                  <span key={tick.left} className="timeline-tick" style={{ left: `${tick.left}%` }}>
                    {tick.label}
                  </span>
                ))}
              </div>
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
            </div>
          </div>
        )}
        {t.undated.length > 0 && (
          <div className="timeline-undated">
            <span className="timeline-undated-label" id="timeline-undated">
              Undated
            </span>
            <ul aria-labelledby="timeline-undated">
              {t.undated.map(m => (
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
          </div>
        )}
        {t.items.length === 0 && t.undated.length === 0 && (
          <p className="muted timeline-empty">No meetings to place.</p>
        )}
      </div>
    </section>
  );
}
