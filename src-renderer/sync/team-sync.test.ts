import 'fake-indexeddb/auto';
import { afterEach, describe, expect, inject, it } from 'vitest';
import type {} from '../../src-main/testing/couch-context';
import { testMainApi } from '../../src-main/testing/team-main';
import { ReadoutDB } from '../db/db';
import { createBridgeFetch, TEAM_DB_URL } from './bridge-fetch';
import { createTeamSync, type TeamSync, type TeamSyncStatus } from './team-sync';
import { sampleHighlight, testTeam, TestPouch } from './testing';

const server = inject('couchServer');
const syncs: TeamSync[] = [];

/** A desk as the app builds one: its ReadoutDB, main's services behind dispatch, counted calls. */
function appDesk() {
  const { api, calls } = testMainApi();
  const db = new ReadoutDB(`desk-${Math.random()}`);
  const make = () =>
    createTeamSync({
      db,
      api,
      openReplica: (teamId, username) =>
        new TestPouch(`replica-${db.name}-${teamId}-${username}`, { adapter: 'memory' }),
      openRemote: send =>
        new TestPouch(TEAM_DB_URL, {
          adapter: 'http',
          skip_setup: true,
          fetch: createBridgeFetch(send),
        }),
      live: { debounceMs: 20, longPollMs: 2_000 },
    });
  const sync = make();
  syncs.push(sync);
  return { db, calls, sync, make };
}

function until(
  sync: TeamSync,
  test: (s: TeamSyncStatus) => boolean,
  ms = 15_000,
): Promise<TeamSyncStatus> {
  return new Promise((resolve, reject) => {
    if (test(sync.getStatus())) return resolve(sync.getStatus());
    const timer = setTimeout(() => reject(new Error(JSON.stringify(sync.getStatus()))), ms);
    const off = sync.subscribe(() => {
      if (!test(sync.getStatus())) return;
      clearTimeout(timer);
      off();
      resolve(sync.getStatus());
    });
  });
}

afterEach(async () => {
  for (const sync of syncs.splice(0)) await sync.stop();
});

describe('createTeamSync', { timeout: 40_000 }, () => {
  it('stays off and asks main only for the team when none is joined', async () => {
    const desk = appDesk();
    await desk.sync.start();
    await desk.db.highlights.put(sampleHighlight('h1', 1));
    await new Promise(r => setTimeout(r, 100));
    expect(desk.sync.getStatus()).toMatchObject({ state: 'off', team: null });
    expect(desk.calls).toEqual(['team:status']);
    expect(await desk.db.syncOutbox.count()).toBe(0);
  });

  it('joins with work already on the desk, shares it, and a teammate’s desk receives it', async () => {
    const team = await testTeam(server, ['ana', 'ben']);
    const [ana, ben] = [appDesk(), appDesk()];
    await ana.db.highlights.put(sampleHighlight('h1', 1, { note: 'from before the team' }));
    for (const [desk, name] of [
      [ana, 'ana'],
      [ben, 'ben'],
    ] as const) {
      await desk.sync.start();
      const joined = await desk.sync.join({
        serverUrl: team.serverUrl,
        teamId: team.teamId,
        username: name,
        password: `${name}-pass-word`,
      });
      expect(joined).toEqual({
        ok: true,
        value: { joined: true, teamId: team.teamId, username: name },
      });
    }
    await until(ana.sync, s => s.state === 'synced' && s.pending === 0);
    expect(ana.sync.getStatus().team).toEqual({ teamId: team.teamId, username: 'ana' });
    for (;;) {
      if (await ben.db.highlights.get('h1')) break;
      await new Promise(r => setTimeout(r, 50));
    }
    expect((await ben.db.highlights.get('h1'))?.note).toBe('from before the team');
  });

  it('starts syncing again on the next app start, and leaving stops it and clears the bookkeeping', async () => {
    const team = await testTeam(server, ['ana']);
    const desk = appDesk();
    await desk.sync.start();
    await desk.sync.join({
      serverUrl: team.serverUrl,
      teamId: team.teamId,
      username: 'ana',
      password: 'ana-pass-word',
    });
    await until(desk.sync, s => s.state === 'synced');
    await desk.sync.stop();

    const restarted = desk.make();
    syncs.push(restarted);
    await restarted.start();
    await desk.db.highlights.put(sampleHighlight('h2', 2));
    await until(restarted, s => s.state === 'synced' && s.pending === 0);

    expect(await restarted.leave()).toEqual({ ok: true, value: { joined: false } });
    expect(restarted.getStatus()).toMatchObject({ state: 'off', team: null });
    const before = desk.calls.length;
    await desk.db.highlights.put(sampleHighlight('h3', 3));
    await new Promise(r => setTimeout(r, 200));
    expect(desk.calls.length).toBe(before);
    expect(await desk.db.syncOutbox.count()).toBe(0);
    expect(await desk.db.syncState.count()).toBe(0);
    expect(await desk.db.highlights.count()).toBe(2);
  });

  it('passes a refused join back as a value and stays off', async () => {
    const team = await testTeam(server, ['ana']);
    const desk = appDesk();
    await desk.sync.start();
    const answer = await desk.sync.join({
      serverUrl: team.serverUrl,
      teamId: team.teamId,
      username: 'ana',
      password: 'wrong',
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(desk.sync.getStatus().state).toBe('off');
  });
});
