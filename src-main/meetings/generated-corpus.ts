/**
 * Generated corpora of per-article meetings for property tests and benchmarks of the merge: a
 * known set of real meetings, each reported by a few articles (some before it, some after, some
 * without a date of their own), so a merge can be checked against the truth at any size. Seeded:
 * the same seed gives the same corpus.
 */
import type { MeetingStatus } from '../contract/meeting';
import { prng } from '../testing/prng';
import type { MergeItem } from './merge';

const COUNTRIES =
  'AR AM AZ BR CL CN DE EG ES FR GH IN ID JP KE KZ MA MX NG PL PT SN TH TR UA UZ VN ZA'.split(' ');
const CITIES = ['Astana', 'Dakar', 'Hanoi', 'Lisbon', 'Lima', 'Nairobi', 'Oslo', 'Rabat', 'Seoul'];
const LEVELS = ['foreign ministers', 'heads of state', 'defence ministers', 'trade ministers'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const DAY_MS = 86_400_000;

/** One real meeting of the generated world. */
export interface TruthMeeting {
  countries: string[];
  city: string;
  level: string;
  /** ISO day. */
  day: string;
}

export interface CorpusOptions {
  meetings: number;
  /** Reports per meeting, at most; each meeting gets 1..this many. */
  reports?: number;
  /** Share of reports that give no date of their own (only a weekday, or nothing). */
  undatedShare?: number;
  /** Share of later dated reports that name the city (the first and undated ones always do). */
  cityShare?: number;
  /** Prefix of article ids, so two corpora never share an article. */
  prefix?: string;
  /** Pick from these instead of random meetings (e.g. every Monday of a year). */
  fixed?: (i: number) => Partial<TruthMeeting>;
  /** `pair@day` keys already taken (shared between corpora that are merged together). */
  used?: Set<string>;
}

export interface Corpus {
  items: MergeItem[];
  truth: TruthMeeting[];
  /** Index in `truth` of each item's meeting, by `itemKey`. */
  meetingOf: Map<string, number>;
}

/** Stable key of an item across shuffles: its article and its position there. */
export const itemKey = (m: MergeItem): string => `${m.articleId}#${m.order}`;

const iso = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/**
 * A corpus of `meetings` real meetings in 2023 between two or three countries, each reported by
 * a few articles published within a fortnight of it.
 */
export function generateCorpus(seed: number, options: CorpusOptions): Corpus {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const start = Date.parse('2023-01-01') / DAY_MS;
  const items: MergeItem[] = [];
  const truth: TruthMeeting[] = [];
  const meetingOf = new Map<string, number>();
  const prefix = options.prefix ?? 'g';
  const used = options.used ?? new Set<string>();
  for (let i = 0; i < options.meetings; i++) {
    const size = rand() < 0.8 ? 2 : 3;
    const countries: string[] = [];
    while (countries.length < size) {
      const c = pick(COUNTRIES);
      if (!countries.includes(c)) countries.push(c);
    }
    const t: TruthMeeting = {
      countries,
      city: pick(CITIES),
      level: pick(LEVELS),
      day: iso(start + Math.floor(rand() * 365)),
      ...options.fixed?.(i),
    };
    // Two meetings of one pair of countries on one day would be one meeting to any reader.
    const pairs = pairsOf(t.countries);
    while (pairs.some(p => used.has(`${p}@${t.day}`)))
      t.day = iso(Date.parse(t.day) / DAY_MS + 1 + Math.floor(rand() * 3));
    for (const p of pairs) used.add(`${p}@${t.day}`);
    truth.push(t);
    const day = Date.parse(t.day) / DAY_MS;
    const reports = 1 + Math.floor(rand() * (options.reports ?? 3));
    for (let r = 0; r < reports; r++) {
      const offset = Math.floor(rand() * 15) - 7;
      const published = day + offset;
      const status: MeetingStatus = offset >= 0 ? 'held' : 'scheduled';
      const undated = r > 0 && rand() < (options.undatedShare ?? 0.2);
      // An undated report is either an article without a publication date whose "on Monday"
      // cannot be resolved, or a dated article that gives no date for the meeting at all.
      const noPublished = undated && rand() < 0.5;
      const weekday = WEEKDAYS[((day % 7) + 7 + 4) % 7];
      const item: MergeItem = {
        articleId: `${prefix}${i}-${r}`,
        file: `gen/${prefix}${i}-${r}.txt`,
        published: noPublished ? null : iso(published),
        dateResolvedVia: null,
        mentions: [{ sentence: `Report ${r} of meeting ${i}.`, start: 0, end: 20 }],
        purpose: null,
        lastSentence: 0,
        order: 0,
        status,
        date: undated
          ? { start: null, end: null, precision: 'unknown', text: noPublished ? weekday : null }
          : { start: t.day, end: t.day, precision: 'day', text: t.day },
        monthHint: null,
        // Some reports name only two of three countries: they still agree strongly enough.
        countries: size === 3 && rand() < 0.3 && !undated ? countries.slice(0, 2) : [...countries],
        people: [],
        organizations: [],
        levels: [t.level],
        city: undated || r === 0 || rand() < (options.cityShare ?? 0.7) ? t.city : null,
        placeCountry: null,
        venue: null,
        separate: false,
      };
      items.push(item);
      meetingOf.set(itemKey(item), i);
    }
  }
  return { items, truth, meetingOf };
}

/**
 * Pairwise scores of a grouping against the corpus's truth: precision is the share of pairs of
 * reports put in one meeting that report one real meeting (a false merge of a big group costs
 * many pairs), recall the share of pairs of reports of one real meeting that were put together.
 * An empty side scores 1.
 */
export function scoreGroups(
  corpus: Corpus,
  groups: readonly MergeItem[][],
): { precision: number; recall: number } {
  const pairs = (n: number): number => (n * (n - 1)) / 2;
  const truthOf = (m: MergeItem): number => corpus.meetingOf.get(itemKey(m)) ?? -1;
  let together = 0;
  let right = 0;
  for (const g of groups) {
    together += pairs(g.length);
    const byTruth = new Map<number, number>();
    for (const m of g) byTruth.set(truthOf(m), (byTruth.get(truthOf(m)) ?? 0) + 1);
    for (const k of byTruth.values()) right += pairs(k);
  }
  const perTruth = new Map<number, number>();
  for (const m of corpus.items) perTruth.set(truthOf(m), (perTruth.get(truthOf(m)) ?? 0) + 1);
  let real = 0;
  for (const k of perTruth.values()) real += pairs(k);
  return {
    precision: together === 0 ? 1 : right / together,
    recall: real === 0 ? 1 : right / real,
  };
}

function pairsOf(cs: string[]): string[] {
  const s = [...cs].sort();
  const out: string[] = [];
  for (let i = 0; i < s.length; i++)
    for (let k = i + 1; k < s.length; k++) out.push(`${s[i]}|${s[k]}`);
  return out;
}

/** A seeded Fisher–Yates shuffle. */
export function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const rand = prng(seed);
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
