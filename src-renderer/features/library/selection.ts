/**
 * Which articles of the list are selected, for acting on several at once: a click selects one,
 * Ctrl/Cmd toggles one, Shift extends from the anchor (the last article clicked or toggled).
 * Pure, over the ids in list order, so the keyboard and the mouse share one set of rules and a
 * filter that hides selected articles drops them from the selection.
 */

export interface Selection {
  ids: ReadonlySet<string>;
  /** Where a Shift range starts; null before the first click. */
  anchor: string | null;
}

export const EMPTY_SELECTION: Selection = { ids: new Set(), anchor: null };

/** Only `id` selected, and the anchor there. */
export function selectOnly(id: string): Selection {
  return { ids: new Set([id]), anchor: id };
}

/** Adds `id` when it was not selected, removes it when it was; the anchor moves there. */
export function toggle(s: Selection, id: string): Selection {
  const ids = new Set(s.ids);
  if (ids.has(id)) ids.delete(id);
  else ids.add(id);
  return { ids, anchor: id };
}

/**
 * Selects the articles from the anchor to `id` in list order (replacing the selection, as file
 * managers do); without an anchor in the list, just `id`.
 */
export function extendTo(s: Selection, order: readonly string[], id: string): Selection {
  const from = s.anchor === null ? -1 : order.indexOf(s.anchor);
  const to = order.indexOf(id);
  if (to === -1) return s;
  if (from === -1) return selectOnly(id);
  const [lo, hi] = from < to ? [from, to] : [to, from];
  return { ids: new Set(order.slice(lo, hi + 1)), anchor: s.anchor };
}

/** The selection without articles the list no longer shows; the same object when none left. */
export function keepShown(s: Selection, shown: ReadonlySet<string>): Selection {
  if ([...s.ids].every(id => shown.has(id))) return s;
  const ids = new Set([...s.ids].filter(id => shown.has(id)));
  return { ids, anchor: s.anchor !== null && shown.has(s.anchor) ? s.anchor : null };
}

/** The selected ids in list order. */
export function selectedInOrder(s: Selection, order: readonly string[]): string[] {
  return order.filter(id => s.ids.has(id));
}

/** Where the active row moves for a navigation key, or null for any other key. */
export function moveIndex(key: string, at: number, count: number, page = 10): number | null {
  if (count === 0) return null;
  const last = count - 1;
  switch (key) {
    case 'ArrowDown':
      return Math.min(last, at + 1);
    case 'ArrowUp':
      return Math.max(0, at - 1);
    case 'Home':
      return 0;
    case 'End':
      return last;
    case 'PageDown':
      return Math.min(last, at + page);
    case 'PageUp':
      return Math.max(0, at - page);
    default:
      return null;
  }
}
