/**
 * Builds backup files for the end-to-end specs from a backup the app itself wrote, so that tests
 * can put highlights and notes in place through the Restore UI.
 */
import { describeRange } from '../src-renderer/anchoring/describe';

export interface BackupFile {
  format: string;
  tables: Record<string, Record<string, unknown>[]> & {
    articles: { id: string; title: string; text: string; contentHash: string }[];
  };
  [key: string]: unknown;
}

/** A highlight of the first occurrence of `exact` in `article`, with a note. */
export function highlightOf(
  article: BackupFile['tables']['articles'][number],
  exact: string,
  note: string,
  tags: string[] = [],
): Record<string, unknown> {
  const start = article.text.indexOf(exact);
  if (start < 0) throw new Error(`"${exact}" is not in ${article.title}`);
  return {
    id: `e2e-${start}`,
    articleId: article.id,
    colour: 3,
    ...describeRange(article.text, start, start + exact.length),
    articleVersion: article.contentHash,
    note,
    tags,
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
  };
}
