import { useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { MeetingStatus } from '../../../src-main/contract/meeting';
import type { ShownMeeting } from '../../meetings/decisions';
import { clearPendingDraft, peekPendingDraft } from '../../meetings/selection';
import {
  isMeetingOrder,
  MEETING_ORDERS,
  ORDER_LABELS,
  type MeetingFilter,
} from '../../meetings/timeline';
import { viewMemory, type ScrollPositions } from '../../meetings/view-memory';
import { AddMeetingForm } from './AddMeetingForm';
import { ListDigestButton } from './ListDigestButton';
import {
  useCountryOptions,
  useMeeting,
  useMeetingList,
  useMeetingSyncStatus,
  useMergePool,
  useSourceArticles,
} from './hooks';
import { MeetingCard } from './MeetingCard';
import { MeetingsList } from './MeetingsList';
import { Timeline } from './Timeline';
import './meetings-view.css';

export { sourcesLabel } from './MeetingsList';

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
  const sync = useMeetingSyncStatus();
  const memory = useSyncExternalStore(viewMemory.subscribe, viewMemory.get);
  const { filter, order, selectedId } = memory;
  const [draft] = useState(peekPendingDraft);
  const [adding, setAdding] = useState(draft !== null);
  useEffect(() => {
    clearPendingDraft();
    viewMemory.returned();
  }, []);

  // The list's order from the indexes; records only for what is on screen (meeting-query.ts).
  const list = useMeetingList({ filter, order });
  const countries = useCountryOptions();
  // The chosen meeting; the list's first when none is chosen or the chosen one is gone.
  const chosen = useMeeting(list, selectedId);
  const fallback = selectedId === null || chosen === null ? (list?.ids[0] ?? null) : null;
  const first = useMeeting(list, fallback);
  const selected = chosen ?? (adding ? null : first);
  const articles = useSourceArticles(selected);
  const others = useMergePool(list, selected);
  const cardReady = !!selected && articles !== undefined && others !== undefined;

  const listRef = useRef<HTMLDivElement>(null);
  const cardRef = useRef<HTMLElement>(null);
  const timelineRef = useRef<HTMLElement>(null);
  const restored = useRef({ list: false, card: false });
  // Once the meetings are there to scroll, put each pane back where the analyst left it: the
  // list and timeline when the list's order is read, the card when its meeting is.
  useLayoutEffect(() => {
    const { scroll } = viewMemory.get();
    if (!restored.current.list && list !== undefined) {
      restored.current.list = true;
      if (listRef.current) listRef.current.scrollTop = scroll.list;
      if (timelineRef.current) timelineRef.current.scrollTop = scroll.timeline;
    }
    if (!restored.current.card && (cardReady || adding || list?.ids.length === 0)) {
      restored.current.card = true;
      // A new Add form (from a selection in the reader) starts at its top, not at the old card's.
      if (cardRef.current && !adding) cardRef.current.scrollTop = scroll.card;
    }
  }, [list, cardReady, adding]);
  const remember = (pane: keyof ScrollPositions) => (e: { currentTarget: HTMLElement }) => {
    const done = pane === 'card' ? restored.current.card : restored.current.list;
    if (done) viewMemory.rememberScroll(pane, e.currentTarget.scrollTop);
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
      {list && (
        <Timeline
          ref={timelineRef}
          list={list}
          selectedId={selected?.id ?? null}
          onSelect={select}
          collapsed={memory.timelineCollapsed}
          zoom={memory.zoom}
          onCollapse={timelineCollapsed => viewMemory.update({ timelineCollapsed })}
          onZoom={zoom => viewMemory.update({ zoom })}
          onScroll={remember('timeline')}
        />
      )}
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
            Meetings <span className="count">{list?.ids.length ?? 0}</span>
          </h2>
          <button type="button" onClick={() => setAdding(true)} aria-pressed={adding}>
            Add meeting
          </button>
          <ListDigestButton list={list} />
        </div>
        <p className="sync-status" role="status">
          {sync.kind === 'running'
            ? 'Finding meetings in the library…'
            : sync.kind === 'failed'
              ? `Meetings could not be found: ${sync.message}`
              : ''}
        </p>
        {list === undefined ? null : list.ids.length === 0 ? (
          <p className="muted meetings-empty">
            {list.empty
              ? 'No meetings found yet.'
              : filter.deleted
                ? 'No deleted meetings.'
                : 'No meeting matches these filters.'}
          </p>
        ) : (
          <MeetingsList
            list={list}
            currentId={adding ? null : (selected?.id ?? null)}
            onSelect={select}
            scroller={listRef}
          />
        )}
      </div>
      <main className="meetings-main" ref={cardRef} onScroll={remember('card')}>
        {adding ? (
          <AddMeetingForm
            draft={draft}
            onAdded={id => select(id)}
            onCancel={() => setAdding(false)}
          />
        ) : selected && articles && others ? (
          <MeetingCard
            key={selected.id}
            meeting={selected}
            articles={articles}
            others={others}
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
