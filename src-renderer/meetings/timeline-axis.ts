/**
 * The timeline at any library size: the axis and its ticks from the meetings' start dates alone
 * (the `dateStart` index gives them without reading a record), the part of the axis in view,
 * and, where more meetings are in view than can be drawn one by one, counts per month or year.
 * With 10,000 meetings the timeline then draws a few dozen bars instead of 10,000 labels.
 */
import { MONTH_ABBREVIATIONS as MONTH_NAMES } from '../../src-main/contract/months';

/** The axis, in milliseconds since the epoch (UTC): a month of margin before, two after. */
export interface Axis {
  from: number;
  to: number;
}

/** A part of the axis, in percent of its width. */
export interface Window {
  from: number;
  to: number;
}

/** More meetings than this in view are drawn as counts per month or year. */
export const ITEM_LIMIT = 120;
/** A view spanning more months than this counts per year. */
const MONTH_BINS_UP_TO = 48;

const monthOf = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, 1);

/**
 * The axis from the earliest to the latest date: `dates` are YYYY-MM-DD, '' for undated (left
 * out), in any order. Null when none is dated.
 */
export function axisOf(dates: readonly string[]): Axis | null {
  let min = '';
  let max = '';
  for (const d of dates) {
    if (!d) continue;
    if (!min || d < min) min = d;
    if (!max || d > max) max = d;
  }
  if (!min) return null;
  const first = new Date(monthOf(min));
  const last = new Date(monthOf(max));
  return {
    from: Date.UTC(first.getUTCFullYear(), first.getUTCMonth() - 1, 1),
    to: Date.UTC(last.getUTCFullYear(), last.getUTCMonth() + 2, 1),
  };
}

/** Where a time falls on the axis, in percent. */
export function percentOf(axis: Axis, t: number): number {
  return ((t - axis.from) / (axis.to - axis.from)) * 100;
}

const toMs = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10));

/** How many months the axis spans. */
function monthsOf(axis: Axis): number {
  const a = new Date(axis.from);
  const b = new Date(axis.to);
  return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth();
}

/**
 * The part of an axis drawn `zoom` times the width of its box that is in view, from the box's
 * scroll offset; a margin of a tenth of the view each side, so a short scroll finds it drawn.
 */
export function visibleWindow(scrollLeft: number, boxWidth: number, zoom: number): Window {
  if (boxWidth <= 0) return { from: 0, to: 100 / zoom };
  const from = (scrollLeft / (boxWidth * zoom)) * 100;
  const span = 100 / zoom;
  return { from: Math.max(0, from - span / 10), to: Math.min(100, from + span * 1.1) };
}

/** The indexes (into `dates`) of dated meetings whose start is in `window`. */
export function indexesIn(axis: Axis, dates: readonly string[], window: Window): number[] {
  const out: number[] = [];
  dates.forEach((d, i) => {
    if (!d) return;
    const p = percentOf(axis, toMs(d));
    if (p >= window.from && p <= window.to) out.push(i);
  });
  return out;
}

export type BinUnit = 'month' | 'year';

/** Months per view decide the unit: months up to four years in view, years beyond. */
export function binUnit(axis: Axis, zoom: number): BinUnit {
  return monthsOf(axis) / zoom <= MONTH_BINS_UP_TO ? 'month' : 'year';
}

export interface TimelineBin {
  key: string;
  /** "Apr 2023" or "2023". */
  label: string;
  left: number;
  width: number;
  count: number;
  /** The index (into the list) of the bin's first meeting in list order. */
  first: number;
}

/**
 * Counts of meetings per month or year, for the bins that touch `window`. `dates` are in list
 * order, so a bin's `first` is the meeting the list shows first for that period.
 */
export function binDates(
  axis: Axis,
  dates: readonly string[],
  unit: BinUnit,
  window: Window,
): TimelineBin[] {
  const bins = new Map<string, TimelineBin>();
  dates.forEach((d, i) => {
    if (!d) return;
    const key = unit === 'month' ? d.slice(0, 7) : d.slice(0, 4);
    const bin = bins.get(key);
    if (bin) {
      bin.count++;
      return;
    }
    const y = +d.slice(0, 4);
    const m = unit === 'month' ? +d.slice(5, 7) - 1 : 0;
    const start = Date.UTC(y, m, 1);
    const end = unit === 'month' ? Date.UTC(y, m + 1, 1) : Date.UTC(y + 1, 0, 1);
    const left = Math.max(0, percentOf(axis, start));
    const right = Math.min(100, percentOf(axis, end));
    bins.set(key, {
      key,
      label: unit === 'month' ? `${MONTH_NAMES[m]} ${y}` : String(y),
      left,
      width: right - left,
      count: 1,
      first: i,
    });
  });
  return [...bins.values()]
    .filter(b => b.left + b.width >= window.from && b.left <= window.to)
    .sort((a, b) => a.left - b.left);
}

/**
 * Month or year ticks along the axis, as finely as `zoom` leaves room for, only those in
 * `window` (all of them without one).
 */
export function ticksOf(
  axis: Axis,
  zoom: number,
  window: Window = { from: 0, to: 100 },
): { label: string; left: number }[] {
  const perView = monthsOf(axis) / zoom;
  const step = perView <= 14 ? 1 : perView <= 36 ? 3 : perView <= 240 ? 12 : 60;
  const ticks: { label: string; left: number }[] = [];
  for (let t = axis.from; t < axis.to;) {
    const d = new Date(t);
    const [year, month] = [d.getUTCFullYear(), d.getUTCMonth()];
    const left = percentOf(axis, t);
    if (month % Math.min(step, 12) === 0 && (step < 12 || year % (step / 12) === 0)) {
      const label =
        step >= 12
          ? String(year)
          : month === 0 || ticks.length === 0
            ? `${MONTH_NAMES[month]} ${year}`
            : MONTH_NAMES[month];
      if (left >= window.from - 5 && left <= window.to + 5) ticks.push({ label, left });
    }
    t = Date.UTC(year, month + 1, 1);
  }
  return ticks;
}
