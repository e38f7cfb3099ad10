/**
 * Builds an Article from a text for tests and benchmarks, the way ingest would: a leading
 * ` date YYYY-MM-DD` metadata prefix becomes `published`, a "CITY –" opening becomes `dateline`.
 */
import { createHash } from 'node:crypto';
import type { Article } from '../contract/article';

export function testArticle(
  text: string,
  options: { source?: string; published?: string | null; title?: string } = {},
): Article {
  let body = text.replace(/\r\n?/g, '\n').replace(/^\uFEFF/, '');
  let published = options.published ?? null;
  const meta = /^\s*date (\d{4}-\d{2}-\d{2})\s*/.exec(body);
  if (meta) {
    published = options.published === undefined ? meta[1] : published;
    body = body.slice(meta[0].length);
  }
  const dateline = /^\s*([A-Z][A-Z .'-]{1,40})\s*[–—-]\s/.exec(body)?.[1]?.trim() ?? null;
  const id = createHash('sha256').update(body).digest('hex').slice(0, 16);
  const source = options.source ?? `test/${id}.txt`;
  const paragraphs: { start: number; end: number }[] = [];
  const re = /[^\n]+(?:\n(?!\n)[^\n]*)*/g;
  for (let m = re.exec(body); m; m = re.exec(body))
    paragraphs.push({ start: m.index, end: m.index + m[0].length });
  return {
    id,
    source,
    file: source.split('/').pop() ?? source,
    title: options.title ?? (body.split(/[.\n]/)[0].slice(0, 120).trim() || 'Untitled'),
    publisher: null,
    published,
    dateline,
    text: body,
    paragraphs,
    wordCount: body.split(/\s+/).filter(Boolean).length,
  };
}
