import 'fake-indexeddb/auto';
import { describe, expect, inject, it } from 'vitest';
import { revokeMember } from '../../src-main/sync/team-setup';
import type {} from '../../src-main/testing/couch-context';
import { pumpOutbox } from './outbox';
import { syncRound } from './session';
import {
  accessFor,
  bridgedRemote,
  edit,
  sampleHighlight,
  testDesk,
  testTeam,
  TestPouch,
  vanishingNetwork,
} from './testing';

const server = inject('couchServer');

function serverDb(url: string, database: string) {
  return new TestPouch(`${url}/${database}`, {
    adapter: 'http',
    skip_setup: true,
    auth: server.admin,
  });
}

describe('pumpOutbox', { timeout: 30_000 }, () => {
  it('drains the outbox after a crash between the Dexie commit and the push, nothing lost', async () => {
    const team = await testTeam(server, ['ana']);
    const ana = await testDesk(team, 'ana');
    await edit(ana, { table: 'highlights', key: 'h1' }, () =>
      ana.db.highlights.put(sampleHighlight('h1', ana.now(), { note: 'before the crash' })),
    );
    // The desk stops here: the edit is committed with its outbox row, nothing was pushed.
    const restarted = ana.restart();
    expect(await restarted.db.syncOutbox.count()).toBe(1);
    await syncRound(restarted, restarted.remote);
    expect(await restarted.db.syncOutbox.count()).toBe(0);
    const onServer = await serverDb(team.serverUrl, team.database).get('highlight:h1');
    expect(onServer).toMatchObject({ data: { note: 'before the crash' }, authorId: 'ana' });
  });

  it('writes nothing twice when the desk stopped after PouchDB took the edit but before the row was cleared', async () => {
    const team = await testTeam(server, ['ana']);
    const ana = await testDesk(team, 'ana');
    await edit(ana, { table: 'highlights', key: 'h1' }, () =>
      ana.db.highlights.put(sampleHighlight('h1', ana.now(), { note: 'once' })),
    );
    // A PouchDB whose write lands but whose answer never comes back: the desk dies mid-pump.
    const dying = Object.create(ana.local) as ReadoutPouch.Database;
    dying.bulkDocs = async docs => {
      await ana.local.bulkDocs(docs);
      throw new Error('the desk stopped');
    };
    await expect(pumpOutbox(ana.db, dying, { me: 'ana', now: ana.now })).rejects.toThrow('stopped');
    expect(await ana.db.syncOutbox.count()).toBe(1);

    const report = await pumpOutbox(ana.db, ana.local, { me: 'ana', now: ana.now });
    expect(report.written).toBe(0);
    expect(await ana.db.syncOutbox.count()).toBe(0);
    const doc = await ana.local.get('highlight:h1', { revs: true });
    expect(doc._rev?.startsWith('1-')).toBe(true);
    await syncRound(ana, ana.remote);
    expect((await serverDb(team.serverUrl, team.database).get('highlight:h1'))._rev).toBe(doc._rev);
  });
});

describe('syncRound', { timeout: 30_000 }, () => {
  it('keeps every edit when the server vanishes mid-replication, and sends them when it is back', async () => {
    const team = await testTeam(server, ['ana']);
    const ana = await testDesk(team, 'ana');
    const network = vanishingNetwork();
    const remote = bridgedRemote(() => accessFor(team, 'ana'), network.fetch);
    await ana.db.transaction('rw', ana.db.highlights, async () => {
      for (let i = 0; i < 60; i++) await ana.db.highlights.put(sampleHighlight(`h${i}`, ana.now()));
    });
    await pumpOutbox(ana.db, ana.local, { me: 'ana', now: ana.now });
    const replication = ana.local.replicate.to(remote, { batch_size: 10 });
    void replication.on('change', () => network.vanish());
    await expect(replication).rejects.toBeTruthy();
    const highlightsOnServer = async () =>
      (await serverDb(team.serverUrl, team.database).allDocs()).rows.filter(r =>
        r.id.startsWith('highlight:'),
      );
    expect((await highlightsOnServer()).length).toBeLessThan(60);
    expect(await ana.db.highlights.count()).toBe(60);

    network.comeBack();
    await syncRound(ana, remote);
    expect(await highlightsOnServer()).toHaveLength(60);
    expect(await ana.db.highlights.count()).toBe(60);
  });
  it('stops a revoked member at the server and keeps their desk’s work', async () => {
    const team = await testTeam(server, ['ana']);
    const ana = await testDesk(team, 'ana');
    await edit(ana, { table: 'highlights', key: 'h1' }, () =>
      ana.db.highlights.put(sampleHighlight('h1', ana.now())),
    );
    await syncRound(ana, ana.remote);
    const revoked = await revokeMember({
      serverUrl: server.url,
      admin: server.admin,
      teamId: team.teamId,
      name: 'ana',
    });
    expect(revoked.ok).toBe(true);
    await edit(ana, { table: 'highlights', key: 'h2' }, () =>
      ana.db.highlights.put(sampleHighlight('h2', ana.now())),
    );
    await expect(syncRound(ana, ana.remote)).rejects.toMatchObject({ status: 401 });
    expect(await ana.db.highlights.get('h2')).toBeTruthy();
    const ids = (await serverDb(team.serverUrl, team.database).allDocs()).rows.map(r => r.id);
    expect(ids).toContain('highlight:h1');
    expect(ids).not.toContain('highlight:h2');
  });

  it('gives another team’s member 401 through the bridge', async () => {
    const ours = await testTeam(server, ['ana']);
    const theirs = await testTeam(server, ['mal']);
    const mal = await testDesk(theirs, 'mal');
    const wrongDoor = bridgedRemote(() => ({
      ...accessFor(theirs, 'mal'),
      database: ours.database,
    }));
    await expect(mal.local.replicate.from(wrongDoor)).rejects.toMatchObject({ status: 401 });
  });

  it('has a forged author refused by the server, counted as a doc_write_failure', async () => {
    const team = await testTeam(server, ['ana', 'ben']);
    const ana = await testDesk(team, 'ana');
    await edit(ana, { table: 'highlights', key: 'h1' }, () =>
      ana.db.highlights.put(sampleHighlight('h1', ana.now())),
    );
    // A tampered desk writes a document claiming Ben wrote it.
    await ana.local.put({
      _id: 'highlight:forged',
      kind: 'highlight',
      schema: 1,
      authorId: 'ben',
      editedBy: 'ben',
      updatedAt: 1,
      data: sampleHighlight('forged', 1) as unknown as Record<string, unknown>,
    });
    const report = await syncRound(ana, ana.remote);
    expect(report.refusedByServer).toBeGreaterThanOrEqual(1);
    const ids = (await serverDb(team.serverUrl, team.database).allDocs()).rows.map(r => r.id);
    expect(ids).toContain('highlight:h1');
    expect(ids).not.toContain('highlight:forged');
  });

  it('has an edit forged in a colleague’s name refused by the server, counted as a doc_write_failure', async () => {
    const team = await testTeam(server, ['ana', 'ben']);
    const ana = await testDesk(team, 'ana');
    const ben = await testDesk(team, 'ben');
    await edit(ana, { table: 'highlights', key: 'h1' }, () =>
      ana.db.highlights.put(sampleHighlight('h1', ana.now(), { note: 'Ana’s reading' })),
    );
    await syncRound(ana, ana.remote);
    await syncRound(ben, ben.remote);
    // A tampered desk edits Ana's highlight and signs the edit with her name.
    const current = await ben.local.get('highlight:h1');
    await ben.local.put({
      ...current,
      editedBy: 'ana',
      data: { ...(current.data as Record<string, unknown>), note: 'Words Ana never wrote' },
    });
    const report = await syncRound(ben, ben.remote);
    expect(report.refusedByServer).toBeGreaterThanOrEqual(1);
    const stored = await serverDb(team.serverUrl, team.database).get('highlight:h1');
    expect((stored.data as { note: string }).note).toBe('Ana’s reading');
  });
});
