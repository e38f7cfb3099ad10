/**
 * Snippets: a short window of text around the first matched word, as segments the view renders
 * (matched words in <mark>). Structured segments, never HTML, so article text is never parsed as
 * markup.
 */
import { normaliseTerm, WORD } from './index';

export interface Segment {
  text: string;
  match: boolean;
}

/** Where a matched word sits in a text (UTF-16 offsets). */
export interface WordRange {
  start: number;
  end: number;
}

/** Every word of `text` whose normalised form is one of `terms`, in order. */
export function matchedWords(
  text: string,
  terms: ReadonlySet<string>,
  limit = Infinity,
): WordRange[] {
  const found: WordRange[] = [];
  if (terms.size === 0) return found;
  for (const m of text.matchAll(WORD)) {
    if (terms.has(normaliseTerm(m[0]))) {
      found.push({ start: m.index, end: m.index + m[0].length });
      if (found.length >= limit) break;
    }
  }
  return found;
}

/** The first matched word of `text`, or null when none of `terms` occurs in it. */
export function firstMatch(text: string, terms: ReadonlySet<string>): WordRange | null {
  return matchedWords(text, terms, 1)[0] ?? null;
}

export interface SnippetOptions {
  /** Characters of context before the first match. */
  before?: number;
  /** Total length of the window, roughly. */
  length?: number;
}

/**
 * A window of `text` starting a little before its first matched word, cut at word boundaries,
 * with "…" where text was left out. Without a match, the start of the text.
 */
export function buildSnippet(
  text: string,
  terms: ReadonlySet<string>,
  { before = 60, length = 200 }: SnippetOptions = {},
): Segment[] {
  const first = firstMatch(text, terms);
  let from = first ? Math.max(0, first.start - before) : 0;
  let to = Math.min(text.length, from + length);
  if (from > 0) {
    const space = text.slice(from, first ? first.start : to).search(/\s/);
    if (space >= 0) from += space + 1;
  }
  if (to < text.length) {
    const lastSpace = text.slice(from, to).search(/\s\S*$/);
    if (lastSpace > 0 && (!first || from + lastSpace > first.end)) to = from + lastSpace;
  }
  const window = text.slice(from, to).replace(/\s+/g, ' ');
  const segments: Segment[] = [];
  if (from > 0) segments.push({ text: '…', match: false });
  let at = 0;
  for (const w of matchedWords(window, terms)) {
    if (w.start > at) segments.push({ text: window.slice(at, w.start), match: false });
    segments.push({ text: window.slice(w.start, w.end), match: true });
    at = w.end;
  }
  if (at < window.length) segments.push({ text: window.slice(at), match: false });
  if (to < text.length) segments.push({ text: '…', match: false });
  return mergePlain(segments);
}

function mergePlain(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const s of segments) {
    const last = out[out.length - 1];
    if (last && !last.match && !s.match) last.text += s.text;
    else out.push({ ...s });
  }
  return out;
}
