/**
 * What each highlight colour means, for exports: the same names the app shows, read from the
 * highlights feature's palette (renamed meanings in `meta` 'colours', defaults elsewhere).
 */
import type { ReadoutDB } from '../db/db';
import { DEFAULT_MEANINGS, meaningsFrom } from '../features/highlights/palette';

export const DEFAULT_COLOUR_MEANINGS = DEFAULT_MEANINGS;

/** The meaning of every slot, from what is stored; defaults for slots never renamed. */
export const colourMeanings = meaningsFrom;

export async function readColourMeanings(db: ReadoutDB): Promise<string[]> {
  return colourMeanings((await db.meta.get('colours'))?.value);
}
