/**
 * The conflict badge a highlight, an article note or a meeting field shows while two analysts'
 * values wait for a decision. It opens the entry in place (both values, Keep mine / Keep theirs
 * / Edit) and disappears once the field is decided, here or on a teammate's desk. Mount with one
 * line: `<ConflictBadge on={{ table: 'highlights', key: h.id }} />`. Without a team it renders
 * nothing.
 */
import { useState } from 'react';
import { useEscapeLayer } from '../keyboard/escape';
import { DecisionCard } from './DecisionCard';
import { fieldLabel } from './labels';
import { subjectId, useConflictsFor, useTeamDesk, type ConflictSubject } from './team-context';
import './team.css';

export function ConflictBadge(props: { on: ConflictSubject; colourNames?: readonly string[] }) {
  const desk = useTeamDesk();
  const field = 'meetingId' in props.on ? props.on.field : undefined;
  const conflicts = useConflictsFor(desk ? subjectId(props.on, desk.me) : '', field);
  const [open, setOpen] = useState(false);
  useEscapeLayer(open && conflicts.length > 0, () => setOpen(false));
  if (!desk || conflicts.length === 0) return null;
  const fields = [...new Set(conflicts.map(fieldLabel))].join(', ');
  return (
    <div className="conflict">
      <button
        type="button"
        className="conflict-badge"
        aria-expanded={open}
        aria-label={`Conflict on ${fields}: decide`}
        onClick={event => {
          event.stopPropagation();
          setOpen(!open);
        }}
      >
        <span aria-hidden="true">⚠</span> Conflict
        {conflicts.length > 1 ? ` (${conflicts.length})` : ''}
      </button>
      {open && (
        <div
          className="conflict-popover"
          role="group"
          aria-label="Needs your decision"
          onClick={event => event.stopPropagation()}
        >
          {conflicts.map(item => (
            <DecisionCard key={item.id} item={item} colourNames={props.colourNames} />
          ))}
        </div>
      )}
    </div>
  );
}
