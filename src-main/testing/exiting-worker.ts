/**
 * A worker entry for tests of how main copes when its worker dies: it ends its thread, with exit
 * code 3, as soon as it is given a task (having said it is ready, as the real entry does), the way a crash in native code or `process.exit` would.
 */
import { parentPort } from 'node:worker_threads';

parentPort?.on('message', () => process.exit(3));
parentPort?.postMessage('ready');
