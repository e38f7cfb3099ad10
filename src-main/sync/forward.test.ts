import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, inject, it, vi } from 'vitest';
import type { SyncSend } from '../contract/sync-request';
import { createSyncForwarder, teamUrl, type TeamAccess } from './forward';
import { setupTeam } from './team-setup';

const server = inject('couchServer');

async function teamAccess(): Promise<TeamAccess> {
  const result = await setupTeam({
    serverUrl: server.url,
    admin: server.admin,
    teamId: `f${randomUUID().slice(0, 8)}`,
    members: [{ name: 'ana' }],
  });
  if (!result.ok) throw new Error(result.error.message);
  return {
    origin: result.value.serverUrl,
    database: result.value.database,
    credentials: result.value.members[0],
  };
}

function send(path: string, extra: Partial<SyncSend> = {}): SyncSend {
  return {
    op: 'send',
    id: randomUUID().slice(0, 8),
    method: 'GET',
    path,
    accept: 'application/json',
    ...extra,
  };
}

describe('teamUrl', () => {
  const access: TeamAccess = {
    origin: 'https://couch.example.org',
    database: 'readout-team-a',
    credentials: { username: 'u', password: 'p' },
  };

  it('names paths inside the team database', () => {
    expect(teamUrl(access, '/')?.href).toBe('https://couch.example.org/readout-team-a/');
    expect(teamUrl(access, '/_changes?feed=longpoll&since=0')?.pathname).toBe(
      '/readout-team-a/_changes',
    );
    expect(teamUrl(access, '/highlight%3A1?revs=true')?.pathname).toBe(
      '/readout-team-a/highlight%3A1',
    );
  });

  it('refuses paths that climb out to another database, the server or another host', () => {
    for (const path of [
      '/../_users/org.couchdb.user:admin',
      '/%2e%2e/_all_dbs',
      '/.%2E/x',
      '//evil.example/x',
      '/\\..\\x',
      '/a#b',
      'relative',
    ]) {
      expect(teamUrl(access, path), path).toBeNull();
    }
    expect(teamUrl({ ...access, database: 'readout-team-a' }, '-b/_all_docs')).toBeNull();
  });
});

describe('createSyncForwarder', () => {
  it('answers unsupported and sends nothing when no team is configured', async () => {
    const fetchSpy = vi.fn<typeof fetch>();
    const forwarder = createSyncForwarder({ loadTeam: async () => null, fetch: fetchSpy });
    const result = await forwarder.handle(send('/'));
    expect(result).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('signs requests to the team database in and hands back the server’s answer without credentials', async () => {
    const access = await teamAccess();
    const forwarder = createSyncForwarder({ loadTeam: async () => access });
    const put = await forwarder.handle(
      send('/highlight%3A1', {
        method: 'PUT',
        contentType: 'application/json',
        body: JSON.stringify({
          kind: 'highlight',
          schema: 1,
          authorId: 'ana',
          editedBy: 'ana',
          updatedAt: 1,
        }),
      }),
    );
    expect(put).toMatchObject({ ok: true, value: { status: 201 } });
    const get = await forwarder.handle(send('/highlight%3A1'));
    expect(get.ok && JSON.parse(get.value!.body)).toMatchObject({
      _id: 'highlight:1',
      authorId: 'ana',
    });
    expect(JSON.stringify(get)).not.toContain(access.credentials.password);
  });

  it('refuses a path outside the team database before sending anything', async () => {
    const access = await teamAccess();
    const fetchSpy = vi.fn<typeof fetch>();
    const forwarder = createSyncForwarder({ loadTeam: async () => access, fetch: fetchSpy });
    const result = await forwarder.handle(send('/../_users/_all_docs'));
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('keeps a long-poll open until the page cancels it', async () => {
    const access = await teamAccess();
    const forwarder = createSyncForwarder({ loadTeam: async () => access });
    const request = send('/_changes?feed=longpoll&since=now&timeout=3000');
    const pending = forwarder.handle(request);
    const settled = vi.fn();
    void pending.then(settled);
    await new Promise(resolve => setTimeout(resolve, 150));
    expect(settled).not.toHaveBeenCalled();
    expect(await forwarder.handle({ op: 'cancel', id: request.id })).toEqual({
      ok: true,
      value: null,
    });
    expect(await pending).toMatchObject({ ok: false, error: { code: 'cancelled' } });
  });

  it('answers a long-poll as soon as a change arrives', async () => {
    const access = await teamAccess();
    const forwarder = createSyncForwarder({ loadTeam: async () => access });
    const pending = forwarder.handle(send('/_changes?feed=longpoll&since=now&timeout=3000'));
    await new Promise(resolve => setTimeout(resolve, 100));
    await forwarder.handle(
      send('/note%3A1', {
        method: 'PUT',
        contentType: 'application/json',
        body: JSON.stringify({
          kind: 'article-note',
          schema: 1,
          authorId: 'ana',
          editedBy: 'ana',
          updatedAt: 2,
        }),
      }),
    );
    const answer = await pending;
    expect(
      answer.ok && JSON.parse(answer.value!.body).results.map((r: { id: string }) => r.id),
    ).toEqual(['note:1']);
  });

  it('fails an answer over the size cap instead of holding it in memory', async () => {
    const access = await teamAccess();
    const forwarder = createSyncForwarder({ loadTeam: async () => access, maxResponseChars: 10 });
    expect(await forwarder.handle(send('/'))).toMatchObject({
      ok: false,
      error: { code: 'invalid-result' },
    });
  });

  it('reports an unreachable server without naming its address', async () => {
    const dead = createServer();
    await new Promise<void>(resolve => dead.listen(0, '127.0.0.1', resolve));
    const port = (dead.address() as AddressInfo).port;
    await new Promise(resolve => dead.close(resolve));
    const forwarder = createSyncForwarder({
      loadTeam: async () => ({
        origin: `http://127.0.0.1:${port}`,
        database: 'readout-team-x',
        credentials: { username: 'a', password: 'b' },
      }),
    });
    const result = await forwarder.handle(send('/'));
    expect(result).toMatchObject({ ok: false, error: { code: 'io' } });
    expect(JSON.stringify(result)).not.toContain(String(port));
  });

  it('passes on the server’s 401 for a wrong password, so PouchDB stops instead of retrying blindly', async () => {
    const access = await teamAccess();
    const forwarder = createSyncForwarder({
      loadTeam: async () => ({ ...access, credentials: { username: 'ana', password: 'wrong' } }),
    });
    expect(await forwarder.handle(send('/_all_docs'))).toMatchObject({
      ok: true,
      value: { status: 401 },
    });
  });
});
