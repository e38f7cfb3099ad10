/**
 * Main's half of the sync transport: sends the page's PouchDB requests to the one team database
 * configured for the profile, with the profile's credentials, and nowhere else.
 *
 * The page names a path inside the database; the forwarder builds the URL itself and checks it
 * again after URL normalisation, so `..`, `%2e%2e`, a second database or another host are refused
 * before any byte is sent. Only `Content-Type` and `Accept` come from the page; the credentials
 * are added here and never returned. Long-polls (`_changes?feed=longpoll`) run until the server
 * answers, the page cancels them by id, or MAX_REQUEST_MS passes. Uses only `fetch`, so tests of
 * the renderer's bridge drive PouchDB through it.
 */
import type { Result } from '../contract/result';
import {
  MAX_SYNC_RESPONSE_CHARS,
  type SyncRequest,
  type SyncResponse,
  type SyncSend,
} from '../contract/sync-request';
import { basicAuth, type Credentials } from './team-setup';

/** Where the profile's team lives and how to sign in; null when no team is configured. */
export interface TeamAccess {
  /** The server's origin, `https://host:port`. */
  origin: string;
  database: string;
  credentials: Credentials;
}

/** Longest one request may take, long-polls included (CouchDB's default heartbeat is 60 s). */
export const MAX_REQUEST_MS = 5 * 60 * 1000;

export interface ForwarderOptions {
  /** Reads the team configuration and its credential on each request: a new sign-in applies at once. */
  loadTeam: () => Promise<TeamAccess | null>;
  fetch?: typeof fetch;
  maxResponseChars?: number;
  maxRequestMs?: number;
}

export interface SyncForwarder {
  handle(request: SyncRequest): Promise<Result<SyncResponse>>;
  /** Aborts every request in flight, e.g. when the window closes or the team is left. */
  cancelAll(): void;
}

function fail(code: string, message: string): Result<SyncResponse> {
  return { ok: false, error: { code, message } };
}

/**
 * The URL a path inside the team database names, or null when it would leave the database
 * (another database, the server's own endpoints, `_users`, another host).
 */
export function teamUrl(access: TeamAccess, path: string): URL | null {
  if (!path.startsWith('/') || path.startsWith('//') || /[\\#]/.test(path)) return null;
  if ([...path].some(char => char.charCodeAt(0) < 0x20)) return null;
  const [pathname] = path.split('?', 1);
  // Decoded dot segments would be resolved by URL: refuse them before and check after.
  if (/(^|\/)(\.|%2e){1,2}(\/|$)/i.test(pathname)) return null;
  let url: URL;
  try {
    url = new URL(`${access.origin}/${access.database}${path}`);
  } catch {
    return null;
  }
  const root = `/${access.database}`;
  if (url.origin !== access.origin) return null;
  if (url.pathname !== root && !url.pathname.startsWith(`${root}/`)) return null;
  return url;
}

/** Reads at most `max` characters of a body; null when it is longer. */
async function readCapped(response: Response, max: number): Promise<string | null> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
    if (text.length > max) {
      await reader.cancel();
      return null;
    }
  }
  return text + decoder.decode();
}

/** Creates the forwarder behind `sync:request`. */
export function createSyncForwarder(options: ForwarderOptions): SyncForwarder {
  const fetchFn = options.fetch ?? fetch;
  const maxChars = options.maxResponseChars ?? MAX_SYNC_RESPONSE_CHARS;
  const maxMs = options.maxRequestMs ?? MAX_REQUEST_MS;
  const inFlight = new Map<string, AbortController>();

  async function send(request: SyncSend): Promise<Result<SyncResponse>> {
    let access: TeamAccess | null;
    try {
      access = await options.loadTeam();
    } catch (error) {
      return fail('io', error instanceof Error ? error.message : String(error));
    }
    if (!access) return fail('unsupported', 'No team is configured: nothing leaves this machine.');
    const url = teamUrl(access, request.path);
    if (!url) return fail('forbidden', 'Sync requests reach only the team database.');
    if (inFlight.has(request.id)) return fail('invalid-argument', 'That request id is in use.');
    const controller = new AbortController();
    inFlight.set(request.id, controller);
    const signal = AbortSignal.any([controller.signal, AbortSignal.timeout(maxMs)]);
    try {
      const headers: Record<string, string> = { authorization: basicAuth(access.credentials) };
      if (request.contentType) headers['content-type'] = request.contentType;
      if (request.accept) headers.accept = request.accept;
      const response = await fetchFn(url, {
        method: request.method,
        headers,
        body: request.body,
        signal,
        redirect: 'error',
        credentials: 'omit',
      });
      const body = request.method === 'HEAD' ? '' : await readCapped(response, maxChars);
      if (body === null) {
        return fail('invalid-result', `The team server's answer is over ${maxChars} characters.`);
      }
      return {
        ok: true,
        value: {
          status: response.status,
          contentType: (response.headers.get('content-type') ?? '').slice(0, 200),
          body,
        },
      };
    } catch {
      if (controller.signal.aborted) return fail('cancelled', 'The sync request was cancelled.');
      if (signal.aborted) return fail('io', 'The team server did not answer in time.');
      // The cause names the host and port; the page learns only that the server is unreachable.
      return fail('io', 'The team server cannot be reached.');
    } finally {
      inFlight.delete(request.id);
    }
  }

  return {
    async handle(request) {
      if (request.op === 'cancel') {
        inFlight.get(request.id)?.abort();
        return { ok: true, value: null };
      }
      return send(request);
    },
    cancelAll() {
      for (const controller of inFlight.values()) controller.abort();
    },
  };
}
