/**
 * A modal <dialog> that behaves the same everywhere: it opens with `showModal` (the page behind
 * it is inert, so focus stays inside), Escape closes it even from one of its fields, and closing
 * it puts focus back on the control that opened it, so the focus ring does not vanish.
 */
import { useEffect, useRef, type RefObject } from 'react';
import { useEscapeLayer } from './escape';

/** Opens `dialog` modally on mount; Escape closes it; focus returns to the opener on close. */
export function useModalDialog(dialog: RefObject<HTMLDialogElement | null>): void {
  const opener = useRef<HTMLElement | null>(null);
  useEscapeLayer(true, () => dialog.current?.close());
  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!el.open) el.showModal();
    const restore = () => {
      const back = opener.current;
      if (back?.isConnected) back.focus();
    };
    // The browser lets Tab leave a modal dialog for its own toolbar; wrap around instead.
    const trap = (event: KeyboardEvent) => {
      if (event.key !== 'Tab') return;
      const items = focusables(el);
      if (items.length === 0) return;
      const first = items[0];
      const last = items[items.length - 1];
      const active = document.activeElement;
      if (event.shiftKey && (active === first || !el.contains(active))) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && (active === last || !el.contains(active))) {
        event.preventDefault();
        first.focus();
      }
    };
    el.addEventListener('close', restore);
    el.addEventListener('keydown', trap);
    return () => {
      el.removeEventListener('close', restore);
      el.removeEventListener('keydown', trap);
      restore();
    };
  }, [dialog]);
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The dialog's controls that Tab reaches, in document order. */
function focusables(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
    e => e.getClientRects().length > 0,
  );
}
