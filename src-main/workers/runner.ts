/**
 * Runs the import and extraction tasks in one worker thread, one task at a time in call order,
 * so that main's event loop stays free to answer every other call while a long task runs. A task
 * that runs past its time limit is stopped by ending the worker (JavaScript cannot be interrupted
 * any other way), and a worker that dies, runs out of memory or cannot start fails its task with
 * a clear ServiceError; the next task starts a fresh worker. Between tasks the worker is unref'd,
 * so an idle worker never keeps the command line from exiting.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ServiceError } from '../service-error';
import { READY, type TaskName, type TaskReply, type TaskRequest, type Tasks } from './tasks';

/** Two minutes: far beyond any real import or extraction (5 MiB parses in under 5 s). */
export const DEFAULT_TASK_TIMEOUT_MS = 120_000;

/** Longest a worker may take to load its modules (a second or two from source, on a busy machine). */
const STARTUP_TIMEOUT_MS = 60_000;

/** A worker's old-generation heap limit: a runaway task fails alone instead of exhausting main. */
const WORKER_HEAP_MB = 2048;

export interface TaskRunnerOptions {
  /** Longest one task may run before its worker is stopped and the task fails. */
  timeoutMs?: number;
  /** The worker's entry file; the built or source extract-worker beside this module by default. */
  entry?: string;
}

export interface TaskRunner {
  /** Runs `task` in the worker; rejects with a ServiceError if it fails, dies or times out. */
  run<K extends TaskName>(
    task: K,
    ...args: Parameters<Tasks[K]>
  ): Promise<Awaited<ReturnType<Tasks[K]>>>;
  /** Ends the worker; queued and running tasks fail. Later calls start a new one. */
  close(): Promise<void>;
}

interface Job {
  request: TaskRequest;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  timer?: NodeJS.Timeout;
}

/** A runner with its own worker, started on first use. */
export function createTaskRunner(options: TaskRunnerOptions = {}): TaskRunner {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TASK_TIMEOUT_MS;
  const entry = options.entry ?? defaultEntry();
  const queue: Job[] = [];
  let worker: Worker | null = null;
  // Whether `worker` has loaded its modules: its start-up (a second or two from source) is not
  // counted against the first task's time limit; a worker that never comes up has a limit of its own.
  let ready = false;
  let current: Job | null = null;
  let nextId = 1;

  function start(): Worker {
    const w = spawn(entry);
    ready = false;
    w.on('message', (reply: TaskReply | typeof READY) => {
      if (w !== worker) return;
      if (reply === READY) {
        ready = true;
        if (current) post(current);
        return;
      }
      if (!current || reply.id !== current.request.id) return;
      const job = settle();
      if (reply.ok) job.resolve(reply.value);
      else job.reject(fromReply(reply.error));
      next();
    });
    w.on('error', error => lost(w, describeCrash(error)));
    w.on('exit', code => lost(w, `it exited with code ${code}`));
    return w;
  }

  /** The worker stopped by itself: its task fails and the next task gets a new worker. */
  function lost(w: Worker, why: string): void {
    if (w !== worker) return;
    worker = null;
    if (current) {
      const job = settle();
      job.reject(
        new ServiceError(
          'internal',
          `${taskTitle(job.request.task)} failed: the worker doing it stopped (${why}). Nothing was changed; try again, or import the files in smaller groups.`,
        ),
      );
    }
    next();
  }

  function settle(): Job {
    const job = current!;
    clearTimeout(job.timer);
    current = null;
    return job;
  }

  function next(): void {
    if (current) return;
    const job = queue.shift();
    if (!job) {
      worker?.unref();
      return;
    }
    current = job;
    worker ??= start();
    worker.ref();
    if (ready) post(job);
    else job.timer = setTimeout(() => timedOut(job, STARTUP_TIMEOUT_MS), STARTUP_TIMEOUT_MS);
  }

  function post(job: Job): void {
    clearTimeout(job.timer);
    job.timer = setTimeout(() => timedOut(job, timeoutMs), timeoutMs);
    worker!.postMessage(job.request);
  }

  function timedOut(job: Job, limitMs: number): void {
    if (current !== job) return;
    const w = worker;
    worker = null;
    settle();
    void w?.terminate();
    job.reject(
      new ServiceError(
        'internal',
        `${taskTitle(job.request.task)} was stopped after ${formatSeconds(limitMs)}: a file may be built to make reading it slow. Nothing was changed; import the files in smaller groups to find it.`,
      ),
    );
    next();
  }

  return {
    run(task, ...args) {
      return new Promise((resolve, reject) => {
        const request = { id: nextId++, task, args } as TaskRequest;
        queue.push({ request, resolve: resolve as (value: unknown) => void, reject });
        next();
      });
    },
    async close() {
      const w = worker;
      worker = null;
      const failed = [...(current ? [settle()] : []), ...queue.splice(0)];
      for (const job of failed) job.reject(new ServiceError('cancelled', 'Readout is closing.'));
      await w?.terminate();
    },
  };
}

/**
 * Built app: main is bundled to out/main/index.js and the worker entry sits beside it as
 * extract-worker.js. From source (tsx, vitest) this module is a .ts file and so is the entry.
 */
function defaultEntry(): string {
  const here = fileURLToPath(import.meta.url);
  return join(dirname(here), here.endsWith('.ts') ? 'extract-worker.ts' : 'extract-worker.js');
}

function spawn(entry: string): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: WORKER_HEAP_MB };
  if (!entry.endsWith('.ts')) return new Worker(entry, { resourceLimits });
  const bootstrap = join(dirname(fileURLToPath(import.meta.url)), 'ts-entry.cjs');
  return new Worker(bootstrap, { workerData: { entry }, resourceLimits });
}

function fromReply(error: { name: string; code: string | null; message: string }): Error {
  if (error.code) return new ServiceError(error.code as ServiceError['code'], error.message);
  const e = new Error(error.message);
  e.name = error.name;
  return e;
}

function describeCrash(error: Error): string {
  const code = (error as { code?: string }).code;
  if (code === 'ERR_WORKER_OUT_OF_MEMORY') return 'it ran out of memory';
  return error.message;
}

function taskTitle(task: TaskName): string {
  return task === 'importPaths' || task === 'importFiles' || task === 'readFiles'
    ? 'The import'
    : 'Finding meetings';
}

function formatSeconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`;
}
