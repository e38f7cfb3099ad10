import { MONTH_ABBREVIATIONS } from '../src-main/contract/months';

/** Display helpers shared by the views. */

/** `2023-04-24` → `24 Apr 2023`, in a fixed English form so screenshots and tests are stable. */
export function formatDate(iso: string | null): string | null {
  if (!iso) return null;
  const [y, m, d] = iso.split('-').map(Number);
  const month = MONTH_ABBREVIATIONS[m - 1];
  return month ? `${d} ${month} ${y}` : iso;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}
