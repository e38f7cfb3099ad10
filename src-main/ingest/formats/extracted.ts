/**
 * What each format reader hands the article parser: plain text with paragraphs separated by blank
 * lines, and the metadata the file itself declares, each field with where it was read. The
 * parser adds what the text says (a dateline, a licence line) only where the file said nothing.
 */
import type { ArticleFormat, ImportErrorCode, MetaSource } from '../../contract/article';

export interface MetaField {
  value: string;
  source: MetaSource;
}

export interface FileMeta {
  title?: MetaField;
  publisher?: MetaField;
  author?: MetaField;
  /** A YYYY-MM-DD date. */
  published?: MetaField;
  /** An http(s) address. */
  url?: MetaField;
}

export interface Extracted {
  format: ArticleFormat;
  text: string;
  meta: FileMeta;
  /**
   * Set for an article that came out of another file (an e-mail's attachment): appended to the
   * source, so that each has its own source ("news.eml#report.pdf").
   */
  part?: string;
}

export interface FormatError {
  code: ImportErrorCode;
  message: string;
  /** As in Extracted: the attachment this error is about. */
  part?: string;
}

export type FormatResult = Extracted | FormatError;

export function isFormatError(result: FormatResult): result is FormatError {
  return 'code' in result;
}

/** Longest text one file may yield; the same bound as a text file's size. */
export const MAX_EXTRACTED_CHARS = 5 * 1024 * 1024;

/** Field lengths within ArticleSchema's limits, so a long value never costs the article. */
const LIMITS = { title: 400, publisher: 200, author: 200, published: 10, url: 2048 } as const;

/**
 * Adds `value` as `key` when the file has not already given that field: readers call it in order
 * of trust (JSON-LD before meta tags, say). White space is collapsed, control characters removed,
 * and a value that is empty after that is no value.
 */
export function offer(
  meta: FileMeta,
  key: keyof FileMeta,
  value: string | null | undefined,
  source: MetaSource,
): void {
  if (meta[key] || typeof value !== 'string') return;
  // eslint-disable-next-line no-control-regex
  const clean = value.replace(/[\u0000-\u001f\u007f-\u009f\s]+/g, ' ').trim();
  if (!clean) return;
  if (key === 'url' && !/^https?:\/\/[^\s/]+/i.test(clean)) return;
  if (key === 'url' && clean.length > LIMITS.url) return;
  let kept = clean.slice(0, LIMITS[key]);
  if (kept.length < clean.length)
    kept =
      kept.slice(0, kept.lastIndexOf(' ') > 0 ? kept.lastIndexOf(' ') : kept.length).trim() + '…';
  meta[key] = { value: kept, source };
}

/** A date as files write it in metadata: ISO 8601, a PDF `D:20240305…` string, or RFC 2822. */
export function isoDateOf(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  const v = value.trim();
  let m = /^(?:D:)?(\d{4})-?(\d{2})-?(\d{2})/.exec(v);
  if (m) return validDate(Number(m[1]), Number(m[2]), Number(m[3]));
  // RFC 2822 ("Tue, 5 Mar 2024 23:30:00 -0500"): the date as written, not shifted to UTC.
  m = /^(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4})/.exec(v);
  if (m) {
    const month = MONTHS.indexOf(m[2].toLowerCase()) + 1;
    return month ? validDate(Number(m[3]), month, Number(m[1])) : null;
  }
  return null;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** YYYY-MM-DD of a real calendar day between 1900 and 2200, else null. */
export function validDate(y: number, m: number, d: number): string | null {
  if (!(y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && d >= 1)) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}
