import { useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { MeetingStatus } from '../../../src-main/contract/meeting';
import type { ShownMeeting } from '../../meetings/decisions';
import { formatMeetingDate, formatPlace } from '../../meetings/format';
import { clearPendingDraft, peekPendingDraft } from '../../meetings/selection';
import {
  articleCount,
  filterMeetings,
  isMeetingOrder,
  MEETING_ORDERS,
  ORDER_LABELS,
  sortMeetings,
  type MeetingFilter,
} from '../../meetings/timeline';
import { viewMemory, type ScrollPositions } from '../../meetings/view-memory';
import { DigestButton } from '../briefing/DigestDialog';
import { OutcomePill, StatusPill } from './Badge';
import { AddMeetingForm } from './AddMeetingForm';
import { useMeetingSyncStatus, useShownMeetings } from './hooks';
import { MeetingCard } from './MeetingCard';
import { Timeline } from './Timeline';
import './meetings-view.css';

/** "1 source", "3 sources": sources are articles; several sentences of one article count once. */
export function sourcesLabel(m: Pick<ShownMeeting, 'mentions'>): string {
  const n = articleCount(m);
  return `${n} ${n === 1 ? 'source' : 'sources'}`;
}

/**
 * The meetings the library reports: filters and order, a timeline, the list, and one meeting's
 * card. Where the analyst was (meeting, filters, scroll) is kept in `viewMemory`, so coming back
 * from a source in the reader lands on the same meeting at the same place.
 */
export function MeetingsView({
  onExportBriefing,
  onBrief,
}: {
  onExportBriefing?: (meeting: ShownMeeting) => void;
  onBrief?: (meeting: ShownMeeting) => void;
}) {
  const data = useShownMeetings();
  const sync = useMeetingSyncStatus();
  const memory = useSyncExternalStore(viewMemory.subscribe, viewMemory.get);
  const { filter, order, selectedId } = memory;
  const [draft] = useState(peekPendingDraft);
  const [adding, setAdding] = useState(draft !== null);
  useEffect(() => {
    clearPendingDraft();
    viewMemory.returned();
  }, []);

  const all = useMemo(() => data?.meetings ?? [], [data]);
  const shown = useMemo(
    () => sortMeetings(filterMeetings(all, filter), order),
    [all, filter, order],
  );
  const countries = useMemo(() => {
    const byCode = new Map<string, string>();
    for (const m of all)
      for (const c of m.fields.countries.value) if (!byCode.has(c.code)) byCode.set(c.code, c.name);
    return [...byCode].sort((a, b) => a[1].localeCompare(b[1]));
  }, [all]);
  const selected =
    all.find(m => m.id === selectedId) ??
    all.find(m => selectedId !== null && m.memberIds.includes(selectedId)) ??
    (adding ? null : (shown[0] ?? null));

  const listRef = useRef<HTMLDivElement>(null);
  const cardRef = useRef<HTMLElement>(null);
  const timelineRef = useRef<HTMLElement>(null);
  const restored = useRef(false);
  // Once the meetings are there to scroll, put each pane back where the analyst left it.
  useLayoutEffect(() => {
    if (restored.current || data === undefined) return;
    restored.current = true;
    const { scroll } = viewMemory.get();
    if (listRef.current) listRef.current.scrollTop = scroll.list;
    // A new Add form (from a selection in the reader) starts at its top, not at the old card's.
    if (cardRef.current && !adding) cardRef.current.scrollTop = scroll.card;
    if (timelineRef.current) timelineRef.current.scrollTop = scroll.timeline;
  }, [data, adding]);
  const remember = (pane: keyof ScrollPositions) => (e: { currentTarget: HTMLElement }) => {
    if (restored.current) viewMemory.rememberScroll(pane, e.currentTarget.scrollTop);
  };

  const set = <K extends keyof MeetingFilter>(key: K, value: MeetingFilter[K]) =>
    viewMemory.update({ filter: { ...filter, [key]: value } });
  const select = (id: string) => {
    setAdding(false);
    if (id !== selected?.id && cardRef.current) cardRef.current.scrollTop = 0;
    viewMemory.update({ selectedId: id });
  };

  return (
    <div className="meetings-view">
      <Timeline
        ref={timelineRef}
        meetings={shown}
        selectedId={selected?.id ?? null}
        onSelect={select}
        collapsed={memory.timelineCollapsed}
        zoom={memory.zoom}
        onCollapse={timelineCollapsed => viewMemory.update({ timelineCollapsed })}
        onZoom={zoom => viewMemory.update({ zoom })}
        onScroll={remember('timeline')}
      />
      <div className="meetings-side" ref={listRef} onScroll={remember('list')}>
        <form
          className="meeting-filters"
          role="search"
          aria-label="Filter meetings"
          onSubmit={e => e.preventDefault()}
        >
          <label>
            <span>Search meetings</span>
            <input type="search" value={filter.text} onChange={e => set('text', e.target.value)} />
          </label>
          <label>
            <span>Status</span>
            <select
              value={filter.status}
              onChange={e => set('status', e.target.value as MeetingStatus | 'all')}
            >
              <option value="all">Any status</option>
              <option value="held">Held</option>
              <option value="scheduled">Scheduled</option>
              <option value="proposed">Proposed</option>
            </select>
          </label>
          <label>
            <span>Country</span>
            <select value={filter.country} onChange={e => set('country', e.target.value)}>
              <option value="all">Any country</option>
              {countries.map(([code, name]) => (
                <option key={code} value={code}>
                  {name}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>Show</span>
            <select
              value={filter.deleted ? 'deleted' : 'current'}
              onChange={e => set('deleted', e.target.value === 'deleted')}
            >
              <option value="current">Current meetings</option>
              <option value="deleted">Rejected (deleted) meetings</option>
            </select>
          </label>
          <label>
            <span>Order</span>
            <select
              value={order}
              onChange={e => {
                if (isMeetingOrder(e.target.value)) viewMemory.update({ order: e.target.value });
              }}
            >
              {MEETING_ORDERS.map(o => (
                <option key={o} value={o}>
                  {ORDER_LABELS[o]}
                </option>
              ))}
            </select>
          </label>
        </form>
        <div className="meetings-list-head">
          <h2 className="pane-title" id="meetings-list-title">
            Meetings <span className="count">{shown.length}</span>
          </h2>
          <button type="button" onClick={() => setAdding(true)} aria-pressed={adding}>
            Add meeting
          </button>
          <DigestButton meetings={shown} />
        </div>
        <p className="sync-status" role="status">
          {sync.kind === 'running'
            ? 'Finding meetings in the library…'
            : sync.kind === 'failed'
              ? `Meetings could not be found: ${sync.message}`
              : ''}
        </p>
        {data === undefined ? null : shown.length === 0 ? (
          <p className="muted meetings-empty">
            {all.length === 0
              ? 'No meetings found yet.'
              : filter.deleted
                ? 'No deleted meetings.'
                : 'No meeting matches these filters.'}
          </p>
        ) : (
          <ul className="meetings-list" aria-labelledby="meetings-list-title">
            {shown.map(m => (
              <li key={m.id}>
                <button
                  type="button"
                  className="meeting-item"
                  aria-current={!adding && m.id === selected?.id ? 'true' : undefined}
                  onClick={() => select(m.id)}
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
              </li>
            ))}
          </ul>
        )}
      </div>
      <main className="meetings-main" ref={cardRef} onScroll={remember('card')}>
        {adding ? (
          <AddMeetingForm
            draft={draft}
            onAdded={id => select(id)}
            onCancel={() => setAdding(false)}
          />
        ) : selected && data ? (
          <MeetingCard
            key={selected.id}
            meeting={selected}
            articles={data.articles}
            others={all.filter(o => o.id !== selected.id && !o.deleted)}
            onSelect={select}
            onExportBriefing={onExportBriefing}
            onBrief={onBrief}
          />
        ) : (
          <div className="reader-empty">
            <p>Choose a meeting to see its fields and sources.</p>
          </div>
        )}
      </main>
    </div>
  );
}
