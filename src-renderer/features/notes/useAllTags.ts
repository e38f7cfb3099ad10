import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db/db';
import { allTags } from '../../db/highlights';

const none: string[] = [];

/** Every tag in use on highlights and articles, live, for completion and filters. */
export function useAllTags(): string[] {
  return useLiveQuery(() => allTags(db), []) ?? none;
}
