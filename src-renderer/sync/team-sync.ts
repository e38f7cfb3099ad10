/**
 * The desk's team membership and its live sync, as the app uses them: started once at app start
 * (`teamSync.start()` in main.tsx), joined and left from the join dialog. This is the API the
 * teamui engineer's chip, badges and dialog use:
 *
 * - `useSyncStatus()` / `teamSync.getStatus()` / `teamSync.subscribe(fn)` — a `TeamSyncStatus`:
 *   the live loop's status (live.ts: `state`, `pending`, `conflicts`, `lastSyncAt`, `message`) and
 *   `team` (`{ teamId, username }`, or null while no team is joined, with `state: 'off'`).
 * - `teamSync.join({ serverUrl, teamId, username, password })` — a Result: main checks the details
 *   against the server and keeps them; the desk then queues its existing work once and syncs.
 * - `teamSync.leave()` — a Result: sync stops, main forgets the server and the password, the
 *   desk's work stays, the sync bookkeeping (outbox, revisions, conflict rows, replica) goes.
 * - `teamSync.syncNow()` — a round now, for a "Retry" button.
 *
 * With no team joined the only call made is `team:status` to main at start: nothing leaves the
 * machine. The server's address and the password are never held by the page after join.
 */
import type { ReadoutApi } from '../../src-main/contract/api';
import type { Result } from '../../src-main/contract/result';
import type { TeamJoinRequest, TeamStatus } from '../../src-main/contract/team';
import type { ReadoutDB } from '../db/db';
import { LiveSync, SYNC_OFF, type LiveSyncOptions, type SyncStatus } from './live';
import { queueAll } from './outbox';
import { setSyncIdentity, syncIdentity } from './outbox-capture';

export interface TeamSyncStatus extends SyncStatus {
  team: { teamId: string; username: string } | null;
}

export interface TeamSyncOptions {
  db: ReadoutDB;
  api: Pick<ReadoutApi, 'teamJoin' | 'teamStatus' | 'teamLeave' | 'syncRequest'>;
  /** The desk's PouchDB replica for one team and user (openDeskReplica in the app). */
  openReplica(teamId: string, username: string): ReadoutPouch.Database;
  /** The team database reached through `sync:request` (openTeamRemote in the app). */
  openRemote(send: ReadoutApi['syncRequest']): ReadoutPouch.Database;
  live?: Omit<LiveSyncOptions, 'desk' | 'remote'>;
}

export interface TeamSync {
  getStatus(): TeamSyncStatus;
  subscribe(listener: () => void): () => void;
  /** Reads the profile's team from main and starts the loop if one is joined. */
  start(): Promise<void>;
  join(request: TeamJoinRequest): Promise<Result<TeamStatus>>;
  leave(): Promise<Result<TeamStatus>>;
  syncNow(): Promise<void>;
  /** Stops the loop (tests, window close); the membership stays. */
  stop(): Promise<void>;
}

const OFF: TeamSyncStatus = { ...SYNC_OFF, team: null };

export function createTeamSync(options: TeamSyncOptions): TeamSync {
  const { db, api } = options;
  let status: TeamSyncStatus = OFF;
  let loop: LiveSync | null = null;
  let replica: ReadoutPouch.Database | null = null;
  let unsubscribe: (() => void) | null = null;
  let team: TeamSyncStatus['team'] = null;
  const listeners = new Set<() => void>();
  let started: Promise<void> | null = null;

  const publish = (next: TeamSyncStatus) => {
    status = next;
    for (const listener of listeners) listener();
  };

  async function stopLoop(): Promise<void> {
    unsubscribe?.();
    unsubscribe = null;
    const running = loop;
    loop = null;
    await running?.stop();
  }

  async function run(joined: { teamId: string; username: string }): Promise<void> {
    await stopLoop();
    await db.open();
    if (syncIdentity(db) !== joined.username) {
      // A new member on this desk (or a team joined outside the app): its work goes once.
      await setSyncIdentity(db, joined.username);
      await queueAll(db, joined.username);
    }
    team = joined;
    replica = options.openReplica(joined.teamId, joined.username);
    const next = new LiveSync({
      ...options.live,
      desk: { db, local: replica, me: joined.username, now: Date.now },
      remote: options.openRemote(request => api.syncRequest(request)),
    });
    loop = next;
    unsubscribe = next.subscribe(s => publish({ ...s, team }));
    next.start();
    publish({ ...next.getStatus(), team });
  }

  async function forget(): Promise<void> {
    await stopLoop();
    team = null;
    await setSyncIdentity(db, null);
    await db.transaction('rw', [db.syncOutbox, db.syncState, db.syncConflicts], async () => {
      await db.syncOutbox.clear();
      await db.syncState.clear();
      await db.syncConflicts.clear();
    });
    await replica?.destroy().catch(() => undefined);
    replica = null;
    publish(OFF);
  }

  return {
    getStatus: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    start() {
      started ??= (async () => {
        await db.open();
        const answer = await api.teamStatus();
        if (!answer.ok) {
          publish({ ...OFF, state: 'error', message: answer.error.message });
          return;
        }
        if (answer.value.joined) await run(answer.value);
        else if (syncIdentity(db)) await forget();
      })();
      return started;
    },
    async join(request) {
      const answer = await api.teamJoin(request);
      // Another team before this one: its bookkeeping does not carry over.
      if (answer.ok && team && team.teamId !== request.teamId) await forget();
      if (answer.ok && answer.value.joined) {
        await run({ teamId: answer.value.teamId, username: answer.value.username });
      }
      return answer;
    },
    async leave() {
      const answer = await api.teamLeave();
      if (answer.ok) await forget();
      return answer;
    },
    syncNow: async () => loop?.syncNow(),
    stop: stopLoop,
  };
}
