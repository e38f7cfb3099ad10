/**
 * Worker-thread entry of the test team server. The global setup runs the server in a thread of
 * its own so that ending the run can end it whole: express-pouchdb keeps a heartbeat timer for
 * every long-poll whose client went away, and in the runner's own thread those would keep the
 * run from exiting.
 */
import { parentPort } from 'node:worker_threads';
import { startCouchServer } from './couch-server';

if (!parentPort) throw new Error('couch-server-thread runs as a worker thread');
const port = parentPort;
startCouchServer().then(
  server => port.postMessage({ ok: true, url: server.url, admin: server.admin }),
  (error: unknown) => port.postMessage({ ok: false, message: String(error) }),
);
