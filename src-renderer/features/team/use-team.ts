/**
 * The team controls the top bar and the badges use, read from the app's one team sync
 * (sync/desk-sync.ts: started in main.tsx, joined and left here): its live status for the chip,
 * the joined team (never the server's address or the password), join and leave as Results, and
 * the desk the conflict badges and Needs-your-decision resolve against. Without a team there is
 * no desk: no badge queries, nothing sent.
 */
import { useMemo } from 'react';
import type { Result } from '../../../src-main/contract/result';
import { db } from '../../db/db';
import { teamSync, useSyncStatus } from '../../sync/desk-sync';
import type { JoinDetailsForm } from './JoinForm';
import type { TeamDesk } from './team-context';
import type { TeamControls } from './TeamMenu';

const join = (form: JoinDetailsForm): Promise<Result<unknown>> => teamSync.join(form);
const leave = (): Promise<Result<unknown>> => teamSync.leave();

/** The team controls for the chip and the desk for the conflict badges. */
export function useTeam(): { controls: TeamControls; desk: TeamDesk | null } {
  const status = useSyncStatus();
  const teamId = status.team?.teamId ?? null;
  const username = status.team?.username ?? null;
  const joined = useMemo(
    () => (teamId && username ? { teamId, username } : null),
    [teamId, username],
  );
  const desk = useMemo<TeamDesk | null>(
    () => (username ? { db, me: username, now: Date.now } : null),
    [username],
  );
  const controls = useMemo<TeamControls>(() => ({ status, joined, join, leave }), [status, joined]);
  return { controls, desk };
}
