/**
 * The `scopeKeys` index of stored meetings (Dexie version 11): one key per country of a meeting
 * and per way its date can be in reach of a report, so that the merge scope (`merge-scope.ts`)
 * reads, for each country of a change, only the meetings of that country whose start falls in
 * the report's window, never every meeting with that country (issue 14: a US report read every
 * US meeting of the library).
 *
 * The key families follow `inReach` in `merge-scope.ts` exactly, one for each of its branches:
 * - `CC|u`: an undated meeting (always in reach);
 * - `CC|d|YYYY-MM-DD`: a dated meeting by its start day (the narrow window before a report);
 * - `CC|w|YYYY-MM-DD`: one starting on the first of a month (month, season and year dates), in
 *   reach from further back;
 * - `CC|n|YYYY-MM-DD`: one with undated members, in reach further out both ways.
 * Day keys compare as strings in the order of their days, so each window is one key range.
 */
import type { ArticleMeetingRecord } from '../../src-main/contract/article-meetings';

export const DAY_MS = 86_400_000;
/** Dated meetings narrower than this are found by their start day near the mention's range. */
export const NARROW_DAYS = 70;
/** How far a wide meeting ("in March", "in 2023") may start before a mention it overlaps. */
export const WIDE_DAYS = 2 * 366;
/** An undated report is of a meeting held up to a month before, or planned up to 180 days after. */
export const UNDATED_WINDOW: [number, number] = [-31, 181];
/** How much further a meeting with undated members reaches: that whole window, both ways. */
export const UNDATED_REACH = UNDATED_WINDOW[1] - UNDATED_WINDOW[0];

export const day = (iso: string): number => Math.floor(Date.parse(iso.slice(0, 10)) / DAY_MS);
export const isoDay = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);

type Family = 'd' | 'w' | 'n';

/** What the keys are made from: the stored fields `inReach` and `couldJoin` read. */
interface Keyed {
  dateStart?: unknown;
  countryCodes?: unknown;
  mentions?: unknown;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The keys of one stored meeting. Defensive about the row's shape, since the version 11 upgrade
 * runs it over whatever rows an older database holds: a row without countries gets no key (no
 * report can share a country with it, so no scope needs it).
 */
export function scopeKeys(meeting: Keyed): string[] {
  const codes = Array.isArray(meeting.countryCodes)
    ? meeting.countryCodes.filter((c): c is string => typeof c === 'string')
    : [];
  const start = typeof meeting.dateStart === 'string' ? meeting.dateStart.slice(0, 10) : '';
  const mentions = Array.isArray(meeting.mentions) ? (meeting.mentions as unknown[]) : [];
  const undatedMember = mentions.some(
    x => !(x as { date?: { start?: unknown } } | null)?.date?.start,
  );
  const keys: string[] = [];
  for (const c of new Set(codes)) {
    if (!start) {
      keys.push(`${c}|u`);
      continue;
    }
    keys.push(`${c}|d|${start}`);
    if (start.endsWith('-01')) keys.push(`${c}|w|${start}`);
    if (undatedMember) keys.push(`${c}|n|${start}`);
  }
  return keys;
}

/** One query of the index: an exact key, or an inclusive range of keys. */
export type ScopeQuery = { equals: string } | { from: string; to: string };

/** Start days `[lo, hi]` per family a report can reach; `null` lo/hi: the family whole. */
interface Window {
  family: Family;
  lo: number | null;
  hi: number | null;
}

/**
 * The windows of one report, by the branches of `inReach`: a dated report reaches narrow
 * meetings from NARROW_DAYS before its start to its end, first-of-month ones from WIDE_DAYS
 * before, and meetings with undated members UNDATED_REACH further both ways; an undated one
 * does the same from its publication window (without the further reach), and one with no
 * publication date either reaches every dated meeting. Empty where `couldJoin` is false for
 * any meeting: no country to share, or an undated report without a level.
 */
function windowsOf(m: ArticleMeetingRecord): Window[] {
  if (m.countries.length === 0) return [];
  if (m.date.start) {
    const lo = day(m.date.start);
    const hi = day(m.date.end ?? m.date.start);
    return [
      { family: 'd', lo: lo - NARROW_DAYS, hi },
      { family: 'w', lo: lo - WIDE_DAYS, hi },
      { family: 'n', lo: lo - NARROW_DAYS - UNDATED_REACH, hi: hi + UNDATED_REACH },
    ];
  }
  if (m.levels.length === 0) return [];
  if (!m.published) return [{ family: 'd', lo: null, hi: null }];
  const p = day(m.published);
  const lo = p + UNDATED_WINDOW[0];
  const hi = p + UNDATED_WINDOW[1];
  return [
    { family: 'd', lo: lo - NARROW_DAYS, hi },
    { family: 'w', lo: lo - WIDE_DAYS, hi },
  ];
}

/** A day as a key part, or null when it has no four-digit-year ISO form (then: no bound). */
function keyDay(n: number | null): string | null {
  if (n === null || !Number.isFinite(n)) return null;
  const iso = isoDay(n);
  return ISO_DAY.test(iso) ? iso : null;
}

/**
 * The index queries that find every stored meeting `reports` could join, per country: the
 * undated meetings of each of a report's countries and its windows, with the windows of one
 * country and family merged where they overlap, so a batch of reports near in time costs a few
 * range reads per country. `country` names the country each query is for.
 */
export function scopeQueries(
  reports: readonly ArticleMeetingRecord[],
): { country: string; query: ScopeQuery }[] {
  const spans = new Map<string, [number, number][]>();
  const whole = new Set<string>();
  const undated = new Set<string>();
  for (const m of reports) {
    const windows = windowsOf(m);
    if (windows.length === 0) continue;
    for (const c of new Set(m.countries)) {
      undated.add(c);
      for (const w of windows) {
        const at = `${c}|${w.family}`;
        if (w.lo === null || w.hi === null || !keyDay(w.lo) || !keyDay(w.hi)) {
          whole.add(at);
          continue;
        }
        if (w.lo > w.hi) continue; // no start day is in it
        const list = spans.get(at);
        if (list) list.push([w.lo, w.hi]);
        else spans.set(at, [[w.lo, w.hi]]);
      }
    }
  }
  const queries: { country: string; query: ScopeQuery }[] = [];
  for (const c of undated) queries.push({ country: c, query: { equals: `${c}|u` } });
  // A family read whole makes every window of it redundant.
  for (const at of whole) {
    spans.delete(at);
    // '|' then a day: every key of the family lies between the prefix and the prefix + '~'.
    queries.push({ country: at.split('|')[0], query: { from: `${at}|`, to: `${at}|~` } });
  }
  for (const [at, list] of spans) {
    list.sort((a, b) => a[0] - b[0]);
    const merged: [number, number][] = [];
    for (const [lo, hi] of list) {
      const last = merged[merged.length - 1];
      if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
      else merged.push([lo, hi]);
    }
    const country = at.split('|')[0];
    for (const [lo, hi] of merged)
      queries.push({ country, query: { from: `${at}|${isoDay(lo)}`, to: `${at}|${isoDay(hi)}` } });
  }
  return queries;
}
