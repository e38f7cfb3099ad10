/**
 * Re-anchoring: finding a described passage in an article's current text. Cheapest first, as
 * Hypothesis does: the stored offsets when the text there is still the quote; else an exact
 * search for the quote, choosing among repeats by context and nearness to the old position; else
 * an approximate (Myers bit-vector) match that tolerates edits inside the quote. What none of
 * these finds is an orphan (`null`): the caller shows it with its quote and note, never drops it.
 */
import approxSearch from 'approx-string-match';
import type { Anchor, Selectors } from './types';

/**
 * Largest share of the quote's length that may differ in a fuzzy match. A quarter lets a word or
 * two change in a sentence, while a passage that was deleted or rewritten does not match some
 * unrelated text nearby.
 */
export const FUZZY_ERROR_RATE = 0.25;
/** Longest quote given to the fuzzy matcher; its cost grows with quote length times text length. */
const MAX_FUZZY_QUOTE = 2000;

/** Anchors one highlight in `text`, or returns `null` when it cannot be found (an orphan). */
export function anchor(text: string, selectors: Selectors): Anchor | null {
  const { quote, position } = selectors;
  const { exact } = quote;
  if (exact.length === 0) return null;
  if (text.slice(position.start, position.end) === exact) {
    return { start: position.start, end: position.end, method: 'position' };
  }
  const exactHit = bestExact(text, selectors);
  if (exactHit !== null) {
    return { start: exactHit, end: exactHit + exact.length, method: 'quote' };
  }
  return fuzzy(text, selectors);
}

/** Anchors many highlights of one article; the result has one entry per input, in order. */
export function anchorAll<T extends Selectors>(
  text: string,
  items: readonly T[],
): { item: T; anchor: Anchor | null }[] {
  return items.map(item => ({ item, anchor: anchor(text, item) }));
}

/** Scores a candidate by how much of the stored context surrounds it and how near it lies. */
function contextScore(text: string, start: number, end: number, s: Selectors): number {
  const { prefix, suffix } = s.quote;
  const before = text.slice(Math.max(0, start - prefix.length), start);
  const after = text.slice(end, end + suffix.length);
  const agree = commonSuffix(before, prefix) + commonPrefix(after, suffix);
  // Nearness breaks ties between repeats with equal context; it never outweighs one character.
  const distance = Math.abs(start - s.position.start) / Math.max(1, text.length);
  return agree - distance;
}

function bestExact(text: string, s: Selectors): number | null {
  const { exact } = s.quote;
  let best: number | null = null;
  let bestScore = -Infinity;
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) {
    const score = contextScore(text, at, at + exact.length, s);
    if (score > bestScore) {
      best = at;
      bestScore = score;
    }
  }
  return best;
}

function fuzzy(text: string, s: Selectors): Anchor | null {
  const { exact } = s.quote;
  if (exact.length > MAX_FUZZY_QUOTE) return null;
  const maxErrors = Math.floor(exact.length * FUZZY_ERROR_RATE);
  if (maxErrors === 0) return null;
  const matches = approxSearch(text, exact, maxErrors);
  let best: Anchor | null = null;
  let bestScore = -Infinity;
  for (const m of matches) {
    // Fewer edits matter most; context then picks among equally close matches.
    const score = -m.errors * 1000 + contextScore(text, m.start, m.end, s);
    if (score > bestScore && m.end > m.start) {
      best = { start: m.start, end: m.end, method: 'fuzzy' };
      bestScore = score;
    }
  }
  return best;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}
