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
  BlockKeys,
  RARE_LEVEL,
  dayNumber,
  type MentionParties,
  dayRange,
  lookupTimes,
  publishedTimes,
  registerTimes,
  sameSurname,
  spanTimes,
  surname,
  windowTimes,
  withLevels,
} from './blocking';
import { findDates, resolveDate } from './dates';
import type { ArticleMeeting } from './extract';
import { CARDINALS } from './number-words';

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

/**
 * An item with what the merge compares computed once. The fields a candidate is rejected by
 * most often sit on the object itself: at 100,000 reports every extra object a comparison
 * touches is a cache miss, and those misses were most of the merge's time.
 */
interface Mention {
  item: MergeItem;
  /** The article as a small number. */
  article: number;
  range: [number, number] | null;
  /** Sort keys: the range, or `UNDATED` for both. */
  lo: number;
  hi: number;
  /** Publication day, or null when the article has no date. */
  pub: number | null;
  /** Distinct countries (shared with the item: never modify). */
  countries: readonly string[];
  surnames: readonly string[];
  /** Its levels as bits and as numbers (see `BlockKeys.levels`; shared: never modify). */
  levels: number;
  levelIds: readonly number[];
  /** Its block keys (see `BlockKeys.parties`). */
  parties: MentionParties;
}

interface Cluster {
  /** Creation order: the tie-break between equally good candidates. */
  n: number;
  separate: boolean;
  /** Whether a member is dated; `lo` and `hi` are 0 until one is. */
  hasDate: boolean;
  /** Intersection of the dated members' day ranges. */
  lo: number;
  hi: number;
  /** The first member in canonical order; countries and organisations are compared with it. */
  seed: Mention;
  members: MergeItem[];
  articles: number[];
  // The lists below start as the seed's own (most meetings keep one report) and are replaced,
  // never modified, when a member adds to them: at 100,000 reports a copy of each for every
  // meeting was a third of the merge's memory, and the collector's work grows with it.
  levels: readonly string[];
  /** Its levels as bits and as numbers (see `BlockKeys.levels`). */
  levelBits: number;
  levelIds: readonly number[];
  cities: readonly string[];
  countries: readonly string[];
  surnames: readonly string[];
  /** Publication days of the undated members. */
  published: readonly number[];
  /** Pairs of members whose parties and times it is registered under (see `register`). */
  registered: Mention[];
  /** Lookup stamp (see `BlockIndex`). */
  seen: number;
}

const dated = (c: Cluster): boolean => c.hasDate;

const NONE: readonly string[] = [];
const NO_DAYS: readonly number[] = [];
/**
 * The sort key of an undated mention: after every day (day numbers stay far below it), and a
 * small integer, so that V8 keeps the field unboxed (an `Infinity` made it box every mention's).
 */
const UNDATED = 2 ** 30;

/** `xs` itself when its members are distinct (nearly always), else a copy without repeats. */
function distinct(xs: readonly string[]): readonly string[] {
  for (let i = 1; i < xs.length; i++)
    if (xs.lastIndexOf(xs[i], i - 1) >= 0) return [...new Set(xs)];
  return xs;
}

function prepare(item: MergeItem, keys: BlockKeys, article: number): Mention {
  const range = dayRange(item.date);
  // Shared with the item and between mentions of the same levels: read, never modified. At
  // 100,000 reports a copy of each was a fifth of what the merge allocated.
  const levels = keys.levels(item.levels);
  return {
    item,
    article,
    range,
    lo: range ? range[0] : UNDATED,
    hi: range ? range[1] : UNDATED,
    pub: item.published ? dayNumber(item.published) : null,
    countries: distinct(item.countries),
    surnames: item.people.length === 0 ? NONE : item.people.map(p => surname(p.name)),
    levels: levels.bits,
    levelIds: levels.ids,
    parties: keys.parties(item),
  };
}

/** Whether two members register a meeting under the same parties. */
function sameParties(a: Mention, b: Mention): boolean {
  const x = a.parties.all;
  const y = b.parties.all;
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

/** Whether two members register a meeting at the same times. */
const sameTimes = (a: Mention, b: Mention): boolean =>
  a.lo === b.lo && a.hi === b.hi && a.pub === b.pub && a.item.city === b.item.city;

/** Members of `a` that are in `b`. */
function common(a: readonly string[], b: readonly string[]): number {
  let n = 0;
  for (const x of a) if (b.includes(x)) n++;
  return n;
}

function jaccard(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const inter = common(a, b);
  return inter / (a.length + b.length - inter);
}

const overlaps = (a: [number, number], b: [number, number]): boolean =>
  a[0] <= b[1] && b[0] <= a[1];

const sharesPerson = (m: Mention, c: Cluster): boolean =>
  m.surnames.some(s => c.surnames.includes(s));

const sharesLevel = (m: Mention, c: Cluster): boolean =>
  ((m.levels | c.levelBits) & RARE_LEVEL) === 0
    ? (m.levels & c.levelBits) !== 0
    : m.item.levels.some(l => c.levels.includes(l));

/**
 * How well a dated mention matches a meeting; -1 when it cannot be the same meeting. The date
 * must overlap the meeting's range exactly: sources a few days apart are two meetings.
 */
function datedScore(m: Mention, c: Cluster): number {
  const range = m.range;
  if (!range || !c.hasDate || !(range[0] <= c.hi && c.lo <= range[1])) return -1;
  const item = m.item;
  if (item.separate !== c.separate) return -1;
  if (m.levels !== 0 && c.levelBits !== 0 && !sharesLevel(m, c)) return -1;
  const seed = c.seed;
  const j = jaccard(m.countries, seed.countries);
  const person = sharesPerson(m, c);
  const sameCity = Boolean(item.city && c.cities.includes(item.city));
  if (m.countries.length > 0 && seed.countries.length > 0) {
    if (j < 0.5) return -1;
    // A shared organisation alone ("ECOWAS delegation", "ECOWAS defence chiefs") ties two
    // reports together only in one city: the bloc holds many meetings in a week.
  } else if (
    !person &&
    !(sameCity && item.organizations.some(o => seed.item.organizations.includes(o)))
  )
    return -1;
  const cityClash = Boolean(item.city && c.cities.length > 0 && !sameCity);
  // A different city is kept as a disagreement only when the countries agree closely.
  if (cityClash && j < 0.75) return -1;
  if (c.articles.includes(m.article)) return -1;
  return j + (sameCity ? 0.5 : 0) + 0.5 + (person ? 0.3 : 0);
}

const namedIn = (s: string, names: readonly string[]): boolean =>
  names.some(x => sameSurname(x, s));

/**
 * Whether another article tells apart, as two meetings of that day, what the meeting's reports
 * tell as one: `m` and its sibling `s` (same article, overlapping dates) both fit `c`, and each
 * names one of `c`'s people the other does not ("the envoys met the junta leader and the ousted
 * president" against one report of each encounter). Which of the two `c` is can then not be
 * told, so `m` does not join it (nor does `s`, by the same test).
 */
function splitBySibling(m: Mention, c: Cluster, siblings: readonly Mention[]): boolean {
  const range = m.range;
  if (!range || m.surnames.length === 0) return false;
  const mine = c.surnames.filter(x => namedIn(x, m.surnames));
  if (mine.length === 0) return false;
  for (const s of siblings) {
    if (s === m || !s.range || !overlaps(s.range, range) || s.surnames.length === 0) continue;
    const theirs = c.surnames.filter(x => namedIn(x, s.surnames));
    if (!mine.some(x => !namedIn(x, s.surnames))) continue;
    if (!theirs.some(x => !namedIn(x, m.surnames))) continue;
    if (datedScore(s, c) >= 0) return true;
  }
  return false;
}

/**
 * The same test from the other side: `m` names two people of that day and `c` already holds a
 * report from an article that tells them apart, as `c` (naming one) and another meeting `s` of
 * that article (naming the other). Without it the outcome hung on which article sorted first: the
 * two-encounter report merged with one encounter whenever its article came second.
 */
function splitElsewhere(m: Mention, c: Cluster, namers: Map<number, Mention[]>): boolean {
  const range = m.range;
  if (!range || m.surnames.length < 2) return false;
  const mine = m.surnames.filter(x => namedIn(x, c.surnames));
  if (mine.length === 0) return false;
  for (const a of c.articles) {
    const list = namers.get(a);
    if (!list || list.length < 2) continue;
    for (const s of list) {
      if (!s.range || !overlaps(s.range, range) || c.members.includes(s.item)) continue;
      const theirs = m.surnames.filter(x => namedIn(x, s.surnames));
      if (theirs.length === 0) continue;
      if (mine.some(x => !theirs.includes(x)) && theirs.some(x => !mine.includes(x))) return true;
    }
  }
  return false;
}

/** The days an undated report's meeting can fall on, from its publication day and status. */
function windowOf(m: Mention): [number, number] | null {
  if (m.pub === null) return null;
  const [a, b] = m.item.status === 'held' ? HELD_WINDOW : PLANNED_WINDOW;
  return [m.pub + a, m.pub + b];
}

/**
 * Whether an undated mention agrees strongly enough with a meeting to be part of it: the same
 * countries (one set containing the other, overlapping by two thirds) or a shared person, a
 * shared level, no other city, and a publication date that fits the meeting's date (or, for an
 * article without one, the same city).
 */
function strongMatch(m: Mention, window: [number, number] | null, c: Cluster): boolean {
  const item = m.item;
  if (item.separate !== c.separate) return false;
  if (window && dated(c) && !(c.lo <= window[1] && window[0] <= c.hi)) return false;
  if (!sharesLevel(m, c)) return false;
  const sameCity = Boolean(item.city && c.cities.includes(item.city));
  if (item.city && c.cities.length > 0 && !sameCity) return false;
  const inter = common(m.countries, c.countries);
  if (m.countries.length >= 2) {
    const sub = inter === m.countries.length || inter === c.countries.length;
    if (!sub || inter / (m.countries.length + c.countries.length - inter) < 2 / 3) return false;
  } else if (!sharesPerson(m, c)) return false;
  // One country named: the meeting must be of that country alone.
  else if (m.countries.length === 1 && (inter !== 1 || c.countries.length !== 1)) return false;
  if (c.articles.includes(m.article)) return false;
  if (!window || m.pub === null) return sameCity;
  if (dated(c)) return !item.monthHint || monthsOf([c.lo, c.hi]).includes(item.monthHint);
  const pub = m.pub;
  return sameCity || c.published.some(p => Math.abs(p - pub) <= UNDATED_PUBLISHED_DAYS);
}

/**
 * Whether the words an undated article uses for the date ("on Monday") can mean the meeting's
 * date when read from the publication date of one of its dated reports.
 */
function readsAsMeetingDate(m: MergeItem, c: Cluster): boolean {
  const hit = m.date.text ? findDates(m.date.text)[0] : undefined;
  if (!hit || !dated(c)) return true;
  const range: [number, number] = [c.lo, c.hi];
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

const SIDES_WORDS: [RegExp, number][] = [
  [/\b(?:bilateral|two-way)\b/i, 2],
  [/\b(?:trilateral|tripartite|three-way|triangular)\b/i, 3],
  [/\b(?:quadrilateral|quadripartite|four-way)\b/i, 4],
];
const SIDED_RE = /\b([a-z]+)-(?:sided|way|party|nation)\s+(?:meeting|talks|summit|format)/gi;

/**
 * How many sides the report says its meeting has ("a tripartite meeting", "five-sided talks"),
 * when its sentences agree on one number; null when they give none or several.
 */
export function statedSides(item: MergeItem): number | null {
  const found = new Set<number>();
  for (const { sentence } of item.mentions) {
    for (const [re, n] of SIDES_WORDS) if (re.test(sentence)) found.add(n);
    for (const hit of sentence.matchAll(SIDED_RE)) {
      const n = CARDINALS[hit[1].toLowerCase()];
      if (n !== undefined) found.add(n);
    }
  }
  return found.size === 1 ? [...found][0] : null;
}

/**
 * Of several meetings that fit an undated report, the one with as many countries as the report
 * says its meeting has sides: "a tripartite meeting in Moscow" that names only two of the three
 * is the three-way summit, not the bilateral its hosts hold there that day.
 */
function bySides(m: Mention, pool: Cluster[]): Cluster[] {
  if (pool.length < 2) return pool;
  const sides = statedSides(m.item);
  if (sides === null) return pool;
  const counted = pool.filter(c => c.countries.length === sides);
  return counted.length === 1 ? counted : pool;
}

/** Canonical order: dated mentions by date, then undated ones; ties by article and position. */
function canonical(rank: readonly number[]): (a: Mention, b: Mention) => number {
  // The article ids compared as ranks counted once: a string comparison on each of the
  // 1.7 M calls that sort 100,000 reports was a twentieth of the merge.
  return (a, b) => {
    if (a.lo !== b.lo) return a.lo - b.lo;
    if (a.hi !== b.hi) return a.hi - b.hi;
    const x = a.item;
    const y = b.item;
    return (
      rank[a.article] - rank[b.article] ||
      x.order - y.order ||
      (x.mentions[0]?.start ?? 0) - (y.mentions[0]?.start ?? 0)
    );
  };
}

/** For each article number (`Mention.article`), its place in the order of the article ids. */
function articleRanks(articles: ReadonlyMap<string, number>): number[] {
  const rank = new Array<number>(articles.size);
  // Code-unit order, as `<` on strings, so the order is the one the ids themselves give.
  const ids = [...articles.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  ids.forEach((id, i) => (rank[articles.get(id) as number] = i));
  return rank;
}

/** `list` with the members of `xs` it lacks added in order: `list` itself when it lacks none. */
function withNew(list: readonly string[], xs: readonly string[]): readonly string[] {
  let out: string[] | null = null;
  for (const x of xs) if (!(out ?? list).includes(x)) (out ??= [...list]).push(x);
  return out ?? list;
}

/**
 * Groups article meetings into real-world meetings; each group has at most one item per article.
 * The grouping is a function of the set of items: any arrival order gives the same groups.
 */
export function clusterMeetings(items: MergeItem[]): MergeItem[][] {
  const clusters: Cluster[] = [];
  const keys = new BlockKeys();
  const index = new BlockIndex<Cluster>();
  /**
   * Registers `c` under the parties of `p` at the times of `t`, unless it is registered under
   * the same already: most reports of a meeting name the same parties, date and place.
   */
  const registerAs = (c: Cluster, p: Mention, t: Mention): void => {
    const r = c.registered;
    for (let i = 0; i < r.length; i += 2)
      if (sameParties(r[i], p) && sameTimes(r[i + 1], t)) return;
    r.push(p, t);
    registerUnder(c, p, t);
  };
  const registerUnder = (c: Cluster, p: Mention, t: Mention): void => {
    if (t.range) index.add(p.parties.all, registerTimes(t.range), c);
    registerNear(c, p, t, c.levelIds);
  };
  /**
   * The keys undated reports find `c` by: the parties of `p` at the spans of a dated `t` or the
   * publication week of an undated one, and at its city, for each of `levels`.
   */
  const registerNear = (c: Cluster, p: Mention, t: Mention, levels: readonly number[]): void => {
    index.addLevelled(p.parties.near, nearTimes(t), levels, c);
  };
  const nearTimes = (t: Mention): number[] => {
    const times = t.range ? spanTimes(t.range) : t.pub !== null ? publishedTimes(t.pub) : [];
    if (t.item.city) times.push(keys.city(t.item.city));
    return times;
  };
  // A meeting is found by every member's parties at every member's times, and by its seed's.
  const register = (c: Cluster, m: Mention): void => {
    registerAs(c, m, m);
    registerAs(c, c.seed, m);
    registerAs(c, m, c.seed);
  };
  const join = (c: Cluster, m: Mention): void => {
    const item = m.item;
    c.members.push(item);
    c.articles.push(m.article);
    const range = m.range;
    if (range) {
      const was = c.hasDate;
      c.lo = was ? Math.max(c.lo, range[0]) : range[0];
      c.hi = was ? Math.min(c.hi, range[1]) : range[1];
      c.hasDate = true;
    } else if (m.pub !== null) c.published = [...c.published, m.pub];
    c.levels = withNew(c.levels, item.levels);
    c.levelBits |= m.levels;
    let added: number[] | null = null;
    for (const l of m.levelIds) if (!c.levelIds.includes(l)) (added ??= []).push(l);
    if (added) {
      c.levelIds = [...c.levelIds, ...added];
      // A new level: undated reports of it must find the meeting wherever the others do.
      for (let i = 0; i < c.registered.length; i += 2)
        registerNear(c, c.registered[i], c.registered[i + 1], added);
    }
    if (item.city && !c.cities.includes(item.city)) c.cities = [...c.cities, item.city];
    c.countries = withNew(c.countries, m.countries);
    c.surnames = withNew(c.surnames, m.surnames);
    register(c, m);
  };
  /**
   * A meeting of one report: what `join` would make of an empty meeting, with every list built
   * at its size (most meetings keep one report, and a list grown by `push` reserves 17 slots).
   */
  const create = (m: Mention): void => {
    const item = m.item;
    const range = m.range;
    const c: Cluster = {
      n: clusters.length,
      separate: item.separate,
      hasDate: range !== null,
      lo: range ? range[0] : 0,
      hi: range ? range[1] : 0,
      seed: m,
      members: [item],
      articles: [m.article],
      levels: distinct(item.levels),
      levelBits: m.levels,
      levelIds: m.levelIds,
      cities: item.city ? [item.city] : NONE,
      countries: m.countries,
      surnames: distinct(m.surnames),
      published: !range && m.pub !== null ? [m.pub] : NO_DAYS,
      // `register(c, m)` for a meeting of one report: the seed is `m`.
      registered: [m, m],
      seen: 0,
    };
    clusters.push(c);
    registerUnder(c, m, m);
  };

  const articles = new Map<string, number>();
  const prepared = items.map(item => {
    let a = articles.get(item.articleId);
    if (a === undefined) articles.set(item.articleId, (a = articles.size));
    return prepare(item, keys, a);
  });
  // The dated reports of each article that name people, for `splitBySibling`.
  const namers = new Map<number, Mention[]>();
  for (const m of prepared) {
    if (!m.range || m.surnames.length === 0) continue;
    const list = namers.get(m.article);
    if (list) list.push(m);
    else namers.set(m.article, [m]);
  }
  const noSiblings: Mention[] = [];
  for (const m of prepared.sort(canonical(articleRanks(articles)))) {
    if (m.range) {
      const siblings = namers.get(m.article) ?? noSiblings;
      let best: Cluster | null = null;
      let bestScore = -1;
      index.lookup(m.parties.dated, lookupTimes(m.range), c => {
        const s = datedScore(m, c);
        if (s < 0 || s < bestScore || (s === bestScore && best && c.n > best.n)) return;
        if (siblings.length > 1 && splitBySibling(m, c, siblings)) return;
        if (splitElsewhere(m, c, namers)) return;
        bestScore = s;
        best = c;
      });
      if (best && bestScore >= 0) join(best, m);
      else create(m);
      continue;
    }
    const near: number[] = [];
    const window = windowOf(m);
    if (window && m.pub !== null)
      near.push(...windowTimes(window), ...publishedTimes(m.pub, UNDATED_PUBLISHED_DAYS));
    if (m.item.city) near.push(keys.city(m.item.city));
    const times = withLevels(near, m.levelIds);
    const strong: Cluster[] = [];
    // Without a level it can never agree strongly: there is nothing to look up.
    if (m.levels !== 0)
      index.lookup(m.parties.undated, times, c => {
        if (strongMatch(m, window, c)) strong.push(c);
      });
    const datedPool = strong.filter(dated);
    const fitting = datedPool.length > 0 ? datedPool : strong;
    // The place agrees strongly only with a meeting that names the report's city: one such
    // meeting beats others that name no city (a three-way summit in the city over the
    // bilateral its hosts hold that day, reported without a place).
    const city = m.item.city;
    const inCity = city && fitting.length > 1 ? fitting.filter(c => c.cities.includes(city)) : [];
    const pool = bySides(m, inCity.length === 1 ? inCity : fitting);
    // Two meetings that both fit: which one the report means is a guess, so it stays apart.
    // Without a publication date the article's "on Monday" could mean any Monday: it must
    // read as the date of the one meeting that fits, never pick between several.
    if (pool.length === 1 && (m.pub !== null || readsAsMeetingDate(m.item, pool[0])))
      join(pool[0], m);
    else create(m);
  }
  return clusters.map(c => c.members);
}
