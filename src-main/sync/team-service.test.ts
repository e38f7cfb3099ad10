import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { dispatch } from '../dispatch';
import { teamServices } from '../testing/team-main';
import { createServices } from '../services';
import type {} from '../testing/couch-context';
import { setupTeam } from './team-setup';

const server = inject('couchServer');
let serial = 0;

async function team(): Promise<{ teamId: string; password: string }> {
  const teamId = `j${Date.now().toString(36)}${serial++}`;
  const result = await setupTeam({
    serverUrl: server.url,
    admin: server.admin,
    teamId,
    members: [{ name: 'ana', password: 'ana-secret-word' }],
  });
  if (!result.ok) throw new Error(result.error.message);
  return { teamId, password: 'ana-secret-word' };
}

/** The services as the page reaches them, through dispatch's zod checks. */
function desk() {
  const profileDir = mkdtempSync(join(tmpdir(), 'readout-join-'));
  const services = teamServices(profileDir);
  return {
    profileDir,
    call: (channel: string, ...args: unknown[]) => dispatch(services, channel, args),
  };
}

describe('createTeamService', { timeout: 20_000 }, () => {
  it('joins with the right password and answers with the team and user only', async () => {
    const { teamId, password } = await team();
    const { profileDir, call } = desk();
    expect(await call('team:status')).toEqual({ ok: true, value: { joined: false } });
    const joined = await call('team:join', {
      serverUrl: server.url,
      teamId,
      username: 'ana',
      password,
    });
    expect(joined).toEqual({ ok: true, value: { joined: true, teamId, username: 'ana' } });
    expect(JSON.stringify(joined)).not.toContain(server.url);
    expect(await call('team:status')).toEqual({
      ok: true,
      value: { joined: true, teamId, username: 'ana' },
    });
    // The forwarder now reaches the team database with the stored credential.
    const info = await call('sync:request', { op: 'send', id: 'r1', method: 'GET', path: '/' });
    expect(info).toMatchObject({ ok: true, value: { status: 200 } });
    // Nothing the profile keeps holds the password in the team configuration.
    expect(readFileSync(join(profileDir, 'team.json'), 'utf8')).not.toContain(password);
  });

  it('refuses a wrong password and stores nothing', async () => {
    const { teamId } = await team();
    const { profileDir, call } = desk();
    const answer = await call('team:join', {
      serverUrl: server.url,
      teamId,
      username: 'ana',
      password: 'guess',
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(JSON.stringify(answer)).not.toContain('guess');
    expect(readdirSync(profileDir)).toEqual([]);
    expect(await call('team:status')).toEqual({ ok: true, value: { joined: false } });
  });

  it('names a team that does not exist, and refuses an address that is not an origin', async () => {
    const { password } = await team();
    const { call } = desk();
    const missing = await call('team:join', {
      serverUrl: server.url,
      teamId: 'nobody-here',
      username: 'ana',
      password,
    });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const path = await call('team:join', {
      serverUrl: `${server.url}/_users`,
      teamId: 'a',
      username: 'ana',
      password: 'x',
    });
    expect(path).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    const extra = await call('team:join', {
      serverUrl: server.url,
      teamId: 'a',
      username: 'ana',
      password: 'x',
      admin: true,
    });
    expect(extra).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  it('leaves: the status says so and no sync request leaves the machine after', async () => {
    const { teamId, password } = await team();
    const { call } = desk();
    await call('team:join', { serverUrl: server.url, teamId, username: 'ana', password });
    expect(await call('team:leave')).toEqual({ ok: true, value: { joined: false } });
    expect(await call('team:status')).toEqual({ ok: true, value: { joined: false } });
    const after = await call('sync:request', { op: 'send', id: 'r2', method: 'GET', path: '/' });
    expect(after).toMatchObject({ ok: false });
  });

  it('answers unsupported where no team service is given (the command line)', async () => {
    const services = createServices({ seedsDir: tmpdir() });
    expect(await dispatch(services, 'team:status', [])).toMatchObject({
      ok: false,
      error: { code: 'unsupported' },
    });
  });
});
