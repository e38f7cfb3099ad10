/**
 * The `fetch` PouchDB's HTTP adapter gets in the page. The page's "remote database" lives at a
 * placeholder address under the reserved `.invalid` domain, which no network can resolve: every
 * request PouchDB makes becomes a `sync:request` to main carrying only the path inside the team
 * database, and main adds the real server and the credentials. So the page never talks to the
 * network, and a request for anything outside the team database fails here, before main.
 */
import type { Result } from '../../src-main/contract/result';
import type { SyncRequest, SyncResponse } from '../../src-main/contract/sync-request';

/** The name the page's PouchDB opens the team database by; not a reachable address. */
export const TEAM_DB_URL = 'https://team.readout.invalid/team';

export type SyncSend = (request: SyncRequest) => Promise<Result<SyncResponse>>;

const NULL_BODY = new Set([101, 204, 205, 304]);

function abortError(): DOMException {
  return new DOMException('The sync request was cancelled.', 'AbortError');
}

function header(headers: HeadersInit | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  return new Headers(headers).get(name) ?? undefined;
}

/** A fetch for PouchDB that sends each request through `send` (the `sync:request` channel). */
export function createBridgeFetch(
  send: SyncSend,
): (url: string, init?: RequestInit) => Promise<Response> {
  let counter = 0;
  return async (url, init = {}) => {
    if (
      url !== TEAM_DB_URL &&
      !url.startsWith(`${TEAM_DB_URL}/`) &&
      !url.startsWith(`${TEAM_DB_URL}?`)
    ) {
      throw new TypeError('Sync requests reach only the team database.');
    }
    const rest = url.slice(TEAM_DB_URL.length);
    const path = rest.startsWith('/') ? rest : `/${rest}`;
    if (init.body !== undefined && init.body !== null && typeof init.body !== 'string') {
      throw new TypeError('Sync requests carry JSON text only.');
    }
    const signal = init.signal ?? undefined;
    if (signal?.aborted) throw abortError();
    const id = `r${Date.now().toString(36)}${(counter++).toString(36)}`;
    const method = (init.method ?? 'GET').toUpperCase();
    if (!['GET', 'HEAD', 'POST', 'PUT', 'DELETE'].includes(method)) {
      throw new TypeError(`Sync requests do not use ${method}.`);
    }
    const request: SyncRequest = {
      op: 'send',
      id,
      method: method as 'GET',
      path,
      contentType: header(init.headers, 'content-type'),
      accept: header(init.headers, 'accept'),
      body: init.body ?? undefined,
    };
    const onAbort = () => void send({ op: 'cancel', id });
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const result = await send(request);
      if (signal?.aborted) throw abortError();
      if (!result.ok) {
        if (result.error.code === 'cancelled') throw abortError();
        throw new TypeError(result.error.message);
      }
      const answer = result.value;
      if (!answer) throw new TypeError('The team server gave no answer.');
      const body = NULL_BODY.has(answer.status) || method === 'HEAD' ? null : answer.body;
      return new Response(body, {
        status: answer.status,
        headers: answer.contentType ? { 'content-type': answer.contentType } : {},
      });
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  };
}
