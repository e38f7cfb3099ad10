/**
 * "Needs your decision": every field two analysts changed differently, and every meeting field
 * decided twice, the same list on every desk of the team. One Tab stop: the arrows (and Home,
 * End) move between entries, Tab goes into the focused entry's buttons.
 */
import { useRef, type KeyboardEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { needsYourDecision } from '../../sync/needs-decision';
import { DecisionCard } from './DecisionCard';
import { useTeamDesk } from './team-context';
import './team.css';

/** Which entry the arrows move to from `index`, or null for a key the list does not handle. */
export function nextEntry(key: string, index: number, count: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowDown':
      return Math.min(index + 1, count - 1);
    case 'ArrowUp':
      return Math.max(index - 1, 0);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

export function NeedsDecisionList(props: { colourNames?: readonly string[] }) {
  const desk = useTeamDesk();
  const list = useRef<HTMLUListElement>(null);
  const items = useLiveQuery(async () => (desk ? needsYourDecision(desk.db) : []), [desk]);
  if (!desk || items === undefined) return null;

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const cards = [...(list.current?.querySelectorAll<HTMLElement>('.decision-card') ?? [])];
    const index = cards.findIndex(card => card === event.target);
    if (index === -1) return;
    const next = nextEntry(event.key, index, cards.length);
    if (next === null) return;
    event.preventDefault();
    cards[next].focus();
  };

  return (
    <section className="needs-decision" aria-labelledby="needs-decision-title">
      <h2 id="needs-decision-title">Needs your decision</h2>
      {items.length === 0 ? (
        <p className="hint">Nothing to decide: every shared edit merged on its own.</p>
      ) : (
        <>
          <p className="hint">
            {items.length === 1 ? 'One field was' : `${items.length} fields were`} changed
            differently on two desks. ↑ and ↓ move between them.
          </p>
          <ul
            ref={list}
            className="needs-decision-list"
            aria-label="Needs your decision"
            onKeyDown={onKeyDown}
          >
            {items.map((item, i) => (
              <li key={item.id}>
                <DecisionCard
                  item={item}
                  colourNames={props.colourNames}
                  tabIndex={i === 0 ? 0 : -1}
                />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
