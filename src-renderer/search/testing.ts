/**
 * Records for unit tests of search and backup. Not imported by the app.
 */
import { describeRange } from '../anchoring/describe';
import type { ArticleNote, Highlight, StoredArticle } from '../db/db';

let counter = 0;

/** A stored article with paragraphs split on blank lines. */
export function makeArticle(
  title: string,
  text: string,
  extra: Partial<StoredArticle> = {},
): StoredArticle {
  const n = ++counter;
  const id = (extra.id ?? n.toString(16)).padStart(16, '0');
  const paragraphs: { start: number; end: number }[] = [];
  for (const m of text.matchAll(/[^\n]+(?:\n(?!\n)[^\n]*)*/g)) {
    paragraphs.push({ start: m.index, end: m.index + m[0].length });
  }
  return {
    id,
    source: `seeds/test-${n}.txt`,
    file: `test-${n}.txt`,
    title,
    publisher: 'Test Wire',
    published: '2024-05-01',
    dateline: null,
    text,
    paragraphs,
    wordCount: text.split(/\s+/).filter(Boolean).length,
    contentHash: id,
    importedAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    ...extra,
  };
}

/** A highlight of the first occurrence of `exact` in the article. */
export function makeHighlight(
  article: StoredArticle,
  exact: string,
  extra: Partial<Highlight> = {},
): Highlight {
  const start = article.text.indexOf(exact);
  if (start < 0) throw new Error(`"${exact}" is not in ${article.title}`);
  return {
    id: `h-${++counter}`,
    articleId: article.id,
    colour: 0,
    ...describeRange(article.text, start, start + exact.length),
    articleVersion: article.contentHash,
    note: '',
    tags: [],
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    ...extra,
  };
}

export function makeNote(article: StoredArticle, text: string, tags: string[] = []): ArticleNote {
  return { articleId: article.id, text, tags, updatedAt: 1_700_000_000_000 };
}
