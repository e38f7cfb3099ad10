import type { Article } from '../../src-main/contract/article';

/**
 * An article as main would send it, for tests. Its id is derived from the text the way a content
 * id is (distinct texts, distinct 16-hex ids), so storing the same text twice is a no-op.
 */
export function contractArticle(
  source: string,
  text: string,
  extra: Partial<Article> = {},
): Article {
  let hash = 0;
  for (const ch of text) hash = (Math.imul(hash, 31) + ch.charCodeAt(0)) >>> 0;
  return {
    id: hash.toString(16).padStart(8, '0') + (text.length + 0x10000000).toString(16).slice(-8),
    source,
    file: source.split('/').pop()!,
    title: text.slice(0, 40),
    publisher: null,
    published: null,
    dateline: null,
    text,
    paragraphs: [{ start: 0, end: text.length }],
    wordCount: text.split(' ').length,
    ...extra,
  };
}
