import { describe, expect, it } from 'vitest';
import {
  axisOf,
  binDates,
  binUnit,
  indexesIn,
  percentOf,
  ticksOf,
  visibleWindow,
} from './timeline-axis';

const ALL = { from: 0, to: 100 };

describe('axisOf', () => {
  it('spans the dated meetings with a month before and two after, ignoring the undated', () => {
    const axis = axisOf(['2023-04-25', '', '2022-12-28'])!;
    expect(new Date(axis.from).toISOString().slice(0, 10)).toBe('2022-11-01');
    expect(new Date(axis.to).toISOString().slice(0, 10)).toBe('2023-06-01');
  });

  it('has no axis when nothing is dated', () => {
    expect(axisOf(['', ''])).toBeNull();
  });
});

describe('percentOf', () => {
  it('puts the axis ends at 0 and 100', () => {
    const axis = axisOf(['2023-04-25'])!;
    expect(percentOf(axis, axis.from)).toBe(0);
    expect(percentOf(axis, axis.to)).toBe(100);
  });
});

describe('visibleWindow', () => {
  it('is the scrolled part of a zoomed axis, with a margin each side', () => {
    const w = visibleWindow(1000, 500, 4);
    // 4× of 500 px is 2,000 px: 1,000 px in is half way; a view is a quarter of the axis.
    expect(w.from).toBeCloseTo(47.5);
    expect(w.to).toBeCloseTo(77.5);
  });

  it('is the whole axis before the box is measured', () => {
    expect(visibleWindow(0, 0, 1)).toEqual(ALL);
  });
});

describe('indexesIn', () => {
  it('finds the dated meetings whose start is in view', () => {
    const dates = ['2020-01-15', '2023-06-01', '', '2021-07-01'];
    const axis = axisOf(dates)!;
    const mid = percentOf(axis, Date.UTC(2021, 6, 1));
    expect(indexesIn(axis, dates, { from: mid - 1, to: 100 })).toEqual([1, 3]);
    expect(indexesIn(axis, dates, ALL)).toEqual([0, 1, 3]);
  });
});

describe('binUnit', () => {
  it('counts by month up to four years in view and by year beyond', () => {
    const axis = axisOf(['2015-01-01', '2024-12-31'])!;
    expect(binUnit(axis, 1)).toBe('year');
    expect(binUnit(axis, 4)).toBe('month');
  });
});

describe('binDates', () => {
  const dates = ['2023-05-20', '2023-05-02', '2023-04-25', '', '2022-12-28', '2023-05-01'];
  const axis = axisOf(dates)!;

  it('counts meetings per month, each bin knowing the first meeting the list shows for it', () => {
    const bins = binDates(axis, dates, 'month', ALL);
    expect(bins.map(b => [b.label, b.count, b.first])).toEqual([
      ['Dec 2022', 1, 4],
      ['Apr 2023', 1, 2],
      ['May 2023', 3, 0],
    ]);
    expect(bins[2].left).toBeGreaterThan(bins[1].left + bins[1].width - 0.001);
  });

  it('counts per year, and leaves out bins out of view', () => {
    expect(binDates(axis, dates, 'year', ALL).map(b => [b.label, b.count])).toEqual([
      ['2022', 1],
      ['2023', 4],
    ]);
    const may = percentOf(axis, Date.UTC(2023, 4, 1));
    expect(binDates(axis, dates, 'month', { from: may, to: 100 }).map(b => b.label)).toEqual([
      'Apr 2023',
      'May 2023',
    ]);
  });
});

describe('ticksOf', () => {
  it('labels months on a short axis and years, then every five years, on longer ones', () => {
    const short = axisOf(['2023-01-10', '2023-06-10'])!;
    expect(ticksOf(short, 1).map(t => t.label)).toEqual([
      'Dec 2022',
      'Jan 2023',
      'Feb',
      'Mar',
      'Apr',
      'May',
      'Jun',
      'Jul',
    ]);
    const long = axisOf(['2001-03-01', '2024-03-01'])!;
    expect(ticksOf(long, 1).map(t => t.label)).toEqual(['2005', '2010', '2015', '2020']);
    expect(ticksOf(long, 2).map(t => t.label)).toContain('2013');
  });

  it('gives only the ticks near the part in view', () => {
    const long = axisOf(['2001-03-01', '2024-03-01'])!;
    const ticks = ticksOf(long, 8, { from: 0, to: 12.5 });
    // A quarter a tick: about 90 along the whole axis, a sixth of them near the view.
    expect(ticksOf(long, 8).length).toBeGreaterThan(90);
    expect(ticks.length).toBeLessThan(20);
    expect(ticks[0].label).toBe('Apr 2001');
  });
});
