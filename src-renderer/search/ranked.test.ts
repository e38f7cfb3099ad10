import MiniSearch, { type SearchResult } from 'minisearch';
import { describe, expect, it } from 'vitest';
import { INDEX_OPTIONS, normaliseTerm, type SearchDoc } from './index';
import { topHits, type RankedHit, type RankOptions } from './ranked';

/** A small seeded generator, so a failing library can be rebuilt from its seed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

// Words that share prefixes and lie one or two edits apart, so prefix and fuzzy expansion both
// find several index terms per query term; accented forms check that normalisation is shared.
const WORDS = [
  'talks',
  'talk',
  'talked',
  'talking',
  'summit',
  'summits',
  'summary',
  'minister',
  'ministers',
  'ministry',
  'vienna',
  'vienne',
  'genève',
  'geneva',
  'oslo',
  'osaka',
  'envoy',
  'envoys',
  'nuclear',
  'nucleus',
  'ceasefire',
  'cease',
  'trade',
  'traded',
  'trader',
  'tirade',
  'met',
  'meet',
  'meeting',
  'meetings',
  'border',
  'borders',
  'order',
  'sanctions',
  'sanction',
  'iran',
  'iraq',
  'israel',
];

function sentence(next: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(WORDS[Math.floor(next() ** 1.7 * WORDS.length)]);
  return out.join(' ');
}

/** A library of articles, highlights and notes with removals and replacements, as the app makes. */
function library(seed: number, size: number): MiniSearch<SearchDoc> {
  const next = rng(seed);
  // No vacuuming: it runs between tests and would clear the discarded postings this checks.
  const index = new MiniSearch<SearchDoc>({ ...INDEX_OPTIONS, autoVacuum: false });
  const kinds = ['article', 'highlight', 'article-note'] as const;
  const docs: SearchDoc[] = [];
  for (let i = 0; i < size; i++) {
    const kind = kinds[Math.floor(next() * 3)];
    docs.push({
      id: `${kind[0]}:${i}`,
      kind,
      articleId: String(i),
      title: kind === 'article' ? sentence(next, 1 + Math.floor(next() * 5)) : '',
      text: kind === 'article-note' ? '' : sentence(next, 3 + Math.floor(next() * 60)),
      note: kind === 'article' ? '' : sentence(next, Math.floor(next() * 8)),
      tags: next() < 0.3 ? sentence(next, 1 + Math.floor(next() * 2)) : '',
      ...(kind === 'highlight' ? { start: i, end: i + 10 } : {}),
    });
  }
  index.addAll(docs);
  // Discarded documents stay in the postings until vacuumed: they must not count or score.
  for (let i = 0; i < size; i += 7) index.discard(docs[i].id);
  for (let i = 3; i < size; i += 11) {
    if (i % 7 === 0) continue;
    index.replace({ ...docs[i], text: sentence(next, 10), title: docs[i].title && 'summit' });
  }
  return index;
}

const SEARCH = INDEX_OPTIONS.searchOptions!;
const FIELDS = INDEX_OPTIONS.fields;
const BOOST = SEARCH.boost ?? {};
const PREFIX = SEARCH.prefix as (term: string) => boolean;

function terms(query: string): string[] {
  return query
    .split(' ')
    .map(normaliseTerm)
    .filter(t => t.length > 0);
}

function options(fuzzy: number | false, combineWith: 'AND' | 'OR'): RankOptions {
  return { fields: FIELDS, boost: BOOST, prefix: PREFIX, fuzzy, combineWith };
}

function reference(index: MiniSearch<SearchDoc>, query: string, o: RankOptions): SearchResult[] {
  return index.search(query, { prefix: o.prefix, fuzzy: o.fuzzy, combineWith: o.combineWith });
}

/**
 * Top hits agree with MiniSearch's full ranking: the same scores in the same order, the same
 * documents wherever a score is not tied at the cut, and the same matched terms and stored fields.
 */
function expectSameRanking(ours: RankedHit[], theirs: SearchResult[], limit: number) {
  const expected = theirs.slice(0, limit);
  expect(ours.length).toBe(expected.length);
  ours.forEach((hit, i) => expect(hit.score).toBeCloseTo(expected[i].score, 9));
  const cut = expected.length === limit ? theirs[limit]?.score : undefined;
  const untied = (score: number) => cut === undefined || Math.abs(score - cut) > 1e-9;
  const byId = new Map(theirs.map(r => [String(r.id), r]));
  const ourIds = ours.filter(h => untied(h.score)).map(h => h.id);
  const theirIds = expected.filter(r => untied(r.score)).map(r => String(r.id));
  expect(new Set(ourIds)).toEqual(new Set(theirIds));
  for (const hit of ours) {
    const r = byId.get(hit.id);
    expect(r, `hit ${hit.id} is one of MiniSearch's results`).toBeDefined();
    expect(new Set(hit.terms)).toEqual(new Set(r!.terms));
    expect(hit.stored.kind).toBe(r!.kind);
    expect(hit.stored.articleId).toBe(r!.articleId);
    expect(hit.stored.start).toBe(r!.start);
  }
}

const QUERIES = [
  'talks',
  'talk',
  'summ',
  'meet',
  'minister talks',
  'vienna nuclear envoy',
  'geneve',
  'Genève summit',
  'tirade',
  'sanctoins',
  'iran iran',
  'iran talks iran',
  'met',
  'ceasefire border order trade',
  'oslo osaka',
  'zzz',
  'talks zzz',
];

describe('topHits', () => {
  for (const seed of [1, 2, 3]) {
    for (const [fuzzy, combineWith] of [
      [false, 'AND'],
      [0.2, 'AND'],
      [0.2, 'OR'],
      [false, 'OR'],
    ] as const) {
      it(`ranks as MiniSearch does (library ${seed}, fuzzy ${fuzzy}, ${combineWith})`, () => {
        // Two copies of one library: searching prunes discarded postings, so each side must
        // see the other's history, query after query.
        const ours = library(seed, 400);
        const theirs = library(seed, 400);
        const o = options(fuzzy, combineWith);
        for (const query of QUERIES) {
          for (const limit of [1, 10, 50]) {
            const hits = topHits(ours as MiniSearch<never>, terms(query), o, limit);
            expect(hits, query).not.toBeNull();
            expectSameRanking(hits!, reference(theirs, query, o), limit);
          }
        }
      });
    }
  }

  it('weights a document by how many of the query words it matches', () => {
    const index = new MiniSearch<SearchDoc>(INDEX_OPTIONS);
    const doc = (id: string, text: string): SearchDoc => ({
      id,
      kind: 'article',
      articleId: id,
      title: '',
      text,
      note: '',
      tags: '',
    });
    // "both" matches two words once each; "one" matches one word three times. Without the factor
    // for the number of words matched, "one" would rank first.
    index.addAll([doc('one', 'oslo oslo oslo forum'), doc('both', 'oslo talks forum agenda')]);
    const ranked = topHits(index as MiniSearch<never>, ['oslo', 'talks'], options(false, 'OR'), 10);
    expect(ranked!.map(h => h.id)).toEqual(['both', 'one']);
    expect(ranked!.map(h => h.id)).toEqual(
      reference(index, 'oslo talks', options(false, 'OR')).map(r => r.id),
    );
  });

  it('answers null when the index is not a MiniSearch it knows, so the caller can fall back', () => {
    const stranger = { search: () => [] } as unknown as MiniSearch<never>;
    expect(topHits(stranger, ['talks'], options(false, 'AND'), 10)).toBeNull();
  });

  it('returns nothing for an empty query or a word no document has', () => {
    const index = library(4, 50);
    expect(topHits(index as MiniSearch<never>, [], options(0.2, 'OR'), 10)).toEqual([]);
    expect(topHits(index as MiniSearch<never>, ['qqqqqq'], options(false, 'AND'), 10)).toEqual([]);
  });
});
