/**
 * A modal <dialog> that behaves the same everywhere: it opens with `showModal` (the page behind
 * it is inert), Tab and Shift+Tab wrap round its controls so focus stays inside, Escape closes
 * it even from one of its fields, and closing it puts focus back on the control that opened it,
 * so the focus ring does not vanish. Every dialog of the app opens through this one hook.
 */
import { useEffect, useRef, type RefObject } from 'react';
import { useEscapeLayer } from './escape';

/**
 * Keeps `dialog` open modally while `open` is true (for a dialog mounted only while it shows,
 * pass true). `onClose` is required: a dialog closed without its owner hearing of it at once is
 * the bug this hook exists to prevent. Returns the dialog's close action, for its Close and Cancel buttons; Escape
 * takes the same path. Closing calls `onClose` at once, where the owner resets its state, and
 * focus returns to whatever had it when the dialog opened.
 *
 * Why not wait for the browser's `close` event: it comes a task after `close()`, while the
 * browser has already hidden the dialog and given focus back. A key pressed in that gap (Escape,
 * then `?` at once) found the owner's state still "open", so the dialog did not open again, and
 * the late event then reset the state. So the owner hears of the close synchronously, and a
 * `close` event that arrives after the dialog was opened again is ignored. A close the browser
 * makes on its own (a form with method="dialog") still comes through that event.
 */
export function useModalDialog(
  dialog: RefObject<HTMLDialogElement | null>,
  open: boolean,
  onClose: () => void,
): () => void {
  const opener = useRef<HTMLElement | null>(null);
  const closed = useRef(onClose);
  useEffect(() => {
    closed.current = onClose;
  });
  const close = () => {
    const el = dialog.current;
    if (el?.open) el.close();
    closed.current();
  };
  useEscapeLayer(open, close);
  useEffect(() => {
    const el = dialog.current;
    if (!el || !open) return;
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!el.open) el.showModal();
    const restore = () => {
      const back = opener.current;
      opener.current = null;
      if (back?.isConnected && back !== document.body) back.focus();
    };
    const onCloseEvent = () => {
      // Late: the dialog was closed and opened again before this event ran.
      if (el.open) return;
      restore();
      closed.current();
    };
    const trap = (event: KeyboardEvent) => {
      if (event.key === 'Tab') wrapTab(el, event);
    };
    el.addEventListener('close', onCloseEvent);
    el.addEventListener('keydown', trap);
    return () => {
      el.removeEventListener('close', onCloseEvent);
      el.removeEventListener('keydown', trap);
      if (el.open) el.close();
      restore();
    };
  }, [dialog, open]);
  return close;
}

/** The browser lets Tab leave a modal dialog for its own toolbar; wrap around instead. */
function wrapTab(el: HTMLElement, event: KeyboardEvent): void {
  const items = focusables(el);
  if (items.length === 0) {
    event.preventDefault();
    return;
  }
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
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

/** The dialog's controls that Tab reaches, in document order. */
function focusables(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
    e => e.getClientRects().length > 0,
  );
}
