import 'fake-indexeddb/auto';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { revokeMember, type JoinDetails } from '../../src-main/sync/team-setup';
import type {} from '../../src-main/testing/couch-context';
import { describeFailure, LiveSync, type SyncStatus } from './live';
import {
  accessFor,
  bridgedRemote,
  sampleHighlight,
  testDesk,
  testTeam,
  vanishingNetwork,
  type TestDesk,
} from './testing';

const server = inject('couchServer');
const running: LiveSync[] = [];

function live(options: ConstructorParameters<typeof LiveSync>[0]): LiveSync {
  const loop = new LiveSync({ debounceMs: 20, longPollMs: 2_000, ...options });
  running.push(loop);
  return loop;
}

/** A live loop for `desk` over a network the test can cut and restore, already synced once. */
async function syncedOverVanishingNetwork(team: JoinDetails, desk: TestDesk) {
  const network = vanishingNetwork();
  const remote = bridgedRemote(() => accessFor(team, desk.me), network.fetch);
  const loop = live({ desk, remote, backoff: { firstMs: 50, maxMs: 200 } });
  loop.start();
  await until(loop, s => s.state === 'synced');
  return { network, loop };
}

/** Resolves with the first status that satisfies `test` (the current one included). */
function until(loop: LiveSync, test: (s: SyncStatus) => boolean, ms = 15_000): Promise<SyncStatus> {
  return new Promise((resolve, reject) => {
    if (test(loop.getStatus())) return resolve(loop.getStatus());
    const timer = setTimeout(() => {
      off();
      reject(new Error(`status stayed ${JSON.stringify(loop.getStatus())}`));
    }, ms);
    const off = loop.subscribe(s => {
      if (!test(s)) return;
      clearTimeout(timer);
      off();
      resolve(s);
    });
  });
}

async function eventually<T>(
  read: () => Promise<T>,
  test: (v: T) => boolean,
  ms = 15_000,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (test(value) || Date.now() > end) return value;
    await new Promise(r => setTimeout(r, 50));
  }
}

afterEach(async () => {
  for (const loop of running.splice(0)) await loop.stop();
});

describe('LiveSync', { timeout: 40_000 }, () => {
  it('carries a highlight made on one desk to the other without anyone pressing sync', async () => {
    const team = await testTeam(server, ['ana', 'ben']);
    const ana = await testDesk(team, 'ana');
    const ben = await testDesk(team, 'ben');
    const anaLoop = live({ desk: ana, remote: ana.remote });
    const benLoop = live({ desk: ben, remote: ben.remote });
    anaLoop.start();
    benLoop.start();
    await until(anaLoop, s => s.state === 'synced');
    await until(benLoop, s => s.state === 'synced');

    await ana.db.highlights.put(sampleHighlight('h1', 5, { note: 'Seen in Ankara' }));
    const arrived = await eventually(
      () => ben.db.highlights.get('h1'),
      h => h !== undefined,
    );
    expect(arrived?.note).toBe('Seen in Ankara');
    const status = await until(anaLoop, s => s.state === 'synced' && s.pending === 0);
    expect(status.lastSyncAt).not.toBeNull();
  });

  it('shows offline while the server is gone, keeps the edit pending, and sends it when back', async () => {
    const team = await testTeam(server, ['ana']);
    const ana = await testDesk(team, 'ana');
    const { network, loop } = await syncedOverVanishingNetwork(team, ana);

    network.vanish();
    await ana.db.highlights.put(sampleHighlight('h1', 5));
    const offline = await until(loop, s => s.state === 'offline');
    expect(offline.pending).toBe(1);
    expect(offline.message).toMatch(/cannot be reached/);

    network.comeBack();
    const back = await until(loop, s => s.state === 'synced' && s.pending === 0);
    expect(back.message).toBeNull();
  });

  it('counts documents not yet on the server as pending: three saves of one highlight are one', async () => {
    const team = await testTeam(server, ['ana', 'ben']);
    const ana = await testDesk(team, 'ana');
    const ben = await testDesk(team, 'ben');
    const { network, loop } = await syncedOverVanishingNetwork(team, ana);

    network.vanish();
    await ana.db.highlights.put(sampleHighlight('h1', 5));
    await ana.db.highlights.update('h1', { note: 'First thought' });
    await ana.db.highlights.update('h1', { note: 'Second thought' });
    await ana.db.highlights.put(sampleHighlight('h2', 6));
    await until(loop, s => s.state === 'offline');
    // Retried rounds pump the outbox into the desk's PouchDB; the edits are still not on the server.
    await new Promise(r => setTimeout(r, 400));
    expect(await ana.db.syncOutbox.count()).toBe(0);
    expect(loop.getStatus()).toMatchObject({ state: 'offline', pending: 2 });

    network.comeBack();
    await until(loop, s => s.state === 'synced' && s.pending === 0);
    const benLoop = live({ desk: ben, remote: ben.remote });
    benLoop.start();
    const arrived = await eventually(
      () => ben.db.highlights.get('h1'),
      h => h?.note === 'Second thought',
    );
    expect(arrived?.note).toBe('Second thought');
  });

  it('sends a second edit of a document that is already pending', async () => {
    const team = await testTeam(server, ['ana', 'ben']);
    const ana = await testDesk(team, 'ana');
    const ben = await testDesk(team, 'ben');
    const anaLoop = live({ desk: ana, remote: ana.remote });
    const benLoop = live({ desk: ben, remote: ben.remote });
    anaLoop.start();
    benLoop.start();
    await until(anaLoop, s => s.state === 'synced');
    await ana.db.highlights.put(sampleHighlight('h1', 5, { note: 'One' }));
    await eventually(
      () => ben.db.highlights.get('h1'),
      h => h?.note === 'One',
    );
    for (const note of ['Two', 'Three', 'Four']) {
      await ana.db.highlights.update('h1', { note });
    }
    const arrived = await eventually(
      () => ben.db.highlights.get('h1'),
      h => h?.note === 'Four',
    );
    expect(arrived?.note).toBe('Four');
  });

  it('says so when the server refuses a revoked member, and keeps their work', async () => {
    const team = await testTeam(server, ['ana']);
    const ana = await testDesk(team, 'ana');
    const loop = live({ desk: ana, remote: ana.remote, backoff: { firstMs: 50, maxMs: 200 } });
    loop.start();
    await until(loop, s => s.state === 'synced');
    await revokeMember({
      serverUrl: server.url,
      admin: server.admin,
      teamId: team.teamId,
      name: 'ana',
    });
    await ana.db.highlights.put(sampleHighlight('h1', 5));
    const refused = await until(loop, s => s.state === 'error');
    expect(refused.message).toMatch(/refused your sign-in/);
    expect(await ana.db.highlights.get('h1')).toBeTruthy();
  });

  it('makes no request after stop, and reports off', async () => {
    const team = await testTeam(server, ['ana']);
    const ana = await testDesk(team, 'ana');
    let requests = 0;
    const counting: typeof fetch = (input, init) => {
      requests++;
      return fetch(input, init);
    };
    const loop = live({ desk: ana, remote: bridgedRemote(() => accessFor(team, 'ana'), counting) });
    loop.start();
    await until(loop, s => s.state === 'synced');
    await loop.stop();
    expect(loop.getStatus().state).toBe('off');
    const after = requests;
    await ana.db.highlights.put(sampleHighlight('h1', 5));
    await new Promise(r => setTimeout(r, 300));
    expect(requests).toBe(after);
  });
});

describe('describeFailure', () => {
  it('tells a refused sign-in from an unreachable server', () => {
    expect(describeFailure({ status: 401 }).state).toBe('error');
    expect(describeFailure(new TypeError('fetch failed')).state).toBe('offline');
  });
});
