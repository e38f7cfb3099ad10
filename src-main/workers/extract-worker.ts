/**
 * Entry of the worker thread that imports and extracts off main, so that no file, however
 * hostile, can keep main from answering other calls (backups, briefings) while it is worked on.
 * Built to `out/main/extract-worker.js` (an input in electron.vite.config.ts); run from source
 * through `ts-entry.cjs` by the command line, the preview server and the tests.
 */
import { parentPort } from 'node:worker_threads';
import { ServiceError } from '../service-error';
import { READY, tasks, type TaskReply, type TaskRequest } from './tasks';

const port = parentPort;
if (!port) throw new Error('extract-worker.ts runs only as a worker thread.');

port.on('message', (request: TaskRequest) => {
  void answer(request).then(reply => port.postMessage(reply));
});
port.postMessage(READY);

async function answer({ id, task, args }: TaskRequest): Promise<TaskReply> {
  try {
    const run = tasks[task] as (...a: unknown[]) => unknown;
    return { id, ok: true, value: await run(...args) };
  } catch (error) {
    return {
      id,
      ok: false,
      error: {
        name: error instanceof Error ? error.name : 'Error',
        code: error instanceof ServiceError ? error.code : null,
        message: error instanceof Error ? error.message : String(error),
      },
    };
  }
}
