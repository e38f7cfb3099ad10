/**
 * Library entries made from articles. Apart from db.ts (which opens the database on import) so
 * that modules the database itself loads, such as team sync's article documents, can use it.
 */
import type { Article } from '../../src-main/contract/article';
import type { LibraryEntry } from './db';

/** Optional contract fields the formats import may carry; read defensively. */
function optionalText(article: object, key: 'author' | 'url'): string | null {
  const value = (article as Record<string, unknown>)[key];
  return typeof value === 'string' && value ? value : null;
}

/**
 * The library entry of a newly stored article (no state yet), or the file fields of a re-imported
 * one: `addedAt` is when it first came in.
 */
export function entryFromArticle(article: Article, addedAt: number): LibraryEntry {
  return {
    articleId: article.id,
    title: article.title,
    publisher: article.publisher,
    published: article.published,
    dateline: article.dateline,
    file: article.file,
    source: article.source,
    author: optionalText(article, 'author'),
    url: optionalText(article, 'url'),
    addedAt,
    updatedAt: addedAt,
  };
}
