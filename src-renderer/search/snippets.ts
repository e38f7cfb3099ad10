/**
 * Snippets: a short window of text around the best passage (the one holding the most of the
 * query's words), as segments the view renders (every matched word in <mark>). Structured segments, never HTML, so article text is never parsed as
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

/**
 * The matched word that starts the best passage of `text`: the window of `span` characters from
 * it holds the most different matched terms, then the most matches; the earliest such passage
 * wins a tie. Null when none of `terms` occurs. "Vienna talks" then shows the paragraph about the
 * talks in Vienna, not the first stray "talks" of the article.
 */
export function bestMatch(
  text: string,
  terms: ReadonlySet<string>,
  span: number,
): WordRange | null {
  // Bounded: a word repeated thousands of times must not make the snippet quadratic.
  const words = matchedWords(text, terms, 2_000);
  if (words.length === 0) return null;
  const keys = words.map(w => normaliseTerm(text.slice(w.start, w.end)));
  const inWindow = new Map<string, number>();
  let best = 0;
  let bestDistinct = 0;
  let bestCount = 0;
  let end = 0;
  for (let i = 0; i < words.length; i++) {
    while (end < words.length && words[end].end <= words[i].start + span) {
      inWindow.set(keys[end], (inWindow.get(keys[end]) ?? 0) + 1);
      end++;
    }
    const count = end - i;
    if (inWindow.size > bestDistinct || (inWindow.size === bestDistinct && count > bestCount)) {
      best = i;
      bestDistinct = inWindow.size;
      bestCount = count;
    }
    const left = (inWindow.get(keys[i]) ?? 1) - 1;
    if (left > 0) inWindow.set(keys[i], left);
    else inWindow.delete(keys[i]);
  }
  return words[best];
}

/** `text` as segments with every word of `terms` marked: for short texts shown whole (titles). */
export function markWords(text: string, terms: ReadonlySet<string>): Segment[] {
  const segments: Segment[] = [];
  let at = 0;
  for (const w of matchedWords(text, terms)) {
    if (w.start > at) segments.push({ text: text.slice(at, w.start), match: false });
    segments.push({ text: text.slice(w.start, w.end), match: true });
    at = w.end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), match: false });
  return segments;
}

/** Characters of context a snippet shows before its passage, by default. */
export const SNIPPET_BEFORE = 60;
/** A snippet's length, by default. */
export const SNIPPET_LENGTH = 200;

export interface SnippetOptions {
  /** Characters of context before the first match. */
  before?: number;
  /** Total length of the window, roughly. */
  length?: number;
}

/**
 * A window of `text` starting a little before its best passage ({@link bestMatch}), cut at word
 * boundaries, with "…" where text was left out. Without a match, the start of the text.
 */
export function buildSnippet(
  text: string,
  terms: ReadonlySet<string>,
  { before = SNIPPET_BEFORE, length = SNIPPET_LENGTH }: SnippetOptions = {},
): Segment[] {
  const first = bestMatch(text, terms, length - before);
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
  segments.push(...markWords(window, terms));
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
