/**
 * Blocking for the cross-article merge: which existing meetings a new mention is compared with.
 * A mention is only ever compared with meetings that share a pair of its countries (or its one
 * country, person or organisation) AND a week of its date, so the work per mention depends on
 * how many meetings those countries held that week, never on the size of the library or on how
 * often a big country appears in it ("every meeting with the United States").
 *
 * Keys are numbers, `party × time`: a library of 100,000 articles registers a few million of
 * them, and building and hashing that many strings cost more than all the comparisons together.
 */
import type { MeetingDate } from '../contract/meeting';

const DAY_MS = 86_400_000;
/** Ranges wider than this are blocked by year rather than by week ("in 2023", "this spring"). */
const WIDE_DAYS = 70;
/** Ranges wider than this are too vague to block on at all; they merge as undated. */
export const MAX_BLOCK_DAYS = 2 * 366;
/** Undated reports of planned meetings look far ahead: they are blocked by 28-day spans. */
export const SPAN_DAYS = 28;

const dayCache = new Map<string, number>();

/** Days since 1970-01-01 of an ISO date (memoised: a library has few distinct days). */
export function dayNumber(iso: string): number {
  let n = dayCache.get(iso);
  if (n === undefined) {
    n = Math.floor(Date.parse(iso.slice(0, 10)) / DAY_MS);
    if (dayCache.size > 100_000) dayCache.clear();
    dayCache.set(iso, n);
  }
  return n;
}

/** The day range of a resolved date, or null when undated or too vague to block on. */
export function dayRange(d: MeetingDate): [number, number] | null {
  if (!d.start) return null;
  const lo = dayNumber(d.start);
  const hi = dayNumber(d.end ?? d.start);
  return hi - lo > MAX_BLOCK_DAYS ? null : [lo, hi];
}

/** What a mention is blocked by: its countries, people and organisations. */
export interface BlockParties {
  countries: string[];
  people: { name: string }[];
  organizations: string[];
}

const surnameCache = new Map<string, string>();

/**
 * Lower-cased last word of a name, without diacritics: "Sergey Lavrov" and "Lavrov" are the
 * same person, and so are "Erdoğan" and "Erdogan" (outlets differ in what they transliterate).
 * Memoised: a library names few distinct people, and this runs for every report.
 */
export function surname(name: string): string {
  let s = surnameCache.get(name);
  if (s === undefined) {
    const last = name.split(/\s+/).pop() ?? '';
    s = /^[ -~]*$/.test(last)
      ? last.toLowerCase()
      : last.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
    if (surnameCache.size > 100_000) surnameCache.clear();
    surnameCache.set(name, s);
  }
  return s;
}

/**
 * Whether two folded surnames are spellings of one name: equal, or, for names of four letters
 * or more, the same first letter and at most one edit in three letters ("Zelensky" and
 * "Zelenskyy", "Tiani" and "Tchiani"). Not used for blocking: only to tell people apart once
 * reports are compared, and to list a merged meeting's people once.
 */
export function sameSurname(a: string, b: string): boolean {
  if (a === b) return true;
  const longer = Math.max(a.length, b.length);
  if (Math.min(a.length, b.length) < 4 || a[0] !== b[0]) return false;
  const allowed = Math.max(1, Math.floor(longer / 3));
  if (Math.abs(a.length - b.length) > allowed) return false;
  return editDistance(a, b) <= allowed;
}

/** Levenshtein distance (two rows). */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length];
}

/** The kinds of time a key can name; each has its own range of time ids. */
const enum Time {
  Week = 0,
  Year = 1,
  /** The publication week of an undated report. */
  Published = 2,
  City = 3,
  /** A 28-day span of a dated meeting, for undated reports that look months ahead. */
  Span = 4,
}
const TIME_BITS = 2 ** 20;
const TIME_OFFSET = 2 ** 19;

const time = (kind: Time, value: number): number => kind * TIME_BITS + value + TIME_OFFSET;

const weekOf = (day: number): number => Math.floor(day / 7);
const spanOf = (day: number): number => Math.floor(day / SPAN_DAYS);

function weeks([lo, hi]: [number, number], out: number[]): number[] {
  for (let w = weekOf(lo); w <= weekOf(hi); w++) out.push(time(Time.Week, w));
  return out;
}

/** The calendar year of a day number, by integer arithmetic (no Date per lookup). */
export function yearOfDay(day: number): number {
  // Howard Hinnant's civil_from_days: eras of 400 years, years starting on 1 March.
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  return yoe + era * 400 + (mp >= 10 ? 1 : 0);
}

function years([lo, hi]: [number, number], out: number[]): number[] {
  const y0 = yearOfDay(lo);
  const y1 = yearOfDay(hi);
  for (let y = y0; y <= y1; y++) out.push(time(Time.Year, y));
  return out;
}

function spans([lo, hi]: [number, number], out: number[]): number[] {
  for (let s = spanOf(lo); s <= spanOf(hi); s++) out.push(time(Time.Span, s));
  return out;
}

/** The kinds of party a key can name, in the low bits of a party id. */
const enum Party {
  /** A meeting that names this country. */
  Country = 0,
  /** A meeting that names this country and no other. */
  One = 1,
  Pair = 2,
  Person = 3,
  Organisation = 4,
}
const PARTY_KINDS = 8;
/** Separates names in a signature; no name contains it. */
const SEP = '\u0001';
/** What a signature of countries alone ends with: two empty parts, each after `SEP + SEP`. */
const ONLY_COUNTRIES = SEP.repeat(4);
/** Countries beyond this many in one mention are not blocked on (pairs grow quadratically). */
const MAX_BLOCK_COUNTRIES = 8;

/** Set in `BlockKeys.levels` bits for a level beyond the first 30 of a merge. */
export const RARE_LEVEL = 1 << 30;

/** The party keys of one mention (see `BlockKeys.parties`). */
export interface MentionParties {
  // Shared between mentions of the same parties: never modify.
  /** What a dated mention looks meetings up by. */
  dated: number[];
  /** What an undated mention looks meetings up by. */
  undated: number[];
  /** What a meeting is registered under for dated lookups. */
  all: number[];
  /** What a meeting is registered under for undated lookups (a subset of `all`). */
  near: number[];
}

/**
 * Numeric block keys for one merge: countries, names and cities are numbered as they are first
 * seen, and a party key is `number × kind`, small enough to stay an unboxed integer. One
 * instance per merge, so numbers never leak between libraries.
 */
export class BlockKeys {
  private readonly countries = new Map<string, number>();
  private readonly names = new Map<string, number>();
  private readonly cities = new Map<string, number>();
  private readonly levelIds = new Map<string, number>();
  private readonly bySignature = new Map<string, MentionParties>();
  private readonly oneLevel = new Map<string, { bits: number; ids: readonly number[] }>();

  /**
   * Every party key of a mention. Lookups: a dated mention looks meetings up by each pair of
   * its countries, its people and organisations, its one country if it names only one, and,
   * if it names several, each of them as the only country of a meeting (a dated report can
   * match a meeting that names one of its countries alone). Two sets of two or more countries
   * with a Jaccard overlap of at least 0.5 always share a pair, so pair keys find every
   * candidate the rules accept while a mention of two countries never walks the list of every
   * meeting one of them held. An undated mention can only join a meeting that shares two of
   * its countries when it names several, or else one of its people: those are all it needs.
   */
  parties(m: BlockParties): MentionParties {
    // Most reports of a library name the same few sets of parties: compute each set once and
    // share its arrays (fewer objects for the collector to carry through a big merge).
    // The same signature, built without the intermediate arrays when it names only countries.
    const sig =
      m.people.length === 0 && m.organizations.length === 0
        ? m.countries.join(SEP) + ONLY_COUNTRIES
        : [
            m.countries.join(SEP),
            m.people.map(p => p.name).join(SEP),
            m.organizations.join(SEP),
          ].join(SEP + SEP);
    let out = this.bySignature.get(sig);
    if (!out) {
      out = this.compute(m);
      this.bySignature.set(sig, out);
    }
    return out;
  }

  private compute(m: BlockParties): MentionParties {
    const codes = [...new Set(m.countries)].sort().slice(0, MAX_BLOCK_COUNTRIES);
    const cs = codes.map(c => number(this.countries, c));
    const pairs: number[] = [];
    for (let i = 0; i < cs.length; i++)
      for (let k = i + 1; k < cs.length; k++)
        pairs.push(key(Math.min(cs[i], cs[k]) * 4096 + Math.max(cs[i], cs[k]), Party.Pair));
    const people = m.people.map(p => key(number(this.names, surname(p.name)), Party.Person));
    const orgs = m.organizations.map(o => key(number(this.names, o), Party.Organisation));
    const single = cs.length === 1 ? [key(cs[0], Party.Country)] : [];
    const ones = cs.length === 1 ? [key(cs[0], Party.One)] : cs.map(c => key(c, Party.One));
    const near = [...pairs, ...people];
    return {
      dated: [...(cs.length === 1 ? single : ones), ...pairs, ...people, ...orgs],
      undated: cs.length >= 2 ? pairs : people,
      all: [
        ...cs.map(c => key(c, Party.Country)),
        ...(cs.length === 1 ? ones : []),
        ...near,
        ...orgs,
      ],
      near,
    };
  }

  /**
   * Levels ("foreign ministers") as numbers and bits, so that comparing two meetings' levels
   * touches no strings: the first 30 distinct levels of a merge get a bit each; any later one
   * sets `RARE_LEVEL`, and the levels are then compared as strings.
   */
  levels(levels: readonly string[]): { bits: number; ids: readonly number[] } {
    // Most reports name one level: its numbers are computed once and shared (never modified).
    if (levels.length === 1) {
      let one = this.oneLevel.get(levels[0]);
      if (!one) this.oneLevel.set(levels[0], (one = this.levelsOf(levels)));
      return one;
    }
    return this.levelsOf(levels);
  }

  private levelsOf(levels: readonly string[]): { bits: number; ids: readonly number[] } {
    let bits = 0;
    const ids: number[] = [];
    for (const l of levels) {
      const n = number(this.levelIds, l);
      bits |= n < 30 ? 1 << n : RARE_LEVEL;
      if (!ids.includes(n)) ids.push(n);
    }
    return { bits, ids };
  }

  /** The time id of a city: reports that name the same city find each other without a date. */
  city(name: string): number {
    return time(Time.City, number(this.cities, name));
  }
}

const key = (n: number, kind: Party): number => n * PARTY_KINDS + kind;

function number(ids: Map<string, number>, name: string): number {
  let n = ids.get(name);
  if (n === undefined) {
    n = ids.size;
    ids.set(name, n);
  }
  return n;
}

/** Time ids a dated meeting is registered under: its weeks, or its years when it is wide. */
export function registerTimes(range: [number, number]): number[] {
  return range[1] - range[0] > WIDE_DAYS ? years(range, []) : weeks(range, []);
}

/** Its 28-day spans: where undated reports of planned meetings look for a dated meeting. */
export function spanTimes(range: [number, number]): number[] {
  return spans(range, []);
}

/** Time ids a dated mention looks up: its weeks, and the years of wide meetings it falls in. */
export function lookupTimes(range: [number, number]): number[] {
  return years(range, weeks(range, []));
}

/**
 * Time ids an undated report looks up for a meeting whose date may lie in `window`: its
 * 28-day spans (a report of a planned meeting looks six months ahead: 7 keys, not 27 weeks).
 */
export function windowTimes(window: [number, number]): number[] {
  return spans(window, []);
}

/** Levels beyond this many distinct ones in a merge share one time qualifier. */
const LEVEL_SLOTS = 32;

/**
 * Times qualified by level, for the keys undated reports look up: an undated report joins a
 * meeting only when they share a level, so it never visits the meetings of other levels held
 * by the same countries that half-year.
 */
export function withLevels(times: readonly number[], levels: readonly number[]): number[] {
  const out: number[] = [];
  for (const t of times) for (const l of levels) out.push(levelled(t, l));
  return out;
}

const levelled = (time: number, level: number): number =>
  time * LEVEL_SLOTS + Math.min(level, LEVEL_SLOTS - 1);

/** The time id of an undated report published on `day`, and those of the weeks around it. */
export function publishedTimes(day: number, aroundDays = 0): number[] {
  const out: number[] = [];
  for (let w = weekOf(day - aroundDays); w <= weekOf(day + aroundDays); w++)
    out.push(time(Time.Published, w));
  return out;
}

/**
 * An inverted index from `party × time` keys to the meetings registered under them, as a map
 * of maps so that every key stays a small integer (V8 boxes larger numbers, and a library
 * registers millions of keys). A lookup visits each meeting once however many keys it shares.
 */
export class BlockIndex<T extends { seen: number }> {
  private readonly lists = new Map<number, Map<number, T[]>>();
  private stamp = 0;

  /**
   * Registers `value` under every `party × time` combination. A meeting registering a key it
   * was the last to take (the next report of it, with the same parties) is not listed again;
   * other repeats cost a list entry, never a second visit.
   */
  add(parties: readonly number[], times: readonly number[], value: T): void {
    for (const p of parties) {
      const byTime = this.byParty(p);
      for (const t of times) this.put(byTime, t, value);
    }
  }

  /**
   * `add(parties, withLevels(times, levels), value)` without building the qualified times: a
   * merge of 100,000 reports registers a few hundred thousand such lists.
   */
  addLevelled(
    parties: readonly number[],
    times: readonly number[],
    levels: readonly number[],
    value: T,
  ): void {
    for (const p of parties) {
      const byTime = this.byParty(p);
      for (const t of times) for (const l of levels) this.put(byTime, levelled(t, l), value);
    }
  }

  private byParty(p: number): Map<number, T[]> {
    let byTime = this.lists.get(p);
    if (!byTime) {
      byTime = new Map();
      this.lists.set(p, byTime);
    }
    return byTime;
  }

  private put(byTime: Map<number, T[]>, t: number, value: T): void {
    const list = byTime.get(t);
    if (!list) byTime.set(t, [value]);
    else if (list[list.length - 1] !== value) list.push(value);
  }

  /** Calls `visit` once for each meeting under any `party × time` combination. */
  lookup(parties: readonly number[], times: readonly number[], visit: (value: T) => void): void {
    const stamp = ++this.stamp;
    for (const p of parties) {
      const byTime = this.lists.get(p);
      if (!byTime) continue;
      for (const t of times) {
        const list = byTime.get(t);
        if (!list) continue;
        for (const v of list)
          if (v.seen !== stamp) {
            v.seen = stamp;
            visit(v);
          }
      }
    }
  }
}
