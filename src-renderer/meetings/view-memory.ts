/**
 * What the meetings view was showing when the analyst left it: the open meeting, filters, order,
 * the timeline's state and the scroll positions. The view unmounts whenever the reader takes the
 * page (a source opened from a card), so without this "back" landed on the first meeting at the
 * top. Kept for the page's life in one small store; the reader's "Back to meeting" reads it too.
 */
import { NO_FILTER, type MeetingFilter, type MeetingOrder } from './timeline';

export interface ScrollPositions {
  list: number;
  card: number;
  timeline: number;
}

export interface MeetingsViewState {
  selectedId: string | null;
  filter: MeetingFilter;
  order: MeetingOrder;
  timelineCollapsed: boolean;
  zoom: number;
  scroll: ScrollPositions;
  /** The meeting a source was opened from, while the analyst reads it; null otherwise. */
  returnTo: { meetingId: string; title: string } | null;
}

export const INITIAL_VIEW_STATE: MeetingsViewState = {
  selectedId: null,
  filter: NO_FILTER,
  order: 'newest',
  timelineCollapsed: false,
  zoom: 1,
  scroll: { list: 0, card: 0, timeline: 0 },
  returnTo: null,
};

/** A store with the shape `useSyncExternalStore` wants. */
export class ViewMemory {
  private state: MeetingsViewState = INITIAL_VIEW_STATE;
  private readonly listeners = new Set<() => void>();

  readonly get = (): MeetingsViewState => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Merges `patch` in; listeners hear of it only when something changed. */
  update(patch: Partial<MeetingsViewState>): void {
    const next = { ...this.state, ...patch };
    const changed = (Object.keys(patch) as (keyof MeetingsViewState)[]).some(
      k => next[k] !== this.state[k],
    );
    if (!changed) return;
    this.state = next;
    this.listeners.forEach(l => l());
  }

  /** Records one pane's scroll offset without waking listeners (it changes on every frame). */
  rememberScroll(pane: keyof ScrollPositions, top: number): void {
    this.state = { ...this.state, scroll: { ...this.state.scroll, [pane]: top } };
  }

  /**
   * Notes that a source of `meeting` is being opened: the card and its scroll stay as they are,
   * and the reader offers the way back.
   */
  leaveFor(meeting: { meetingId: string; title: string }): void {
    this.update({ selectedId: meeting.meetingId, returnTo: meeting });
  }

  /** The analyst is back in the meetings view (by the button, the key or the tab). */
  returned(): void {
    this.update({ returnTo: null });
  }

  reset(): void {
    this.state = INITIAL_VIEW_STATE;
    this.listeners.forEach(l => l());
  }
}

/** The page's one memory of the meetings view. */
export const viewMemory = new ViewMemory();
