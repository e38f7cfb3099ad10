/**
 * Sentence spans, so that the keyboard can select text: `]` selects the next sentence and `[` the
 * previous one, without a mouse. A rough splitter is enough; the analyst can adjust with the
 * mouse, and a highlight of a sentence plus one extra word is still useful.
 */
import type { Span } from '../../../src-main/contract/article';

const SENTENCE = /[^.!?\n]+(?:[.!?]+["'”’)\]]*|$)/g;

/** Sentences of every paragraph, in text order, trimmed of surrounding spaces. */
export function sentenceSpans(text: string, paragraphs: readonly Span[]): Span[] {
  const spans: Span[] = [];
  for (const p of paragraphs) {
    const body = text.slice(p.start, p.end);
    for (const m of body.matchAll(SENTENCE)) {
      const lead = m[0].length - m[0].trimStart().length;
      const trimmed = m[0].trim();
      if (!trimmed) continue;
      const start = p.start + m.index + lead;
      spans.push({ start, end: start + trimmed.length });
    }
  }
  return spans;
}

/**
 * The sentence after (`+1`) or before (`-1`) the one holding `offset`; with no offset, the first
 * (or last). Null past either end.
 */
export function stepSentence(
  spans: readonly Span[],
  offset: number | null,
  step: 1 | -1,
): Span | null {
  if (offset === null) return (step > 0 ? spans[0] : spans.at(-1)) ?? null;
  const holding = spans.findIndex(s => s.start <= offset && offset < s.end);
  if (holding !== -1) return spans[holding + step] ?? null;
  if (step > 0) return spans.find(s => s.start > offset) ?? null;
  return spans.findLast(s => s.end <= offset) ?? null;
}
