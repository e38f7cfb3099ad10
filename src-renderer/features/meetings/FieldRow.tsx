import { useState, type KeyboardEvent } from 'react';
import type { MeetingStatus, Mention } from '../../../src-main/contract/meeting';
import { api } from '../../bridge';
import { db } from '../../db/db';
import { decideField, resetField } from '../../meetings/actions';
import { fieldConfidence } from '../../meetings/confidence';
import { resolveCountryInputs } from '../../meetings/country-inputs';
import { currentValues, type Disagreement, type ShownMeeting } from '../../meetings/decisions';
import { fromInputs, toInputs, type Inputs } from '../../meetings/editing';
import { FIELD_HEADINGS, FIELD_LABELS, sourcesFor, type FieldName } from '../../meetings/fields';
import {
  formatField,
  formatMeetingDate,
  PRECISION_LABELS,
  STATUS_LABELS,
} from '../../meetings/format';
import { ConflictBadge } from '../team/ConflictBadge';
import { ConfidenceMark, StateBadge } from './Badge';
import { FieldInputs } from './FieldInputs';
import type { SourceArticle } from './hooks';

/** "25 Apr 2023 [1] · April 2023 [2]": what each source reports where they disagree. */
export function describeDisagreement(d: Disagreement): string {
  const label = (value: unknown): string => {
    if (typeof value === 'string' && d.field !== 'status') return value;
    if (d.field === 'status') return STATUS_LABELS[value as MeetingStatus];
    if (d.field === 'date')
      return formatMeetingDate(value as Parameters<typeof formatMeetingDate>[0]);
    const p = value as { city: string | null; country: { name: string } | null };
    return [p.city, p.country?.name].filter(Boolean).join(', ');
  };
  const parts = d.values.map(v => `${label(v.value)} [${v.sources.join(', ')}]`);
  return `Sources disagree on ${d.field}: ${parts.join(' · ')}`;
}

/** Moves focus to the next field row of the card (the analyst's way down the card). */
function focusNextRow(row: HTMLElement): void {
  let next = row.nextElementSibling;
  while (next && !(next instanceof HTMLElement && next.dataset.field))
    next = next.nextElementSibling;
  if (next instanceof HTMLElement) next.focus();
}

/**
 * One field of the card: its value, how sure the extractor is, whose word it is, its sources,
 * and the analyst's controls. The row itself takes focus: `Enter` confirms the field and `x`
 * rejects it, then focus moves to the next field, so a card is checked from the keyboard.
 */
export function FieldRow({
  meeting,
  field,
  articles,
  onOpenSource,
}: {
  meeting: ShownMeeting;
  field: FieldName;
  articles: Map<string, SourceArticle>;
  /** Opens a source sentence in the reader (remembering this meeting for the way back). */
  onOpenSource: (mention: Mention) => void;
}) {
  const shown = meeting.fields[field];
  const confidence = fieldConfidence(meeting, field);
  const values = currentValues(meeting);
  const [editing, setEditing] = useState<Inputs | null>(null);
  const [error, setError] = useState<string | null>(null);
  const label = FIELD_LABELS[field];
  const sources = sourcesFor(field, values, meeting.mentions);
  const first = meeting.mentions[sources[0]];
  const disagreement = meeting.disagreements.find(d => d.field === field);

  const save = async () => {
    if (!editing) return;
    const resolved = await resolveCountryInputs(field, editing, terms =>
      api.resolveCountries(terms),
    );
    const parsed = resolved.ok ? fromInputs(field, resolved.value) : resolved;
    if (!parsed.ok) {
      setError(parsed.error);
      return;
    }
    await decideField(db, meeting, field, 'edit', parsed.value);
    setEditing(null);
  };
  const canConfirm = shown.state === 'suggested' || shown.state === 'rejected';
  const onRowKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget || meeting.deleted || editing) return;
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'Enter') {
      e.preventDefault();
      if (canConfirm) void decideField(db, meeting, field, 'confirm', shown.original);
      focusNextRow(e.currentTarget);
    } else if (e.key === 'x' || e.key === 'X') {
      e.preventDefault();
      if (shown.state !== 'rejected') void decideField(db, meeting, field, 'reject');
      focusNextRow(e.currentTarget);
    }
  };

  return (
    <div
      className={`field-row field-${shown.state} confidence-row-${confidence.level}`}
      role="group"
      aria-label={FIELD_HEADINGS[field]}
      aria-describedby={meeting.deleted ? undefined : 'field-keys-hint'}
      aria-keyshortcuts={meeting.deleted ? undefined : 'Enter X'}
      data-field={field}
      tabIndex={meeting.deleted ? undefined : 0}
      onKeyDown={onRowKey}
    >
      <div className="field-head">
        <span className="field-name">{FIELD_HEADINGS[field]}</span>
        <StateBadge state={shown.state} />
        {shown.state !== 'entered' && <ConfidenceMark confidence={confidence} />}
        <ConflictBadge on={{ meetingId: meeting.id, field }} />
      </div>
      {editing ? (
        <form
          className="field-editor"
          aria-label={`Edit ${label}`}
          onSubmit={e => {
            e.preventDefault();
            void save();
          }}
          onKeyDown={e => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              setEditing(null);
            }
          }}
        >
          <FieldInputs field={field} inputs={editing} onChange={setEditing} autoFocus />
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <div className="button-row">
            <button type="submit" className="primary">
              Save {label}
            </button>
            <button type="button" onClick={() => setEditing(null)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <div className="field-value">
          <span className={shown.state === 'rejected' ? 'rejected-value' : undefined}>
            {formatField(field, values)}
          </span>
          {field === 'date' && values.date.start && (
            <span className="field-extra">
              {' '}
              ({PRECISION_LABELS[values.date.precision]}
              {values.date.text ? `; the article says “${values.date.text}”` : ''})
            </span>
          )}
        </div>
      )}
      {disagreement && <p className="disagreement">{describeDisagreement(disagreement)}</p>}
      {first && (
        <div className="field-source">
          <q title={first.sentence}>{first.sentence}</q>
          <span className="source-refs">
            {sources.map(i => {
              const m = meeting.mentions[i];
              const title = articles.get(m.articleId)?.title ?? m.file;
              return (
                <button
                  key={i}
                  type="button"
                  className="source-ref"
                  aria-label={`Open source: ${title} [${i + 1}]`}
                  title={m.sentence}
                  onClick={() => onOpenSource(m)}
                >
                  [{i + 1}]
                </button>
              );
            })}
          </span>
        </div>
      )}
      {!editing && !meeting.deleted && (
        <div className="field-actions">
          {canConfirm && (
            <button
              type="button"
              onClick={() => void decideField(db, meeting, field, 'confirm', shown.original)}
            >
              Confirm {label}
            </button>
          )}
          <button
            type="button"
            onClick={() => {
              setError(null);
              setEditing(toInputs(field, values));
            }}
          >
            Edit {label}
          </button>
          {shown.state !== 'rejected' && (
            <button type="button" onClick={() => void decideField(db, meeting, field, 'reject')}>
              Reject {label}
            </button>
          )}
          {(shown.state === 'confirmed' ||
            shown.state === 'edited' ||
            shown.state === 'rejected') && (
            <button type="button" onClick={() => void resetField(db, meeting, field)}>
              Undo decision on {label}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
