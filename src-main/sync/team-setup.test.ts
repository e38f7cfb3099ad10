import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { MemoryPouch } from '../testing/couch-server';
import { teamDatabaseName } from './design-doc';
import { revokeMember, serverOrigin, setupTeam, type JoinDetails } from './team-setup';

const server = inject('couchServer');

function freshTeamId(): string {
  return `t${randomUUID().slice(0, 8)}`;
}

async function team(members: string[]): Promise<JoinDetails> {
  const result = await setupTeam({
    serverUrl: server.url,
    admin: server.admin,
    teamId: freshTeamId(),
    members: members.map(name => ({ name })),
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function remote(details: JoinDetails, username: string, password: string) {
  return new MemoryPouch(`${details.serverUrl}/${details.database}`, {
    adapter: 'http',
    auth: { username, password },
    skip_setup: true,
  });
}

function basic(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}

function doc(id: string, authorId: string, extra: Record<string, unknown> = {}) {
  return {
    _id: id,
    kind: 'highlight',
    schema: 1,
    authorId,
    editedBy: authorId,
    updatedAt: 1,
    note: '',
    ...extra,
  };
}

describe('setupTeam', () => {
  it('lets a member read and write their own documents', async () => {
    const details = await team(['ana']);
    const [ana] = details.members;
    const db = remote(details, ana.username, ana.password);
    await db.put(doc('highlight:1', 'ana'));
    expect((await db.get('highlight:1')).authorId).toBe('ana');
  });

  it('answers 401 to another team’s member, on reading and on replicating', async () => {
    const ours = await team(['ana']);
    const theirs = await team(['mal']);
    const mal = theirs.members[0];
    const res = await fetch(`${ours.serverUrl}/${ours.database}/_all_docs`, {
      headers: { authorization: basic(mal.username, mal.password) },
    });
    expect(res.status).toBe(401);
    const local = new MemoryPouch(`local-${randomUUID()}`);
    await expect(
      remote(ours, mal.username, mal.password).replicate.to(local),
    ).rejects.toMatchObject({
      status: 401,
    });
    expect((await local.allDocs()).rows).toEqual([]);
  });

  it('refuses a forged author during replication with a doc_write_failure', async () => {
    const details = await team(['ana', 'ben']);
    const [ana] = details.members;
    const local = new MemoryPouch(`local-${randomUUID()}`);
    await local.bulkDocs([doc('highlight:own', 'ana'), doc('highlight:forged', 'ben')]);
    const result = await local.replicate.to(remote(details, ana.username, ana.password));
    expect(result.docs_written).toBe(1);
    expect(result.doc_write_failures).toBe(1);
    const ids = (await remote(details, ana.username, ana.password).allDocs()).rows.map(r => r.id);
    expect(ids).toContain('highlight:own');
    expect(ids).not.toContain('highlight:forged');
  });

  it('keeps decisions immutable and refuses unknown kinds and schema versions', async () => {
    const details = await team(['ana']);
    const [ana] = details.members;
    const db = remote(details, ana.username, ana.password);
    const put = await db.put(doc('decision:1', 'ana', { kind: 'decision', supersedes: [] }));
    await expect(
      db.put({
        ...doc('decision:1', 'ana', { kind: 'decision', supersedes: [] }),
        _rev: put.rev,
        value: 'x',
      }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(db.remove('decision:1', put.rev)).rejects.toMatchObject({ status: 403 });
    await expect(db.put(doc('x:1', 'ana', { kind: 'search-index' }))).rejects.toMatchObject({
      status: 403,
    });
    await expect(db.put(doc('x:2', 'ana', { schema: 99 }))).rejects.toMatchObject({ status: 403 });
  });

  it('lets a member edit a teammate’s document without taking or faking its authorship', async () => {
    const details = await team(['ana', 'ben', 'cy']);
    const [ana, ben] = details.members;
    const put = await remote(details, ana.username, ana.password).put(doc('highlight:2', 'ana'));
    const benDb = remote(details, ben.username, ben.password);
    const edit = await benDb.put({
      ...doc('highlight:2', 'ana', { note: 'ben was here', editedBy: 'ben' }),
      _rev: put.rev,
    });
    await expect(
      benDb.put({ ...doc('highlight:2', 'cy', { editedBy: 'ben' }), _rev: edit.rev }),
    ).rejects.toMatchObject({ status: 403 });
  });

  it('refuses an edit written in a colleague’s name, on a put and during replication', async () => {
    const details = await team(['ana', 'ben']);
    const [ana, ben] = details.members;
    const put = await remote(details, ana.username, ana.password).put(doc('highlight:3', 'ana'));
    const benDb = remote(details, ben.username, ben.password);
    // Ben keeps Ana as the author (allowed) but claims the edit is hers too.
    await expect(
      benDb.put({ ...doc('highlight:3', 'ana', { note: 'not hers' }), _rev: put.rev }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(benDb.put(doc('highlight:4', 'ben', { editedBy: 'ana' }))).rejects.toMatchObject({
      status: 403,
    });

    const local = new MemoryPouch(`local-${randomUUID()}`);
    await local.bulkDocs([
      doc('highlight:own', 'ben'),
      doc('highlight:in-her-name', 'ben', { editedBy: 'ana' }),
      doc('highlight:no-editor', 'ben', { editedBy: undefined }),
    ]);
    const result = await local.replicate.to(benDb);
    expect(result.docs_written).toBe(1);
    expect(result.doc_write_failures).toBe(2);
    const stored = await benDb.get('highlight:3');
    expect(stored.note).toBe('');
    const ids = (await benDb.allDocs()).rows.map(r => r.id);
    expect(ids).toContain('highlight:own');
    expect(ids).not.toContain('highlight:in-her-name');
    expect(ids).not.toContain('highlight:no-editor');
  });

  it('can run again on the same team without losing members or the database', async () => {
    const teamId = freshTeamId();
    const first = await setupTeam({
      serverUrl: server.url,
      admin: server.admin,
      teamId,
      members: [{ name: 'ana', password: 'pw-one-1234' }],
    });
    expect(first.ok).toBe(true);
    const second = await setupTeam({
      serverUrl: server.url,
      admin: server.admin,
      teamId,
      members: [{ name: 'ana', password: 'pw-two-1234' }],
    });
    expect(second.ok && second.value.database).toBe(teamDatabaseName(teamId));
    const res = await fetch(`${server.url}/${teamDatabaseName(teamId)}`, {
      headers: { authorization: basic('ana', 'pw-two-1234') },
    });
    expect(res.status).toBe(200);
  });

  it('reports a wrong admin password as forbidden, not as a crash', async () => {
    const result = await setupTeam({
      serverUrl: server.url,
      admin: { username: 'admin', password: 'wrong' },
      teamId: freshTeamId(),
      members: [],
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('revokeMember', () => {
  it('shuts a revoked member out of reading and replicating', async () => {
    const details = await team(['ana']);
    const [ana] = details.members;
    await remote(details, ana.username, ana.password).put(doc('highlight:3', 'ana'));
    const revoked = await revokeMember({
      serverUrl: server.url,
      admin: server.admin,
      teamId: details.teamId,
      name: 'ana',
    });
    expect(revoked.ok).toBe(true);
    const local = new MemoryPouch(`local-${randomUUID()}`);
    await expect(
      remote(details, ana.username, ana.password).replicate.to(local),
    ).rejects.toMatchObject({ status: 401 });
  });
});

describe('serverOrigin', () => {
  it('accepts an origin and refuses paths, credentials and other schemes', () => {
    expect(serverOrigin('https://couch.example.org:6984/')).toEqual({
      ok: true,
      value: 'https://couch.example.org:6984',
    });
    expect(serverOrigin('https://couch.example.org/db').ok).toBe(false);
    expect(serverOrigin('https://u:p@couch.example.org').ok).toBe(false);
    expect(serverOrigin('file:///etc/passwd').ok).toBe(false);
    expect(serverOrigin('not a url').ok).toBe(false);
  });
});
