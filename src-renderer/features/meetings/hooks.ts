/**
 * The meetings feature's connection to the store: extraction kept in step with the library, and
 * the meetings as shown (machine meetings with the analyst's decisions applied).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { api } from '../../bridge';
import { db } from '../../db/db';
import { articlesAsShown } from '../../db/library';
import type { ShownMeeting } from '../../meetings/decisions';
import {
  loadOne,
  loadShown,
  mergePool,
  queryMeetingList,
  type MeetingList,
  type MeetingOrderQuery,
} from '../../meetings/meeting-query';
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
  // Texts, trashed articles and edited dates: everything the extraction depends on. Not read
  // while paused: the fingerprint walks every article's key, which after each stored batch of
  // an import made the import quadratic, and a paused queue would only defer the request. The
  // fingerprint is read again on resume, and a change since then requests the sync.
  const texts = useLiveQuery(() => (paused ? null : storedFingerprint(db)), [paused]);
  useEffect(() => {
    if (paused) meetingSync.pause();
    else meetingSync.resume();
  }, [paused]);
  useEffect(() => {
    if (typeof texts === 'string') void meetingSync.request();
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

/** The list's order for the filters and order chosen, from the indexes (see meeting-query). */
export function useMeetingList({ filter, order }: MeetingOrderQuery): MeetingList | undefined {
  return useLiveQuery(() => queryMeetingList(db, { filter, order }), [filter, order]);
}

/** Rows are read in pages of this many, so a scroll of a few pixels reads nothing new. */
const PAGE = 25;

/**
 * The shown meetings of the list's rows `from`…`to` (inclusive), read a page at a time. While
 * a new page loads, the rows read before stay, so scrolling never blanks the list.
 */
export function useMeetingRows(
  list: MeetingList | undefined,
  from: number,
  to: number,
): Map<string, ShownMeeting> {
  const start = Math.floor(Math.max(0, from) / PAGE) * PAGE;
  const end = Math.ceil((Math.max(from, to) + 1) / PAGE) * PAGE;
  return useShownOf(list, list?.ids.slice(start, end) ?? []);
}

/** The shown meetings of `ids`, as `useMeetingRows`; for the timeline's visible meetings. */
export function useShownOf(
  list: MeetingList | undefined,
  ids: readonly string[],
): Map<string, ShownMeeting> {
  const key = ids.join('\n');
  const rows = useLiveQuery(
    () => (list ? loadShown(db, key ? key.split('\n') : [], list.known) : undefined),
    [list, key],
  );
  // The last rows read, kept while the next ones load (React's "state from the last render").
  const [last, setLast] = useState<Map<string, ShownMeeting>>(() => new Map());
  if (rows && rows !== last) setLast(rows);
  return rows ?? last;
}

/** The meeting the card shows (also by the id of a meeting merged into it); null when gone. */
export function useMeeting(
  list: MeetingList | undefined,
  id: string | null,
): ShownMeeting | null | undefined {
  return useLiveQuery(async () => (list && id ? loadOne(db, id, list.known) : null), [list, id]);
}

/**
 * The titles, files and dates of the articles one meeting cites; undefined until they are read
 * for a meeting of this id (a live query keeps its last answer while the next runs, and the card
 * must not be laid out, and its scroll position restored, with another meeting's sources; the
 * same meeting after a decision keeps its card, and the focus in it, while they are read again).
 */
export function useSourceArticles(
  meeting: ShownMeeting | null | undefined,
): Map<string, SourceArticle> | undefined {
  const answer = useLiveQuery(async () => {
    const articles = new Map<string, SourceArticle>();
    if (meeting) {
      const ids = [...new Set(meeting.mentions.map(x => x.articleId))];
      for (const a of (await articlesAsShown(db, ids)).values()) {
        articles.set(a.id, { title: a.title, file: a.file, published: a.published });
      }
    }
    return { meeting, articles };
  }, [meeting]);
  return answer && answer.meeting?.id === meeting?.id ? answer.articles : undefined;
}

/** The meetings the merge picker ranks for `meeting` (see `mergePool`), once read for it. */
export function useMergePool(
  list: MeetingList | undefined,
  meeting: ShownMeeting | null | undefined,
): ShownMeeting[] | undefined {
  const answer = useLiveQuery(
    async () => ({
      meeting,
      pool: list && meeting ? await mergePool(db, meeting, list.known) : [],
    }),
    [list, meeting],
  );
  return answer && answer.meeting?.id === meeting?.id ? answer.pool : undefined;
}

/**
 * The countries the Country filter offers: every code in the `countryCodes` index (keys only,
 * no record read), named by main's gazetteer; a code it cannot name is shown as the code.
 */
export function useCountryOptions(): [string, string][] {
  const codes = useLiveQuery(
    async () => (await db.meetings.orderBy('countryCodes').uniqueKeys()) as string[],
    [],
  );
  const [names, setNames] = useState(new Map<string, string>());
  useEffect(() => {
    const missing = (codes ?? []).filter(c => !names.has(c)).slice(0, 300);
    if (missing.length === 0) return;
    let live = true;
    void api.resolveCountries(missing).then(resolved => {
      if (!live) return;
      setNames(old => {
        const next = new Map(old);
        missing.forEach((code, i) =>
          next.set(code, (resolved.ok && resolved.value.countries[i]?.name) || code),
        );
        return next;
      });
    });
    return () => {
      live = false;
    };
  }, [codes, names]);
  return useMemo(
    () =>
      (codes ?? [])
        .map((c): [string, string] => [c, names.get(c) ?? c])
        .sort((a, b) => a[1].localeCompare(b[1])),
    [codes, names],
  );
}
