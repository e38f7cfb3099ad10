/**
 * The search index: one MiniSearch over articles, highlights and article notes. Documents carry
 * only what a hit needs to be placed (kind, article, highlight position); the text for snippets is
 * read from the database when results are shown, so the index stays small enough to persist.
 *
 * Tokenising and term normalisation are defined here once and shared with the snippet builder,
 * so that the words marked in a snippet are exactly the words the index matched.
 */
import MiniSearch, { type Options, type SearchOptions, type SearchResult } from 'minisearch';
import type { ArticleNote, Highlight, StoredArticle } from '../db/db';

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

/** Exact words and prefixes only: the first, cheap pass of {@link searchIndex}. */
const EXACT: SearchOptions = { prefix: INDEX_OPTIONS.searchOptions!.prefix, fuzzy: false };

/**
 * Ranked hits for a query. All words must match, as written or as prefixes; only when no document
 * has them all are typos allowed (fuzzy matching), and only when still none matches are documents
 * with any of the words returned, so a typo in one word of several still finds something.
 * Fuzzy expansion is what made queries slow (38–44 ms p95 at 10,000 articles, see
 * e2e/bench/search-engines.ts): it now runs only for queries that need it, and a correctly
 * spelt "vienna" no longer drags in every "vienne".
 */
export function searchIndex(index: MiniSearch<SearchDoc>, query: string, limit = 50): SearchHit[] {
  const q = query.trim();
  if (!q) return [];
  let results = index.search(q, { ...EXACT, combineWith: 'AND' });
  if (results.length === 0) results = index.search(q, { combineWith: 'AND' });
  if (results.length === 0) results = index.search(q, { combineWith: 'OR' });
  return results.slice(0, limit).map(toHit);
}

function toHit(r: SearchResult): SearchHit {
  const kind = r.kind as SearchKind;
  const start = r.start as number | undefined;
  const end = r.end as number | undefined;
  return {
    id: String(r.id),
    kind,
    articleId: r.articleId as string,
    score: r.score,
    terms: r.terms,
    position: start !== undefined && end !== undefined ? { start, end } : null,
  };
}
