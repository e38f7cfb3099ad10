/**
 * Main's side of a desk for the renderer's team-sync tests: a fresh profile folder, the team
 * service and the forwarder behind `dispatch` (so every call is zod-checked as over IPC), and a
 * record of the channels the page called — to prove that a desk without a team asks main only
 * for its team and sends nothing further.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReadoutApi } from '../contract/api';
import { dispatch } from '../dispatch';
import { createServices } from '../services';
import { fileRightsOnly } from '../sync/credential-store';
import { createSyncForwarder } from '../sync/forward';
import { loadTeamAccess } from '../sync/team-config';
import { createTeamService } from '../sync/team-service';

export type TeamApi = Pick<ReadoutApi, 'teamJoin' | 'teamStatus' | 'teamLeave' | 'syncRequest'>;

/** Main's services for a profile folder with the team service and forwarder, as the preview wires them. */
export function teamServices(profileDir: string) {
  const forwarder = createSyncForwarder({
    loadTeam: () => loadTeamAccess(profileDir, fileRightsOnly),
  });
  return createServices({
    seedsDir: tmpdir(),
    syncForwarder: forwarder,
    team: createTeamService({ profileDir, cipher: fileRightsOnly, forwarder }),
  });
}

export function testMainApi(): { api: TeamApi; calls: string[]; profileDir: string } {
  const profileDir = mkdtempSync(join(tmpdir(), 'readout-desk-'));
  const services = teamServices(profileDir);
  const calls: string[] = [];
  const call =
    (channel: string) =>
    (...args: unknown[]) => {
      calls.push(channel);
      return dispatch(services, channel, args);
    };
  const api = {
    teamJoin: call('team:join'),
    teamStatus: call('team:status'),
    teamLeave: call('team:leave'),
    syncRequest: call('sync:request'),
  } as unknown as TeamApi;
  return { api, calls, profileDir };
}
