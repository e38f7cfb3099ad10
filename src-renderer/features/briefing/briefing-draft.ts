/**
 * One path from what the analyst has on a meeting to the briefing main lays out: the sources'
 * articles, highlights and notes read once (`useBriefingData`), and the stored briefing edits
 * (bottom line, key points in their order, excluded highlights, paper, handling) applied by
 * `briefingDraft`. The Briefing view and the export dialog both print through it, so an export
 * can never ignore what the analyst edited.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { BriefingInputDraft, BriefingNext } from '../../../src-main/contract/briefing';
import type { Meeting } from '../../../src-main/contract/meeting';
import {
  db,
  type ArticleNote,
  type BriefingRecord,
  type Highlight,
  type StoredArticle,
} from '../../db/db';
import { articlesAsShown } from '../../db/library';
import { defaultKeyPoints, editsOf, findBriefing, linkedNext } from './briefing-edits';
import { buildBriefingInput, sourceArticleIds } from './briefing-input';

/** Everything a meeting's briefing is made from, as the database holds it now. */
export interface BriefingData {
  articles: Map<string, StoredArticle>;
  /** In source order, then text order. */
  highlights: Highlight[];
  articleNotes: ArticleNote[];
  meetingNote: string | null;
  /** The analyst's saved edits for this meeting, or null when none were made. */
  stored: BriefingRecord | null;
  next: BriefingNext[];
}

/** Reads (live) what the briefing of `meeting` is made from; undefined while loading. */
export function useBriefingData(meeting: Meeting): BriefingData | undefined {
  const sourceIds = useMemo(() => sourceArticleIds(meeting), [meeting]);
  return useLiveQuery(async () => {
    const [articles, highlights, articleNotes, note, records, meetings] = await Promise.all([
      articlesAsShown(db, sourceIds),
      db.highlights.where('articleId').anyOf(sourceIds).toArray(),
      db.articleNotes.bulkGet(sourceIds),
      db.meta.get(`meeting-note:${meeting.id}`),
      db.briefings.toArray(),
      db.meetings.toArray(),
    ]);
    return {
      articles,
      // Trashed work stays out of the briefing, as it does out of every other view.
      highlights: highlights
        .filter(h => h.trashedAt === undefined)
        .sort(
          (a, b) =>
            sourceIds.indexOf(a.articleId) - sourceIds.indexOf(b.articleId) ||
            a.position.start - b.position.start,
        ),
      articleNotes: articleNotes.flatMap(n => (n && n.trashedAt === undefined ? [n] : [])),
      meetingNote: typeof note?.value === 'string' ? note.value : null,
      stored: findBriefing(records, meeting),
      next: linkedNext(meeting, meetings),
    };
  }, [meeting, sourceIds]);
}

/**
 * The briefing input for `meeting` with `record`'s edits applied: its excluded highlights left
 * out (of the highlights and of the default key points), its key points in their order and
 * wording, its bottom line, paper and handling line.
 */
export function briefingDraft(args: {
  meeting: Meeting;
  data: BriefingData;
  record: BriefingRecord;
  meanings: string[];
  generatedAt: string;
}): BriefingInputDraft {
  const { meeting, data, record } = args;
  const excluded = new Set(record.excludedHighlights);
  const kept = data.highlights.filter(h => !excluded.has(h.id));
  const draft = buildBriefingInput({
    meeting,
    articles: data.articles,
    highlights: data.highlights,
    articleNotes: data.articleNotes,
    meetingNote: data.meetingNote,
    meanings: args.meanings,
    chosen: new Set(kept.map(h => h.id)),
    options: { paper: record.paper, handling: record.handling, generatedAt: args.generatedAt },
  });
  return { ...draft, edits: editsOf(record, defaultKeyPoints(meeting, kept), data.next) };
}
