/**
 * Vitest global setup: one test team server for the whole run, so that sync tests talk CouchDB's
 * real protocol over 127.0.0.1 without each file paying for a server. Tests read its address and
 * admin through `inject('couchServer')` and create databases of their own, so files running in
 * parallel never share a team.
 */
import type { TestProject } from 'vitest/node';
import { startCouchServer } from './couch-server';

declare module 'vitest' {
  export interface ProvidedContext {
    couchServer: { url: string; admin: { username: string; password: string } };
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startCouchServer();
  project.provide('couchServer', { url: server.url, admin: server.admin });
  return () => server.close();
}
