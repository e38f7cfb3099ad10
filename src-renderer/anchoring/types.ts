/**
 * Selectors and anchors. A highlight is described twice (W3C Web Annotation style): by the quoted
 * text with context, which survives edits elsewhere in the article, and by character offsets,
 * which are exact and cheap while the text is unchanged. Offsets are UTF-16 code units into
 * `Article.text`, as everywhere in Readout.
 */
import type { TextQuote } from '../db/db';

export type { TextQuote };

export interface TextPosition {
  start: number;
  end: number;
}

export interface Selectors {
  quote: TextQuote;
  position: TextPosition;
}

/** How an anchor was found, best first. `fuzzy` means the quoted text itself was edited. */
export type AnchorMethod = 'position' | 'quote' | 'fuzzy';

export interface Anchor extends TextPosition {
  method: AnchorMethod;
}

/** Characters of context stored on each side of a quote. */
export const CONTEXT_CHARS = 32;
