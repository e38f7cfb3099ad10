/**
 * What each highlight colour means. The analyst can rename the eight slots (stored in `meta`
 * under 'colours' by the highlights feature); exports read the names from there and fall back to
 * the defaults for any slot that is missing or unreadable.
 */
import type { ReadoutDB } from '../db/db';

export const DEFAULT_COLOUR_MEANINGS = [
  'Key point',
  'Participant',
  'Date & place',
  'Purpose',
  'Question',
  'Doubt',
  'Other',
  'Background',
] as const;

/** Accepts a list of names, or of objects with a `name`, `label` or `meaning`. */
export function colourMeanings(stored: unknown): string[] {
  const list = Array.isArray(stored) ? (stored as unknown[]) : [];
  return DEFAULT_COLOUR_MEANINGS.map((fallback, slot) => {
    const entry = list[slot];
    if (typeof entry === 'string' && entry.trim()) return entry.trim();
    if (entry && typeof entry === 'object') {
      const o = entry as Record<string, unknown>;
      for (const key of ['name', 'label', 'meaning']) {
        const v = o[key];
        if (typeof v === 'string' && v.trim()) return v.trim();
      }
    }
    return fallback;
  });
}

export async function readColourMeanings(db: ReadoutDB): Promise<string[]> {
  return colourMeanings((await db.meta.get('colours'))?.value);
}
