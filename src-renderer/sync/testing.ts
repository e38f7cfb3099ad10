/**
 * Test desks: the app's own ReadoutDB (over fake-indexeddb), so edits queue through the same
 * outbox capture as in the app, a PouchDB replica, and the team database reached through the bridge fetch and main's forwarder —
 * the whole transport path except the IPC hop, which is one zod parse. The replica uses PouchDB's
 * memory adapter: the app's `idb` adapter fails on fake-indexeddb (its transactions abort), and
 * both adapters implement the same PouchDB API the bridge uses.
 */
import memoryAdapter from 'pouchdb-adapter-memory';
import { SyncRequestSchema } from '../../src-main/contract/sync-request';
import { createSyncForwarder, type TeamAccess } from '../../src-main/sync/forward';
import { setupTeam, type JoinDetails } from '../../src-main/sync/team-setup';
import type { CouchServerContext } from '../../src-main/testing/couch-context';
import { ReadoutDB, type Highlight } from '../db/db';
import { createBridgeFetch, TEAM_DB_URL } from './bridge-fetch';
import type { DocRef } from './documents';
import { setSyncIdentity } from './outbox-capture';
import { DeskPouch } from './pouch';
import type { Desk } from './session';

export const TestPouch = DeskPouch.plugin(memoryAdapter);

let serial = 0;

/**
 * A network path to the team server that can vanish: after `vanish()` every request fails the way
 * a dropped connection does (main's fetch rejects), until `comeBack()`.
 */
export function vanishingNetwork(): { fetch: typeof fetch; vanish(): void; comeBack(): void } {
  let gone = false;
  return {
    fetch: (input, init) =>
      gone ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init),
    vanish: () => void (gone = true),
    comeBack: () => void (gone = false),
  };
}

/** A fresh team with the named members on the test server. */
export async function testTeam(
  server: CouchServerContext,
  members: string[],
): Promise<JoinDetails> {
  const result = await setupTeam({
    serverUrl: server.url,
    admin: server.admin,
    teamId: `d${Date.now().toString(36)}${(serial++).toString(36)}${Math.random().toString(36).slice(2, 6)}`,
    members: members.map(name => ({ name, password: `${name}-pass-word` })),
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

export function accessFor(team: JoinDetails, name: string): TeamAccess {
  const member = team.members.find(m => m.username === name);
  if (!member) throw new Error(`${name} is not in the team`);
  return { origin: team.serverUrl, database: team.database, credentials: member };
}

/** The team database as a desk's page sees it: through the bridge fetch and main's forwarder. */
export function bridgedRemote(
  access: () => TeamAccess | null,
  fetchFn?: typeof fetch,
): ReadoutPouch.Database {
  const forwarder = createSyncForwarder({ loadTeam: async () => access(), fetch: fetchFn });
  const send = createBridgeFetch(request => forwarder.handle(SyncRequestSchema.parse(request)));
  return new TestPouch(TEAM_DB_URL, { adapter: 'http', skip_setup: true, fetch: send });
}

export interface TestDesk extends Desk {
  db: ReadoutDB;
  remote: ReadoutPouch.Database;
  /** Reopens the desk's Dexie and PouchDB, as after a crash and restart. */
  restart(): TestDesk;
}

/**
 * A desk for `me` that has joined `team`: its own ReadoutDB and PouchDB databases and a clock
 * that always moves on.
 */
export async function testDesk(
  team: JoinDetails,
  me: string,
  clock = { t: 1_000 },
): Promise<TestDesk> {
  const id = `${team.database}-${me}-${serial++}`;
  const access = accessFor(team, me);
  const open = (): TestDesk => {
    const desk: TestDesk = {
      db: new ReadoutDB(`dexie-${id}`),
      local: new TestPouch(`pouch-${id}`, { adapter: 'memory' }),
      remote: bridgedRemote(() => access),
      me,
      now: () => ++clock.t,
      restart: () => {
        desk.db.close();
        return open();
      },
    };
    return desk;
  };
  const desk = open();
  await setSyncIdentity(desk.db, me);
  return desk;
}

/**
 * An edit in one transaction, queued by the app's outbox capture. `ref` names the record for the
 * reader of the test; the capture finds it from the write itself.
 */
export async function edit(desk: Desk, ref: DocRef, write: () => Promise<unknown>): Promise<void> {
  const db = desk.db;
  const table = ref.table === 'colourMeanings' ? db.meta : db[ref.table];
  await db.transaction('rw', table, async () => {
    await write();
  });
}

/** A highlight written by hand for tests (the quote is made up, not from any article). */
export function sampleHighlight(id: string, at: number, extra: Partial<Highlight> = {}): Highlight {
  return {
    id,
    articleId: 'article-1',
    colour: 1,
    quote: {
      exact: 'the two ministers agreed to meet',
      prefix: 'In a short statement, ',
      suffix: ' again in spring.',
    },
    position: { start: 22, end: 54 },
    articleVersion: 'hash-1',
    note: '',
    tags: [],
    createdAt: at,
    updatedAt: at,
    ...extra,
  };
}

/**
 * The shared work a desk holds, for comparing desks. Article notes are left out: each analyst
 * keeps their own note per article, so desks rightly differ there.
 */
export async function workTables(desk: Desk): Promise<Record<string, unknown>> {
  const db = desk.db;
  return {
    highlights: await db.highlights.orderBy('id').toArray(),
    meetingDecisions: await db.meetingDecisions.orderBy('id').toArray(),
    briefings: await db.briefings.orderBy('id').toArray(),
    colours: (await db.meta.get('colours'))?.value ?? null,
  };
}
