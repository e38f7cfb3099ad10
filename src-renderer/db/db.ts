/**
 * The one IndexedDB database, through Dexie. Versions only move forward; each new version gets an
 * upgrade function where data must change and a test that opens a database of the version before.
 *
 * The analyst's own work (highlights, notes, tags, decisions) lives in tables of its own, never on
 * article records, so that re-importing an article can replace its text without touching it.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { Article } from '../../src-main/contract/article';
import type { ArticleExtraction } from '../../src-main/contract/article-meetings';
import type { Meeting } from '../../src-main/contract/meeting';
import { scopeKeys } from '../meetings/scope-keys';
import { installOutboxCapture } from '../sync/outbox-capture';
import { entryFromArticle } from './entries';

export { entryFromArticle };
import { foldTrash } from './trash-fold';
import {
  SYNC_STORES,
  type SyncConflictRow,
  type SyncOutboxRow,
  type SyncStateRow,
} from '../sync/sync-stores';

/** An article as stored: `id` is the content id of its first import and never changes. */
export interface StoredArticle extends Article {
  /** Content id of the text now stored (differs from `id` after an edited re-import). */
  contentHash: string;
  importedAt: number;
  updatedAt: number;
}

export interface MetaRecord {
  key: string;
  value: unknown;
}

/** W3C-style selectors: the quote with 32 characters of context each side, and offsets. */
export interface TextQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

/**
 * Trash is a field of the record, not a move between tables (version 9), so that team sync sends
 * a trashing as an edit of one document and the three-way merge can combine it with a colleague's
 * edit of the same record. Every reader of live work skips records with `trashedAt`.
 */
export interface Trashable {
  /** When the analyst (or a colleague) sent the record to the trash; absent while live. */
  trashedAt?: number;
  /** Who trashed it: their team user name once a team is joined, else 'local'. */
  trashedBy?: string;
  /**
   * The article it went to the trash with (that article was deleted): the trash shows it under
   * that article, and restoring the article brings it back. Absent when trashed on its own.
   */
  trashedWithArticle?: string;
}

export interface Highlight extends Trashable {
  id: string;
  articleId: string;
  /** Colour slot 0–7; its meaning ("Key point") is a renameable setting. */
  colour: number;
  quote: TextQuote;
  position: { start: number; end: number };
  /** `contentHash` of the article text the position refers to. */
  articleVersion: string;
  note: string;
  tags: string[];
  createdAt: number;
  updatedAt: number;
}

/** The analyst's note and tags on one article. */
export interface ArticleNote extends Trashable {
  articleId: string;
  text: string;
  tags: string[];
  updatedAt: number;
}

/**
 * Deleted work as versions 2–8 kept it: the record moved into a `trash` table. Version 9 turns
 * every row back into its record with the trash fields (trash-fold.ts); backups made before then
 * still hold these rows and are folded the same way when restored.
 */
export interface LegacyTrashRow {
  id?: number;
  kind: 'highlight' | 'article-note';
  record: Highlight | ArticleNote;
  deletedAt: number;
  /** Set when the record went to the trash with its (deleted) article. */
  withArticle?: string;
}

/**
 * The analyst's corrections to an article's metadata, laid over the fields read from the file.
 * Kept apart from those fields so that a re-import (which replaces them) keeps the corrections.
 */
export interface MetadataEdits {
  title?: string;
  publisher?: string;
  author?: string;
  /** YYYY-MM-DD; the meetings' relative dates ("on Monday") resolve against it. */
  published?: string;
  url?: string;
}

/**
 * One article as the library shows it, without its text, so that the list of 100,000 articles
 * never loads text; and the analyst's state of it (read, position, archived, trashed, edits).
 * `articleId` is the article's id. The file fields (title…url) are a copy of the article's,
 * refreshed on every re-import; the state fields are the analyst's and survive re-imports.
 * Trash and archive are fields, not moves between tables, so a later sync can send them as
 * updates of one record (`updatedAt`).
 */
export interface LibraryEntry {
  articleId: string;
  title: string;
  publisher: string | null;
  published: string | null;
  dateline: string | null;
  file: string;
  source: string;
  author: string | null;
  url: string | null;
  /** When the article was first imported. */
  addedAt: number;
  /** When the analyst's state of it last changed (read, archive, trash, edits). */
  updatedAt: number;
  /** When the article was first read (open for a few seconds); absent while unread. */
  readAt?: number;
  archivedAt?: number;
  trashedAt?: number;
  /** Who trashed it: 'local' on this machine (team sync will name people). */
  trashedBy?: string;
  edits?: MetadataEdits;
}

/**
 * A meeting as the extractor last reported it, with fields indexed for the list and timeline.
 * Replaced on every extraction; the analyst's decisions live in `meetingDecisions`.
 */
export interface StoredMeeting extends Meeting {
  /** `date.start`, or '' when undated (IndexedDB cannot index null). */
  dateStart: string;
  countryCodes: string[];
  articleIds: string[];
  /**
   * Country × date-window keys (`meetings/scope-keys.ts`): what the merge scope reads to find
   * the meetings a change could join, without every meeting of a country (version 11).
   */
  scopeKeys: string[];
}

/**
 * A mention a decision was made on: its article and sentence start, and the sentence itself so
 * that the decision still finds it when an edited re-import moves the sentence.
 */
export interface DecisionAnchor {
  articleId: string;
  start: number;
  quote?: string;
}

/**
 * One decision of the analyst about a meeting: a field confirmed, edited or rejected, a meeting
 * deleted, merged, split or added by hand. `anchors` are the mentions (article and sentence
 * start) the decision was made on, so it re-attaches after re-extraction changes meeting ids.
 */
export interface MeetingDecision {
  id: string;
  meetingId: string;
  kind: string;
  field?: string;
  value?: unknown;
  anchors: DecisionAnchor[];
  createdAt: number;
  updatedAt: number;
  /** Team sync: the analyst who made the decision (their team user name); absent on a solo desk. */
  authorId?: string;
  /**
   * Team sync: the decisions this one replaces. Decisions are immutable once shared, so a change
   * of mind is a new decision naming the old; two current decisions on one field are a conflict.
   */
  supersedes?: string[];
}

/**
 * What the extractor found in one article, cached so that an article is extracted once per text
 * and extractor version: valid while `contentHash` is the article's and `extractorVersion` the
 * one main merges (main names stale versions). Derived data: never backed up, always rebuildable.
 */
export interface StoredArticleMeetings extends ArticleExtraction {
  /** `contentHash` of the article text the results were found in. */
  contentHash: string;
}

/** One key point as the analyst placed it in a briefing: `key` names its origin. */
export interface BriefingPointRecord {
  /** `h:<highlight id>`, `m:<article id>:<start>` (an evidence sentence) or `own:<n>`. */
  key: string;
  text: string;
  articleId: string | null;
}

/**
 * The analyst's edits to one meeting's briefing. Keyed by the meeting id it was written on, and
 * found again by its anchors (the meeting's sentences) when re-extraction renames the meeting,
 * the way decisions are.
 */
export interface BriefingRecord {
  id: string;
  anchors: DecisionAnchor[];
  bottomLine: string | null;
  /** Points in the analyst's order; null until the analyst reorders, drops or rewords one. */
  keyPoints: BriefingPointRecord[] | null;
  excludedHighlights: string[];
  handling: string | null;
  paper: 'A4' | 'Letter';
  updatedAt: number;
}

/**
 * Where the analyst is in an article: the offset into its text of the first paragraph in view.
 * A table of its own, so that saving it while the analyst scrolls does not make the library list
 * (which watches every entry) read itself again.
 */
export interface ReadingPosition {
  articleId: string;
  position: number;
  updatedAt: number;
}

/**
 * One piece of the saved search index (derived data: never backed up, rebuilt when missing). The
 * index is saved in pieces of a few megabytes so that no single record, read or write is the
 * size of the whole index; `search/snapshot.ts` owns the ids.
 */
export interface SearchIndexChunk {
  id: string;
  data: string;
}

export class ReadoutDB extends Dexie {
  articles!: EntityTable<StoredArticle, 'id'>;
  meta!: EntityTable<MetaRecord, 'key'>;
  highlights!: EntityTable<Highlight, 'id'>;
  articleNotes!: EntityTable<ArticleNote, 'articleId'>;
  meetings!: EntityTable<StoredMeeting, 'id'>;
  meetingDecisions!: EntityTable<MeetingDecision, 'id'>;
  articleMeetings!: EntityTable<StoredArticleMeetings, 'articleId'>;
  briefings!: EntityTable<BriefingRecord, 'id'>;
  library!: EntityTable<LibraryEntry, 'articleId'>;
  positions!: EntityTable<ReadingPosition, 'articleId'>;
  syncOutbox!: EntityTable<SyncOutboxRow, 'seq'>;
  syncState!: EntityTable<SyncStateRow, 'key'>;
  syncConflicts!: EntityTable<SyncConflictRow, 'id'>;
  searchIndex!: EntityTable<SearchIndexChunk, 'id'>;

  constructor(name = 'readout') {
    super(name);
    this.version(1).stores({
      articles: 'id, &source, contentHash, published, importedAt',
      meta: 'key',
    });
    // v2: the analyst's desk. New tables only; no v1 data changes.
    this.version(2).stores({
      highlights: 'id, articleId, colour, *tags, createdAt, updatedAt',
      articleNotes: 'articleId, *tags, updatedAt',
      trash: '++id, kind, deletedAt',
    });
    // v3: meetings found by the extractor, and the analyst's decisions about them.
    this.version(3).stores({
      meetings: 'id, status, dateStart, *countryCodes, *articleIds',
      meetingDecisions: 'id, meetingId, kind, updatedAt',
    });
    // v4: per-article extraction results, keyed by article and checked against its content hash,
    // so a change to the library re-extracts only the articles whose text changed. New table
    // only: the first sync after the upgrade fills it once.
    this.version(4).stores({
      articleMeetings: 'articleId, contentHash',
    });
    // v5: the analyst's briefing edits, one record per meeting. A new table; nothing else moves.
    this.version(5).stores({
      briefings: 'id, updatedAt',
    });
    // v6: the library's entries (metadata without text, and the analyst's read, archive, trash
    // and edit state), one per article, filled from the stored articles once, here; and the
    // reading positions.
    this.version(6)
      .stores({
        library: 'articleId, addedAt, readAt, archivedAt, trashedAt, updatedAt, edits.published',
        positions: 'articleId',
      })
      .upgrade(async tx => {
        const entries: LibraryEntry[] = [];
        await tx
          .table<StoredArticle, string>('articles')
          .each(a => entries.push(entryFromArticle(a, a.importedAt)));
        await tx.table<LibraryEntry, string>('library').bulkAdd(entries);
      });
    // v7: team sync's outbox, per-document state and "Needs your decision" rows (sync-stores.ts).
    // Three new empty tables: nothing was queued or replicated before a team is joined, and
    // joining queues every existing record once.
    this.version(7).stores(SYNC_STORES);
    // v8: the saved search index in pieces (derived; see SearchIndexChunk). A new table only.
    this.version(8).stores({
      searchIndex: 'id',
    });
    // v9: trash becomes fields of the highlight or note (see Trashable). Every `trash` row goes
    // back into its table with `trashedAt` (its old `deletedAt`), `trashedBy` 'local' and
    // `trashedWithArticle`, and the table is dropped: nothing reads it any more. `trashedAt`
    // is indexed so the trash view and "Empty trash" read only trashed records, and
    // `trashedWithArticle` so restoring an article finds its work without a scan.
    this.version(9)
      .stores({
        highlights:
          'id, articleId, colour, *tags, createdAt, updatedAt, trashedAt, trashedWithArticle',
        articleNotes: 'articleId, *tags, updatedAt, trashedAt, trashedWithArticle',
        trash: null,
      })
      .upgrade(async tx => {
        const rows = await tx.table<LegacyTrashRow, number>('trash').toArray();
        if (rows.length === 0) return;
        const highlights = tx.table<Highlight, string>('highlights');
        const notes = tx.table<ArticleNote, string>('articleNotes');
        const hIds = rows.filter(r => r.kind === 'highlight').map(r => (r.record as Highlight).id);
        const nIds = rows.filter(r => r.kind === 'article-note').map(r => r.record.articleId);
        const folded = foldTrash(rows, {
          highlights: (await highlights.bulkGet(hIds)).filter(h => h !== undefined),
          notes: (await notes.bulkGet(nIds)).filter(n => n !== undefined),
        });
        await highlights.bulkPut(folded.highlights);
        await notes.bulkPut(folded.notes);
      });
    // v10: the library's `published` index, so that the list's default
    // order (newest first) comes from keys, not from reading every entry on start. Index only:
    // no record changes. Undated entries (published null) are not in it; the list finds them as
    // the primary keys the index lacks.
    this.version(10).stores({
      library:
        'articleId, addedAt, readAt, archivedAt, trashedAt, updatedAt, edits.published, published',
    });
    // v11: the meetings' `scopeKeys` (country × date window, see StoredMeeting), so that the
    // merge scope of a change reads the meetings of its countries near its dates, not all of
    // them. Every stored meeting gets its keys here; meetings are derived data, so a row the
    // keys cannot be made for (no countries) gets none and no scope needs it.
    this.version(11)
      .stores({
        meetings: 'id, status, dateStart, *countryCodes, *articleIds, *scopeKeys',
      })
      .upgrade(tx =>
        tx
          .table<StoredMeeting, string>('meetings')
          .toCollection()
          .modify(m => {
            m.scopeKeys = scopeKeys(m);
          }),
      );
    // Every write of a synced record queues its outbox row in the same transaction, once a team
    // is joined (sync/outbox-capture.ts).
    installOutboxCapture(this);
  }
}

export const db = new ReadoutDB();
