/**
 * Titles of the articles the All highlights view names: those with highlights, and those the
 * trash refers to. Read from the text-free library entries by key, never from the articles
 * themselves, so opening the view in a library of 100,000 articles reads a few entries, not every
 * text. An article in the trash has no title here (the view says it is not in the library).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db/db';
import { effectiveMetadata } from '../../db/library';
import { trashedItems } from '../../db/trash';

/** Article id → its effective (possibly edited) title, for live articles only. */
export type ArticleTitles = ReadonlyMap<string, { title: string }>;

export function useArticleTitles(
  articleIds: readonly string[] | undefined,
): ArticleTitles | undefined {
  const key = articleIds ? [...new Set(articleIds)].sort().join('\n') : undefined;
  return useLiveQuery(async () => {
    if (key === undefined) return undefined;
    const trashed = await trashedItems(db);
    const ids = [
      ...new Set([...(key ? key.split('\n') : []), ...trashed.map(t => t.record.articleId)]),
    ];
    const entries = await db.library.bulkGet(ids);
    const titles = new Map<string, { title: string }>();
    for (const entry of entries) {
      if (entry && entry.trashedAt === undefined) {
        titles.set(entry.articleId, { title: effectiveMetadata(entry).title });
      }
    }
    return titles;
  }, [key]);
}
