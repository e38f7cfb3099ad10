/**
 * Read state and reading position of the open article: it becomes read after it has been open
 * for READ_AFTER_MS, and the first paragraph in view is remembered as the analyst scrolls, so
 * that opening the article again (after a reload too) returns there.
 */
import { useEffect, type RefObject } from 'react';
import { db } from '../../db/db';
import { markRead, positionOf, savePosition } from '../../db/library';

/** An article open this long counts as read: long enough to be more than passing through. */
export const READ_AFTER_MS = 3000;
/** Scrolling settles this long before the position is written. */
const SAVE_AFTER_MS = 400;

/** The scrolling ancestor of `el` (the reading pane). */
function scrollerOf(el: HTMLElement): HTMLElement | null {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const y = getComputedStyle(p).overflowY;
    if (y === 'auto' || y === 'scroll') return p;
  }
  return null;
}

/** The offset (`data-start`) of the first paragraph whose bottom is below the pane's top. */
function firstVisible(root: HTMLElement, pane: HTMLElement): number | null {
  const top = pane.getBoundingClientRect().top;
  for (const p of root.querySelectorAll<HTMLElement>('p[data-start]')) {
    if (p.getBoundingClientRect().bottom > top + 1) return Number(p.dataset.start);
  }
  return null;
}

/**
 * Marks the article read after a few seconds open, restores its saved position (unless
 * `jumping`: a search hit or meeting sentence is being shown) and saves it while scrolling.
 */
export function useReadingState(
  articleId: string,
  root: RefObject<HTMLElement | null>,
  jumping: boolean,
): void {
  useEffect(() => {
    const timer = setTimeout(() => void markRead(db, articleId), READ_AFTER_MS);
    return () => clearTimeout(timer);
  }, [articleId]);

  useEffect(() => {
    const el = root.current;
    const pane = el && scrollerOf(el);
    if (!el || !pane) return;
    let cancelled = false;
    let restored = jumping;
    if (!jumping) {
      void positionOf(db, articleId).then(at => {
        if (cancelled) return;
        restored = true;
        if (!at) return;
        const paragraphs = [...el.querySelectorAll<HTMLElement>('p[data-start]')];
        const target = paragraphs.filter(p => Number(p.dataset.start) <= at).at(-1);
        if (target)
          pane.scrollTop += target.getBoundingClientRect().top - pane.getBoundingClientRect().top;
      });
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onScroll = () => {
      if (!restored) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        const at = firstVisible(el, pane);
        if (at !== null) void savePosition(db, articleId, at);
      }, SAVE_AFTER_MS);
    };
    pane.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      cancelled = true;
      clearTimeout(timer);
      pane.removeEventListener('scroll', onScroll);
    };
  }, [articleId, root, jumping]);
}
