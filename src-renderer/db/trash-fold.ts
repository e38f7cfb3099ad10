/**
 * Turns the old trash (versions 2–8: records moved into a `trash` table) into trash fields on the
 * records themselves. Used by the version 9 upgrade and by restoring a backup made before it, so
 * that both give the same records for the same rows. Pure: it is given the trash rows and the
 * live records they might collide with, and says what to write.
 *
 * Rules, chosen so that nothing the analyst could restore before is lost:
 * - A record trashed more than once (several rows with one key) keeps its latest deletion: the
 *   old Restore put back the latest copy and discarded the others.
 * - A trashed highlight whose id a live highlight now uses (restored from a backup, or put back
 *   by a redo) stays in the trash under an id of its own, `<id>~trashed-<deletedAt>`: the live
 *   one stays as it is, and the trashed copy can still be restored (as a second highlight).
 * - A trashed note on an article that has a live note: there is one note per article, so the
 *   live note stays and the trashed one is dropped — unless the live note is empty (no text, no
 *   tags), in which case the trashed note takes its place in the trash. Reported in `dropped`.
 */
import type { ArticleNote, Highlight, LegacyTrashRow } from './db';

/** Who trashed records of the old trash: it did not say, and it was always this machine. */
export const LEGACY_TRASHED_BY = 'local';

export interface FoldedTrash {
  /** Records to put: the trashed ones with their trash fields (never a live record). */
  highlights: Highlight[];
  notes: ArticleNote[];
  /** Trashed notes left out because the article has a live note with content. */
  dropped: ArticleNote[];
}

function isEmptyNote(note: ArticleNote): boolean {
  return note.text.trim() === '' && note.tags.length === 0;
}

/** The latest row of each record, by kind and key; ties go to the row written last. */
function latestRows(rows: readonly LegacyTrashRow[]): LegacyTrashRow[] {
  const byKey = new Map<string, LegacyTrashRow>();
  for (const row of rows) {
    const key =
      row.kind === 'highlight'
        ? `h:${(row.record as Highlight).id}`
        : `n:${(row.record as ArticleNote).articleId}`;
    const seen = byKey.get(key);
    if (
      !seen ||
      row.deletedAt > seen.deletedAt ||
      (row.deletedAt === seen.deletedAt && (row.id ?? 0) >= (seen.id ?? 0))
    ) {
      byKey.set(key, row);
    }
  }
  return [...byKey.values()];
}

function trashFields(row: LegacyTrashRow): {
  trashedAt: number;
  trashedBy: string;
  trashedWithArticle?: string;
} {
  return {
    trashedAt: row.deletedAt,
    trashedBy: LEGACY_TRASHED_BY,
    ...(row.withArticle ? { trashedWithArticle: row.withArticle } : {}),
  };
}

/**
 * The records to write for `rows`, given the live records that share a key with any of them
 * (`live` may hold more; only those with a trashed twin matter).
 */
export function foldTrash(
  rows: readonly LegacyTrashRow[],
  live: { highlights: readonly Highlight[]; notes: readonly ArticleNote[] },
): FoldedTrash {
  const liveHighlights = new Set(
    live.highlights.filter(h => h.trashedAt === undefined).map(h => h.id),
  );
  const liveNotes = new Map(
    live.notes.filter(n => n.trashedAt === undefined).map(n => [n.articleId, n]),
  );
  const taken = new Set(live.highlights.map(h => h.id));
  const out: FoldedTrash = { highlights: [], notes: [], dropped: [] };
  for (const row of latestRows(rows)) {
    if (row.kind === 'highlight') {
      const record = row.record as Highlight;
      let id = record.id;
      if (liveHighlights.has(id)) {
        id = `${record.id}~trashed-${row.deletedAt}`;
        for (let n = 2; taken.has(id); n++) id = `${record.id}~trashed-${row.deletedAt}-${n}`;
      }
      taken.add(id);
      out.highlights.push({ ...record, id, ...trashFields(row) });
    } else {
      const record = row.record as ArticleNote;
      const current = liveNotes.get(record.articleId);
      if (current && !isEmptyNote(current)) {
        out.dropped.push(record);
        continue;
      }
      out.notes.push({ ...record, ...trashFields(row) });
    }
  }
  return out;
}
