/**
 * Parses decoded text into an Article: normalised text, metadata, paragraphs and a content id.
 */
import { createHash } from 'node:crypto';
import type { Article, Span } from '../contract/article';
import { findPublisher, readDateline, readHeader } from './metadata';

/** LF line ends, no BOM, no trailing blanks: the one text all offsets refer to. */
export function normaliseText(raw: string): string {
  return raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .trim();
}

/** 16 hex characters of SHA-256: stable for the same content, different for an edited one. */
export function contentId(normalised: string): string {
  return createHash('sha256').update(normalised, 'utf8').digest('hex').slice(0, 16);
}

export function parseArticle(raw: string, where: { source: string; file: string }): Article {
  const normalised = normaliseText(raw);
  const header = readHeader(normalised);
  let text = normalised.slice(header.bodyStart);
  let title = header.title;

  // A short first line without closing punctuation, followed by more text, is a headline.
  const firstBreak = text.indexOf('\n');
  if (!title && firstBreak > 0) {
    const first = text.slice(0, firstBreak).trim();
    const rest = text.slice(firstBreak).trim();
    if (
      first.length <= 160 &&
      rest.length > 0 &&
      !/[.!?:;,"”’)]$/.test(first) &&
      !readDateline(first + ' ')
    ) {
      if (/[a-z]/i.test(first) && first.split(/\s+/).length >= 2) {
        title = first;
        text = rest;
      }
    }
  }

  const dateline = readDateline(text);
  const publisher = header.publisher ?? findPublisher(text) ?? agencyName(dateline?.agency ?? null);
  return {
    id: contentId(normalised),
    source: where.source,
    file: where.file,
    title: title ?? titleFromBody(text.slice(dateline?.length ?? 0)) ?? where.file,
    publisher,
    published: header.published,
    dateline: dateline?.place ?? null,
    text,
    paragraphs: paragraphSpans(text),
    wordCount: countWords(text),
  };
}

function agencyName(agency: string | null): string | null {
  if (!agency) return null;
  return agency === 'AP' ? 'Associated Press' : agency;
}

/** The first sentence, shortened at a word boundary: text files rarely carry a headline. */
export function titleFromBody(body: string): string | null {
  const firstPara = body
    .split(/\n\s*\n/)[0]
    .replace(/\s+/g, ' ')
    .trim();
  if (!firstPara) return null;
  const sentenceEnd = /[.!?](?=["”’]?\s+[A-Z"“‘]|["”’]?$)/.exec(firstPara);
  let sentence = sentenceEnd ? firstPara.slice(0, sentenceEnd.index) : firstPara;
  const limit = 90;
  if (sentence.length > limit) {
    const cut = sentence.lastIndexOf(' ', limit);
    sentence = sentence.slice(0, cut > 40 ? cut : limit).replace(/[\s,;:–—-]+$/, '') + '…';
  }
  return sentence;
}

/**
 * Paragraphs are separated by blank lines, or, in text whose line breaks were flattened by the
 * source, by two or more spaces after a sentence's end (what such files keep of a paragraph break).
 */
export function paragraphSpans(text: string): Span[] {
  const spans: Span[] = [];
  const re = /\n[ \t]*\n|(?<=[.!?"”’])[ \u00a0]{2,}(?=[A-Z“"‘])/g;
  let start = 0;
  for (;;) {
    const m = re.exec(text);
    const end = m ? m.index : text.length;
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) spans.push({ start: s, end: e });
    if (!m) break;
    start = m.index + m[0].length;
  }
  return spans;
}

export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’\-.]*/gu)?.length ?? 0;
}
