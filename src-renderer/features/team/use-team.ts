/**
 * The team controller the top bar mounts: asks main which team the profile is in (`team:status`),
 * and while it is in one runs the desk's live sync (sync/live.ts) over its PouchDB replica and
 * the bridge to main; joins (`team:join`, then every existing record is queued once so the
 * desk's earlier work reaches the team) and leaves (`team:leave`; the loop stops first, so
 * nothing is sent after). Without a team nothing here opens a replica or sends a request.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Result } from '../../../src-main/contract/result';
import type { TeamStatus } from '../../../src-main/contract/team';
import { api } from '../../bridge';
import { db } from '../../db/db';
import { LiveSync, type SyncStatus } from '../../sync/live';
import { queueAll } from '../../sync/outbox';
import { setSyncIdentity } from '../../sync/outbox-capture';
import { openDeskReplica, openTeamRemote } from '../../sync/pouch';
import { NOT_IN_TEAM } from './chip-text';
import type { JoinDetailsForm } from './JoinForm';
import type { TeamDesk } from './team-context';
import type { JoinedTeam, TeamControls } from './TeamMenu';

type Joined = Extract<TeamStatus, { joined: true }>;

interface Running {
  live: LiveSync;
  desk: TeamDesk;
  stop(): Promise<void>;
}

/** Starts the live loop of a joined desk. */
function startDesk(team: Joined): Running {
  const local = openDeskReplica(`${team.teamId}-${team.username}`);
  const remote = openTeamRemote(request => api.syncRequest(request));
  const desk: TeamDesk = { db, me: team.username, now: Date.now };
  const live = new LiveSync({ desk: { db, local, me: team.username, now: Date.now }, remote });
  live.start();
  return {
    live,
    desk,
    async stop() {
      await live.stop();
      await Promise.allSettled([local.close(), remote.close()]);
    },
  };
}

/** The team controls for the chip and the desk for the conflict badges. */
export function useTeam(): { controls: TeamControls; desk: TeamDesk | null } {
  const [joined, setJoined] = useState<JoinedTeam | null>(null);
  const [status, setStatus] = useState<SyncStatus>(NOT_IN_TEAM);
  const [desk, setDesk] = useState<TeamDesk | null>(null);
  const running = useRef<Running | null>(null);

  const run = useCallback((team: Joined) => {
    const started = startDesk(team);
    running.current = started;
    setDesk(started.desk);
    setJoined({ teamId: team.teamId, username: team.username });
    setStatus(started.live.getStatus());
    started.live.subscribe(setStatus);
  }, []);

  const stop = useCallback(async () => {
    const current = running.current;
    running.current = null;
    setDesk(null);
    setJoined(null);
    setStatus(NOT_IN_TEAM);
    await current?.stop();
  }, []);

  useEffect(() => {
    let cancelled = false;
    void api.teamStatus().then(result => {
      if (cancelled || !result.ok || !result.value.joined) return;
      void setSyncIdentity(db, result.value.username).then(() => {
        if (!cancelled) run(result.value as Joined);
      });
    });
    return () => {
      cancelled = true;
      void running.current?.stop();
      running.current = null;
    };
  }, [run]);

  const join = useCallback(
    async (form: JoinDetailsForm): Promise<Result<unknown>> => {
      const result = await api.teamJoin(form);
      if (!result.ok) return result;
      if (!result.value.joined) {
        return { ok: false, error: { code: 'internal', message: 'The team was not joined.' } };
      }
      await setSyncIdentity(db, result.value.username);
      await queueAll(db, result.value.username);
      await stop();
      run(result.value);
      return { ok: true, value: null };
    },
    [run, stop],
  );

  const leave = useCallback(async (): Promise<Result<unknown>> => {
    await stop();
    const result = await api.teamLeave();
    if (!result.ok) return result;
    await setSyncIdentity(db, null);
    return { ok: true, value: null };
  }, [stop]);

  const controls = useMemo<TeamControls>(
    () => ({ status, joined, join, leave }),
    [status, joined, join, leave],
  );
  return { controls, desk };
}
