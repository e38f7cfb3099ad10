/* global require */
/* eslint-disable @typescript-eslint/no-require-imports */
// Starts a worker from TypeScript source where there is no build (tsx, vitest): registers tsx's
// CommonJS hook inside the new thread, which does not inherit its parent's loaders, then loads
// the entry named in workerData. The built app starts out/main/extract-worker.js directly.
const { workerData } = require('node:worker_threads');
require('tsx/cjs/api').register();
require(workerData.entry);
