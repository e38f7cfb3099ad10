/**
 * The Briefing view: the one-page briefing exactly as it will print (main's layout, drawn by
 * PageView) beside a compact editor for the analyst's bottom line, key points, the highlights
 * to include, the handling line and the paper. Every edit is saved (undoably) in the
 * `briefings` table and the page is laid out again by main, so the fill gauge always tells
 * what the PDF will shorten before anything is exported.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { BriefingLayout } from '../../../src-main/contract/briefing-layout';
import type { Meeting } from '../../../src-main/contract/meeting';
import { api, desktop } from '../../bridge';
import { db, type BriefingPointRecord, type BriefingRecord } from '../../db/db';
import { anchorsOf } from '../../meetings/decisions';
import { useColourMeanings } from '../highlights/palette';
import { undoStack } from '../undo/desk';
import { briefingDraft, useBriefingData } from './briefing-draft';
import {
  defaultKeyPoints,
  emptyBriefing,
  keyPointsOf,
  movePoint,
  saveBriefing,
} from './briefing-edits';
import { KEY_POINT_SLOT } from './briefing-input';
import { deliverBriefing } from './deliver';
import { PageView } from './PageView';
import { ExportMessage, type ExportStatus } from './ExportMessage';

const SECTION_NAMES: Record<string, string> = {
  bottomLine: 'Bottom line',
  keyPoints: 'Key points',
  disagreements: 'Where sources differ',
  next: 'What’s next',
  notes: 'Notes',
  highlights: 'Highlights',
  participants: 'Participants',
  sources: 'Sources',
};

/** The clock for edit times, outside render so the view stays pure. */
function now(): number {
  return Date.now();
}

export function BriefingView({ meeting }: { meeting: Meeting }) {
  const data = useBriefingData(meeting);
  const meanings = useColourMeanings();
  const stored = data?.stored ?? null;
  // The last edit shows at once; the stored record takes over when the database answers (after
  // the write, or after an undo).
  const [local, setLocal] = useState<BriefingRecord | null>(null);
  const [seen, setSeen] = useState(stored);
  if (stored !== seen) {
    setSeen(stored);
    setLocal(null);
  }
  const record: BriefingRecord = local ?? stored ?? emptyBriefing(meeting);
  const [bottomDraft, setBottomDraft] = useState<string | null>(null);
  const [layout, setLayout] = useState<BriefingLayout | null>(null);
  const [layoutError, setLayoutError] = useState<string | null>(null);
  const [elapsed, setElapsed] = useState<number | null>(null);
  const [status, setStatus] = useState<ExportStatus>({ kind: 'idle' });
  const [dragFrom, setDragFrom] = useState<number | null>(null);
  const requests = useRef(0);
  // The footer's "Generated …" on screen: when the view opened (the export stamps its own time).
  const [openedAt] = useState(() => new Date(now()).toISOString());

  const defaults = useMemo(
    () =>
      data
        ? defaultKeyPoints(
            meeting,
            data.highlights.filter(h => !record.excludedHighlights.includes(h.id)),
          )
        : [],
    [data, meeting, record.excludedHighlights],
  );
  const points = keyPointsOf(record, defaults);

  const input = useMemo(
    () => (data ? briefingDraft({ meeting, data, record, meanings, generatedAt: openedAt }) : null),
    [data, meeting, meanings, record, openedAt],
  );

  // Lay the page out again after every edit; only the latest answer is shown.
  const inputKey = input ? JSON.stringify(input) : '';
  useEffect(() => {
    if (!input) return;
    const n = ++requests.current;
    const t0 = performance.now();
    void api.layoutBriefing(input).then(result => {
      if (n !== requests.current) return;
      setElapsed(performance.now() - t0);
      if (result.ok) {
        setLayout(result.value);
        setLayoutError(null);
      } else setLayoutError(result.error.message);
    });
    // inputKey stands for input's content.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [inputKey]);

  const save = (patch: Partial<BriefingRecord>, label: string, mergeKey?: string) => {
    const after: BriefingRecord = {
      ...record,
      ...patch,
      id: meeting.id,
      anchors: anchorsOf(meeting.mentions),
      updatedAt: now(),
    };
    setLocal(after);
    void undoStack.execute(saveBriefing(db, stored, after, label, mergeKey));
  };
  const setPoints = (next: BriefingPointRecord[], label: string, mergeKey?: string) =>
    save({ keyPoints: next }, label, mergeKey);
  const move = (from: number, to: number) => {
    if (to < 0 || to >= points.length) return;
    setPoints(movePoint(points, from, to), 'Reorder key points');
  };
  const onPointKey = (event: KeyboardEvent<HTMLLIElement>, i: number) => {
    if (event.target !== event.currentTarget || !event.altKey) return;
    if (event.key === 'ArrowUp') move(i, i - 1);
    else if (event.key === 'ArrowDown') move(i, i + 1);
    else return;
    event.preventDefault();
  };

  const exportNow = async () => {
    if (!input) return;
    setStatus({ kind: 'working' });
    const dated = {
      ...input,
      options: { ...input.options, generatedAt: new Date().toISOString() },
    };
    try {
      setStatus(await deliverBriefing(dated));
    } catch (error) {
      setStatus({ kind: 'error', message: `The briefing could not be made: ${String(error)}` });
    }
  };

  const bottomLine = bottomDraft ?? record.bottomLine ?? '';
  const shortened = layout?.sections.filter(s => s.shortened) ?? [];

  return (
    <main className="briefing-view" aria-label="Briefing">
      <section className="briefing-sheet" aria-label="Briefing page as it prints">
        {layout ? (
          <PageView layout={layout} label={`Briefing page: ${meeting.title}`} />
        ) : (
          <p>Laying out the page…</p>
        )}
        {layoutError && (
          <p role="alert" className="briefing-error">
            The page could not be laid out: {layoutError}
          </p>
        )}
      </section>
      <section className="briefing-editor" aria-label="Briefing editor">
        <h2>Brief: {meeting.title}</h2>
        <div className="briefing-gauge" role="group" aria-label="Fill gauge">
          {layout && (
            <>
              <meter
                min={0}
                max={1}
                low={0.8}
                high={0.95}
                optimum={0.6}
                value={layout.fit.used}
                aria-label="Page used"
              />
              <p data-testid="gauge-summary">
                {Math.round(layout.fit.used * 100)}% of the page used · type {layout.fit.bodySize}{' '}
                pt
                {layout.fit.level > 0
                  ? ` (tightened ${layout.fit.level} of ${layout.fit.levels - 1} steps)`
                  : ''}
                {elapsed !== null ? ` · laid out in ${Math.round(elapsed)} ms` : ''}
              </p>
              <p data-testid="gauge-shortened">
                {shortened.length === 0
                  ? 'Everything fits; nothing will be shortened.'
                  : `Will be shortened: ${shortened
                      .map(
                        s =>
                          `${SECTION_NAMES[s.id] ?? s.heading}${s.hidden > 0 ? ` (${s.hidden} hidden)` : ''}`,
                      )
                      .join(', ')}`}
              </p>
            </>
          )}
        </div>
        <label>
          Bottom line (one or two sentences)
          <textarea
            rows={3}
            maxLength={600}
            value={bottomLine}
            placeholder={layout?.bottomLine.suggested ? layout.bottomLine.text : ''}
            onChange={e => {
              const text = e.currentTarget.value;
              setBottomDraft(text);
              save(
                { bottomLine: text.trim() ? text : null },
                'Edit bottom line',
                `bottom:${meeting.id}`,
              );
            }}
            onBlur={() => setBottomDraft(null)}
          />
        </label>
        {layout?.bottomLine.suggested && (
          <p className="briefing-suggestion">
            Suggested by Readout (printed until you write one): {layout.bottomLine.text}
          </p>
        )}
        <fieldset>
          <legend>Key points (drag, or Alt+↑/↓ to reorder)</legend>
          <ol className="briefing-points" aria-label="Key points">
            {points.map((p, i) => (
              <li
                key={p.key}
                tabIndex={0}
                draggable
                aria-label={`Key point ${i + 1}: ${p.text}`}
                className={dragFrom === i ? 'dragging' : undefined}
                onKeyDown={e => onPointKey(e, i)}
                onDragStart={e => {
                  setDragFrom(i);
                  e.dataTransfer.effectAllowed = 'move';
                  e.dataTransfer.setData('text/plain', String(i));
                }}
                onDragOver={e => e.preventDefault()}
                onDrop={e => {
                  e.preventDefault();
                  const from = dragFrom ?? Number(e.dataTransfer.getData('text/plain'));
                  setDragFrom(null);
                  if (Number.isInteger(from)) move(from, i);
                }}
                onDragEnd={() => setDragFrom(null)}
              >
                <span className="grip" aria-hidden="true">
                  ⠿
                </span>
                <textarea
                  rows={2}
                  aria-label={`Wording of key point ${i + 1}`}
                  value={p.text}
                  maxLength={2000}
                  onChange={e => {
                    const text = e.currentTarget.value;
                    setPoints(
                      points.map((q, j) => (j === i ? { ...q, text } : q)),
                      'Edit key point',
                      `point:${meeting.id}:${p.key}`,
                    );
                  }}
                />
                <span className="point-actions">
                  <button
                    type="button"
                    aria-label={`Move key point ${i + 1} up`}
                    disabled={i === 0}
                    onClick={() => move(i, i - 1)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    aria-label={`Move key point ${i + 1} down`}
                    disabled={i === points.length - 1}
                    onClick={() => move(i, i + 1)}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    aria-label={`Drop key point ${i + 1}`}
                    onClick={() =>
                      setPoints(
                        points.filter((_, j) => j !== i),
                        'Drop key point',
                      )
                    }
                  >
                    ×
                  </button>
                </span>
              </li>
            ))}
          </ol>
          <button
            type="button"
            onClick={() =>
              setPoints(
                [...points, { key: `own:${now()}`, text: 'New point', articleId: null }],
                'Add key point',
              )
            }
          >
            Add a key point
          </button>
        </fieldset>
        <fieldset className="briefing-include">
          <legend>Highlights and notes to include</legend>
          {!data ? (
            <p>Loading…</p>
          ) : data.highlights.length === 0 ? (
            <p className="hint">No highlights in this meeting’s sources yet.</p>
          ) : (
            <ul>
              {data.highlights.map(h => (
                <li key={h.id}>
                  <label>
                    <input
                      type="checkbox"
                      checked={!record.excludedHighlights.includes(h.id)}
                      onChange={e => {
                        const include = e.currentTarget.checked;
                        const rest = record.excludedHighlights.filter(id => id !== h.id);
                        save(
                          { excludedHighlights: include ? rest : [...rest, h.id] },
                          include ? 'Include highlight' : 'Exclude highlight',
                        );
                      }}
                    />
                    <span>
                      <strong>
                        {meanings[h.colour]}
                        {h.colour === KEY_POINT_SLOT ? ' (key point)' : ''}
                      </strong>{' '}
                      “
                      {h.quote.exact.length > 100
                        ? `${h.quote.exact.slice(0, 100)}…`
                        : h.quote.exact}
                      ”
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          )}
        </fieldset>
        <div className="briefing-row">
          <label>
            Handling line
            <input
              type="text"
              maxLength={120}
              value={record.handling ?? ''}
              placeholder="none"
              onChange={e =>
                save(
                  { handling: e.currentTarget.value || null },
                  'Edit handling line',
                  `handling:${meeting.id}`,
                )
              }
            />
          </label>
          <label>
            Paper
            <select
              value={record.paper}
              onChange={e =>
                save({ paper: e.currentTarget.value as 'A4' | 'Letter' }, 'Change paper')
              }
            >
              <option value="A4">A4</option>
              <option value="Letter">US Letter</option>
            </select>
          </label>
        </div>
        <ExportMessage status={status} />
        <button
          type="button"
          className="primary"
          disabled={!input || status.kind === 'working'}
          onClick={() => void exportNow()}
        >
          {status.kind === 'working' ? 'Exporting…' : desktop ? 'Save PDF…' : 'Download PDF'}
        </button>
      </section>
    </main>
  );
}
