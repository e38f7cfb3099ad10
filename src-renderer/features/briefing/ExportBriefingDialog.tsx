import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Meeting } from '../../../src-main/contract/meeting';
import { desktop } from '../../bridge';
import { db } from '../../db/db';
import { useColourMeanings } from '../highlights/palette';
import { useModalDialog } from '../keyboard/modal';
import { briefingDraft, useBriefingData } from './briefing-draft';
import { emptyBriefing } from './briefing-edits';
import { KEY_POINT_SLOT } from './briefing-input';
import { deliverBriefing } from './deliver';
import { ExportMessage, type ExportStatus } from './ExportMessage';

interface Props {
  meeting: Meeting;
  onClose: () => void;
}

/** The analyst's note on a meeting is kept in `meta`, so it survives re-extraction and backups. */
const noteKey = (meetingId: string) => `meeting-note:${meetingId}`;

/**
 * Export of a meeting's one-page briefing: paper, an optional handling line, and which highlights
 * to print, starting from what the Briefing view saved for the meeting (whose bottom line and key
 * points print too). On the desktop main asks where to save; in the browser preview the PDF
 * downloads.
 */
export function ExportBriefingDialog({ meeting, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const loaded = useBriefingData(meeting);
  const meanings = useColourMeanings();
  // Null until the analyst changes them here: then the Briefing view's saved choices apply.
  const [paper, setPaper] = useState<'A4' | 'Letter' | null>(null);
  const [handling, setHandling] = useState<string | null>(null);
  const [excluded, setExcluded] = useState<Set<string> | null>(null);
  const [status, setStatus] = useState<ExportStatus>({ kind: 'idle' });
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

  const close = useModalDialog(dialog, true, onClose);

  const stored = loaded ? (loaded.stored ?? emptyBriefing(meeting)) : null;
  const shownPaper = paper ?? stored?.paper ?? 'A4';
  const shownHandling = handling ?? stored?.handling ?? '';
  const shownExcluded = excluded ?? new Set(stored?.excludedHighlights ?? []);
  const data = loaded && { ...loaded, meetingNote: meetingNote ?? loaded.meetingNote };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!data || !stored) return;
    setStatus({ kind: 'working' });
    try {
      // The saved edits (bottom line, key points) with this dialog's choices on top.
      const record = {
        ...stored,
        paper: shownPaper,
        handling: shownHandling.trim() || null,
        excludedHighlights: [...shownExcluded],
      };
      const input = briefingDraft({
        meeting,
        data,
        record,
        meanings,
        generatedAt: new Date().toISOString(),
      });
      setStatus(await deliverBriefing(input));
    } catch (error) {
      // The bridge answers with values, but building the input or the download can still throw;
      // the dialog must never stay on "Exporting…".
      setStatus({ kind: 'error', message: `The briefing could not be made: ${String(error)}` });
    }
  };

  return (
    <dialog ref={dialog} className="briefing-dialog" aria-labelledby={titleId}>
      <form onSubmit={e => void submit(e)}>
        <h2 id={titleId}>Export briefing</h2>
        <p className="briefing-meeting">{meeting.title}</p>
        <div className="briefing-options">
          <label>
            Paper
            <select
              value={shownPaper}
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
              value={shownHandling}
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
                      checked={!shownExcluded.has(h.id)}
                      onChange={e => {
                        const next = new Set(shownExcluded);
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
        <ExportMessage status={status} />
        <div className="briefing-actions">
          <button type="button" onClick={close}>
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
