/**
 * The app's one team sync (team-sync.ts) over the app's database and bridge: the desk's replica
 * in IndexedDB beside Dexie's, the team database through `sync:request`. Started from main.tsx;
 * the sync chip and the join dialog read `useSyncStatus()` and call `teamSync.join`/`leave`.
 */
import { useSyncExternalStore } from 'react';
import { api } from '../bridge';
import { db } from '../db/db';
import { openDeskReplica, openTeamRemote } from './pouch';
import { createTeamSync, type TeamSyncStatus } from './team-sync';

export const teamSync = createTeamSync({
  db,
  api,
  openReplica: (teamId, username) => openDeskReplica(`${teamId}-${username}`),
  openRemote: openTeamRemote,
});

/** The sync chip's status, live. */
export function useSyncStatus(): TeamSyncStatus {
  return useSyncExternalStore(teamSync.subscribe, teamSync.getStatus);
}
