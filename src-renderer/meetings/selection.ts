/**
 * Starting a hand-added meeting from what the analyst selected in the reader: the selection is
 * mapped to offsets in the article text and widened to its sentence, which becomes the new
 * meeting's source.
 */
import type { Mention } from '../../src-main/contract/meeting';
import { NO_DATE } from './fields';

export interface SentenceSpan {
  sentence: string;
  start: number;
  end: number;
}

const END = /[.!?]["'”’)\]]*(?=\s)|\n/g;

/**
 * The sentence (or sentences) around `start`–`end` in `text`: from after the previous sentence
 * end to the next one, trimmed. Null for an empty or out-of-range span.
 */
export function expandToSentence(text: string, start: number, end: number): SentenceSpan | null {
  if (start < 0 || end > text.length || end <= start) return null;
  let from = 0;
  let to = text.length;
  END.lastIndex = 0;
  for (let m = END.exec(text); m; m = END.exec(text)) {
    const stop = m.index + m[0].length;
    if (stop <= start) from = stop;
    else if (m.index >= end - 1 || stop >= end) {
      to = stop;
      break;
    }
  }
  while (from < to && /\s/.test(text[from])) from++;
  while (to > from && /\s/.test(text[to - 1])) to--;
  if (to <= from) return null;
  return { sentence: text.slice(from, to), start: from, end: to };
}

/** Offsets in the article text of the page's current selection inside the reader, or null. */
export function selectionOffsets(
  selection: Selection | null = window.getSelection(),
): { start: number; end: number } | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const at = (node: Node, offset: number): number | null => {
    const element = node instanceof Element ? node : node.parentElement;
    const p = element?.closest<HTMLElement>('[data-testid="article-text"] [data-start]');
    if (!p) return null;
    const before = document.createRange();
    before.setStart(p, 0);
    before.setEnd(node, offset);
    return Number(p.dataset.start) + before.toString().length;
  };
  const start = at(range.startContainer, range.startOffset);
  const end = at(range.endContainer, range.endOffset);
  return start === null || end === null || end <= start ? null : { start, end };
}

/** What the "Add meeting" form starts from when the analyst added from a selection. */
export interface MeetingDraft {
  mention: Mention;
  articleTitle: string;
}

/**
 * The draft of a meeting whose source is the sentence around the reader's current selection,
 * or null when nothing in the open article is selected.
 */
export function meetingFromSelection(article: {
  id: string;
  source: string;
  title: string;
  text: string;
}): MeetingDraft | null {
  const offsets = selectionOffsets();
  if (!offsets) return null;
  return draftFromSpan(article, offsets.start, offsets.end);
}

/** The same from known offsets (tests, callers that hold a highlight). */
export function draftFromSpan(
  article: { id: string; source: string; title: string; text: string },
  start: number,
  end: number,
): MeetingDraft | null {
  const span = expandToSentence(article.text, start, end);
  if (!span) return null;
  return {
    articleTitle: article.title,
    mention: {
      file: article.source,
      articleId: article.id,
      ...span,
      status: 'held',
      date: NO_DATE,
    },
  };
}

let pending: MeetingDraft | null = null;

/** Hands a draft to the meetings view, which opens its "Add meeting" form with it. */
export function setPendingDraft(draft: MeetingDraft | null): void {
  pending = draft;
}

/** The draft waiting for the meetings view, if any; read on mount, then cleared. */
export function peekPendingDraft(): MeetingDraft | null {
  return pending;
}

export function clearPendingDraft(): void {
  pending = null;
}
