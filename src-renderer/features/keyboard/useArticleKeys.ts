import { useShortcut } from '../../shortcuts';

/** `j` and `k`: open the next and the previous article in library order. */
export function useArticleKeys(
  order: readonly string[] | undefined,
  selectedId: string | null,
  open: (id: string) => void,
): void {
  const step = (by: 1 | -1) => {
    if (!order || order.length === 0) return;
    const at = order.indexOf(selectedId ?? '');
    const next = at === -1 ? (by > 0 ? 0 : order.length - 1) : at + by;
    if (next >= 0 && next < order.length) open(order[next]);
  };
  useShortcut({ key: 'j', description: 'Next article', group: 'Reading', run: () => step(1) });
  useShortcut({ key: 'k', description: 'Previous article', group: 'Reading', run: () => step(-1) });
}
