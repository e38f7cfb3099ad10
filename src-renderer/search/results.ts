/**
 * Turns index hits into what the search box shows: the article's title, a snippet with the
 * matched words, and the range to mark when the analyst jumps to the hit.
 */
import type { ArticleNote, Highlight, ReadoutDB, StoredArticle } from '../db/db';
import { recordId, type SearchHit, type SearchKind } from './index';
import { noteText } from './note-text';
import {
  bestMatch,
  buildSnippet,
  firstMatch,
  markWords,
  SNIPPET_BEFORE,
  SNIPPET_LENGTH,
  type Segment,
} from './snippets';

export interface SearchResultItem {
  id: string;
  kind: SearchKind;
  articleId: string;
  articleTitle: string;
  /** The title with the matched words marked. */
  title: Segment[];
  snippet: Segment[];
  /** What to mark in the article; null opens the article at its top (title or note matches). */
  range: { start: number; end: number } | null;
  tags: string[];
}

/** The records a hit refers to. `article` may be missing for a highlight of a deleted article. */
export interface HitSources {
  article?: StoredArticle;
  highlight?: Highlight;
  note?: ArticleNote;
}

/** The span buildSnippet's default window gives the passage after its lead-in. */
const SNIPPET_SPAN = SNIPPET_LENGTH - SNIPPET_BEFORE;

/** Pure: snippet and jump range for one hit, from its records. */
export function describeHit(hit: SearchHit, src: HitSources): SearchResultItem {
  const terms = new Set(hit.terms);
  const articleTitle = src.article?.title ?? 'Missing article';
  const base = {
    id: hit.id,
    kind: hit.kind,
    articleId: hit.articleId,
    articleTitle,
    title:
      hit.kind === 'article'
        ? markWords(articleTitle, terms)
        : [{ text: articleTitle, match: false }],
  };
  if (hit.kind === 'article') {
    const text = src.article?.text ?? '';
    return {
      ...base,
      snippet: buildSnippet(text, terms),
      // The passage the snippet shows, so the jump lands where the analyst just read.
      range: bestMatch(text, terms, SNIPPET_SPAN),
      tags: [],
    };
  }
  if (hit.kind === 'highlight') {
    const h = src.highlight;
    const quote = h?.quote.exact ?? '';
    const note = noteText(h?.note ?? '');
    const source = firstMatch(quote, terms) || !firstMatch(note, terms) ? quote : note;
    return {
      ...base,
      snippet: buildSnippet(source, terms),
      range: h?.position ?? hit.position,
      tags: h?.tags ?? [],
    };
  }
  const n = src.note;
  return {
    ...base,
    snippet: buildSnippet(noteText(n?.text ?? ''), terms),
    range: null,
    tags: n?.tags ?? [],
  };
}

/**
 * Reads the records behind `hits` in one read transaction and describes each hit. Hits in
 * articles the analyst put in the trash are left out (archived articles stay searchable).
 */
export async function resolveHits(db: ReadoutDB, hits: SearchHit[]): Promise<SearchResultItem[]> {
  const trashed = new Set(await db.library.orderBy('trashedAt').primaryKeys());
  hits = hits.filter(h => !trashed.has(h.articleId));
  const articleIds = [...new Set(hits.map(h => h.articleId))];
  const highlightIds = hits.filter(h => h.kind === 'highlight').map(h => recordId(h.id));
  const noteIds = hits.filter(h => h.kind === 'article-note').map(h => h.articleId);
  const [articles, highlights, notes] = await db.transaction(
    'r',
    db.articles,
    db.highlights,
    db.articleNotes,
    () =>
      Promise.all([
        db.articles.bulkGet(articleIds),
        db.highlights.bulkGet(highlightIds),
        db.articleNotes.bulkGet(noteIds),
      ]),
  );
  const byArticle = new Map(articles.flatMap(a => (a ? [[a.id, a] as const] : [])));
  // A hit on work trashed or deleted since the index was saved is not shown.
  const byHighlight = new Map(
    highlights.flatMap(h => (h && h.trashedAt === undefined ? [[h.id, h] as const] : [])),
  );
  const byNote = new Map(
    notes.flatMap(n => (n && n.trashedAt === undefined ? [[n.articleId, n] as const] : [])),
  );
  const found = hits.filter(hit =>
    hit.kind === 'highlight'
      ? byHighlight.has(recordId(hit.id))
      : hit.kind === 'article-note'
        ? byNote.has(hit.articleId)
        : true,
  );
  return found.map(hit =>
    describeHit(hit, {
      article: byArticle.get(hit.articleId),
      highlight: hit.kind === 'highlight' ? byHighlight.get(recordId(hit.id)) : undefined,
      note: hit.kind === 'article-note' ? byNote.get(hit.articleId) : undefined,
    }),
  );
}
