/**
 * The meetings list as the view asks for it at any library size: the ORDER of the meetings comes
 * from Dexie's indexes alone (`dateStart`, `status`, `countryCodes`: keys, never records), and
 * meeting records are read only for the rows on screen (`loadShown`). At 10,000 meetings the
 * view starts by reading three indexes and fifty records instead of the whole table.
 *
 * The analyst's decisions are the exception that keeps this correct: a decision can merge,
 * split, edit or delete meetings, so the meetings a decision can touch (named by it, or holding
 * a sentence of an article it anchors to) are read whole and shown through `applyDecisions`, then
 * placed among the others by date. Their number grows with the analyst's work, not the library.
 *
 * A text search and the "most sources" and "by title" orders have no index to read: they read the
 * whole table once, when chosen (`indexed: false`).
 */
import type { MeetingDecision, ReadoutDB, StoredMeeting } from '../db/db';
import { applyDecisions, type ShownMeeting } from './decisions';
import { filterMeetings, sortMeetings, type MeetingFilter, type MeetingOrder } from './timeline';

export interface MeetingOrderQuery {
  filter: MeetingFilter;
  order: MeetingOrder;
}

/** The list's meetings in order, without their records (except the ones already read). */
export interface MeetingList {
  /** Shown meeting ids in list order. */
  ids: string[];
  /** Each id's `dateStart` (YYYY-MM-DD, '' when undated), for the timeline's counts. */
  dates: string[];
  /** Meetings already read whole: those decisions touch, or all of them when not `indexed`. */
  known: Map<string, ShownMeeting>;
  /** True when the order came from the indexes; false when the whole table was read. */
  indexed: boolean;
  /** True when there is no meeting at all (found or added), whatever the filters. */
  empty: boolean;
}

/** A meeting as shown when no decision touches it: the extractor's meeting as it is. */
function asShown(m: StoredMeeting): ShownMeeting {
  return applyDecisions([m], [])[0];
}

const dateOf = (m: ShownMeeting) => m.fields.date.value.start ?? '';

/** The ids and article ids a decision refers to, and so the meetings it may change. */
function referencesOf(decisions: MeetingDecision[]): { ids: string[]; articleIds: string[] } {
  const ids = new Set<string>();
  const articleIds = new Set<string>();
  for (const d of decisions) {
    ids.add(d.meetingId);
    for (const a of d.anchors) articleIds.add(a.articleId);
    const v = d.value as { into?: unknown; intoAnchors?: unknown } | null | undefined;
    if (d.kind === 'merge' && v && typeof v === 'object') {
      if (typeof v.into === 'string') ids.add(v.into);
      if (Array.isArray(v.intoAnchors))
        for (const a of v.intoAnchors as { articleId?: unknown }[])
          if (typeof a?.articleId === 'string') articleIds.add(a.articleId);
    }
  }
  return { ids: [...ids], articleIds: [...articleIds] };
}

/**
 * The meetings decisions may change, read whole, with the decisions applied; and the ids of the
 * machine meetings among them (which the index order must then leave out).
 */
async function touchedMeetings(
  db: ReadoutDB,
  decisions: MeetingDecision[],
): Promise<{ shown: ShownMeeting[]; machineIds: Set<string> }> {
  if (decisions.length === 0) return { shown: [], machineIds: new Set() };
  const refs = referencesOf(decisions);
  const [named, anchored] = await Promise.all([
    db.meetings.bulkGet(refs.ids),
    refs.articleIds.length > 0
      ? db.meetings.where('articleIds').anyOf(refs.articleIds).toArray()
      : Promise.resolve([]),
  ]);
  const byId = new Map<string, StoredMeeting>();
  for (const m of [...named, ...anchored]) if (m) byId.set(m.id, m);
  return { shown: applyDecisions([...byId.values()], decisions), machineIds: new Set(byId.keys()) };
}

/** Ids of the meetings an index holds for `value`; null when the filter does not narrow. */
async function idsWhere(
  db: ReadoutDB,
  index: 'status' | 'countryCodes',
  value: string,
): Promise<Set<string> | null> {
  if (value === 'all') return null;
  return new Set(await db.meetings.where(index).equals(value).primaryKeys());
}

/**
 * The list for `query`: ids in order, their dates, and the meetings read whole on the way. By
 * date, undated meetings come last either way, as in `sortMeetings`; meetings of one day keep the
 * index's order (by id), so paging is stable.
 */
export async function queryMeetingList(
  db: ReadoutDB,
  { filter, order }: MeetingOrderQuery,
): Promise<MeetingList> {
  const decisions = await db.meetingDecisions.toArray();
  if (filter.text.trim() !== '' || order === 'sources' || order === 'title') {
    const all = applyDecisions(await db.meetings.toArray(), decisions);
    const shown = sortMeetings(filterMeetings(all, filter), order);
    return {
      ids: shown.map(m => m.id),
      dates: shown.map(dateOf),
      known: new Map(all.map(m => [m.id, m])),
      indexed: false,
      empty: all.length === 0,
    };
  }
  const touched = await touchedMeetings(db, decisions);
  const extra = sortMeetings(filterMeetings(touched.shown, filter), order);
  const known = new Map(touched.shown.map(m => [m.id, m]));
  // Deleted meetings are deleted by a decision: all of them are among the touched ones.
  const empty = touched.shown.length === 0 && (await db.meetings.count()) === 0;
  if (filter.deleted)
    return { ids: extra.map(m => m.id), dates: extra.map(dateOf), known, indexed: true, empty };

  const [dates, ids, byStatus, byCountry] = await Promise.all([
    db.meetings.orderBy('dateStart').keys() as Promise<string[]>,
    db.meetings.orderBy('dateStart').primaryKeys(),
    idsWhere(db, 'status', filter.status),
    idsWhere(db, 'countryCodes', filter.country),
  ]);
  const stream: { id: string; date: string }[] = [];
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    if (touched.machineIds.has(id)) continue;
    if (byStatus && !byStatus.has(id)) continue;
    if (byCountry && !byCountry.has(id)) continue;
    stream.push({ id, date: dates[i] });
  }
  // Ascending, '' (undated) sorts first: newest reverses it, oldest moves the undated to the end.
  const firstDated = stream.findIndex(x => x.date !== '');
  const undated = firstDated < 0 ? stream : stream.slice(0, firstDated);
  const dated = firstDated < 0 ? [] : stream.slice(firstDated);
  const ordered = order === 'newest' ? [...dated.reverse(), ...undated] : [...dated, ...undated];
  return { ...interleave(ordered, extra, order), known, indexed: true, empty };
}

/** Places the decided meetings (sorted) among the index-ordered ones, by date. */
function interleave(
  ordered: { id: string; date: string }[],
  extra: ShownMeeting[],
  order: MeetingOrder,
): { ids: string[]; dates: string[] } {
  const ids: string[] = [];
  const dates: string[] = [];
  // True when a meeting of `date` comes before one of `other` in the list.
  const before = (date: string, other: string) => {
    if (date === other) return false;
    if (date === '') return false;
    if (other === '') return true;
    return order === 'newest' ? date > other : date < other;
  };
  let j = 0;
  for (const x of ordered) {
    while (j < extra.length && before(dateOf(extra[j]), x.date)) {
      ids.push(extra[j].id);
      dates.push(dateOf(extra[j]));
      j++;
    }
    ids.push(x.id);
    dates.push(x.date);
  }
  for (; j < extra.length; j++) {
    ids.push(extra[j].id);
    dates.push(dateOf(extra[j]));
  }
  return { ids, dates };
}

/**
 * The shown meetings of `ids` (the rows on screen), from `known` or read by primary key. A
 * meeting that is gone (re-extracted away) is left out.
 */
export async function loadShown(
  db: ReadoutDB,
  ids: readonly string[],
  known: ReadonlyMap<string, ShownMeeting>,
): Promise<Map<string, ShownMeeting>> {
  const out = new Map<string, ShownMeeting>();
  const missing = ids.filter(id => {
    const k = known.get(id);
    if (k) out.set(id, k);
    return !k;
  });
  if (missing.length > 0) {
    const rows = await db.meetings.bulkGet(missing);
    for (const m of rows) if (m) out.set(m.id, asShown(m));
  }
  return out;
}

/**
 * One meeting as the card shows it, by the id the analyst chose: also the id of a meeting that
 * has since been merged into another (the merged meeting then), null when it is gone.
 */
export async function loadOne(
  db: ReadoutDB,
  id: string,
  known: ReadonlyMap<string, ShownMeeting>,
): Promise<ShownMeeting | null> {
  const hit = known.get(id) ?? [...known.values()].find(m => m.memberIds.includes(id));
  if (hit) return hit;
  const m = await db.meetings.get(id);
  return m ? asShown(m) : null;
}

/** Meetings closer than this many days to the open one are offered for merging. */
const POOL_DAYS = 45;
/** At most this many meetings are read for the merge picker. */
const POOL_LIMIT = 400;

const shiftDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The meetings the merge picker ranks for `meeting`: those sharing a country with it and those
 * within `POOL_DAYS` of its date, read through the `countryCodes` and `dateStart` indexes (a
 * bounded number of each), plus the decided ones. A small library offers every meeting.
 */
export async function mergePool(
  db: ReadoutDB,
  meeting: ShownMeeting,
  known: ReadonlyMap<string, ShownMeeting>,
): Promise<ShownMeeting[]> {
  const pool = new Map<string, ShownMeeting>();
  const add = (m: ShownMeeting) => {
    if (!m.deleted && !meeting.memberIds.includes(m.id) && m.id !== meeting.id) pool.set(m.id, m);
  };
  const claimed = new Set([...known.values()].flatMap(m => m.memberIds));
  const addStored = (rows: StoredMeeting[]) => {
    for (const m of rows) if (!claimed.has(m.id)) add(asShown(m));
  };
  if ((await db.meetings.count()) <= POOL_LIMIT) {
    addStored(await db.meetings.toArray());
  } else {
    const codes = meeting.fields.countries.value.map(c => c.code);
    const start = meeting.fields.date.value.start;
    const [byCountry, byDate] = await Promise.all([
      codes.length > 0
        ? db.meetings.where('countryCodes').anyOf(codes).limit(POOL_LIMIT).toArray()
        : Promise.resolve([]),
      start
        ? db.meetings
            .where('dateStart')
            .between(shiftDays(start, -POOL_DAYS), shiftDays(start, POOL_DAYS), true, true)
            .limit(POOL_LIMIT)
            .toArray()
        : Promise.resolve([]),
    ]);
    addStored([...byCountry, ...byDate]);
  }
  for (const m of known.values()) add(m);
  return [...pool.values()];
}
