/**
 * Which stored meetings one change to the library can touch, read from the `meetings` indexes
 * (`scopeKeys`, by country and date window, and `articleIds`) without loading the table: the
 * meetings of the changed and removed articles, the meetings the changed articles' own meetings
 * could join (sharing a pair of their countries, or their one country, with a date in reach), and
 * then, until nothing new appears, every meeting of every article those meetings cite and every
 * meeting their undated reports could join. Re-merging exactly that scope gives what a merge of
 * the whole library gives (checked against the full merge on generated corpora in
 * `incremental.test.ts`), while a request stays the size of the change (issue 14).
 */
import type { ArticleMeetingRecord } from '../../src-main/contract/article-meetings';
import type { ReadoutDB, StoredMeeting } from '../db/db';
import {
  day,
  isoDay,
  NARROW_DAYS,
  scopeQueries,
  UNDATED_REACH,
  UNDATED_WINDOW,
  WIDE_DAYS,
} from './scope-keys';

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
export function couldJoin(m: ArticleMeetingRecord, meeting: StoredMeeting): boolean {
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
 * Ids of the stored meetings the reports could join, by the `scopeKeys` index (`scope-keys.ts`):
 * for each of the reports' countries, only the keys of meetings whose start is in a report's
 * window (never a full table read, nor every meeting of a country), then the rows that share a
 * pair of a report's countries, kept when `couldJoin` says so. A meeting in reach of a report is
 * found under each country it shares with it, so the pair check on the countries found is never
 * stricter than on the meeting's own.
 */
async function joinable(
  db: ReadoutDB,
  items: ArticleMeetingRecord[],
): Promise<Map<string, StoredMeeting>> {
  const codesOf = new Map<string, Set<string>>();
  await Promise.all(
    scopeQueries(items).map(async ({ country, query }) => {
      const where = db.meetings.where('scopeKeys');
      const found =
        'equals' in query
          ? where.equals(query.equals)
          : where.between(query.from, query.to, true, true);
      for (const id of await found.primaryKeys()) {
        const set = codesOf.get(id);
        if (set) set.add(country);
        else codesOf.set(id, new Set([country]));
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
  const found = new Map<string, StoredMeeting>();
  for (const meeting of await db.meetings.bulkGet(ids)) {
    if (!meeting) continue;
    const set = new Set(meeting.countryCodes);
    const near = [...set].flatMap(c => byCode.get(c) ?? []);
    const hit = near.some(m => couldJoin(m, meeting));
    if (hit) found.set(meeting.id, meeting);
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
  // `known`: rows `joinable` has read already, not read a second time.
  const add = async (
    ids: Iterable<string>,
    known: ReadonlyMap<string, StoredMeeting>,
  ): Promise<string[]> => {
    const fresh = [...new Set(ids)].filter(id => !meetings.has(id));
    const unread = fresh.filter(id => !known.has(id));
    const read = new Map((await db.meetings.bulkGet(unread)).flatMap(r => (r ? [[r.id, r]] : [])));
    const cited: string[] = [];
    for (const id of fresh) {
      const row = known.get(id) ?? read.get(id);
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
  let known = await joinable(db, change.items);
  let next = new Set([
    ...(await ofArticles([...change.changed, ...change.removed])),
    ...known.keys(),
  ]);
  // Close the scope: every meeting of every cited article, so that the re-merged results cover
  // whole meetings; and every meeting an undated report of theirs could join, since such a
  // report joins a meeting only when exactly one fits, so all that fit must be merged together.
  while (next.size > 0) {
    const cited = await add(next, known);
    if (meetings.size > caps.meetings) return { overflow: 'meetings' };
    if (articles.size > caps.articles) return { overflow: 'articles' };
    const undated = (await db.articleMeetings.bulkGet(cited))
      .flatMap(r => r?.meetings ?? [])
      .filter(m => !m.date.start);
    known = await joinable(db, undated);
    next = new Set([...(await ofArticles(cited)), ...known.keys()].filter(id => !meetings.has(id)));
  }
  if (meetings.size > caps.meetings) return { overflow: 'meetings' };
  if (articles.size > caps.articles) return { overflow: 'articles' };
  return { meetings: [...meetings.values()], articles };
}

/** The extraction date of a report, for ordering a change so that one step stays near in time. */
export function reportDay(m: Pick<ArticleMeetingRecord, 'date' | 'published'>): string {
  return m.date.start ?? m.published ?? isoDay(0);
}
