/**
 * One entry of "Needs your decision": every value with its author and time, and the analyst's
 * three ways out — Keep mine, Keep theirs, or Edit (write a value of their own, for text fields).
 * The choice goes through resolveDecision, so it is queued and reaches the team like any edit.
 */
import { useId, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { DecisionNeeded } from '../../sync/needs-decision';
import { refOf } from '../../sync/documents';
import { fieldLabel, subjectLabel, timeText, valueText } from './labels';
import { isEditable, resolveDecision, sidesOf } from './resolve';
import { useTeamDesk } from './team-context';

/** The quote of the highlight an entry is about, so the analyst knows which one it is. */
function useContextLine(item: DecisionNeeded, me: string): string | null {
  const desk = useTeamDesk();
  return (
    useLiveQuery(async () => {
      const ref = refOf(item.subject, me);
      if (!desk || ref?.table !== 'highlights') return null;
      const highlight = await desk.db.highlights.get(ref.key);
      const quote = highlight?.quote.exact ?? '';
      return quote.length > 120 ? `${quote.slice(0, 119)}…` : quote || null;
    }, [desk, item.subject, me]) ?? null
  );
}

export function DecisionCard(props: {
  item: DecisionNeeded;
  colourNames?: readonly string[];
  /** Keeps the card focusable as one stop of a list (the list moves focus with the arrows). */
  tabIndex?: number;
}) {
  const desk = useTeamDesk();
  const headingId = useId();
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const me = desk?.me ?? '';
  const context = useContextLine(props.item, me);
  if (!desk) return null;
  const { item } = props;
  const { mine, theirs } = sidesOf(item, me);
  const ordered = mine ? [mine, ...theirs] : theirs;

  const decide = async (value: unknown) => {
    setBusy(true);
    setError(null);
    const result = await resolveDecision(desk.db, desk, item, value);
    setBusy(false);
    if (!result.ok) setError(result.error.message);
  };

  const keepLabel = (by: string) =>
    by === me ? 'Keep mine' : theirs.length === 1 ? 'Keep theirs' : `Keep ${by}’s`;

  return (
    <article
      className="decision-card"
      aria-labelledby={headingId}
      tabIndex={props.tabIndex}
      data-decision={item.id}
    >
      <h3 id={headingId}>
        {subjectLabel(item)} · {fieldLabel(item)}
      </h3>
      {context && <p className="decision-context">“{context}”</p>}
      <ul className="decision-values" aria-label="Values">
        {ordered.map(v => (
          <li key={`${v.by}|${v.at}`}>
            <span className="decision-who">
              {v.by === me ? 'You' : v.by || 'Unknown'} · <time>{timeText(v.at)}</time>
            </span>
            <span className="decision-value">{valueText(item, v.value, props.colourNames)}</span>
            <button
              type="button"
              disabled={busy}
              aria-label={`${keepLabel(v.by)}: ${valueText(item, v.value, props.colourNames)}`}
              onClick={() => void decide(v.value)}
            >
              {keepLabel(v.by)}
            </button>
          </li>
        ))}
      </ul>
      {isEditable(item) &&
        (editing === null ? (
          <button
            type="button"
            disabled={busy}
            onClick={() => setEditing(String(mine?.value ?? ordered[0]?.value ?? ''))}
          >
            Edit
          </button>
        ) : (
          <form
            className="decision-edit"
            onSubmit={event => {
              event.preventDefault();
              void decide(editing);
            }}
          >
            <label>
              Your {fieldLabel(item).toLowerCase()}
              <textarea
                value={editing}
                autoFocus
                rows={3}
                onChange={event => setEditing(event.target.value)}
              />
            </label>
            <button type="submit" disabled={busy}>
              Save
            </button>
            <button type="button" onClick={() => setEditing(null)}>
              Cancel
            </button>
          </form>
        ))}
      {error && (
        <p className="decision-error" role="alert">
          {error}
        </p>
      )}
    </article>
  );
}
