/**
 * One Escape key for the whole app. Whatever opened last (a dialog, a selection, a toolbar)
 * registers a layer; Escape closes the top one. In a text field, Escape first leaves the field
 * (which saves a note), so a second Escape closes what is around it.
 */
import { useEffect, useRef } from 'react';
import { useShortcut } from '../../shortcuts';

const layers: { close: () => void }[] = [];

/** While `active`, Escape calls `close` (unless something registered later is open too). */
export function useEscapeLayer(active: boolean, close: () => void): void {
  const latest = useRef(close);
  useEffect(() => {
    latest.current = close;
  });
  useEffect(() => {
    if (!active) return;
    const layer = { close: () => latest.current() };
    layers.push(layer);
    return () => {
      const i = layers.indexOf(layer);
      if (i !== -1) layers.splice(i, 1);
    };
  }, [active]);
}

/** Registers the Escape shortcut; mount once. */
export function useEscapeKey(): void {
  useShortcut({
    key: 'Escape',
    description: 'Close, leave a field, or clear the selection',
    group: 'General',
    inFields: true,
    run: event => {
      const el = event.target as HTMLElement | null;
      // Inside an open dialog Escape closes the dialog, from a field too: blurring would send
      // focus out of the dialog to the inert page behind it.
      const inDialog = Boolean(el?.closest('dialog[open]'));
      if (
        !inDialog &&
        el &&
        (el.tagName === 'TEXTAREA' || el.tagName === 'INPUT' || el.isContentEditable)
      ) {
        el.blur();
        return;
      }
      layers.at(-1)?.close();
    },
  });
}
