import { useMemo, useState } from 'react';
import type { Mention } from '../../../src-main/contract/meeting';
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
import { doubtfulSuggestions, fieldConfidence, fieldsToCheck } from '../../meetings/confidence';
import type { ShownMeeting } from '../../meetings/decisions';
import { FIELD_NAMES } from '../../meetings/fields';
import { formatMeetingDate, STATUS_LABELS } from '../../meetings/format';
import { describeCandidate, rankMergeCandidates } from '../../meetings/merge-candidates';
import { articleCount } from '../../meetings/timeline';
import { viewMemory } from '../../meetings/view-memory';
import { formatDate } from '../../format';
import { useNavigation } from '../../navigation';
import { useShortcut } from '../../shortcuts';
import { OutcomePill, StatusPill } from './Badge';
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

/**
 * The merge picker offers the likeliest this many: enough for any real duplicate, few enough
 * that a library of 10,000 meetings does not put 10,000 options in the page.
 */
const MERGE_CHOICES = 60;

/** The mentions of each article, in the order the card numbers them ([1], [2]…). */
function byArticle(
  mentions: Mention[],
): { articleId: string; items: { m: Mention; i: number }[] }[] {
  const groups = new Map<string, { m: Mention; i: number }[]>();
  mentions.forEach((m, i) =>
    groups.set(m.articleId, [...(groups.get(m.articleId) ?? []), { m, i }]),
  );
  return [...groups].map(([articleId, items]) => ({ articleId, items }));
}

/**
 * Every field of one meeting with its sources, and the analyst's decisions about it. Fields the
 * extractor is least sure of come first; sources are grouped by article, since several sentences
 * of one article are one source.
 */
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
  const doubtful = doubtfulSuggestions(meeting);
  const unsure = FIELD_NAMES.some(f => fieldConfidence(meeting, f).level !== 'high');
  const headingId = `meeting-${meeting.id}`;
  const candidates = useMemo(
    () => rankMergeCandidates(meeting, others).slice(0, MERGE_CHOICES),
    [meeting, others],
  );
  const likely = candidates.filter(c => c.likely);
  const rest = candidates.filter(c => !c.likely);
  const articleTotal = articleCount(meeting);
  const openSource = (m: Mention) => {
    viewMemory.leaveFor({ meetingId: meeting.id, title });
    openArticle(m.articleId, { start: m.start, end: m.end });
  };
  const option = (c: (typeof candidates)[number]) => {
    const why = describeCandidate(c);
    return (
      <option key={c.meeting.id} value={c.meeting.id}>
        {c.meeting.fields.title.value} — {formatMeetingDate(c.meeting.fields.date.value)}
        {why ? ` (${why})` : ''}
      </option>
    );
  };

  return (
    <article className="meeting-card" aria-labelledby={headingId} data-testid="meeting-card">
      <header className="meeting-card-header">
        <h2 id={headingId}>{title}</h2>
        <p className="meeting-card-meta">
          <StatusPill status={meeting.fields.status.value} />
          {meeting.outcome && <OutcomePill outcome={meeting.outcome} />}
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
          {suggested > 0 && (
            <span>
              {suggested} {suggested === 1 ? 'suggestion' : 'suggestions'} to check
              {doubtful > 0 ? `, ${doubtful} of low or medium confidence` : ''}
            </span>
          )}
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
              autoFocus
            >
              <option value="">Choose a meeting…</option>
              {likely.length > 0 && (
                <optgroup label="Likely the same meeting">{likely.map(option)}</optgroup>
              )}
              {rest.length > 0 &&
                (likely.length > 0 ? (
                  <optgroup label="Other meetings">{rest.map(option)}</optgroup>
                ) : (
                  rest.map(option)
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

      {!meeting.deleted && (
        <p className="muted field-keys-hint" id="field-keys-hint">
          {unsure ? 'Least sure fields first. ' : ''}Tab to a field, then Enter confirms it and X
          rejects it.
        </p>
      )}
      <div className="fields">
        {fieldsToCheck(meeting).map(f => (
          <FieldRow
            key={f}
            meeting={meeting}
            field={f}
            articles={articles}
            onOpenSource={openSource}
          />
        ))}
      </div>

      <section className="sources" aria-labelledby={`${headingId}-sources`}>
        <h3 id={`${headingId}-sources`}>
          Sources <span className="count">{articleTotal}</span>
          {meeting.mentions.length > articleTotal && (
            <span className="muted sources-sentences">
              {' '}
              {articleTotal === 1 ? 'article' : 'articles'}, {meeting.mentions.length} sentences
            </span>
          )}
        </h3>
        {meeting.mentions.length === 0 ? (
          <p className="muted">No source sentence: the analyst added this meeting by hand.</p>
        ) : (
          <ul className="source-list">
            {byArticle(meeting.mentions).map(group => {
              const a = articles.get(group.articleId);
              const first = group.items[0].m;
              const articleTitle = a?.title ?? first.file;
              return (
                <li key={group.articleId} className="source-article">
                  <h4 className="source-title">{articleTitle}</h4>
                  <p className="source-meta">
                    {[a?.file ?? first.file, formatDate(a?.published ?? null) ?? 'Undated'].join(
                      ' · ',
                    )}
                    {group.items.length > 1 ? ` · ${group.items.length} sentences` : ''}
                  </p>
                  <ol className="source-sentences">
                    {group.items.map(({ m, i }) => (
                      <li key={`${m.articleId}:${m.start}`} className="source-item">
                        <span className="source-number" aria-hidden="true">
                          [{i + 1}]
                        </span>
                        <div className="source-body">
                          <blockquote>{m.sentence}</blockquote>
                          <p className="source-meta">
                            {'Reports '}
                            {STATUS_LABELS[m.status].toLowerCase()}
                            {m.date.start ? `, ${formatMeetingDate(m.date)}` : ', no date'}
                          </p>
                          <div className="button-row">
                            <button
                              type="button"
                              className="small"
                              aria-label={`Open source: ${articleTitle} [${i + 1}]`}
                              onClick={() => openSource(m)}
                            >
                              Open source
                            </button>
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
                        </div>
                      </li>
                    ))}
                  </ol>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </article>
  );
}
