/**
 * The highlight colours. Eight slots, each with a meaning the analyst can rename (stored in the
 * `meta` table under 'colours'). A colour is never the only cue: each slot also has its own
 * underline style and number, and its meaning is shown as text wherever the highlight is listed.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { db, type ReadoutDB } from '../../db/db';

export const COLOUR_COUNT = 8;

export const DEFAULT_MEANINGS: readonly string[] = [
  'Key point',
  'Participant',
  'Date & place',
  'Purpose',
  'Question',
  'Doubt',
  'Source',
  'Follow-up',
];

/** Plain names of the colours themselves, for tooltips next to the meaning. */
export const COLOUR_NAMES: readonly string[] = [
  'yellow',
  'blue',
  'green',
  'pink',
  'orange',
  'purple',
  'teal',
  'grey',
];

const META_KEY = 'colours';

/** The stored meanings, with defaults for slots never renamed or stored values that are not text. */
export function meaningsFrom(stored: unknown): string[] {
  const list = Array.isArray(stored) ? stored : [];
  return DEFAULT_MEANINGS.map((fallback, i) => {
    const v: unknown = list[i];
    return typeof v === 'string' && v.trim() ? v.trim() : fallback;
  });
}

/** Renames one colour's meaning; an empty name returns it to its default. */
export async function renameColour(database: ReadoutDB, slot: number, name: string): Promise<void> {
  await database.transaction('rw', database.meta, async () => {
    const current = meaningsFrom((await database.meta.get(META_KEY))?.value);
    current[slot] = name.trim().slice(0, 40) || DEFAULT_MEANINGS[slot];
    await database.meta.put({ key: META_KEY, value: current });
  });
}

/** The eight meanings, live; the defaults until the stored ones have loaded. */
export function useColourMeanings(): string[] {
  const stored = useLiveQuery(() => db.meta.get(META_KEY), []);
  return meaningsFrom(stored?.value);
}

/** Clamps a stored colour to a valid slot, so a bad record still renders. */
export function slot(colour: number): number {
  return Number.isInteger(colour) && colour >= 0 && colour < COLOUR_COUNT ? colour : 0;
}
