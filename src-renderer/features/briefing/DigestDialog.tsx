/**
 * The digest: one page for several meetings. The analyst picks a date range (the meetings in it
 * are ticked) and ticks or unticks meetings by hand (Space on a box, Shift-click for a run of
 * them); the page is laid out by main as it will print and shown beside the list, then saved
 * (desktop) or downloaded (browser preview).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useMemo, useRef, useState, type MouseEvent } from 'react';
import type { BriefingLayout } from '../../../src-main/contract/briefing-layout';
import type { Meeting } from '../../../src-main/contract/meeting';
import { api, desktop } from '../../bridge';
import { db } from '../../db/db';
import { articlesAsShown } from '../../db/library';
import { formatMeetingDate } from '../../meetings/format';
import { useModalDialog } from '../keyboard/modal';
import { deliverDigest } from './deliver';
import { buildDigestInput, inRange, tickRange } from './digest-input';
import { PageView } from './PageView';
import './digest.css';
import { ExportMessage, type ExportStatus } from './ExportMessage';

/** The dialog; `meetings` are the ones the Meetings list shows, in its order. */
export function DigestDialog({ meetings, onClose }: { meetings: Meeting[]; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const close = useModalDialog(dialog, true, onClose);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [selected, setSelected] = useState<Set<string>>(() => new Set(meetings.map(m => m.id)));
  const [anchor, setAnchor] = useState<number | null>(null);
  const [paper, setPaper] = useState<'A4' | 'Letter'>('A4');
  const [layout, setLayout] = useState<BriefingLayout | null>(null);
  const [layoutError, setLayoutError] = useState<string | null>(null);
  const [status, setStatus] = useState<ExportStatus>({ kind: 'idle' });
  const [openedAt] = useState(() => new Date().toISOString());
  const requests = useRef(0);

  const ids = useMemo(() => meetings.map(m => m.id), [meetings]);
  const articleIds = useMemo(
    () => [...new Set(meetings.flatMap(m => m.mentions.map(x => x.articleId)))],
    [meetings],
  );
  const data = useLiveQuery(async () => {
    const [articles, records] = await Promise.all([
      articlesAsShown(db, articleIds),
      db.briefings.toArray(),
    ]);
    return { articles, records };
  }, [articleIds]);

  const range = useMemo(() => ({ from: from || null, to: to || null }), [from, to]);
  const chosen = useMemo(() => meetings.filter(m => selected.has(m.id)), [meetings, selected]);
  const input = useMemo(
    () =>
      data && chosen.length > 0
        ? buildDigestInput({
            meetings: chosen,
            articles: data.articles,
            records: data.records,
            range,
            options: { paper, handling: null, generatedAt: openedAt },
          })
        : null,
    [data, chosen, range, paper, openedAt],
  );

  const inputKey = input ? JSON.stringify(input) : '';
  useEffect(() => {
    if (!input) return;
    const n = ++requests.current;
    void api.layoutDigest(input).then(result => {
      if (n !== requests.current) return;
      if (result.ok) {
        setLayout(result.value);
        setLayoutError(null);
      } else setLayoutError(result.error.message);
    });
    // inputKey stands for input's content.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [inputKey]);

  /** A new range ticks exactly the meetings it holds. */
  const setRange = (nextFrom: string, nextTo: string) => {
    setFrom(nextFrom);
    setTo(nextTo);
    const r = { from: nextFrom || null, to: nextTo || null };
    setSelected(new Set(meetings.filter(m => inRange(m, r)).map(m => m.id)));
  };
  const badRange = Boolean(from && to && from > to);

  const tick = (index: number, checked: boolean, shift: boolean) => {
    setSelected(tickRange(ids, selected, index, checked, anchor, shift));
    setAnchor(index);
  };

  const exportNow = async () => {
    if (!input) return;
    setStatus({ kind: 'working' });
    try {
      const dated = {
        ...input,
        options: { ...input.options, generatedAt: new Date().toISOString() },
      };
      setStatus(await deliverDigest(dated));
    } catch (error) {
      setStatus({ kind: 'error', message: `The digest could not be made: ${String(error)}` });
    }
  };

  const meetingsSection = layout?.sections.find(s => s.id === 'meetings');
  return (
    <dialog ref={dialog} className="briefing-dialog digest-dialog" aria-labelledby={titleId}>
      <div className="digest-body">
        <div className="digest-controls">
          <h2 id={titleId}>Digest of meetings</h2>
          <p className="briefing-meeting">One page summarising each meeting you tick.</p>
          <div className="briefing-options">
            <label>
              From
              <input type="date" value={from} onChange={e => setRange(e.currentTarget.value, to)} />
            </label>
            <label>
              To
              <input type="date" value={to} onChange={e => setRange(from, e.currentTarget.value)} />
            </label>
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
          </div>
          {badRange && (
            <p role="alert" className="briefing-error">
              The range ends before it starts.
            </p>
          )}
          <fieldset className="briefing-highlights digest-meetings">
            <legend>
              Meetings on the page ({chosen.length} of {meetings.length})
            </legend>
            <div className="digest-all">
              <button type="button" className="quiet" onClick={() => setSelected(new Set(ids))}>
                Tick all
              </button>
              <button type="button" className="quiet" onClick={() => setSelected(new Set())}>
                Untick all
              </button>
            </div>
            <ul>
              {meetings.map((m, i) => (
                <li key={m.id}>
                  <label>
                    <input
                      type="checkbox"
                      checked={selected.has(m.id)}
                      onClick={(e: MouseEvent<HTMLInputElement>) =>
                        tick(i, e.currentTarget.checked, e.shiftKey)
                      }
                      onChange={() => undefined}
                    />
                    <span className="briefing-meaning">{m.title}</span>{' '}
                    <span className="muted">{formatMeetingDate(m.date)}</span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          {layout && meetingsSection && (
            <p className="digest-fit" role="status" aria-label="Digest fit">
              {meetingsSection.hidden > 0
                ? `${meetingsSection.hidden} meeting(s) do not fit and are listed as “more in Readout”.`
                : layout.fit.truncated
                  ? `Every meeting is on the page; bottom lines or sources were shortened to fit (${layout.fit.bodySize} pt).`
                  : `Every meeting fits whole (${layout.fit.bodySize} pt).`}
            </p>
          )}
          {layoutError && (
            <p role="alert" className="briefing-error">
              The page could not be laid out: {layoutError}
            </p>
          )}
          <ExportMessage status={status} />
          <div className="briefing-actions">
            <button type="button" onClick={close}>
              Close
            </button>
            <button
              type="button"
              className="primary"
              disabled={!input || badRange || status.kind === 'working'}
              onClick={() => void exportNow()}
            >
              {status.kind === 'working'
                ? 'Exporting…'
                : desktop
                  ? 'Save digest PDF…'
                  : 'Download digest PDF'}
            </button>
          </div>
        </div>
        <div className="digest-preview">
          {chosen.length === 0 ? (
            <p className="hint">Tick at least one meeting.</p>
          ) : layout ? (
            <PageView layout={layout} label="Digest page as it prints" />
          ) : (
            <p>Laying out the page…</p>
          )}
        </div>
      </div>
    </dialog>
  );
}
