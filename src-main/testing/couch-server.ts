/**
 * A CouchDB-compatible team server for tests: express-pouchdb over in-memory PouchDB, on 127.0.0.1
 * and a port the system picks. It speaks CouchDB's HTTP and replication protocol, keeps `_users`,
 * `_security` and `validate_doc_update`, and leaves nothing on disk but a log file in a temporary
 * folder it removes on close. Started once per test run by the vitest global setup.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import expressPouchDB from 'express-pouchdb';
import PouchDB from 'pouchdb-core';
import memoryAdapter from 'pouchdb-adapter-memory';
import httpAdapter from 'pouchdb-adapter-http';
import replication from 'pouchdb-replication';

export interface CouchServer {
  /** Origin, e.g. `http://127.0.0.1:41234`. */
  url: string;
  admin: { username: string; password: string };
  /** Stops answering: open connections are cut, as when a server vanishes mid-replication. */
  close(): Promise<void>;
}

/**
 * PouchDB for tests in Node: in memory, plus HTTP and replication, as the desk has them.
 * `plugin()` changes the one PouchDB of the process and refuses a second replication plugin, so
 * when the desk's bridge (src-renderer/sync/pouch.ts) already added it, it is not added again.
 */
export const MemoryPouch = withReplication(
  PouchDB.plugin(memoryAdapter).plugin(httpAdapter),
).defaults({
  adapter: 'memory',
});

function withReplication(Pouch: ReadoutPouch.Static): ReadoutPouch.Static {
  const proto = (Pouch as unknown as { prototype: object }).prototype;
  return Object.prototype.hasOwnProperty.call(proto, 'replicate')
    ? Pouch
    : Pouch.plugin(replication);
}

/** The revision histories replication sent, by document object, until PouchDB stores them. */
const suppliedHistory = new WeakMap<object, unknown>();

function docsOf(request: unknown): Record<string, unknown>[] {
  const docs = Array.isArray(request) ? request : (request as { docs?: unknown } | null)?.docs;
  return Array.isArray(docs) ? (docs as Record<string, unknown>[]) : [];
}

/**
 * pouchdb-validation 4.2.0 overwrites each incoming document's `_revisions` with the stored
 * document's before validating (`newDoc._revisions = oldDoc._revisions`), so a replicated second
 * revision (`new_edits: false`) is silently taken for one the server already has and dropped:
 * no conflict ever reaches the server. CouchDB keeps the history the replicator sends; this puts
 * it back between validation and storage, so the test server replicates as CouchDB does.
 */
function keepReplicatedHistory(Pouch: ReadoutPouch.Static): ReadoutPouch.Static {
  // PouchDB sets `bulkDocs` on each instance, so the restoring step goes on each new database,
  // before express-pouchdb wraps it with validation.
  function HistoryKeepingPouch(name: string, options?: ReadoutPouch.Options) {
    const db = new Pouch(name, options) as unknown as { bulkDocs: (...args: unknown[]) => unknown };
    const store = db.bulkDocs.bind(db);
    db.bulkDocs = (...args: unknown[]) => {
      for (const doc of docsOf(args[0])) {
        if (suppliedHistory.has(doc)) doc._revisions = suppliedHistory.get(doc);
      }
      return store(...args);
    };
    return db;
  }
  Object.setPrototypeOf(HistoryKeepingPouch, Pouch);
  HistoryKeepingPouch.prototype = (Pouch as unknown as { prototype: object }).prototype;
  return HistoryKeepingPouch as unknown as ReadoutPouch.Static;
}

/** Starts a fresh server with one admin; every database it holds lives in this process's memory. */
export async function startCouchServer(options: { port?: number } = {}): Promise<CouchServer> {
  const logDir = mkdtempSync(join(tmpdir(), 'readout-couch-'));
  // Each server gets its own prefix so that two servers in one process never share databases.
  const prefix = `couch-${Math.random().toString(36).slice(2)}-`;
  const ServerPouch = keepReplicatedHistory(MemoryPouch.defaults({ prefix }));
  const app = expressPouchDB(ServerPouch, {
    inMemoryConfig: true,
    logPath: join(logDir, 'log.txt'),
    overrideMode: { exclude: ['routes/fauxton', 'routes/http-log'] },
  });
  app.dbWrapper.registerWrapper((_name, db, next) => {
    // Registered last, so this wraps outside pouchdb-validation: it sees the request's histories.
    const inner = db.bulkDocs.bind(db);
    db.bulkDocs = (...args: unknown[]) => {
      for (const doc of docsOf(args[0])) {
        if (doc._revisions) suppliedHistory.set(doc, structuredClone(doc._revisions));
      }
      return inner(...args);
    };
    return next();
  });
  const admin = { username: 'admin', password: `admin-${Math.random().toString(36).slice(2)}` };
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(options.port ?? 0, '127.0.0.1', () => resolve(s));
    s.once('error', reject);
  });
  const sockets = new Set<Socket>();
  server.on('connection', socket => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const res = await fetch(`${url}/_config/admins/${admin.username}`, {
    method: 'PUT',
    body: JSON.stringify(admin.password),
  });
  if (!res.ok) throw new Error(`test CouchDB server: could not create its admin (${res.status})`);
  return {
    url,
    admin,
    close: () =>
      new Promise<void>(resolve => {
        server.close(() => {
          rmSync(logDir, { recursive: true, force: true });
          resolve();
        });
        for (const socket of sockets) socket.destroy();
      }),
  };
}
