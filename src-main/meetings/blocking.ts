/**
 * Blocking for the cross-article merge: which existing meetings a new mention is compared with.
 * A mention is only ever compared with meetings that share a pair of its countries (or its one
 * country, person or organisation) AND a week of its date, so the work per mention depends on
 * how many meetings those countries held that week, never on the size of the library or on how
 * often a big country appears in it ("every meeting with the United States").
 */
import type { MeetingDate } from '../contract/meeting';

const DAY_MS = 86_400_000;
/** Ranges wider than this are blocked by year rather than by week ("in 2023", "this spring"). */
const WIDE_DAYS = 70;
/** Ranges wider than this are too vague to block on at all; they merge as undated. */
export const MAX_BLOCK_DAYS = 2 * 366;

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

/** Lower-cased last word of a name: "Sergey Lavrov" and "Lavrov" are the same person. */
export function surname(name: string): string {
  return name.split(/\s+/).pop()?.toLowerCase() ?? '';
}

/**
 * Party keys a mention looks candidate meetings up by: each pair of its countries, its people and
 * organisations, and its one country (`c:`) if it names only one. Two sets of two or more
 * countries with a Jaccard overlap of at least 0.5 always share a pair, so pair keys find every
 * candidate the rules can accept while a mention of two countries never walks the list of every
 * meeting one of them held ("every meeting with the United States").
 */
export function lookupKeys(m: BlockParties): string[] {
  const cs = sortedCountries(m);
  const keys = cs.length === 1 ? [`c:${cs[0]}`] : cs.map(c => `one:${c}`);
  return [...keys, ...pairKeys(cs), ...personKeys(m)];
}

/**
 * Party keys a meeting is registered under, so that every `lookupKeys` of a possible match
 * finds it: `c:` for each of its countries, `one:` when it names only one, and its pairs.
 */
export function registerKeys(m: BlockParties): string[] {
  const cs = sortedCountries(m);
  const keys = cs.map(c => `c:${c}`);
  if (cs.length === 1) keys.push(`one:${cs[0]}`);
  return [...keys, ...pairKeys(cs), ...personKeys(m)];
}

function sortedCountries(m: BlockParties): string[] {
  return [...new Set(m.countries)].sort().slice(0, 8);
}

function pairKeys(cs: string[]): string[] {
  const keys: string[] = [];
  for (let i = 0; i < cs.length; i++)
    for (let k = i + 1; k < cs.length; k++) keys.push(`p:${cs[i]}|${cs[k]}`);
  return keys;
}

function personKeys(m: BlockParties): string[] {
  return [...m.people.map(p => `n:${surname(p.name)}`), ...m.organizations.map(o => `o:${o}`)];
}

/** Time keys of a day range: its weeks, or its years when the range is wide. */
export function timeKeys([lo, hi]: [number, number]): string[] {
  if (hi - lo > WIDE_DAYS) return yearKeys(lo, hi);
  const out: string[] = [];
  for (let w = Math.floor(lo / 7); w <= Math.floor(hi / 7); w++) out.push(`w${w}`);
  return out;
}

/** Every key a range must look up: its weeks, and the years of wide meetings it falls in. */
export function lookupTimeKeys([lo, hi]: [number, number]): string[] {
  const out: string[] = [];
  for (let w = Math.floor(lo / 7); w <= Math.floor(hi / 7); w++) out.push(`w${w}`);
  return [...out, ...yearKeys(lo, hi)];
}

function yearKeys(lo: number, hi: number): string[] {
  const out: string[] = [];
  const y0 = new Date(lo * DAY_MS).getUTCFullYear();
  const y1 = new Date(hi * DAY_MS).getUTCFullYear();
  for (let y = y0; y <= y1; y++) out.push(`y${y}`);
  return out;
}

/**
 * An inverted index from block keys to the clusters registered under them. Lists are
 * deduplicated on insert and lookups visit each cluster at most once per query.
 */
export class BlockIndex<T extends object> {
  private readonly lists = new Map<string, T[]>();
  private readonly sets = new Map<string, Set<T>>();

  add(key: string, value: T): void {
    let set = this.sets.get(key);
    if (!set) {
      set = new Set();
      this.sets.set(key, set);
      this.lists.set(key, []);
    }
    if (set.has(value)) return;
    set.add(value);
    this.lists.get(key)?.push(value);
  }

  /** Clusters under any of the keys, each once, in the order they were first registered. */
  lookup(keys: Iterable<string>): T[] {
    const seen = new Set<T>();
    const out: T[] = [];
    for (const k of keys)
      for (const v of this.lists.get(k) ?? [])
        if (!seen.has(v)) {
          seen.add(v);
          out.push(v);
        }
    return out;
  }
}

/** Every `party@time` combination. */
export function combine(parties: string[], times: string[]): string[] {
  const out: string[] = [];
  for (const p of parties) for (const t of times) out.push(`${p}@${t}`);
  return out;
}
