import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { runCli } from './main';
import { capture } from './testing';
import { ADMIN_PASSWORD_ENV, ADMIN_USER_ENV, createTeamCommand } from './team';

const server = inject('couchServer');
const env = {
  [ADMIN_USER_ENV]: server.admin.username,
  [ADMIN_PASSWORD_ENV]: server.admin.password,
};

function basic(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}

describe('createTeamCommand', () => {
  it('sets up a team and prints join details that let each member in', async () => {
    const team = `c${randomUUID().slice(0, 8)}`;
    const c = capture();
    const code = await createTeamCommand(env).run(
      ['setup', '--server', server.url, '--team', team, '--members', 'ana,ben', '--json'],
      c.io,
    );
    expect(code).toBe(0);
    const details = JSON.parse(c.out()) as {
      database: string;
      members: { username: string; password: string }[];
    };
    expect(details.database).toBe(`readout-team-${team}`);
    expect(details.members.map(m => m.username)).toEqual(['ana', 'ben']);
    for (const m of details.members) {
      const res = await fetch(`${server.url}/${details.database}`, {
        headers: { authorization: basic(m.username, m.password) },
      });
      expect(res.status).toBe(200);
    }
  });

  it('prints one line per member in plain text', async () => {
    const c = capture();
    const code = await createTeamCommand(env).run(
      ['setup', `--server=${server.url}`, `--team=c${randomUUID().slice(0, 8)}`, '--members=ana'],
      c.io,
    );
    expect(code).toBe(0);
    expect(c.out()).toMatch(/user ana {2}password \S{16,}/);
  });

  it('revokes a member, who then gets 401', async () => {
    const team = `c${randomUUID().slice(0, 8)}`;
    const c = capture();
    await createTeamCommand(env).run(
      ['setup', '--server', server.url, '--team', team, '--members', 'ana', '--json'],
      c.io,
    );
    const ana = (JSON.parse(c.out()) as { members: { password: string }[] }).members[0];
    const r = capture();
    expect(
      await createTeamCommand(env).run(
        ['revoke', '--server', server.url, '--team', team, '--member', 'ana'],
        r.io,
      ),
    ).toBe(0);
    const res = await fetch(`${server.url}/readout-team-${team}`, {
      headers: { authorization: basic('ana', ana.password) },
    });
    expect(res.status).toBe(401);
  });

  it('exits 1 with the server’s reason when the admin password is wrong', async () => {
    const c = capture();
    const wrong = { ...env, [ADMIN_PASSWORD_ENV]: 'nope' };
    expect(
      await createTeamCommand(wrong).run(
        ['setup', '--server', server.url, '--team', 'cx', '--members', 'ana'],
        c.io,
      ),
    ).toBe(1);
    expect(c.err()).toMatch(/401/);
  });

  it('asks for the admin in the environment rather than on the command line', async () => {
    const c = capture();
    await expect(
      createTeamCommand({}).run(
        ['setup', '--server', server.url, '--team', 'cx', '--members', 'ana'],
        c.io,
      ),
    ).rejects.toThrow(ADMIN_USER_ENV);
  });
});

describe('teamCommand', () => {
  it('is listed by readout and refuses a bad team id with its usage', async () => {
    const c = capture();
    expect(
      await runCli(
        ['team', 'setup', '--server', server.url, '--team', 'Bad Id', '--members', 'ana'],
        c.io,
      ),
    ).not.toBe(0);
    expect(c.err()).toMatch(/usage: readout team setup/);
  });
});
