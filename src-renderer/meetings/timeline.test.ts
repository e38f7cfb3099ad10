import { describe, expect, it } from 'vitest';
import { applyDecisions } from './decisions';
import { NO_FILTER, dateSpan, filterMeetings, layoutTimeline, sortMeetings } from './timeline';
import { formatMeetingDate } from './format';
import { meeting, mention } from './testing';

const s = mention('a1', 0, 'Ministers met in Moscow.');
const shown = applyDecisions(
  [
    meeting('day', [s], { title: 'Day meeting' }),
    meeting('month', [s], {
      title: 'Month meeting',
      status: 'proposed',
      date: { start: '2023-04-01', end: '2023-04-30', precision: 'month', text: 'in April' },
      participants: { countries: [{ code: 'TR', name: 'Turkey' }], people: [], organizations: [] },
    }),
    meeting('none', [s], {
      title: 'Undated meeting',
      date: { start: null, end: null, precision: 'unknown', text: null },
    }),
  ],
  [],
);

describe('formatMeetingDate', () => {
  it('says each precision in words', () => {
    expect(
      formatMeetingDate({ start: '2023-04-25', end: null, precision: 'day', text: null }),
    ).toBe('25 Apr 2023');
    expect(
      formatMeetingDate({ start: '2023-04-01', end: null, precision: 'month', text: null }),
    ).toBe('April 2023');
    expect(
      formatMeetingDate({ start: '2023-01-01', end: null, precision: 'year', text: null }),
    ).toBe('2023');
    expect(
      formatMeetingDate({ start: '2023-04-25', end: '2023-04-27', precision: 'range', text: null }),
    ).toBe('25–27 Apr 2023');
    expect(formatMeetingDate({ start: null, end: null, precision: 'unknown', text: null })).toBe(
      'Undated',
    );
  });
});

describe('filterMeetings', () => {
  it('filters by status, country and words', () => {
    expect(filterMeetings(shown, { ...NO_FILTER, status: 'proposed' }).map(m => m.id)).toEqual([
      'month',
    ]);
    expect(filterMeetings(shown, { ...NO_FILTER, country: 'TR' }).map(m => m.id)).toEqual([
      'month',
    ]);
    expect(filterMeetings(shown, { ...NO_FILTER, text: 'undated' }).map(m => m.id)).toEqual([
      'none',
    ]);
    expect(filterMeetings(shown, { ...NO_FILTER, deleted: true })).toEqual([]);
  });
});

describe('sortMeetings', () => {
  it('puts dated meetings in order and undated ones last', () => {
    expect(sortMeetings(shown).map(m => m.id)).toEqual(['month', 'day', 'none']);
  });
});

describe('layoutTimeline', () => {
  it('places dated meetings on the axis, month precision as a span, undated in their own lane', () => {
    const t = layoutTimeline(shown);
    expect(t.undated.map(m => m.id)).toEqual(['none']);
    const month = t.items.find(i => i.meeting.id === 'month')!;
    const day = t.items.find(i => i.meeting.id === 'day')!;
    expect(month.span).toBe(true);
    expect(day.span).toBe(false);
    expect(month.width).toBeGreaterThan(day.width * 20);
    expect(day.left).toBeGreaterThan(month.left);
    expect(day.lane).not.toBe(month.lane);
    expect(t.ticks.map(x => x.label)).toEqual(['Mar 2023', 'Apr', 'May', 'Jun']);
  });

  it('spans a month date over its whole month', () => {
    const span = dateSpan({ start: '2023-04-01', end: null, precision: 'month', text: null })!;
    expect((span.to - span.from) / 86_400_000).toBe(30);
  });
});
