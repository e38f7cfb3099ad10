import { useState } from 'react';
import { db } from '../../db/db';
import {
  confirmAll,
  deleteMeeting,
  mergeMeetings,
  restoreMeeting,
  splitMention,
  undoMerge,
  undoSplit,
} from '../../meetings/actions';
import type { ShownMeeting } from '../../meetings/decisions';
import { FIELD_NAMES } from '../../meetings/fields';
import { formatMeetingDate, STATUS_LABELS } from '../../meetings/format';
import { formatDate } from '../../format';
import { useNavigation } from '../../navigation';
import { useShortcut } from '../../shortcuts';
import { StatusPill } from './Badge';
import { FieldRow } from './FieldRow';
import type { SourceArticle } from './hooks';

export interface MeetingCardProps {
  meeting: ShownMeeting;
  articles: Map<string, SourceArticle>;
  /** Meetings this one can be merged with. */
  others: ShownMeeting[];
  /** Shows another meeting (after a split or merge). */
  onSelect: (id: string) => void;
  /** Wired by the briefing feature; the button shows only when given. */
  onExportBriefing?: (meeting: ShownMeeting) => void;
  /** Opens the Briefing view on this meeting. */
  onBrief?: (meeting: ShownMeeting) => void;
}

/** Every field of one meeting with its sources, and the analyst's decisions about it. */
export function MeetingCard({
  meeting,
  articles,
  others,
  onSelect,
  onExportBriefing,
  onBrief,
}: MeetingCardProps) {
  const { openArticle } = useNavigation();
  const [merging, setMerging] = useState(false);
  useShortcut(
    {
      key: 'e',
      description: 'Export a briefing of the open meeting',
      group: 'Meetings',
      run: () => onExportBriefing?.(meeting),
    },
    !!onExportBriefing,
  );
  useShortcut(
    {
      key: 'b',
      description: 'Brief the open meeting (the Briefing view)',
      group: 'Meetings',
      run: () => onBrief?.(meeting),
    },
    !!onBrief,
  );
  const [mergeWith, setMergeWith] = useState('');
  const title = meeting.fields.title.value || 'Untitled meeting';
  const suggested = FIELD_NAMES.filter(f => meeting.fields[f].state === 'suggested').length;
  const headingId = `meeting-${meeting.id}`;

  return (
    <article className="meeting-card" aria-labelledby={headingId} data-testid="meeting-card">
      <header className="meeting-card-header">
        <h2 id={headingId}>{title}</h2>
        <p className="meeting-card-meta">
          <StatusPill status={meeting.fields.status.value} />
          <span>{formatMeetingDate(meeting.fields.date.value)}</span>
          <span>
            {meeting.origin === 'manual'
              ? 'Added by the analyst'
              : meeting.origin === 'split'
                ? 'Split out of another meeting'
                : meeting.memberIds.length > 1
                  ? `Merged from ${meeting.memberIds.length} meetings`
                  : 'Found by Readout'}
          </span>
          {suggested > 0 && <span>{suggested} suggestions to check</span>}
        </p>
        {meeting.deleted && (
          <p className="deleted-note" role="status">
            This meeting is deleted: it is hidden from the list and the timeline.{' '}
            <button type="button" onClick={() => void restoreMeeting(db, meeting)}>
              Restore meeting
            </button>
          </p>
        )}
        {!meeting.deleted && (
          <div className="card-actions">
            {suggested > 0 && (
              <button type="button" onClick={() => void confirmAll(db, meeting)}>
                Confirm all suggestions
              </button>
            )}
            <button
              type="button"
              aria-expanded={merging}
              onClick={() => setMerging(!merging)}
              disabled={others.length === 0}
            >
              Merge with…
            </button>
            {meeting.memberIds.length > 1 && (
              <button type="button" onClick={() => void undoMerge(db, meeting)}>
                Undo merge
              </button>
            )}
            {meeting.origin === 'split' && (
              <button type="button" onClick={() => void undoSplit(db, meeting)}>
                Undo split
              </button>
            )}
            <button
              type="button"
              className="danger"
              onClick={() => void deleteMeeting(db, meeting)}
            >
              Delete meeting
            </button>
            {onBrief && (
              <button type="button" className="primary" onClick={() => onBrief(meeting)}>
                Brief this meeting
              </button>
            )}
            {onExportBriefing && (
              <button type="button" onClick={() => onExportBriefing(meeting)}>
                Export briefing…
              </button>
            )}
          </div>
        )}
        {merging && !meeting.deleted && (
          <form
            className="merge-form"
            onSubmit={e => {
              e.preventDefault();
              const other = others.find(o => o.id === mergeWith);
              if (!other) return;
              void mergeMeetings(db, other, meeting).then(() => {
                setMerging(false);
                setMergeWith('');
              });
            }}
          >
            <label htmlFor={`${headingId}-merge`}>Meeting to merge into this one</label>
            <select
              id={`${headingId}-merge`}
              value={mergeWith}
              onChange={e => setMergeWith(e.target.value)}
            >
              <option value="">Choose a meeting…</option>
              {others.map(o => (
                <option key={o.id} value={o.id}>
                  {o.fields.title.value} — {formatMeetingDate(o.fields.date.value)}
                </option>
              ))}
            </select>
            <button type="submit" className="primary" disabled={!mergeWith}>
              Merge
            </button>
            <button type="button" onClick={() => setMerging(false)}>
              Cancel
            </button>
          </form>
        )}
      </header>

      <div className="fields">
        {FIELD_NAMES.map(f => (
          <FieldRow key={f} meeting={meeting} field={f} articles={articles} />
        ))}
      </div>

      <section className="sources" aria-labelledby={`${headingId}-sources`}>
        <h3 id={`${headingId}-sources`}>
          Sources <span className="count">{meeting.mentions.length}</span>
        </h3>
        {meeting.mentions.length === 0 ? (
          <p className="muted">No source sentence: the analyst added this meeting by hand.</p>
        ) : (
          <ol className="source-list">
            {meeting.mentions.map((m, i) => {
              const a = articles.get(m.articleId);
              const articleTitle = a?.title ?? m.file;
              return (
                <li key={`${m.articleId}:${m.start}`} className="source-item">
                  <span className="source-number" aria-hidden="true">
                    [{i + 1}]
                  </span>
                  <div className="source-body">
                    <button
                      type="button"
                      className="link"
                      aria-label={`Open source: ${articleTitle} [${i + 1}]`}
                      onClick={() => openArticle(m.articleId, { start: m.start, end: m.end })}
                    >
                      {articleTitle}
                    </button>
                    <p className="source-meta">
                      {[a?.file ?? m.file, formatDate(a?.published ?? null) ?? 'Undated'].join(
                        ' · ',
                      )}
                      {' · reports '}
                      {STATUS_LABELS[m.status].toLowerCase()}
                      {m.date.start ? `, ${formatMeetingDate(m.date)}` : ', no date'}
                    </p>
                    <blockquote>{m.sentence}</blockquote>
                    {!meeting.deleted && meeting.mentions.length > 1 && (
                      <button
                        type="button"
                        className="small"
                        onClick={() =>
                          void splitMention(db, meeting, i).then(() => onSelect(meeting.id))
                        }
                      >
                        Split out source [{i + 1}]
                      </button>
                    )}
                  </div>
                </li>
              );
            })}
          </ol>
        )}
      </section>
    </article>
  );
}
