/**
 * What "the analyst's work" is, for backups of scope "work": the tables the analyst writes and
 * the `meta` records that are theirs. Articles and extracted meetings are left out: articles can
 * be imported again from their files, and meetings are extracted again from the articles (the
 * analyst's decisions about them are work, and re-attach by their anchors). What the analyst did
 * to articles (read, archived, trashed, edited details) is work: the `library` entries that carry
 * it (library-state.ts).
 */
import { MEETING_NOTE_PREFIX } from '../../src-main/contract/auto-backup';
import { PENDING_LIBRARY_STATE_KEY } from './library-state';

/**
 * Tables a work backup holds (`meta` only in part, see `isWorkMetaKey`). The trash is fields of
 * the highlights and notes since database version 9; older work backups also hold a `trash`
 * table, which restoring folds into those fields (backup.ts).
 */
export const WORK_TABLES: ReadonlySet<string> = new Set([
  'highlights',
  'articleNotes',
  'meetingDecisions',
  'briefings',
  'library',
  'meta',
]);

/** Tables every work backup must have; the others came with later database versions. */
export const REQUIRED_WORK_TABLES = ['highlights', 'articleNotes', 'meta'] as const;

/** The colour meanings the analyst renamed (features/highlights/palette.ts). */
const COLOURS_KEY = 'colours';

/**
 * Whether a `meta` record is the analyst's: colour meanings, meeting notes, and the library state
 * a restore kept for articles not imported yet.
 */
export function isWorkMetaKey(key: unknown): boolean {
  return (
    key === COLOURS_KEY ||
    key === PENDING_LIBRARY_STATE_KEY ||
    (typeof key === 'string' && key.startsWith(MEETING_NOTE_PREFIX))
  );
}
