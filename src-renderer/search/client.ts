/**
 * The page's side of the search index: typed calls to the host, answered as Result values. In
 * the app the host runs in a Web Worker; where there is no Worker (unit tests, or a worker that
 * failed to start) the same host runs in-process, so the index works either way.
 */
import type { ReadoutDB } from '../db/db';
import type { Result } from '../../src-main/contract/result';
import { SearchHost } from './host';
import {
  REPLY_VALUE,
  SearchReplySchema,
  type ReplyValue,
  type SearchCall,
  type SearchReply,
} from './protocol';

type CallOf<T extends SearchCall['type']> = Extract<SearchCall, { type: T }>;

export interface SearchClient {
  call<T extends SearchCall['type']>(call: CallOf<T>): Promise<Result<ReplyValue<T>>>;
  close(): void;
}

/** A reply's value checked against what its request type answers with. */
function parseReply<T extends SearchCall['type']>(type: T, reply: unknown): Result<ReplyValue<T>> {
  const parsed = SearchReplySchema.safeParse(reply);
  if (!parsed.success) return badReply(parsed.error.message);
  const result = parsed.data.result;
  if (!result.ok) return result;
  const value = REPLY_VALUE[type].safeParse(result.value);
  if (!value.success) return badReply(value.error.message);
  return { ok: true, value: value.data as ReplyValue<T> };
}

function badReply(message: string): Result<never> {
  return { ok: false, error: { code: 'bad-reply', message } };
}

/** The host in this thread: for tests, and where Web Workers are missing. */
export function inProcessClient(db: ReadoutDB): SearchClient {
  const host = new SearchHost(db);
  let next = 0;
  return {
    async call(call) {
      const reply = await host.handle({ ...call, id: next++ });
      return parseReply(call.type, reply);
    },
    close() {},
  };
}

/**
 * The host in a Web Worker. A worker that fails (it cannot load, or throws) answers every waiting
 * and later call with an error value.
 */
export function workerClient(worker: Worker): SearchClient {
  const waiting = new Map<number, (reply: unknown) => void>();
  let broken: string | null = null;
  let next = 0;
  const failAll = (message: string) => {
    broken = message;
    const error: SearchReply['result'] = { ok: false, error: { code: 'worker-failed', message } };
    for (const [id, resolve] of waiting) resolve({ id, result: error });
    waiting.clear();
  };
  worker.addEventListener('message', (event: MessageEvent<unknown>) => {
    const id = (event.data as { id?: unknown } | null)?.id;
    const resolve = typeof id === 'number' ? waiting.get(id) : undefined;
    if (!resolve) return;
    waiting.delete(id as number);
    resolve(event.data);
  });
  worker.addEventListener('error', event => {
    event.preventDefault();
    failAll(event.message || 'the search worker stopped');
  });
  worker.addEventListener('messageerror', () => failAll('a search message could not be read'));
  return {
    call(call) {
      if (broken) return Promise.resolve(badReplyOf('worker-failed', broken));
      const id = next++;
      return new Promise(resolve => {
        waiting.set(id, reply => resolve(parseReply(call.type, reply)));
        worker.postMessage({ ...call, id });
      });
    },
    close() {
      failAll('the search index was stopped');
      worker.terminate();
    },
  };
}

function badReplyOf(code: string, message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

/** The app's client: the worker where Workers exist, else in-process. */
export function searchClient(db: ReadoutDB): SearchClient {
  if (typeof Worker === 'undefined') return inProcessClient(db);
  const worker = new Worker(new URL('./worker.ts', import.meta.url), {
    type: 'module',
    name: 'search',
  });
  return workerClient(worker);
}
