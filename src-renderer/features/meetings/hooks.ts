/**
 * The meetings feature's connection to the store: extraction kept in step with the library, and
 * the meetings as shown (machine meetings with the analyst's decisions applied).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useSyncExternalStore } from 'react';
import { api } from '../../bridge';
import { db } from '../../db/db';
import { articlesAsShown } from '../../db/library';
import { applyDecisions, type ShownMeeting } from '../../meetings/decisions';
import { storedFingerprint, SyncQueue, type SyncStatus } from '../../meetings/sync';

/** One queue for the page: imports anywhere end in one extraction at a time. */
export const meetingSync = new SyncQueue(db, api);

/**
 * Re-extracts meetings whenever the set of stored article texts changes: on start (when it
 * changed since the last extraction), after every import and every edited re-import, and when
 * the analyst trashes or restores an article or edits its date. While
 * `paused` (an import is storing its batches) it waits, so a large import ends in one extraction
 * of the whole library instead of one per batch, each larger than the last.
 */
export function useMeetingSync({ paused = false }: { paused?: boolean } = {}): SyncStatus {
  // Texts, trashed articles and edited dates: everything the extraction depends on.
  const texts = useLiveQuery(() => storedFingerprint(db), []);
  useEffect(() => {
    if (paused) meetingSync.pause();
    else meetingSync.resume();
  }, [paused]);
  useEffect(() => {
    if (texts !== undefined) void meetingSync.request();
  }, [texts]);
  return useMeetingSyncStatus();
}

export function useMeetingSyncStatus(): SyncStatus {
  return useSyncExternalStore(meetingSync.subscribe, meetingSync.getStatus);
}

export interface SourceArticle {
  title: string;
  file: string;
  published: string | null;
}

export interface MeetingsData {
  meetings: ShownMeeting[];
  articles: Map<string, SourceArticle>;
}

/** Meetings as shown, with the titles and dates of the articles they cite. */
export function useShownMeetings(): MeetingsData | undefined {
  return useLiveQuery(async () => {
    const [machine, decisions] = await Promise.all([
      db.meetings.toArray(),
      db.meetingDecisions.toArray(),
    ]);
    const meetings = applyDecisions(machine, decisions);
    const ids = [...new Set(meetings.flatMap(m => m.mentions.map(x => x.articleId)))];
    const articles = new Map<string, SourceArticle>();
    for (const a of (await articlesAsShown(db, ids)).values()) {
      articles.set(a.id, { title: a.title, file: a.file, published: a.published });
    }
    return { meetings, articles };
  }, []);
}
