/**
 * The browser preview: serves the built renderer on 127.0.0.1 and answers its channel calls with
 * the same services as the desktop app. Development and test only; never in the packaged app.
 *
 * Guarded against other pages in the same browser: requests must name this exact Host (defeats
 * DNS rebinding), calls must come from this exact Origin and carry the per-run token (defeats
 * cross-site requests, which cannot read the token or send the custom header without a CORS
 * preflight that is never granted), and only JSON is accepted, besides the framed upload batches
 * of the streaming import (contract/upload-frame.ts), which take the same checks.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { decodeWire, encodeWire } from '../contract/wire';
import { fail } from '../contract/result';
import { CONTENT_SECURITY_POLICY, CSP_HEADER_ONLY } from '../csp';
import {
  UPLOAD_FRAME_TYPE,
  UploadFrameReader,
  UploadRefused,
  type FramedUpload,
} from '../contract/upload-frame';
import { dispatch } from '../dispatch';
import type { Services } from '../services';

export const TOKEN_HEADER = 'x-readout-token';
/**
 * JSON bodies are read whole, up to 64 MiB (the one-shot `import:files` carries base64 bytes).
 * The page's streaming import sends its batches framed instead (`import:upload` with
 * UPLOAD_FRAME_TYPE), read as they arrive and bounded by the batch limit (readFramedUpload).
 */
const MAX_BODY_BYTES = 64 * 1024 * 1024;

/**
 * Time limits that keep a slow or silent client from holding connections open: the headers
 * must arrive within `headersMs` and the whole request (a 64 MiB upload over loopback takes
 * well under a second) within `requestMs`; an idle kept-alive connection is closed after 5 s.
 */
export const PREVIEW_TIMEOUTS = { headersMs: 10_000, requestMs: 120_000, keepAliveMs: 5_000 };

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

export interface PreviewServer {
  url: string;
  port: number;
  /** The address the socket is bound to, as the operating system reports it. */
  address(): AddressInfo;
  /** The limits in force (see PREVIEW_TIMEOUTS), as the HTTP server holds them. */
  timeouts(): { headersMs: number; requestMs: number; keepAliveMs: number };
  close(): Promise<void>;
}

export async function startPreviewServer(options: {
  rendererDir: string;
  services: Services;
  token: string;
  port?: number;
  /** Overrides PREVIEW_TIMEOUTS, so tests need not wait ten seconds. */
  timeouts?: Partial<typeof PREVIEW_TIMEOUTS>;
}): Promise<PreviewServer> {
  let origin = '';
  const limits = { ...PREVIEW_TIMEOUTS, ...options.timeouts };
  const server: Server = createServer(
    {
      headersTimeout: limits.headersMs,
      requestTimeout: limits.requestMs,
      keepAliveTimeout: limits.keepAliveMs,
      // How often Node checks the two limits above; its default (30 s) would blunt them.
      connectionsCheckingInterval: Math.min(1_000, limits.headersMs),
    },
    (req, res) => {
      handle(req, res).catch((error: unknown) => {
        // The detail stays in the preview's console; the page gets a plain Result.
        console.error('Readout preview: a request failed:', error);
        if (!res.headersSent) {
          sendJson(
            res,
            500,
            fail('internal', 'The preview server could not answer; its console has the details.'),
          );
        } else res.end();
      });
    },
  );

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.headers.host !== origin.slice('http://'.length)) {
      return send(res, 421, 'text/plain', 'Misdirected request: wrong Host.');
    }
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname.startsWith('/api/')) return handleApi(req, res, url.pathname.slice(5));
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return send(res, 405, 'text/plain', 'Method not allowed.');
    }
    return serveStatic(res, url.pathname);
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, channel: string) {
    if (req.method !== 'POST') return send(res, 405, 'text/plain', 'Method not allowed.');
    if (req.headers.origin !== origin) {
      return sendJson(
        res,
        403,
        fail('forbidden', 'Calls are accepted only from the preview page itself.'),
      );
    }
    if (!tokenMatches(req.headers[TOKEN_HEADER], options.token)) {
      return sendJson(
        res,
        403,
        fail('forbidden', 'Missing or wrong preview token: open the URL the preview printed.'),
      );
    }
    const type = req.headers['content-type'] ?? '';
    if (channel === 'import:upload' && type === UPLOAD_FRAME_TYPE) return handleUpload(req, res);
    if (!/^application\/json\b/.test(type)) {
      return sendJson(res, 415, fail('invalid-argument', 'Calls must be JSON.'));
    }
    let body: unknown;
    try {
      body = decodeWire(await readBody(req));
    } catch (error) {
      return sendJson(
        res,
        error instanceof BodyTooLarge ? 413 : 400,
        fail('invalid-argument', `Unreadable request: ${(error as Error).message}`),
      );
    }
    const name = decodePath(channel);
    if (name === null)
      return sendJson(res, 400, fail('invalid-argument', 'Malformed channel name.'));
    const result = await dispatch(options.services, name, body);
    return sendJson(res, 200, result);
  }

  /** A framed upload batch: read as it arrives, then dispatched like its JSON form. */
  async function handleUpload(req: IncomingMessage, res: ServerResponse) {
    let upload;
    try {
      upload = await readFramedUpload(req);
    } catch (error) {
      if (!(error instanceof UploadRefused)) throw error;
      req.resume(); // drain the rest so the answer can be read
      return sendJson(
        res,
        error.status,
        fail('invalid-argument', `Unreadable upload: ${error.message}`),
      );
    }
    const result = await dispatch(options.services, 'import:upload', [
      upload.sessionId,
      upload.files,
    ]);
    return sendJson(res, 200, result);
  }

  async function serveStatic(res: ServerResponse, pathname: string) {
    const decoded = decodePath(pathname);
    if (decoded === null) return send(res, 400, 'text/plain', 'Malformed path.');
    const relative = normalize(decoded).replace(/^([/\\])+/, '');
    const file = join(options.rendererDir, relative || 'index.html');
    if (!file.startsWith(options.rendererDir + sep) && file !== options.rendererDir) {
      return send(res, 403, 'text/plain', 'Forbidden.');
    }
    try {
      const body = await readFile(file);
      send(res, 200, CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', body);
    } catch {
      send(res, 404, 'text/plain', 'Not found.');
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/#token=${options.token}`,
    port,
    address: () => server.address() as AddressInfo,
    timeouts: () => ({
      headersMs: server.headersTimeout,
      requestMs: server.requestTimeout,
      keepAliveMs: server.keepAliveTimeout,
    }),
    close: () => new Promise<void>(resolve => server.close(() => resolve())),
  };
}

/** A percent-decoded path, or null when its escapes are malformed (`%E0%A4%A`). */
function decodePath(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

/**
 * Whether the request carries the preview's token, in time that does not depend on where the
 * two differ or on their lengths: both are hashed to 32 bytes and compared with timingSafeEqual.
 */
export function tokenMatches(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(token));
}

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      if (tooLarge) return; // drain the rest so the 413 answer can be read
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        tooLarge = true;
        chunks.length = 0;
        reject(new BodyTooLarge(`body over ${MAX_BODY_BYTES / 1024 / 1024} MiB`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * Reads a framed upload (contract/upload-frame.ts) from a request as it arrives: each chunk
 * goes to the frame reader, which copies file bytes straight into buffers of their declared
 * lengths, so the body is never gathered into one string or buffer. On a refusal the rest of
 * the body is drained (read and dropped), so that the answer saying why can be read by the page.
 */
export function readFramedUpload(req: IncomingMessage): Promise<FramedUpload> {
  return new Promise((resolve, reject) => {
    const reader = new UploadFrameReader();
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      try {
        reader.push(chunk);
      } catch (error) {
        failed = true;
        reject(error);
      }
    });
    req.on('end', () => {
      if (failed) return;
      try {
        resolve(reader.end());
      } catch (error) {
        reject(error);
      }
    });
    req.on('error', error => {
      failed = true;
      reject(error);
    });
  });
}

function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY + CSP_HEADER_ONLY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { ...securityHeaders(), 'Content-Type': type });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json', encodeWire(value));
}
