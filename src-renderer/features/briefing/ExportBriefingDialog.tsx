import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import type { Meeting } from '../../../src-main/contract/meeting';
import { desktop } from '../../bridge';
import { db } from '../../db/db';
import { useColourMeanings } from '../highlights/palette';
import { useModalDialog } from '../keyboard/modal';
import { deliverBriefing } from './deliver';
import { buildBriefingInput, KEY_POINT_SLOT, sourceArticleIds } from './briefing-input';

interface Props {
  meeting: Meeting;
  onClose: () => void;
}

/** The analyst's note on a meeting is kept in `meta`, so it survives re-extraction and backups. */
const noteKey = (meetingId: string) => `meeting-note:${meetingId}`;

type Status =
  | { kind: 'idle' }
  | { kind: 'working' }
  | { kind: 'done'; message: string }
  | { kind: 'error'; message: string };

/**
 * Export of a meeting's one-page briefing: paper, an optional handling line, and which highlights
 * to print. On the desktop main asks where to save; in the browser preview the PDF downloads.
 */
export function ExportBriefingDialog({ meeting, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const sourceIds = useMemo(() => sourceArticleIds(meeting), [meeting]);
  const data = useLiveQuery(async () => {
    const [articles, highlights, articleNotes] = await Promise.all([
      db.articles.bulkGet(sourceIds),
      db.highlights.where('articleId').anyOf(sourceIds).toArray(),
      db.articleNotes.bulkGet(sourceIds),
    ]);
    return {
      articles: new Map(articles.flatMap(a => (a ? [[a.id, a] as const] : []))),
      highlights: highlights.sort((a, b) => a.position.start - b.position.start),
      articleNotes: articleNotes.flatMap(n => (n ? [n] : [])),
    };
  }, [sourceIds]);
  const meanings = useColourMeanings();
  const [paper, setPaper] = useState<'A4' | 'Letter'>('A4');
  const [handling, setHandling] = useState('');
  const [excluded, setExcluded] = useState<Set<string>>(new Set());
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [meetingNote, setMeetingNote] = useState<string | null>(null);

  useEffect(() => {
    void db.meta.get(noteKey(meeting.id)).then(record => {
      setMeetingNote(typeof record?.value === 'string' ? record.value : '');
    });
  }, [meeting.id]);

  const saveNote = (text: string) => {
    setMeetingNote(text);
    void db.meta.put({ key: noteKey(meeting.id), value: text });
  };

  useModalDialog(dialog);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!data) return;
    setStatus({ kind: 'working' });
    try {
      setStatus(await exportNow(data));
    } catch (error) {
      // The bridge answers with values, but building the input or the download can still throw;
      // the dialog must never stay on "Exporting…".
      setStatus({ kind: 'error', message: `The briefing could not be made: ${String(error)}` });
    }
  };

  const exportNow = async (loaded: NonNullable<typeof data>): Promise<Status> => {
    const chosen = new Set(loaded.highlights.filter(h => !excluded.has(h.id)).map(h => h.id));
    const input = buildBriefingInput({
      meeting,
      articles: loaded.articles,
      highlights: loaded.highlights,
      articleNotes: loaded.articleNotes,
      meetingNote,
      meanings,
      chosen,
      options: { paper, handling: handling.trim() || null, generatedAt: new Date().toISOString() },
    });
    return deliverBriefing(input);
  };

  return (
    <dialog ref={dialog} className="briefing-dialog" aria-labelledby={titleId} onClose={onClose}>
      <form onSubmit={e => void submit(e)}>
        <h2 id={titleId}>Export briefing</h2>
        <p className="briefing-meeting">{meeting.title}</p>
        <div className="briefing-options">
          <label>
            Paper
            <select
              value={paper}
              onChange={e => setPaper(e.currentTarget.value as 'A4' | 'Letter')}
            >
              <option value="A4">A4</option>
              <option value="Letter">US Letter</option>
            </select>
          </label>
          <label>
            Handling line
            <input
              type="text"
              value={handling}
              maxLength={120}
              placeholder="none"
              onChange={e => setHandling(e.currentTarget.value)}
            />
          </label>
        </div>
        <label className="briefing-note">
          Your note on this meeting (printed on the briefing)
          <textarea
            rows={4}
            value={meetingNote ?? ''}
            disabled={meetingNote === null}
            onChange={e => saveNote(e.currentTarget.value)}
          />
        </label>
        <fieldset className="briefing-highlights">
          <legend>Highlights to print</legend>
          {data === undefined ? (
            <p>Loading…</p>
          ) : data.highlights.length === 0 ? (
            <p className="hint">
              No highlights in this meeting's sources yet; the key points will come from the source
              sentences.
            </p>
          ) : (
            <ul>
              {data.highlights.map(h => (
                <li key={h.id}>
                  <label>
                    <input
                      type="checkbox"
                      checked={!excluded.has(h.id)}
                      onChange={e => {
                        const next = new Set(excluded);
                        if (e.currentTarget.checked) next.delete(h.id);
                        else next.add(h.id);
                        setExcluded(next);
                      }}
                    />
                    <span className="briefing-meaning">
                      {meanings[h.colour]}
                      {h.colour === KEY_POINT_SLOT ? ' (key point)' : ''}
                    </span>{' '}
                    “
                    {h.quote.exact.length > 120 ? `${h.quote.exact.slice(0, 120)}…` : h.quote.exact}
                    ”
                  </label>
                </li>
              ))}
            </ul>
          )}
        </fieldset>
        {status.kind === 'error' && (
          <p role="alert" className="briefing-error">
            {status.message}
          </p>
        )}
        {status.kind === 'done' && <p role="status">{status.message}</p>}
        <div className="briefing-actions">
          <button type="button" onClick={() => dialog.current?.close()}>
            Close
          </button>
          <button type="submit" className="primary" disabled={!data || status.kind === 'working'}>
            {status.kind === 'working' ? 'Exporting…' : desktop ? 'Save PDF…' : 'Download PDF'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
