/**
 * The search index: one MiniSearch over articles, highlights and article notes. Documents carry
 * only what a hit needs to be placed (kind, article, highlight position); the text for snippets is
 * read from the database when results are shown, so the index stays small enough to persist.
 *
 * Tokenising and term normalisation are defined here once and shared with the snippet builder,
 * so that the words marked in a snippet are exactly the words the index matched.
 */
import MiniSearch, { type Options } from 'minisearch';
import type { ArticleNote, Highlight, StoredArticle } from '../db/db';
import { topHits, type RankedHit, type RankOptions } from './ranked';

export type SearchKind = 'article' | 'highlight' | 'article-note';

/** One indexed document. `id` is prefixed by kind so ids of different tables never collide. */
export interface SearchDoc {
  id: string;
  kind: SearchKind;
  articleId: string;
  title: string;
  text: string;
  note: string;
  tags: string;
  /** Highlights only: where the highlight sits in the article text. */
  start?: number;
  end?: number;
}

/** A ranked match, before its snippet is built. */
export interface SearchHit {
  id: string;
  kind: SearchKind;
  articleId: string;
  score: number;
  /** Normalised document terms that matched (after prefix and fuzzy expansion). */
  terms: string[];
  /** Highlights only. */
  position: { start: number; end: number } | null;
}

/** Runs of letters, digits and marks: everything the default MiniSearch tokenizer keeps. */
export const WORD = /[^\n\r\p{Z}\p{P}\p{S}\p{C}]+/gu;

// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\x00-\x7f]/;

/** Lower case without diacritics, so "Genève" is found by "geneve". */
export function normaliseTerm(term: string): string {
  // Most terms are ASCII; skipping Unicode normalisation for them halves the indexing cost.
  if (!NON_ASCII.test(term)) return term.toLowerCase();
  return term.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function tokenize(text: string): string[] {
  return text.match(WORD) ?? [];
}

/**
 * Index options. Changing anything that affects stored terms must bump INDEX_FORMAT in live.ts,
 * or a persisted index would be restored with terms the new code cannot find.
 */
export const INDEX_OPTIONS: Options<SearchDoc> = {
  fields: ['title', 'text', 'note', 'tags'],
  storeFields: ['kind', 'articleId', 'start', 'end'],
  tokenize,
  processTerm: term => normaliseTerm(term) || null,
  searchOptions: {
    // A one- or two-letter prefix expands to thousands of terms; it is slow and finds noise.
    prefix: term => term.length >= 3,
    fuzzy: 0.2,
    boost: { title: 3, tags: 2, note: 1.5 },
  },
};

export function createIndex(): MiniSearch<SearchDoc> {
  return new MiniSearch<SearchDoc>(INDEX_OPTIONS);
}

/**
 * Loads a serialized index. Synchronous on purpose: in Chromium `loadJSONAsync` took 4–5 times
 * longer for 10,000 articles (it yields between chunks), and the sync load is a fraction of a
 * second once at start.
 */
export function loadIndex(json: string): MiniSearch<SearchDoc> {
  return MiniSearch.loadJSON<SearchDoc>(json, INDEX_OPTIONS);
}

export function articleDoc(a: StoredArticle): SearchDoc {
  return {
    id: articleDocId(a.id),
    kind: 'article',
    articleId: a.id,
    title: a.title,
    text: a.text,
    note: '',
    tags: '',
  };
}

export function highlightDoc(h: Highlight): SearchDoc {
  return {
    id: highlightDocId(h.id),
    kind: 'highlight',
    articleId: h.articleId,
    title: '',
    text: h.quote.exact,
    note: h.note,
    tags: h.tags.join(' '),
    start: h.position.start,
    end: h.position.end,
  };
}

export function noteDoc(n: ArticleNote): SearchDoc {
  return {
    id: noteDocId(n.articleId),
    kind: 'article-note',
    articleId: n.articleId,
    title: '',
    text: '',
    note: n.text,
    tags: n.tags.join(' '),
  };
}

export const articleDocId = (id: string) => `a:${id}`;
export const highlightDocId = (id: string) => `h:${id}`;
export const noteDocId = (articleId: string) => `n:${articleId}`;

/** The record id inside its own table, from a document id. */
export function recordId(docId: string): string {
  return docId.slice(2);
}

const SEARCH = INDEX_OPTIONS.searchOptions!;
const PREFIX = SEARCH.prefix as (term: string) => boolean;

/**
 * The query passes of {@link searchIndex}, cheapest first: exact words and prefixes, all
 * required; then typos allowed too; then any word.
 */
const PASSES: Omit<RankOptions, 'fields' | 'boost'>[] = [
  { prefix: PREFIX, fuzzy: false, combineWith: 'AND' },
  { prefix: PREFIX, fuzzy: SEARCH.fuzzy as number, combineWith: 'AND' },
  { prefix: PREFIX, fuzzy: SEARCH.fuzzy as number, combineWith: 'OR' },
];

/** The query as the index's terms, tokenised and normalised as documents are. */
function queryTerms(query: string): string[] {
  return tokenize(query)
    .map(t => normaliseTerm(t))
    .filter(t => t.length > 0);
}

/**
 * Ranked hits for a query. All words must match, as written or as prefixes; only when no document
 * has them all are typos allowed (fuzzy matching), and only when still none matches are documents
 * with any of the words returned, so a typo in one word of several still finds something.
 * Fuzzy expansion is what made queries slow (38–44 ms p95 at 10,000 articles, see
 * e2e/bench/search-engines.ts): it now runs only for queries that need it, and a correctly
 * spelt "vienna" no longer drags in every "vienne". Each pass keeps only the best `limit`
 * documents (`ranked.ts`): ranking every match of a common word was the slow tail at 100,000.
 */
export function searchIndex(index: MiniSearch<SearchDoc>, query: string, limit = 50): SearchHit[] {
  const q = query.trim();
  if (!q) return [];
  const terms = queryTerms(q);
  for (const pass of PASSES) {
    const options = { ...pass, fields: INDEX_OPTIONS.fields, boost: SEARCH.boost ?? {} };
    const hits = topHits(index as MiniSearch<never>, terms, options, limit);
    if (hits === null) return fullSearch(index, q, limit);
    if (hits.length > 0) return hits.map(toHit);
  }
  return [];
}

/** MiniSearch's own search, used if its index is not shaped as `ranked.ts` expects. */
function fullSearch(index: MiniSearch<SearchDoc>, q: string, limit: number): SearchHit[] {
  for (const { fuzzy, combineWith } of PASSES) {
    const results = index.search(q, { prefix: PREFIX, fuzzy, combineWith });
    if (results.length > 0) {
      return results
        .slice(0, limit)
        .map(r => toHit({ id: String(r.id), score: r.score, terms: r.terms, stored: r }));
    }
  }
  return [];
}

function toHit(r: RankedHit): SearchHit {
  const kind = r.stored.kind as SearchKind;
  const start = r.stored.start as number | undefined;
  const end = r.stored.end as number | undefined;
  return {
    id: r.id,
    kind,
    articleId: r.stored.articleId as string,
    score: r.score,
    terms: r.terms,
    position: start !== undefined && end !== undefined ? { start, end } : null,
  };
}
