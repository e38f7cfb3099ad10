/**
 * The ten (or `limit`) best documents for a query, scored exactly as MiniSearch scores them, from
 * MiniSearch's own index, without building a result for every match.
 *
 * Why: `MiniSearch.search` makes an object (score, matched terms, matched fields, stored fields)
 * for every matching document and sorts them all. A common word at 100,000 articles matches
 * 90,000 documents, and those allocations made it the slow tail of every query mix (p95 250 ms
 * in Node, 77 ms in Chromium). Here the scores add up in a typed array indexed by MiniSearch's
 * short document id, a bounded heap keeps the best `limit`, and the matched terms and stored fields
 * are read only for those.
 *
 * The ranking is MiniSearch 7's: BM25+ per field with its default parameters, field boosts,
 * prefix and fuzzy weights, AND/OR combination and the "number of query terms matched" factor.
 * `ranked.test.ts` checks it against `MiniSearch.search` on generated libraries. It reads the
 * index's internal fields, so it first checks they have the shape it expects (MiniSearch is
 * pinned in package.json); if they do not, `topHits` answers null and the caller falls back to
 * `MiniSearch.search`.
 */
import type MiniSearch from 'minisearch';

/** fieldId → short document id → term frequency: one term's postings. */
type Postings = Map<number, Map<number, number>>;

interface TermTree {
  get(term: string): Postings | undefined;
  atPrefix(prefix: string): Iterable<[string, Postings]>;
  fuzzyGet(term: string, maxDistance: number): Map<string, [Postings, number]>;
}

/** The parts of a MiniSearch instance read here (private in its types, stable within 7.x). */
interface Internals {
  _index: TermTree;
  _documentIds: Map<number, unknown>;
  _storedFields: Map<number, Record<string, unknown> | undefined>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _fieldIds: Record<string, number>;
  _documentCount: number;
  _nextId: number;
  removeTerm(fieldId: number, doc: number, term: string): void;
}

function internalsOf(index: MiniSearch<never>): Internals | null {
  const m = index as unknown as Partial<Internals>;
  const tree = m._index as Partial<TermTree> | undefined;
  const ok =
    typeof tree?.get === 'function' &&
    typeof tree.atPrefix === 'function' &&
    typeof tree.fuzzyGet === 'function' &&
    m._documentIds instanceof Map &&
    m._storedFields instanceof Map &&
    m._fieldLength instanceof Map &&
    Array.isArray(m._avgFieldLength) &&
    typeof m._fieldIds === 'object' &&
    typeof m._documentCount === 'number' &&
    typeof m._nextId === 'number' &&
    typeof m.removeTerm === 'function';
  return ok ? (m as Internals) : null;
}

/** MiniSearch 7's defaults (`defaultSearchOptions`, `defaultBM25params`). */
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
const MAX_FUZZY = 6;
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };

export interface RankOptions {
  fields: readonly string[];
  boost: Readonly<Record<string, number>>;
  prefix: (term: string) => boolean;
  /** Edit distance as a fraction of the term's length (MiniSearch's `fuzzy: 0.2`), or false. */
  fuzzy: number | false;
  combineWith: 'AND' | 'OR';
}

export interface RankedHit {
  id: string;
  score: number;
  /** Document terms that matched (after prefix and fuzzy expansion). */
  terms: string[];
  stored: Record<string, unknown>;
}

/** One query term and every index term it stands for, with the weight each is scored at. */
interface Expansion {
  /** Which distinct query term this is (a repeated term counts once for the quality factor). */
  slot: number;
  derived: { term: string; weight: number; postings: Postings }[];
}

/** Scratch arrays reused across queries, grown to the index's id range. */
class Scratch {
  score = new Float64Array(0);
  /** Bit i: distinct query term i matched the document. */
  mask = new Uint32Array(0);
  /** `stamp[doc] === run` marks a document touched in this run. */
  stamp = new Uint32Array(0);
  touched = new Int32Array(0);
  count = 0;
  run = 0;

  begin(size: number) {
    if (this.score.length < size) {
      const grown = Math.max(size, this.score.length * 2);
      this.score = new Float64Array(grown);
      this.mask = new Uint32Array(grown);
      this.stamp = new Uint32Array(grown);
      this.touched = new Int32Array(grown);
      this.run = 0;
    }
    this.run += 1;
    if (this.run === 0xffffffff) {
      this.stamp.fill(0);
      this.run = 1;
    }
    this.count = 0;
  }

  add(doc: number, value: number, bit: number) {
    if (this.stamp[doc] !== this.run) {
      this.stamp[doc] = this.run;
      this.score[doc] = 0;
      this.mask[doc] = 0;
      this.touched[this.count++] = doc;
    }
    this.score[doc] += value;
    this.mask[doc] |= bit;
  }
}

const scratch = new Scratch();

// MiniSearch's `calcBM25Score`, split so that the logarithm is taken once per term and field.
function inverseFrequency(matching: number, total: number) {
  return Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
}

function bm25(idf: number, tf: number, length: number, average: number) {
  return (
    idf *
    (BM25.d + (tf * (BM25.k + 1)) / (tf + BM25.k * (1 - BM25.b + (BM25.b * length) / average)))
  );
}

/**
 * Which short ids are live, and every document's field lengths, in typed arrays. Reading them
 * from MiniSearch's maps cost two hash look-ups per posting, most of a common word's time.
 * A short id's field lengths never change (a re-added document gets a new id), so the table only
 * grows; which ids are live changes with every add, discard and remove, and the pair
 * (`_nextId`, `_documentCount`) never repeats across them (adds raise the first, removals lower
 * the second), so it says when to read the live set again.
 */
interface DocumentTable {
  nextId: number;
  count: number;
  width: number;
  alive: Uint8Array;
  lengths: Uint32Array;
}

const tables = new WeakMap<Internals, DocumentTable>();

function documentTable(m: Internals): DocumentTable {
  const width = Object.keys(m._fieldIds).length;
  let table = tables.get(m);
  if (table && table.nextId === m._nextId && table.count === m._documentCount) return table;
  const size = m._nextId + 1;
  const alive = new Uint8Array(size);
  let lengths = table?.lengths ?? new Uint32Array(0);
  const known = table ? table.nextId : 0;
  if (lengths.length < size * width) {
    const grown = new Uint32Array(Math.max(size * width, lengths.length * 2));
    grown.set(lengths);
    lengths = grown;
  }
  for (const doc of m._documentIds.keys()) {
    alive[doc] = 1;
    if (doc < known) continue;
    const fieldLengths = m._fieldLength.get(doc);
    if (fieldLengths)
      for (let f = 0; f < width; f++) lengths[doc * width + f] = fieldLengths[f] ?? 0;
  }
  table = { nextId: m._nextId, count: m._documentCount, width, alive, lengths };
  tables.set(m, table);
  return table;
}

function expand(tree: TermTree, term: string, slot: number, options: RankOptions): Expansion {
  const derived: Expansion['derived'] = [];
  const exact = tree.get(term);
  if (exact) derived.push({ term, weight: 1, postings: exact });
  const prefixed = options.prefix(term) ? [...tree.atPrefix(term)] : [];
  let fuzzy: Map<string, [Postings, number]> | null = null;
  if (options.fuzzy !== false) {
    const distance = Math.min(MAX_FUZZY, Math.round(term.length * options.fuzzy));
    if (distance) fuzzy = tree.fuzzyGet(term, distance);
  }
  for (const [other, postings] of prefixed) {
    const distance = other.length - term.length;
    if (!distance) continue;
    fuzzy?.delete(other);
    const weight = (PREFIX_WEIGHT * other.length) / (other.length + 0.3 * distance);
    derived.push({ term: other, weight, postings });
  }
  for (const [other, [postings, distance]] of fuzzy ?? []) {
    if (!distance) continue;
    derived.push({
      term: other,
      weight: (FUZZY_WEIGHT * other.length) / (other.length + distance),
      postings,
    });
  }
  return { slot, derived };
}

/**
 * The best `limit` documents for the processed query terms, best first; null when the index is
 * not shaped as expected (the caller then uses `MiniSearch.search`). Ties keep the order in which
 * documents were first reached, as MiniSearch's stable sort does for a single term.
 */
export function topHits(
  index: MiniSearch<never>,
  terms: readonly string[],
  options: RankOptions,
  limit: number,
): RankedHit[] | null {
  const m = internalsOf(index);
  if (!m) return null;
  const distinct = [...new Set(terms)];
  if (distinct.length > 31) return null;
  const expansions = terms.map(t => expand(m._index, t, distinct.indexOf(t), options));
  const fields = options.fields
    .map(name => ({ id: m._fieldIds[name], boost: options.boost[name] || 1 }))
    .filter(f => f.id !== undefined);

  const docs = documentTable(m);
  scratch.begin(m._nextId + 1);
  for (const { slot, derived } of expansions) {
    const bit = 1 << slot;
    for (const { term, weight, postings } of derived) {
      for (const field of fields) {
        const freqs = postings.get(field.id);
        if (!freqs) continue;
        // A discarded document stays in the postings until the index is vacuumed. MiniSearch
        // counts it out of the term's document frequency as it meets it, skips it and prunes it
        // (`removeTerm` lowers its frequency by one, or drops it), so a term met again, later in
        // this query or in another, scores against the pruned postings. Doing exactly the same
        // keeps the scores identical.
        let matching = freqs.size;
        let idf = inverseFrequency(matching, m._documentCount);
        const average = m._avgFieldLength[field.id];
        const boost = weight * field.boost;
        const column = field.id;
        freqs.forEach((tf, doc) => {
          if (!docs.alive[doc]) {
            m.removeTerm(column, doc, term);
            matching -= 1;
            idf = inverseFrequency(matching, m._documentCount);
            return;
          }
          const length = docs.lengths[doc * docs.width + column];
          scratch.add(doc, boost * bm25(idf, tf, length, average), bit);
        });
      }
    }
  }

  const all = distinct.length === 0 ? 0 : 2 ** distinct.length - 1;
  const best = new TopK(limit);
  for (let i = 0; i < scratch.count; i++) {
    const doc = scratch.touched[i];
    const mask = scratch.mask[doc];
    if (options.combineWith === 'AND' && mask !== all) continue;
    best.offer(doc, scratch.score[doc] * popcount(mask), i);
  }
  return best.sorted().map(({ doc, score }) => ({
    id: String(m._documentIds.get(doc)),
    score,
    terms: matchedTerms(expansions, doc),
    stored: m._storedFields.get(doc) ?? {},
  }));
}

function matchedTerms(expansions: Expansion[], doc: number): string[] {
  const out = new Set<string>();
  for (const { derived } of expansions) {
    for (const { term, postings } of derived) {
      if (out.has(term)) continue;
      for (const freqs of postings.values()) {
        if (freqs.has(doc)) {
          out.add(term);
          break;
        }
      }
    }
  }
  return [...out];
}

function popcount(x: number): number {
  let n = 0;
  for (let v = x; v; v &= v - 1) n += 1;
  return n;
}

interface Entry {
  doc: number;
  score: number;
  order: number;
}

/** A bounded min-heap: keeps the `limit` highest scores; the earlier document wins a tie. */
class TopK {
  private heap: Entry[] = [];
  constructor(private readonly limit: number) {}

  /** True when `a` ranks below `b`. */
  private static worse(a: Entry, b: Entry) {
    return a.score < b.score || (a.score === b.score && a.order > b.order);
  }

  offer(doc: number, score: number, order: number) {
    if (this.limit <= 0) return;
    const entry = { doc, score, order };
    const heap = this.heap;
    if (heap.length < this.limit) {
      heap.push(entry);
      this.up(heap.length - 1);
    } else if (TopK.worse(heap[0], entry)) {
      heap[0] = entry;
      this.down(0);
    }
  }

  sorted(): Entry[] {
    return [...this.heap].sort((a, b) => b.score - a.score || a.order - b.order);
  }

  private up(i: number) {
    const heap = this.heap;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!TopK.worse(heap[i], heap[parent])) break;
      [heap[i], heap[parent]] = [heap[parent], heap[i]];
      i = parent;
    }
  }

  private down(i: number) {
    const heap = this.heap;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let least = i;
      if (left < heap.length && TopK.worse(heap[left], heap[least])) least = left;
      if (right < heap.length && TopK.worse(heap[right], heap[least])) least = right;
      if (least === i) return;
      [heap[i], heap[least]] = [heap[least], heap[i]];
      i = least;
    }
  }
}
