/**
 * Vitest global setup: one test team server for the whole run, so that sync tests talk CouchDB's
 * real protocol over 127.0.0.1 without each file paying for a server. Tests read its address and
 * admin through `inject('couchServer')` and create databases of their own, so files running in
 * parallel never share a team. The server runs in a worker thread (couch-server-thread.ts) that
 * the teardown terminates.
 */
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { TestProject } from 'vitest/node';
import type {} from './couch-context';

type Started =
  | { ok: true; url: string; admin: { username: string; password: string } }
  | { ok: false; message: string };

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const entry = fileURLToPath(new URL('./couch-server-thread.ts', import.meta.url));
  // tsx's require hook compiles the TypeScript entry inside the thread.
  const worker = new Worker(`require('tsx/cjs'); require(${JSON.stringify(entry)});`, {
    eval: true,
  });
  const started = await new Promise<Started>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  if (!started.ok) throw new Error(`test team server: ${started.message}`);
  project.provide('couchServer', { url: started.url, admin: started.admin });
  return async () => {
    await worker.terminate();
  };
}
