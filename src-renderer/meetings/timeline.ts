/**
 * Filtering the meetings list and placing meetings on the timeline's date axis.
 */
import type { MeetingDate, MeetingStatus } from '../../src-main/contract/meeting';
import { currentValues, type ShownMeeting } from './decisions';
import { formatField } from './format';
import { axisOf, percentOf, ticksOf, type Axis } from './timeline-axis';

export interface MeetingFilter {
  status: MeetingStatus | 'all';
  /** ISO code or 'all'. */
  country: string;
  text: string;
  /** Deleted meetings instead of the others. */
  deleted: boolean;
}

export const NO_FILTER: MeetingFilter = { status: 'all', country: 'all', text: '', deleted: false };

export function filterMeetings(meetings: ShownMeeting[], f: MeetingFilter): ShownMeeting[] {
  const words = f.text.toLowerCase().split(/\s+/).filter(Boolean);
  return meetings.filter(m => {
    if (m.deleted !== f.deleted) return false;
    const v = currentValues(m);
    if (f.status !== 'all' && v.status !== f.status) return false;
    if (
      f.country !== 'all' &&
      !v.countries.some(c => c.code === f.country) &&
      v.place.country?.code !== f.country
    )
      return false;
    if (words.length === 0) return true;
    const hay = [
      ...(
        ['title', 'place', 'level', 'countries', 'people', 'organizations', 'purpose'] as const
      ).map(k => formatField(k, v)),
      ...m.mentions.map(x => x.sentence),
    ]
      .join(' ')
      .toLowerCase();
    return words.every(w => hay.includes(w));
  });
}

/** The orders the list offers; newest first by default, since analysts check what is new. */
export const MEETING_ORDERS = ['newest', 'oldest', 'sources', 'title'] as const;
export type MeetingOrder = (typeof MEETING_ORDERS)[number];

export const ORDER_LABELS: Record<MeetingOrder, string> = {
  newest: 'Newest first',
  oldest: 'Oldest first',
  sources: 'Most sources first',
  title: 'By title',
};

export function isMeetingOrder(value: unknown): value is MeetingOrder {
  return typeof value === 'string' && (MEETING_ORDERS as readonly string[]).includes(value);
}

/** How many articles report a meeting: several sentences of one article are one source. */
export function articleCount(m: Pick<ShownMeeting, 'mentions'>): number {
  return new Set(m.mentions.map(x => x.articleId)).size;
}

/**
 * The list in the analyst's chosen order. By date, undated meetings come last either way (they
 * cannot be placed); ties, and the title order, go by title.
 */
export function sortMeetings(
  meetings: ShownMeeting[],
  order: MeetingOrder = 'newest',
): ShownMeeting[] {
  const byTitle = (a: ShownMeeting, b: ShownMeeting) =>
    a.fields.title.value.localeCompare(b.fields.title.value);
  return [...meetings].sort((a, b) => {
    if (order === 'title') return byTitle(a, b);
    if (order === 'sources') return articleCount(b) - articleCount(a) || byTitle(a, b);
    const x = a.fields.date.value.start;
    const y = b.fields.date.value.start;
    if (x !== y) {
      if (!x) return 1;
      if (!y) return -1;
      return (x < y ? -1 : 1) * (order === 'newest' ? -1 : 1);
    }
    return byTitle(a, b);
  });
}

const DAY = 86_400_000;
const toMs = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10));

/** The days a date covers: one day, its month, its year, or its range. Null when undated. */
export function dateSpan(date: MeetingDate): { from: number; to: number } | null {
  if (!date.start) return null;
  const from = toMs(date.start);
  const y = +date.start.slice(0, 4);
  const m = +date.start.slice(5, 7);
  switch (date.precision) {
    case 'month':
      return { from: Date.UTC(y, m - 1, 1), to: Date.UTC(y, m, 1) };
    case 'year':
      return { from: Date.UTC(y, 0, 1), to: Date.UTC(y + 1, 0, 1) };
    case 'range':
      return { from, to: (date.end ? toMs(date.end) : from) + DAY };
    default:
      return { from, to: from + DAY };
  }
}

export interface TimelineItem {
  meeting: ShownMeeting;
  /** Percent of the axis. */
  left: number;
  width: number;
  lane: number;
  /** True when the date is wider than a day (month, year, range): drawn as a span. */
  span: boolean;
}

export interface Timeline {
  items: TimelineItem[];
  undated: ShownMeeting[];
  lanes: number;
  ticks: { label: string; left: number }[];
}

/** The timeline's zoom steps: how many times the view's width the axis is drawn. */
export const ZOOM_LEVELS = [1, 2, 4, 8] as const;

/**
 * Places meetings on an axis from the earliest to the latest date, a month of margin each side
 * (or on `axis`, when the caller places only some of the meetings of a longer one); overlapping
 * items (counting a minimum width for a label) go to separate lanes. At `zoom` the axis is drawn
 * that many times wider (and scrolled), so a label needs `minWidth / zoom` percent of it and the
 * ticks get finer.
 */
export function layoutTimeline(
  meetings: ShownMeeting[],
  minWidth = 16,
  zoom = 1,
  axis: Axis | null = null,
): Timeline {
  const labelWidth = minWidth / zoom;
  const dated = meetings.flatMap(m => {
    const s = dateSpan(m.fields.date.value);
    return s ? [{ meeting: m, ...s }] : [];
  });
  const undated = meetings.filter(m => !dateSpan(m.fields.date.value));
  const range = axis ?? axisOf(dated.flatMap(d => [new Date(d.from), new Date(d.to)].map(isoDay)));
  if (dated.length === 0 || !range) return { items: [], undated, lanes: 0, ticks: [] };
  const pct = (t: number) => percentOf(range, t);
  const laneEnds: number[] = [];
  const items = dated
    .sort((a, b) => a.from - b.from || b.to - a.to)
    .map(d => {
      const left = pct(d.from);
      const width = Math.max(pct(d.to) - left, 0.8);
      let lane = laneEnds.findIndex(end => end <= left);
      if (lane < 0) lane = laneEnds.length;
      laneEnds[lane] = left + Math.max(width, labelWidth);
      return {
        meeting: d.meeting,
        left,
        width,
        lane,
        span: d.meeting.fields.date.value.precision !== 'day',
      };
    });
  return { items, undated, lanes: laneEnds.length, ticks: ticksOf(range, zoom) };
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
