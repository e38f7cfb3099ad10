/**
 * Child-process entry of the sync benchmark's team server (e2e/bench/sync.ts). The server runs in
 * a process of its own so that the benchmark can tell the app's CPU time (the desks, the bridge
 * fetch and main's forwarder, all in the parent) from the test server's (express-pouchdb, the
 * memory adapter and `validate_doc_update`, which real CouchDB does in its own engine). The
 * parent asks for this process's CPU time by message.
 */
import { startCouchServer } from '../../src-main/testing/couch-server';

const send = (message: unknown) => process.send?.(message);

startCouchServer().then(
  server => {
    process.on('message', (message: unknown) => {
      if (message === 'cpu') {
        const { user, system } = process.cpuUsage();
        send({ cpuMs: (user + system) / 1000 });
      } else if (message === 'close') {
        void server.close().then(() => process.exit(0));
      }
    });
    send({ ok: true, url: server.url, admin: server.admin });
  },
  (error: unknown) => send({ ok: false, message: String(error) }),
);
