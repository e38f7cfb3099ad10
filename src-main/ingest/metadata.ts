/**
 * Reads the metadata that article text files carry in their first lines or last lines: a
 * `date 2023-04-24` prefix, `Title:`/`Source:` header lines, a wire-story dateline, and a
 * publisher named by a licence or copyright line.
 */

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** `2023-04-24`, `April 24, 2023`, `24 April 2023` → `2023-04-24`; null if not a real date. */
export function parseDateText(text: string): string | null {
  const t = text.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?$/.exec(t);
  if (match) {
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = /^([A-Za-z]+)\.? (\d{1,2}),? (\d{4})$/.exec(t))) {
    [y, m, d] = [Number(match[3]), monthNumber(match[1]), Number(match[2])];
  } else if ((match = /^(\d{1,2}) ([A-Za-z]+)\.?,? (\d{4})$/.exec(t))) {
    [y, m, d] = [Number(match[3]), monthNumber(match[2]), Number(match[1])];
  } else {
    return null;
  }
  if (!m || y < 1900 || y > 2200) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

function monthNumber(name: string): number {
  const n = name.toLowerCase();
  if (n.length < 3) return 0;
  const i = MONTHS.findIndex(month => month.startsWith(n));
  return i + 1;
}

export interface Header {
  title: string | null;
  publisher: string | null;
  published: string | null;
  author: string | null;
  url: string | null;
  /** Where the body starts, after the metadata. */
  bodyStart: number;
}

/**
 * Longest header value kept, within ArticleSchema's limits: an article whose publisher broke the
 * schema would make main's whole import answer invalid, losing the good files with it.
 */
const HEADER_LIMITS = { title: 300, publisher: 200, author: 200, url: 2048 } as const;

const HEADER_KEYS: Record<string, keyof Omit<Header, 'bodyStart'> | 'ignore'> = {
  title: 'title',
  headline: 'title',
  source: 'publisher',
  publisher: 'publisher',
  publication: 'publisher',
  date: 'published',
  published: 'published',
  'publication date': 'published',
  url: 'url',
  link: 'url',
  author: 'author',
  byline: 'author',
  by: 'author',
  language: 'ignore',
};

/**
 * Reads leading metadata: either an inline `date YYYY-MM-DD` prefix (the format of the bundled
 * corpus) or a block of `Key: value` lines with known keys, ended by a blank line.
 */
export function readHeader(text: string): Header {
  const header: Header = {
    title: null,
    publisher: null,
    published: null,
    author: null,
    url: null,
    bodyStart: 0,
  };
  // Only a short prefix can hold the cue; every part of the pattern is anchored or bounded, and
  // the separator is one optional `[:=]` between two runs of white space, never two adjacent
  // `\s*` that could split one long run in n ways.
  const inline =
    /^\s*(?:date|published|dated)(?:\s*[:=])?\s*(\d{4}-\d{2}-\d{2})(?=\s)[ \t]*\n?/i.exec(
      text.slice(0, INLINE_DATE_WINDOW),
    );
  if (inline) {
    header.published = parseDateText(inline[1]);
    if (header.published) header.bodyStart = inline[0].length;
  }
  let pos = header.bodyStart;
  let sawKey = false;
  for (;;) {
    const lineEnd = text.indexOf('\n', pos);
    const line = text.slice(pos, lineEnd === -1 ? text.length : lineEnd);
    const kv = headerLine(line);
    const key = kv ? HEADER_KEYS[kv[1].toLowerCase()] : undefined;
    if (!kv || !key) {
      if (sawKey && line.trim() === '' && lineEnd !== -1) pos = lineEnd + 1;
      break;
    }
    sawKey = true;
    if (key === 'published') header.published = parseDateText(kv[2]) ?? header.published;
    else if (key === 'url')
      header.url = /^https?:\/\/\S+$/i.test(kv[2]) ? kv[2].slice(0, 2048) : null;
    else if (key !== 'ignore') header[key] = kv[2].slice(0, HEADER_LIMITS[key]);
    if (lineEnd === -1) {
      pos = text.length;
      break;
    }
    pos = lineEnd + 1;
  }
  if (sawKey) header.bodyStart = pos;
  while (header.bodyStart < text.length && /\s/.test(text[header.bodyStart])) header.bodyStart++;
  return header;
}

/** How far into the text an inline `date 2023-04-24` prefix is looked for. */
const INLINE_DATE_WINDOW = 256;

/**
 * `Key: value` → [line, key, value], or null. The key is at most 21 characters, so the pattern
 * looks only at the line's start; the value is the rest of the line trimmed by `trim`, not by a
 * lazy `(.+?)\s*$`, which rescans a long gap inside the value from each of its characters.
 */
function headerLine(line: string): [string, string, string] | null {
  const m = /^\s*([A-Za-z][A-Za-z ]{1,20}?)\s*:/.exec(line.slice(0, HEADER_KEY_WINDOW));
  if (!m) return null;
  const value = line.slice(m[0].length).trim();
  return value && !/[\r\u2028\u2029]/.test(value) ? [line, m[1], value] : null;
}

/** Leading white space plus the longest key plus its colon, with room to spare. */
const HEADER_KEY_WINDOW = 128;

export interface Dateline {
  /** The place, as written ("TEHRAN", "NEW YORK"). */
  place: string;
  /** News agency named in the dateline ("Reuters" in "MOSCOW (Reuters) -"), if any. */
  agency: string | null;
  /** Length of the dateline including its dash and the space after it. */
  length: number;
}

/**
 * Recognises a wire-story dateline at the start of `body`: an upper-case place, optionally a
 * date and an agency in brackets, then a dash. "TEHRAN –", "MOSCOW, April 24 (Reuters) -".
 */
export function readDateline(body: string): Dateline | null {
  const m =
    /^([A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,3})(?:,\s*[A-Z][A-Za-z'’. -]{1,30}?)?(?:,?\s+[A-Z][a-z]{2,8}\.? \d{1,2})?\s*(?:\(([^)]{2,40})\)\s*)?[–—-]{1,2}\s+/.exec(
      body.slice(0, 160),
    );
  // Over 120 characters (ArticleSchema's limit) an upper-case run is shouting, not a place.
  if (!m || m[1].replace(/[^A-Z]/g, '').length < 2 || m[1].length > 120) return null;
  return { place: m[1], agency: m[2]?.trim() ?? null, length: m[0].length };
}

/**
 * A publisher named by a licence, copyright or source line anywhere in the text. Each pattern is
 * tried only where its cue word occurs, on a bounded window after it: the cue is found by a plain
 * scan, and no window can make a pattern rescan the rest of a long file.
 */
export function findPublisher(text: string): string | null {
  for (const { cue, pattern } of PUBLISHER_PATTERNS) {
    cue.lastIndex = 0;
    for (let c = cue.exec(text); c; c = cue.exec(text)) {
      const window = text.slice(c.index, c.index + PUBLISHER_WINDOW);
      const m = pattern.exec(window);
      // A match ending where a cut window ends may owe its `$` to the cut, not to the text.
      const cut = c.index + window.length < text.length;
      if (m && !(cut && m[0].length === window.length)) return cleanPublisher(m[1]);
      cue.lastIndex = c.index + 1;
    }
  }
  return null;
}

/** Longest stretch a publisher line is read in: a cue, a date range, 80 characters and spaces. */
const PUBLISHER_WINDOW = 240;

/** A cue (global, one literal or line start) and the pattern anchored at it, in order of trust. */
const PUBLISHER_PATTERNS: { cue: RegExp; pattern: RegExp }[] = [
  { cue: /All Content by /gi, pattern: /^All Content by (.{2,80}?) is licensed/i },
  {
    // A `Source:` line; the cue is a line start, so blank lines before it are not rescanned.
    cue: /(?:^|\n)[^\S\n]*(?:Source|Publisher)/gi,
    pattern: /^\n?[^\S\n]*(?:Source|Publisher)[^\S\n]*:\s*(\S[^\n]{0,78}\S)[^\S\n]*(?:\n|$)/i,
  },
  {
    cue: /©|\(c\)|Copyright/g,
    pattern:
      /^(?:©|\(c\)|Copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?(?:\s*,)?\s*)?(?!All\b)([A-Z][^.,\n]{1,60}?)(?:\.|,|\s+All rights|\n|$)/,
  },
];

/**
 * A publisher name without the licence words around it: "Copyright LaPresse", "© 2021 LaPresse
 * S.p.A. All rights reserved" and "(c) Reuters" all name the publisher, not the licence.
 */
export function cleanPublisher(value: string): string | null {
  const name = value
    .replace(/^\s*(?:(?:©|\(c\)|copyright)\s*)+(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?/i, '')
    .replace(/[\s.,;]*all rights reserved\.?\s*$/i, '')
    .trim();
  return name.length >= 2 ? name : null;
}
