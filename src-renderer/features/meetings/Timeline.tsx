import type { ShownMeeting } from '../../meetings/decisions';
import { formatMeetingDate } from '../../meetings/format';
import { layoutTimeline } from '../../meetings/timeline';

/** Room (percent of the axis) each label gets before the next meeting in its lane. */
const SLOT = 16;

/**
 * Meetings on a date axis: a day as a dot-sized mark, a month, year or range as a span of its
 * width; meetings without a date in a lane of their own.
 */
export function Timeline({
  meetings,
  selectedId,
  onSelect,
}: {
  meetings: ShownMeeting[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const t = layoutTimeline(meetings, SLOT);
  const item = (m: ShownMeeting) => {
    const date = formatMeetingDate(m.fields.date.value);
    return {
      'aria-current': m.id === selectedId ? ('true' as const) : undefined,
      onClick: () => onSelect(m.id),
      title: `${m.fields.title.value} — ${date}`,
    };
  };
  return (
    <section className="timeline" aria-labelledby="timeline-title">
      <h2 id="timeline-title" className="pane-title">
        Timeline
      </h2>
      {t.items.length > 0 && (
        <div className="timeline-axis-wrap">
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
            {t.items.map(i => (
              <li
                key={i.meeting.id}
                className="timeline-slot"
                style={{
                  left: `${i.left}%`,
                  width: `${Math.min(Math.max(i.width, SLOT), 100 - i.left)}%`,
                  top: `${i.lane * 1.9 + 0.2}rem`,
                }}
              >
                <span
                  className={`timeline-span status-${i.meeting.fields.status.value}`}
                  style={{ width: `${(100 * i.width) / Math.max(i.width, SLOT)}%` }}
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
            ))}
          </ul>
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
    </section>
  );
}
