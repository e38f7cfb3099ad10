/**
 * The sync chip in the top bar and the team dialog it opens. The chip says "Synced", "Offline ·
 * 3 pending · 1 conflict" or "Not in a team", and a polite live region announces changes of
 * state and of conflicts (not every pending count). The dialog joins a team, shows why sync
 * stopped, lists "Needs your decision", and leaves the team. `d` opens it from anywhere.
 */
import { useRef, useState } from 'react';
import type { Result } from '../../../src-main/contract/result';
import { useShortcut } from '../../shortcuts';
import { useModalDialog } from '../keyboard/modal';
import {
  announcement,
  chipText,
  chipTitle,
  lastSyncText,
  setAsideText,
  type SyncStatus,
} from './chip-text';
import { JoinForm, type JoinDetailsForm } from './JoinForm';
import { NeedsDecisionList } from './NeedsDecisionList';
import './team.css';

/** The profile's team as main reports it: never the server's address or the password. */
export interface JoinedTeam {
  teamId: string;
  username: string;
}

/** Everything the chip and the dialog need from the team controller (useTeam). */
export interface TeamControls {
  status: SyncStatus;
  joined: JoinedTeam | null;
  join(form: JoinDetailsForm): Promise<Result<unknown>>;
  leave(): Promise<Result<unknown>>;
}

function LeaveButton(props: { onLeave: () => Promise<Result<unknown>> }) {
  const [asking, setAsking] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  if (!asking) {
    return (
      <button type="button" onClick={() => setAsking(true)}>
        Leave the team…
      </button>
    );
  }
  return (
    <div className="team-leave" role="group" aria-label="Leave the team">
      <p>
        This desk stops syncing. Your highlights and notes stay here; the team keeps what you
        already shared.
      </p>
      <button
        type="button"
        className="danger"
        onClick={() =>
          void props.onLeave().then(result => {
            if (result.ok) setAsking(false);
            else setProblem(result.error.message);
          })
        }
      >
        Leave
      </button>
      <button type="button" onClick={() => setAsking(false)}>
        Stay
      </button>
      {problem && (
        <p className="team-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}

export function TeamMenu(props: { team: TeamControls; colourNames?: readonly string[] }) {
  const { status, joined } = props.team;
  const dialog = useRef<HTMLDialogElement>(null);
  const [shown, setShown] = useState(false);
  const close = useModalDialog(dialog, shown, () => setShown(false));
  useShortcut({
    key: 'd',
    group: 'Everywhere',
    description: 'Open the team: sync status and Needs your decision',
    run: () => setShown(true),
  });
  const last = lastSyncText(status);

  return (
    <>
      <button
        type="button"
        className={status.conflicts > 0 ? 'sync-chip has-conflicts' : 'sync-chip'}
        data-state={status.state}
        aria-haspopup="dialog"
        title={chipTitle(status)}
        onClick={() => setShown(true)}
      >
        <span className="sync-dot" aria-hidden="true" />
        {joined ? chipText(status) : 'Team…'}
      </button>
      <span className="sr-only" role="status" aria-live="polite">
        {announcement(status)}
      </span>
      {shown && (
        <dialog ref={dialog} className="team-dialog" aria-labelledby="team-dialog-title">
          <div className="team-dialog-head">
            <h2 id="team-dialog-title">{joined ? `Team ${joined.teamId}` : 'Join a team'}</h2>
            <button type="button" onClick={close}>
              Close
            </button>
          </div>
          {joined ? (
            <>
              <p className="hint">
                Signed in as <strong>{joined.username}</strong>. {chipText(status)}
                {last ? ` · ${last}` : ''}
              </p>
              {status.message && (
                <p className={status.state === 'error' ? 'team-error' : 'hint'} role="alert">
                  {status.message}
                </p>
              )}
              {setAsideText(status) && <p className="team-error">{setAsideText(status)}</p>}
              <NeedsDecisionList colourNames={props.colourNames} />
              <LeaveButton onLeave={props.team.leave} />
            </>
          ) : (
            <>
              <p className="hint">
                Share highlights, notes, tags and meeting decisions with your team through its
                CouchDB server. Until you join, nothing leaves this machine.
              </p>
              <JoinForm onJoin={props.team.join} onCancel={close} />
            </>
          )}
        </dialog>
      )}
    </>
  );
}
