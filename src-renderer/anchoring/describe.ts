/**
 * Describing a passage of an article so it can be found again later, even in an edited text.
 */
import { CONTEXT_CHARS, type Selectors } from './types';

/**
 * The quote selector (exact text plus up to 32 characters of context each side) and the position
 * selector for `text.slice(start, end)`. Throws on an empty or out-of-range span: a caller that
 * gets one has mapped a selection wrongly, and storing it would create a highlight of nothing.
 */
export function describeRange(text: string, start: number, end: number): Selectors {
  if (!(Number.isInteger(start) && Number.isInteger(end)) || start < 0 || end > text.length) {
    throw new Error(`span ${start}–${end} is outside the text (length ${text.length})`);
  }
  if (end <= start) throw new Error(`span ${start}–${end} is empty`);
  return {
    quote: {
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_CHARS), start),
      suffix: text.slice(end, end + CONTEXT_CHARS),
    },
    position: { start, end },
  };
}
