/**
 * Placing an article's stored highlights in its current text: each is anchored (see
 * anchoring/anchor.ts) and either placed at offsets or kept aside as an orphan.
 */
import { anchor } from '../../anchoring/anchor';
import type { AnchorMethod } from '../../anchoring/types';
import type { Highlight } from '../../db/db';

export interface Placed {
  highlight: Highlight;
  start: number;
  end: number;
  method: AnchorMethod;
}

export interface Placement {
  /** In text order; at equal starts the longer highlight first. */
  placed: Placed[];
  /** Highlights whose passage is no longer in the text, oldest first. */
  orphans: Highlight[];
}

export function place(text: string, highlights: readonly Highlight[]): Placement {
  const placed: Placed[] = [];
  const orphans: Highlight[] = [];
  for (const highlight of highlights) {
    const a = anchor(text, highlight);
    if (a) placed.push({ highlight, start: a.start, end: a.end, method: a.method });
    else orphans.push(highlight);
  }
  placed.sort((a, b) => a.start - b.start || b.end - a.end);
  orphans.sort((a, b) => a.createdAt - b.createdAt);
  return { placed, orphans };
}
