/**
 * Which stored meetings one change to the library can touch, read from the `meetings` indexes
 * (`countryCodes`, `articleIds`) without loading the table: the meetings of the changed and
 * removed articles, the meetings the changed articles' own meetings could join (sharing a pair
 * of their countries, or their one country, with a date in reach), and then, until nothing new
 * appears, every meeting of every article those meetings cite and every meeting their undated
 * reports could join. Re-merging exactly that scope gives what a merge of the whole library
 * gives (checked against the full merge on generated corpora in `incremental.test.ts`), while a
 * request stays the size of the change (issue 14).
 */
import type { ArticleMeetingRecord } from '../../src-main/contract/article-meetings';
import type { ReadoutDB, StoredMeeting } from '../db/db';

const DAY_MS = 86_400_000;
/** Dated meetings narrower than this are found by their start day near the mention's range. */
const NARROW_DAYS = 70;
/** How far a wide meeting ("in March", "in 2023") may start before a mention it overlaps. */
const WIDE_DAYS = 2 * 366;
/** An undated report is of a meeting held up to a month before, or planned up to 180 days after. */
const UNDATED_WINDOW: [number, number] = [-31, 181];
/** How much further a meeting with undated members reaches: that whole window, both ways. */
const UNDATED_REACH = UNDATED_WINDOW[1] - UNDATED_WINDOW[0];

/** The scope of one change: the stored meetings it replaces and the articles it re-merges. */
export interface MergeScope {
  meetings: StoredMeeting[];
  /** Every article the scope's meetings cite, and the changed ones. */
  articles: Set<string>;
}

/** Why a scope could not be built within the caps: the change is too large for one message. */
export interface ScopeOverflow {
  overflow: 'meetings' | 'articles';
}

const day = (iso: string): number => Math.floor(Date.parse(iso.slice(0, 10)) / DAY_MS);
const isoDay = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);

/**
 * Whether a stored meeting's date can be within reach of a report: the windows in which the
 * merge rules (`merge.ts`: overlapping ranges for dated reports, the publication windows for
 * undated ones) could let the report join it. Undated meetings are always in reach; a meeting
 * wider than NARROW_DAYS is in reach when it starts on the first of a month within WIDE_DAYS
 * (month, season and year dates all do), since it is kept by its start alone.
 */
function inReach(m: ArticleMeetingRecord, meeting: StoredMeeting, slack = 0): boolean {
  if (!meeting.dateStart) return true;
  const start = day(meeting.dateStart);
  let lo: number;
  let hi: number;
  if (m.date.start) {
    lo = day(m.date.start);
    hi = day(m.date.end ?? m.date.start);
  } else if (m.published) {
    const p = day(m.published);
    lo = p + UNDATED_WINDOW[0];
    hi = p + UNDATED_WINDOW[1];
  } else return true;
  if (start > hi + slack) return false;
  if (start >= lo - NARROW_DAYS - slack) return true;
  return meeting.dateStart.endsWith('-01') && start >= lo - WIDE_DAYS;
}

/** Whether two sets of countries could be one meeting's: a shared pair, or the one country. */
function sharesParties(m: ArticleMeetingRecord, codes: ReadonlySet<string>): boolean {
  let shared = 0;
  for (const c of new Set(m.countries)) if (codes.has(c)) shared++;
  return shared >= Math.min(2, m.countries.length) && shared > 0;
}

/** Every city a meeting's reports name: its place, and the others where its sources disagree. */
function citiesOf(meeting: StoredMeeting): Set<string> {
  const cities = new Set<string>();
  if (meeting.place.city) cities.add(meeting.place.city);
  for (const d of meeting.disagreements ?? [])
    if (d.field === 'place') for (const v of d.values) cities.add(v.value);
  return cities;
}

/**
 * Whether a report and a stored meeting could end in one meeting by the merge rules, read from
 * the stored fields that hold exactly what the rules compare (all members' countries, levels
 * and cities): never false where the rules could say yes, so the scope is never too small.
 * An undated report needs the strong agreement of `strongMatch` (a shared level, one set of
 * countries inside the other by two thirds, no other city, the city itself without a
 * publication date). A dated one needs a shared pair (or its one country), no other level, and
 * a date in reach; a meeting with undated members is in reach further out, since a new dated
 * meeting those members also fit makes them leave it.
 */
function couldJoin(m: ArticleMeetingRecord, meeting: StoredMeeting): boolean {
  const codes = new Set(meeting.participants.countries.map(c => c.code));
  const levels = meeting.level ?? '';
  if (!sharesParties(m, new Set(meeting.countryCodes))) return false;
  if (m.levels.length > 0 && levels && !m.levels.some(l => levels.includes(l))) return false;
  if (!m.date.start) {
    if (m.levels.length === 0 || !levels) return false;
    if (m.countries.length >= 2) {
      const inside =
        m.countries.every(c => codes.has(c)) || [...codes].every(c => m.countries.includes(c));
      const shared = m.countries.filter(c => codes.has(c)).length;
      if (!inside || shared / (codes.size + m.countries.length - shared) < 2 / 3) return false;
    }
    const cities = citiesOf(meeting);
    if (m.city && cities.size > 0 && !cities.has(m.city)) return false;
    if (!m.published && !(m.city && cities.has(m.city))) return false;
    return inReach(m, meeting);
  }
  if (inReach(m, meeting)) return true;
  return meeting.mentions.some(x => !x.date.start) && inReach(m, meeting, UNDATED_REACH);
}

/**
 * Ids of the stored meetings the reports could join, by the `countryCodes` index: the key lists
 * of the reports' countries only (never a full table read), then the rows that share a pair of
 * a report's countries, kept when `couldJoin` says so.
 */
async function joinable(db: ReadoutDB, items: ArticleMeetingRecord[]): Promise<Set<string>> {
  const codes = [...new Set(items.flatMap(m => m.countries))];
  const codesOf = new Map<string, Set<string>>();
  await Promise.all(
    codes.map(async code => {
      for (const id of await db.meetings.where('countryCodes').equals(code).primaryKeys()) {
        const set = codesOf.get(id);
        if (set) set.add(code);
        else codesOf.set(id, new Set([code]));
      }
    }),
  );
  const byCode = new Map<string, ArticleMeetingRecord[]>();
  for (const m of items)
    for (const c of new Set(m.countries)) {
      const list = byCode.get(c);
      if (list) list.push(m);
      else byCode.set(c, [m]);
    }
  const ids = [...codesOf.entries()]
    .filter(([, set]) => [...set].some(c => byCode.get(c)?.some(m => sharesParties(m, set))))
    .map(([id]) => id);
  const found = new Set<string>();
  for (const meeting of await db.meetings.bulkGet(ids)) {
    if (!meeting) continue;
    const set = new Set(meeting.countryCodes);
    const near = [...set].flatMap(c => byCode.get(c) ?? []);
    const hit = near.some(m => couldJoin(m, meeting));
    if (hit) found.add(meeting.id);
  }
  return found;
}

/**
 * The scope of a change: `changed` articles (new or edited, with their current per-article
 * meetings in `items`) and `removed` ones (gone from the library). Returns an overflow when the
 * scope would pass `caps`, so the caller can split the change; nothing is cut silently.
 */
export async function mergeScope(
  db: ReadoutDB,
  change: { changed: string[]; removed: string[]; items: ArticleMeetingRecord[] },
  caps: { meetings: number; articles: number },
): Promise<MergeScope | ScopeOverflow> {
  const meetings = new Map<string, StoredMeeting>();
  const articles = new Set<string>(change.changed);
  const add = async (ids: Iterable<string>): Promise<string[]> => {
    const fresh = [...new Set(ids)].filter(id => !meetings.has(id));
    const rows = await db.meetings.bulkGet(fresh);
    const cited: string[] = [];
    for (const row of rows) {
      if (!row) continue;
      meetings.set(row.id, row);
      for (const a of row.articleIds)
        if (!articles.has(a)) {
          articles.add(a);
          cited.push(a);
        }
    }
    return cited;
  };
  const ofArticles = async (ids: string[]): Promise<string[]> =>
    ids.length === 0
      ? []
      : (await db.meetings.where('articleIds').anyOf(ids).primaryKeys()).map(String);
  let next = new Set([
    ...(await ofArticles([...change.changed, ...change.removed])),
    ...(await joinable(db, change.items)),
  ]);
  // Close the scope: every meeting of every cited article, so that the re-merged results cover
  // whole meetings; and every meeting an undated report of theirs could join, since such a
  // report joins a meeting only when exactly one fits, so all that fit must be merged together.
  while (next.size > 0) {
    const cited = await add(next);
    if (meetings.size > caps.meetings) return { overflow: 'meetings' };
    if (articles.size > caps.articles) return { overflow: 'articles' };
    const undated = (await db.articleMeetings.bulkGet(cited))
      .flatMap(r => r?.meetings ?? [])
      .filter(m => !m.date.start);
    next = new Set(
      [...(await ofArticles(cited)), ...(await joinable(db, undated))].filter(
        id => !meetings.has(id),
      ),
    );
  }
  if (meetings.size > caps.meetings) return { overflow: 'meetings' };
  if (articles.size > caps.articles) return { overflow: 'articles' };
  return { meetings: [...meetings.values()], articles };
}

/** The extraction date of a report, for ordering a change so that one step stays near in time. */
export function reportDay(m: Pick<ArticleMeetingRecord, 'date' | 'published'>): string {
  return m.date.start ?? m.published ?? isoDay(0);
}
