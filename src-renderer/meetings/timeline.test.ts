import { describe, expect, it } from 'vitest';
import { applyDecisions } from './decisions';
import {
  NO_FILTER,
  articleCount,
  dateSpan,
  filterMeetings,
  layoutTimeline,
  sortMeetings,
} from './timeline';
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
  it('puts the newest meeting first by default and undated ones last', () => {
    expect(sortMeetings(shown).map(m => m.id)).toEqual(['day', 'month', 'none']);
  });

  it('puts the oldest first when asked, undated still last', () => {
    expect(sortMeetings(shown, 'oldest').map(m => m.id)).toEqual(['month', 'day', 'none']);
  });

  it('orders by title, and by the number of articles reporting a meeting', () => {
    expect(sortMeetings(shown, 'title').map(m => m.id)).toEqual(['day', 'month', 'none']);
    const [many] = applyDecisions(
      [meeting('many', [s, mention('a2', 0, 'They met.'), mention('a3', 5, 'Talks.')])],
      [],
    );
    expect(sortMeetings([...shown, many], 'sources')[0].id).toBe('many');
  });
});

describe('articleCount', () => {
  it('counts articles, not sentences', () => {
    const [m] = applyDecisions(
      [meeting('m', [s, mention('a1', 40, 'They agreed.'), mention('a2', 0, 'Talks held.')])],
      [],
    );
    expect(m.mentions).toHaveLength(3);
    expect(articleCount(m)).toBe(2);
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

  it('needs fewer lanes and finer ticks when zoomed in', () => {
    const wide = applyDecisions(
      [
        meeting('jan', [s], {
          date: { start: '2021-01-10', end: null, precision: 'day', text: null },
        }),
        meeting('feb', [s], {
          date: { start: '2021-02-10', end: null, precision: 'day', text: null },
        }),
        meeting('late', [s], {
          date: { start: '2023-06-01', end: null, precision: 'day', text: null },
        }),
      ],
      [],
    );
    const out = layoutTimeline(wide, 16, 1);
    const zoomed = layoutTimeline(wide, 16, 8);
    expect(out.lanes).toBe(2);
    expect(zoomed.lanes).toBe(1);
    expect(zoomed.ticks.length).toBeGreaterThan(out.ticks.length);
  });

  it('spans a month date over its whole month', () => {
    const span = dateSpan({ start: '2023-04-01', end: null, precision: 'month', text: null })!;
    expect((span.to - span.from) / 86_400_000).toBe(30);
  });
});
