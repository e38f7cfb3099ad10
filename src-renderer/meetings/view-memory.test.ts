import { describe, expect, it, vi } from 'vitest';
import { INITIAL_VIEW_STATE, ViewMemory } from './view-memory';

describe('ViewMemory', () => {
  it('starts newest first with nothing selected and no way back', () => {
    const m = new ViewMemory();
    expect(m.get()).toEqual(INITIAL_VIEW_STATE);
    expect(m.get().order).toBe('newest');
  });

  it('keeps the open meeting and its scroll across leaving for a source and coming back', () => {
    const m = new ViewMemory();
    m.update({ selectedId: 'b' });
    m.rememberScroll('card', 640);
    m.rememberScroll('list', 120);
    m.leaveFor({ meetingId: 'b', title: 'Talks in Baku' });
    expect(m.get().returnTo).toEqual({ meetingId: 'b', title: 'Talks in Baku' });
    m.returned();
    expect(m.get()).toMatchObject({
      selectedId: 'b',
      returnTo: null,
      scroll: { card: 640, list: 120, timeline: 0 },
    });
  });

  it('tells listeners of changes but not of scrolling or of a patch that changes nothing', () => {
    const m = new ViewMemory();
    const heard = vi.fn();
    const stop = m.subscribe(heard);
    m.update({ order: 'oldest' });
    m.update({ order: 'oldest' });
    m.rememberScroll('timeline', 30);
    expect(heard).toHaveBeenCalledTimes(1);
    stop();
    m.update({ zoom: 4 });
    expect(heard).toHaveBeenCalledTimes(1);
  });
});
