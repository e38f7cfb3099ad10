/**
 * The page's PouchDB: the idb adapter for the desk's replica (not `indexeddb`, whose storage
 * format is still marked experimental), HTTP for the team database through the bridge fetch, and
 * replication. Only browser-safe packages: nothing here pulls a Node module into the renderer build.
 */
import PouchDB from 'pouchdb-core';
import idbAdapter from 'pouchdb-adapter-idb';
import httpAdapter from 'pouchdb-adapter-http';
import replication from 'pouchdb-replication';
import { createBridgeFetch, TEAM_DB_URL, type SyncSend } from './bridge-fetch';

/**
 * PouchDB with the desk's plugins. `plugin()` changes PouchDB itself and refuses a second
 * replication plugin, so this module is the one place that adds them; tests add the memory
 * adapter to this same constructor.
 */
export const DeskPouch = PouchDB.plugin(idbAdapter).plugin(httpAdapter).plugin(replication);

/** The desk's replica of the team database, in IndexedDB beside (not inside) Dexie's database. */
export function openDeskReplica(profileKey: string): ReadoutPouch.Database {
  return new DeskPouch(`readout-team-replica-${profileKey}`, { adapter: 'idb' });
}

/** The team database as the page sees it: a placeholder address reached only through `send`. */
export function openTeamRemote(send: SyncSend): ReadoutPouch.Database {
  return new DeskPouch(TEAM_DB_URL, {
    adapter: 'http',
    skip_setup: true,
    fetch: createBridgeFetch(send),
  });
}
