/**
 * Cross-article merging: mentions of one real-world meeting in different articles become one
 * meeting. The rules protect meetings that are already right:
 * - two mentions whose dates cannot overlap are never one meeting: every dated member of a
 *   meeting overlaps every other (the meeting keeps the intersection of their ranges);
 * - an undated mention joins a meeting only when participants, level and place agree strongly,
 *   its article's publication date fits the meeting's date, and exactly one meeting qualifies;
 * - the result depends only on the set of mentions, not on the order articles arrived in, and a
 *   mention is compared only with meetings in its blocks (shared countries × the weeks of its
 *   date, see `blocking.ts`), so a library of 100,000 articles merges in near-linear time.
 */
import type { MeetingConfidence, MeetingOutcome } from '../contract/meeting';
import {
  BlockIndex,
  combine,
  dayNumber,
  dayRange,
  lookupTimeKeys,
  lookupKeys,
  registerKeys,
  surname,
  timeKeys,
} from './blocking';
import { findDates, resolveDate } from './dates';
import type { ArticleMeeting } from './extract';

/**
 * An article's meeting as the merge reads it. `outcome` and `confidence` are set by extractors
 * that report them; both are optional so that older cached results still merge.
 */
export type MergeItem = Omit<ArticleMeeting, 'outcome' | 'confidence'> & {
  outcome?: MeetingOutcome | null;
  confidence?: MeetingConfidence;
};

export interface Disagreement {
  field: 'date' | 'place' | 'status';
  values: { value: string; file: string }[];
}

/** How far from its article's publication date a meeting can be, by what the article says. */
const HELD_WINDOW: [number, number] = [-30, 1];
const PLANNED_WINDOW: [number, number] = [-3, 180];
/** Two undated reports of one meeting were published within this many days of each other. */
const UNDATED_PUBLISHED_DAYS = 7;

interface Cluster {
  /** Creation order: the tie-break between equally good candidates. */
  n: number;
  /** The first member in canonical order; countries and people are compared with it. */
  seed: MergeItem;
  members: MergeItem[];
  articles: Set<string>;
  /** Intersection of the dated members' day ranges; null while no member is dated. */
  range: [number, number] | null;
  levels: Set<string>;
  cities: Set<string>;
  countries: Set<string>;
  surnames: Set<string>;
  /** Publication days of the undated members. */
  published: number[];
  /** Signatures of the members whose keys are registered already. */
  registered: Set<string>;
}

function jaccard(a: Iterable<string>, b: Iterable<string>): number {
  const sa = new Set(a);
  const sb = new Set(b);
  if (sa.size === 0 || sb.size === 0) return 0;
  let inter = 0;
  for (const x of sa) if (sb.has(x)) inter++;
  return inter / (sa.size + sb.size - inter);
}

const overlaps = (a: [number, number], b: [number, number], slack = 0): boolean =>
  a[0] <= b[1] + slack && b[0] <= a[1] + slack;

const sharesPerson = (m: MergeItem, c: Cluster): boolean =>
  m.people.some(p => c.surnames.has(surname(p.name)));

const sharesLevel = (m: MergeItem, c: Cluster): boolean => m.levels.some(l => c.levels.has(l));

/**
 * How well a dated mention matches a meeting; -1 when it cannot be the same meeting. The date
 * must overlap the meeting's range exactly: sources a few days apart are two meetings.
 */
function datedScore(m: MergeItem, c: Cluster): number {
  const range = dayRange(m.date);
  if (!range || !c.range || !overlaps(range, c.range)) return -1;
  if (c.articles.has(m.articleId) || m.separate !== c.seed.separate) return -1;
  if (m.levels.length > 0 && c.levels.size > 0 && !sharesLevel(m, c)) return -1;
  const j = jaccard(m.countries, c.seed.countries);
  const person = sharesPerson(m, c);
  const org = m.organizations.some(o => c.seed.organizations.includes(o));
  const sameCity = Boolean(m.city && c.cities.has(m.city));
  if (m.countries.length > 0 && c.seed.countries.length > 0) {
    if (j < 0.5) return -1;
    // A shared organisation alone ("ECOWAS delegation", "ECOWAS defence chiefs") ties two
    // reports together only in one city: the bloc holds many meetings in a week.
  } else if (!person && !(org && sameCity)) return -1;
  const cityClash = Boolean(m.city && c.cities.size > 0 && !sameCity);
  // A different city is kept as a disagreement only when the countries agree closely.
  if (cityClash && j < 0.75) return -1;
  return j + (sameCity ? 0.5 : 0) + 0.5 + (person ? 0.3 : 0);
}

/**
 * Whether an undated mention agrees strongly enough with a meeting to be part of it: the same
 * countries (one set containing the other, overlapping by two thirds) or a shared person, a
 * shared level, no other city, and a publication date that fits the meeting's date (or, for an
 * article without one, the same city).
 */
function strongMatch(m: MergeItem, c: Cluster): boolean {
  if (c.articles.has(m.articleId) || m.separate !== c.seed.separate) return false;
  const cs = [...c.countries];
  if (m.countries.length >= 2) {
    const sub =
      m.countries.every(x => c.countries.has(x)) || cs.every(x => m.countries.includes(x));
    if (!sub || jaccard(m.countries, cs) < 2 / 3) return false;
  } else if (!sharesPerson(m, c) || jaccard(m.countries, cs) < (m.countries.length > 0 ? 1 : 0))
    return false;
  if (!sharesLevel(m, c)) return false;
  if (m.city && c.cities.size > 0 && !c.cities.has(m.city)) return false;
  const sameCity = Boolean(m.city && c.cities.has(m.city));
  if (!m.published) return sameCity;
  const pub = dayNumber(m.published);
  if (c.range) {
    const [a, b] = m.status === 'held' ? HELD_WINDOW : PLANNED_WINDOW;
    if (!overlaps(c.range, [pub + a, pub + b])) return false;
    if (m.monthHint && !monthsOf(c.range).includes(m.monthHint)) return false;
    return true;
  }
  return sameCity || c.published.some(p => Math.abs(p - pub) <= UNDATED_PUBLISHED_DAYS);
}

/**
 * Whether the words an undated article uses for the date ("on Monday") can mean the meeting's
 * date when read from the publication date of one of its dated reports.
 */
function readsAsMeetingDate(m: MergeItem, c: Cluster): boolean {
  const hit = m.date.text ? findDates(m.date.text)[0] : undefined;
  if (!hit || !c.range) return true;
  const range = c.range;
  return c.members.some(s => {
    if (!s.published) return false;
    const r = dayRange(resolveDate(hit, s.published, m.status === 'held' ? 'past' : 'future'));
    return !r || overlaps(r, range);
  });
}

/** The months (1–12) a day range touches; all twelve once it spans a year. */
function monthsOf([lo, hi]: [number, number]): number[] {
  const out = new Set<number>();
  for (let d = lo; d <= hi && out.size < 12; d += 28)
    out.add(new Date(d * 86_400_000).getUTCMonth() + 1);
  out.add(new Date(hi * 86_400_000).getUTCMonth() + 1);
  return [...out];
}

/** Canonical order: dated mentions by date, then undated ones; ties by article and position. */
function canonical(a: MergeItem, b: MergeItem): number {
  const ra = dayRange(a.date);
  const rb = dayRange(b.date);
  if (ra && !rb) return -1;
  if (!ra && rb) return 1;
  if (ra && rb && (ra[0] !== rb[0] || ra[1] !== rb[1])) return ra[0] - rb[0] || ra[1] - rb[1];
  return (
    (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : 0) ||
    a.order - b.order ||
    (a.mentions[0]?.start ?? 0) - (b.mentions[0]?.start ?? 0)
  );
}

function undatedLookup(m: MergeItem): string[] {
  const parties = lookupKeys(m);
  const times: string[] = [];
  if (m.published) {
    const pub = dayNumber(m.published);
    const [a, b] = m.status === 'held' ? HELD_WINDOW : PLANNED_WINDOW;
    times.push(...lookupTimeKeys([pub + a, pub + b]));
    for (let w = Math.floor((pub - 7) / 7); w <= Math.floor((pub + 7) / 7); w++)
      times.push(`u${w}`);
  }
  if (m.city) times.push(`city:${m.city}`);
  return combine(parties, times);
}

/**
 * Groups article meetings into real-world meetings; each group has at most one item per article.
 * The grouping is a function of the set of items: any arrival order gives the same groups.
 */
export function clusterMeetings(items: MergeItem[]): MergeItem[][] {
  const clusters: Cluster[] = [];
  const index = new BlockIndex<Cluster>();
  const register = (c: Cluster, m: MergeItem): void => {
    // Many reports of one meeting name the same parties, date and place: register those once.
    const sig = [
      m.countries.join(),
      m.people.map(p => p.name).join(),
      m.organizations.join(),
      m.date.start,
      m.date.end,
      m.date.start ? '' : m.published,
      m.city,
    ].join('|');
    if (c.registered.has(sig)) return;
    c.registered.add(sig);
    const parties = registerKeys(m);
    const times: string[] = [];
    const range = dayRange(m.date);
    if (range) times.push(...timeKeys(range));
    else if (m.published) times.push(`u${Math.floor(dayNumber(m.published) / 7)}`);
    if (m.city) times.push(`city:${m.city}`);
    // A meeting is found by every member's parties at every member's times.
    for (const k of combine(parties, times)) index.add(k, c);
    if (c.members.length > 1) {
      for (const k of combine(registerKeys(c.seed), times)) index.add(k, c);
      const seedTimes = dayRange(c.seed.date);
      if (seedTimes) for (const k of combine(parties, timeKeys(seedTimes))) index.add(k, c);
    }
  };
  const join = (c: Cluster, m: MergeItem): void => {
    c.members.push(m);
    c.articles.add(m.articleId);
    const range = dayRange(m.date);
    if (range)
      c.range = c.range ? [Math.max(c.range[0], range[0]), Math.min(c.range[1], range[1])] : range;
    else if (m.published) c.published.push(dayNumber(m.published));
    for (const l of m.levels) c.levels.add(l);
    if (m.city) c.cities.add(m.city);
    for (const x of m.countries) c.countries.add(x);
    for (const p of m.people) c.surnames.add(surname(p.name));
    register(c, m);
  };
  const create = (m: MergeItem): void => {
    const c: Cluster = {
      n: clusters.length,
      seed: m,
      members: [],
      articles: new Set(),
      range: null,
      levels: new Set(),
      cities: new Set(),
      countries: new Set(),
      surnames: new Set(),
      published: [],
      registered: new Set(),
    };
    clusters.push(c);
    join(c, m);
  };

  for (const m of [...items].sort(canonical)) {
    const range = dayRange(m.date);
    if (range) {
      let best: Cluster | null = null;
      let bestScore = -1;
      for (const c of index.lookup(combine(lookupKeys(m), lookupTimeKeys(range)))) {
        const s = datedScore(m, c);
        if (s > bestScore || (s === bestScore && best && c.n < best.n)) {
          bestScore = s;
          best = c;
        }
      }
      if (best && bestScore >= 0) join(best, m);
      else create(m);
      continue;
    }
    const strong = index.lookup(undatedLookup(m)).filter(c => strongMatch(m, c));
    const dated = strong.filter(c => c.range);
    const pool = dated.length > 0 ? dated : strong;
    // Two meetings that both fit: which one the report means is a guess, so it stays apart.
    // Without a publication date the article's "on Monday" could mean any Monday: it must
    // read as the date of the one meeting that fits, never pick between several.
    if (pool.length === 1 && (m.published || readsAsMeetingDate(m, pool[0]))) join(pool[0], m);
    else create(m);
  }
  return clusters.map(c => c.members);
}
