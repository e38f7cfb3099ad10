/**
 * Parses decoded text into an Article: normalised text, metadata, paragraphs and a content id.
 */
import { hash } from 'node:crypto';
import type { Article, ArticleFormat, MetaSources, Span } from '../contract/article';
import type { FileMeta } from './formats/extracted';
import { cleanPublisher, findPublisher, readDateline, readHeader } from './metadata';
import { findTextDate } from './text-dates';
import { isSpace } from './whitespace';

/**
 * LF line ends, no BOM, no trailing blanks: the one text all offsets refer to. One pass over the
 * characters, not `/[ \t]+$/gm` (which rescans a run of spaces from each of its characters: one
 * long gap in a PDF-extracted file cost minutes) nor a split into lines (a file of a million
 * carriage returns made a million strings).
 */
export function normaliseText(raw: string): string {
  const from = raw.charCodeAt(0) === 0xfeff ? 1 : 0;
  // Most files have nothing to rewrite inside (no CR, no blank before a line end): then only the
  // ends are trimmed, which three native searches establish without copying every character.
  if (raw.indexOf('\r') === -1 && raw.indexOf(' \n') === -1 && raw.indexOf('\t\n') === -1)
    return raw.slice(from).trim();
  const out = new Uint16Array(raw.length - from);
  let length = 0;
  // Where the current line's text ends: past its last character that is not a space or tab.
  let lineEnd = 0;
  for (let i = from; i < raw.length; i++) {
    let c = raw.charCodeAt(i);
    if (c === CR) {
      c = LF;
      if (raw.charCodeAt(i + 1) === LF) i++;
    }
    if (c === LF) {
      length = lineEnd;
      out[length++] = LF;
      lineEnd = length;
    } else {
      out[length++] = c;
      if (c !== SPACE && c !== TAB) lineEnd = length;
    }
  }
  return stringFromCodes(out, lineEnd).trim();
}

const CR = 0x0d;
const LF = 0x0a;
const SPACE = 0x20;
const TAB = 0x09;

/** The first `length` UTF-16 code units of `codes` as a string, in chunks the call stack takes. */
function stringFromCodes(codes: Uint16Array, length: number): string {
  const chunks: string[] = [];
  for (let i = 0; i < length; i += 8192) {
    const chunk = codes.subarray(i, Math.min(i + 8192, length));
    chunks.push(String.fromCharCode.apply(null, chunk as unknown as number[]));
  }
  return chunks.join('');
}

/** 16 hex characters of SHA-256: stable for the same content, different for an edited one. */
export function contentId(normalised: string): string {
  // The one-shot hash: the same digest of the same UTF-8 bytes as createHash().update().digest(),
  // without a Hash object per file (a few percent of a command-line worker's time).
  return hash('sha256', normalised, 'hex').slice(0, 16);
}

/** What the file's own reader found besides its text (formats/): absent for a plain text file. */
export interface FileFacts {
  format?: ArticleFormat;
  meta?: FileMeta;
}

/**
 * Text and file metadata to an Article. Each field is taken from the most trusted place that has
 * it: the file's metadata (JSON-LD, meta tags, document properties, e-mail headers), then the
 * text's `Key: value` header, then what the text says (a dateline, a "Published:" line, a licence
 * line), then, for the title only, the file name. A PDF's creation date is the weakest of all:
 * it is when the PDF was made, which the page's own date line beats.
 */
export function parseArticle(
  raw: string,
  where: { source: string; file: string },
  facts: FileFacts = {},
): Article {
  const meta = facts.meta ?? {};
  const normalised = normaliseText(raw);
  const header = readHeader(normalised);
  let text = normalised.slice(header.bodyStart);
  const sources: MetaSources = {};
  let title: string | null = null;
  if (meta.title) [title, sources.title] = [meta.title.value, meta.title.source];
  else if (header.title) [title, sources.title] = [header.title, 'header'];

  if (title) {
    // A file whose metadata names the headline often repeats it as its first line.
    const firstBreak = text.indexOf('\n');
    const first = (firstBreak === -1 ? text : text.slice(0, firstBreak)).trim();
    if (firstBreak > 0 && sameWords(first, title)) text = text.slice(firstBreak).trim();
  } else {
    // A short first line without closing punctuation, followed by more text, is a headline.
    const firstBreak = text.indexOf('\n');
    if (firstBreak > 0) {
      const first = text.slice(0, firstBreak).trim();
      const rest = text.slice(firstBreak).trim();
      if (
        first.length <= 160 &&
        rest.length > 0 &&
        !/[.!?:;,"”’)]$/.test(first) &&
        !readDateline(first + ' ') &&
        !LICENCE_LINE.test(first) &&
        /[a-z]/i.test(first) &&
        first.split(/\s+/).length >= 2
      ) {
        [title, sources.title] = [first, 'text'];
        text = rest;
      }
    }
  }

  const dateline = readDateline(text);
  if (!title) {
    const fromBody = titleFromBody(withoutLicenceLines(text.slice(dateline?.length ?? 0)));
    if (fromBody && /[\p{L}\p{N}]/u.test(fromBody)) [title, sources.title] = [fromBody, 'text'];
    else [title, sources.title] = [where.file, 'file-name'];
  }

  let publisher: string | null = null;
  const fromHeader = header.publisher ? cleanPublisher(header.publisher) : null;
  const fromText = findPublisher(text) ?? agencyName(dateline?.agency ?? null);
  if (meta.publisher)
    [publisher, sources.publisher] = [meta.publisher.value, meta.publisher.source];
  else if (fromHeader) [publisher, sources.publisher] = [fromHeader, 'header'];
  else if (fromText) [publisher, sources.publisher] = [fromText, 'text'];

  let author: string | null = null;
  const byline = findByline(text);
  if (facts.format && facts.format !== 'text' && byline) {
    // A page's byline paragraph repeats what its metadata says; the article starts after it.
    const firstBreak = text.indexOf('\n');
    const first = firstBreak === -1 ? '' : text.slice(0, firstBreak);
    if (findByline(first) === byline && sameWords(byline, meta.author?.value ?? byline)) {
      text = text.slice(firstBreak).trim();
    }
  }
  if (meta.author) [author, sources.author] = [meta.author.value, meta.author.source];
  else if (header.author) [author, sources.author] = [header.author, 'header'];
  else if (byline) [author, sources.author] = [byline, 'text'];

  let published: string | null = null;
  let dateOrder: Article['dateOrder'];
  const weakMeta = meta.published?.source === 'pdf-info' || meta.published?.source === 'docx-props';
  const textDate = meta.published && !weakMeta ? null : findTextDate(text, dateline?.place ?? null);
  if (meta.published && !weakMeta)
    [published, sources.published] = [meta.published.value, meta.published.source];
  else if (header.published) [published, sources.published] = [header.published, 'header'];
  else if (textDate) {
    [published, sources.published] = [textDate.date, 'text'];
    if (textDate.order) dateOrder = textDate.order;
  } else if (meta.published)
    [published, sources.published] = [meta.published.value, meta.published.source];

  let url: string | null = null;
  if (meta.url) [url, sources.url] = [meta.url.value, meta.url.source];
  else if (header.url) [url, sources.url] = [header.url, 'header'];

  const article: Article = {
    id: contentId(normalised),
    source: where.source,
    file: where.file,
    title: title.slice(0, 400),
    publisher: publisher ? publisher.slice(0, 200) : null,
    published,
    dateline: dateline?.place ?? null,
    text,
    paragraphs: paragraphSpans(text),
    wordCount: countWords(text),
    url,
    author,
    metaSources: sources,
    format: facts.format ?? 'text',
  };
  if (dateOrder) article.dateOrder = dateOrder;
  return article;
}

/** A copyright or licence line: never a headline, never a publisher's name as written. */
const LICENCE_LINE = /^(?:©|\(c\)|copyright\b|all rights reserved|all content by\b)/i;

/** `text` without the copyright or licence lines it starts with. */
function withoutLicenceLines(text: string): string {
  let rest = text;
  for (let i = 0; i < 5 && LICENCE_LINE.test(rest); i++) {
    const end = rest.indexOf('\n');
    rest = end === -1 ? '' : rest.slice(end + 1).trimStart();
  }
  return rest;
}

/** Two strings with the same words, case and punctuation aside. */
function sameWords(a: string, b: string): boolean {
  const key = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  const k = key(a);
  return k !== '' && k === key(b);
}

/**
 * A "By Ana Pereira" line among the first lines: one to five capitalised words after "By",
 * perhaps "and" another name, perhaps a comma and a role or agency after it.
 */
export function findByline(text: string): string | null {
  for (const line of text.split('\n', 12)) {
    const m =
      /^\s*By\s+((?:\p{Lu}[\p{L}'’.-]*\s?){1,5}(?:(?:and|&)\s+(?:\p{Lu}[\p{L}'’.-]*\s?){1,5})?)\s*(?:[,|–—-].{0,60})?$/u.exec(
        line,
      );
    if (m) return m[1].trim();
  }
  return null;
}

function agencyName(agency: string | null): string | null {
  if (!agency) return null;
  return agency === 'AP' ? 'Associated Press' : agency;
}

/** The first sentence, shortened at a word boundary: text files rarely carry a headline. */
export function titleFromBody(body: string): string | null {
  const firstPara = firstParagraph(body).replace(/\s+/g, ' ').trim();
  if (!firstPara) return null;
  const end = sentenceEndIn(firstPara);
  let sentence = end === -1 ? firstPara : firstPara.slice(0, end);
  const limit = 90;
  if (sentence.length > limit) {
    const cut = sentence.lastIndexOf(' ', limit);
    sentence = sentence.slice(0, cut > 40 ? cut : limit).replace(/[\s,;:–—-]+$/, '') + '…';
  }
  return sentence;
}

/**
 * Where the first sentence of `text` ends, or -1: a point, ! or ? before a capital or the end,
 * but not the point of an abbreviation ("U.S. envoy", "Mr. Li", "St. Petersburg"), which a
 * headline cut there would lose its sense at.
 */
function sentenceEndIn(text: string): number {
  const ends = /[.!?](?=["”’]?\s+[A-Z"“‘]|["”’]?$)/g;
  for (let m = ends.exec(text); m; m = ends.exec(text)) {
    if (m[0] !== '.') return m.index;
    const before = text.slice(Math.max(0, m.index - 12), m.index + 1);
    if (ABBREVIATION.test(before)) continue;
    return m.index;
  }
  return -1;
}

/** A point that ends an abbreviation: initials ("U.S.", "E.U.") or a title or short form. */
const ABBREVIATION =
  /(?:(?:^|[\s(“"‘])(?:\p{Lu}\.)+|\b(?:Mr|Mrs|Ms|Dr|St|Sr|Jr|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Prof|Pres|No|Nos|Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec|Inc|Corp|Co|Ltd|vs|approx|Dept|Mt|Ft)\.)$/u;

/** Text up to the first blank line (a line of white space only), without splitting the rest. */
function firstParagraph(body: string): string {
  const m = /\n[^\S\n]*\n/.exec(body);
  return m ? body.slice(0, m.index) : body;
}

/**
 * Paragraphs are separated by blank lines, or, in text whose line breaks were flattened by the
 * source, by two or more spaces after a sentence's end (what such files keep of a paragraph break).
 * A scan, not a regex: a file of a million blank lines would otherwise make a million matches.
 */
export function paragraphSpans(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  let i = 0;
  while (i < text.length) {
    const breakEnd = paragraphBreakAt(text, i);
    if (breakEnd === -1) {
      i++;
      continue;
    }
    pushTrimmed(text, start, i, spans);
    start = i = breakEnd;
  }
  pushTrimmed(text, start, text.length, spans);
  return spans;
}

/** End of the paragraph break starting at `i`, or -1 if none starts there. */
function paragraphBreakAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === LF) {
    // A blank line: a newline, spaces or tabs, a newline.
    let j = i + 1;
    while (text.charCodeAt(j) === SPACE || text.charCodeAt(j) === TAB) j++;
    return text.charCodeAt(j) === LF ? j + 1 : -1;
  }
  if ((c === SPACE || c === NBSP) && i > 0 && isSentenceEnd(text.charCodeAt(i - 1))) {
    // Two or more spaces after a sentence's end, before a capital or an opening quote.
    let j = i;
    while (text.charCodeAt(j) === SPACE || text.charCodeAt(j) === NBSP) j++;
    return j - i >= 2 && j < text.length && /[A-Z“"‘]/.test(text[j]) ? j : -1;
  }
  return -1;
}

const NBSP = 0xa0;

/** One of `.!?"”’`, by code: a one-character string per space was most of this scan's cost. */
function isSentenceEnd(c: number): boolean {
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x22 || c === 0x201d || c === 0x2019;
}

/** Adds text[start, end) without its surrounding white space, if anything is left. */
function pushTrimmed(text: string, start: number, end: number, spans: Span[]): void {
  let s = start;
  let e = end;
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  if (e > s) spans.push({ start: s, end: e });
}

/**
 * Words as `/[\p{L}\p{N}][\p{L}\p{N}'’\-.]*\/gu` finds them (a letter or digit, then letters,
 * digits, apostrophes, hyphens and points), counted by a scan: matching would build an array of
 * every word of a 5 MiB file only to take its length.
 */
export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let letterOrDigit: boolean;
    if (c < 0x80) {
      letterOrDigit = (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
    } else {
      const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length;
      letterOrDigit = LETTER_OR_DIGIT.test(pair ? text.slice(i, i + 2) : text[i]);
      if (pair && letterOrDigit) i++;
    }
    if (letterOrDigit) {
      if (!inWord) words++;
      inWord = true;
    } else {
      inWord = inWord && isWordJoiner(c);
    }
  }
  return words;
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** One of `'’-.`, which keep a word going, by code (no string per character). */
function isWordJoiner(c: number): boolean {
  return c === 0x27 || c === 0x2019 || c === 0x2d || c === 0x2e;
}
