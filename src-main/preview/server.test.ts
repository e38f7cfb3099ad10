import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as crypto from 'node:crypto';
import { timingSafeEqual } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ImportReportSchema } from '../contract/article';
import type { ImportBatch } from '../contract/import-session';
import { frameHead, UPLOAD_FRAME_TYPE } from '../contract/upload-frame';
import { decodeWire, encodeWire } from '../contract/wire';
import { CONTENT_SECURITY_POLICY, CSP_HEADER_ONLY } from '../csp';
import { createServices } from '../services';
import {
  PREVIEW_TIMEOUTS,
  startPreviewServer,
  TOKEN_HEADER,
  tokenMatches,
  type PreviewServer,
} from './server';

// The real timingSafeEqual, watched: the token check must be decided by it, not by `===`.
vi.mock('node:crypto', async importOriginal => {
  const actual = await importOriginal<typeof crypto>();
  return { ...actual, timingSafeEqual: vi.fn(actual.timingSafeEqual) };
});

const seedsDir = fileURLToPath(new URL('../../seeds', import.meta.url));
const TOKEN = 'tok_1234567890abcdef1234567890abcdef';

let root: string;
let server: PreviewServer;
let origin: string;

beforeAll(async () => {
  // The renderer folder sits beside a secret file that traversal attempts aim at.
  root = mkdtempSync(join(tmpdir(), 'readout-preview-'));
  mkdirSync(join(root, 'renderer'));
  writeFileSync(join(root, 'renderer', 'index.html'), '<!doctype html><title>Readout</title>');
  writeFileSync(join(root, 'secret.txt'), 'TOP SECRET');
  server = await startPreviewServer({
    rendererDir: join(root, 'renderer'),
    services: createServices({ seedsDir }),
    token: TOKEN,
  });
  origin = `http://127.0.0.1:${server.port}`;
});

afterAll(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw request, so paths and headers arrive exactly as written (fetch would tidy them). */
function send(options: {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
      },
      res => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

function call(channel: string, args: unknown, headers: Record<string, string> = {}) {
  return send({
    method: 'POST',
    path: `/api/${channel}`,
    headers: {
      origin,
      [TOKEN_HEADER]: TOKEN,
      'content-type': 'application/json',
      ...headers,
    },
    body: encodeWire(args),
  });
}

describe('startPreviewServer', () => {
  it('listens on the loopback address only', async () => {
    expect(server.url).toBe(`${origin}/#token=${TOKEN}`);
    // Bound to 127.0.0.1 itself, not to 0.0.0.0 (which the probes below miss on a host with
    // no other address).
    expect(server.address()).toEqual({ address: '127.0.0.1', family: 'IPv4', port: server.port });
    const others = Object.values(networkInterfaces())
      .flat()
      .filter(i => i && !i.internal)
      .map(i => i!.address);
    for (const address of ['::1', ...others]) {
      const outcome = await new Promise<string>(resolve => {
        const socket = connect({ host: address, port: server.port }, () => {
          socket.destroy();
          resolve('connected');
        });
        socket.on('error', () => resolve('refused'));
      });
      expect(outcome, address).toBe('refused');
    }
  });

  it('serves index.html at / with the CSP and nosniff headers', async () => {
    const reply = await send({ path: '/' });
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('<title>Readout</title>');
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(reply.headers['content-security-policy']).toBe(
      CONTENT_SECURITY_POLICY + CSP_HEADER_ONLY,
    );
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
  });

  it('also works through fetch, as the preview page calls it', async () => {
    const response = await fetch(`${origin}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e%2fsecret.txt',
    '/..%5csecret.txt',
    '//..//..//secret.txt',
  ])('does not serve a file outside the renderer folder for %s', async path => {
    const reply = await send({ path });
    expect(reply.body).not.toContain('TOP SECRET');
    expect([403, 404]).toContain(reply.status);
  });

  it('answers a call with the right Origin, token and JSON: seeds:load gives 2 articles', async () => {
    const reply = await call('seeds:load', []);
    expect(reply.status).toBe(200);
    const result = decodeWire(reply.body) as { ok: boolean; value: unknown };
    expect(result.ok).toBe(true);
    const report = ImportReportSchema.parse(result.value);
    expect(report.articles.map(a => a.source)).toEqual([
      'seeds/000_46ab9c03f578ed2c.txt',
      'seeds/004_5e147edb248d0a50.txt',
    ]);
  });

  it('refuses a call without the token', async () => {
    const reply = await send({
      method: 'POST',
      path: '/api/seeds:load',
      headers: { origin, 'content-type': 'application/json' },
      body: '[]',
    });
    expect(reply.status).toBe(403);
    expect(decodeWire(reply.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('refuses a call with a wrong token of the same length', async () => {
    const wrong = TOKEN.slice(0, -1) + (TOKEN.endsWith('f') ? 'e' : 'f');
    const reply = await call('seeds:load', [], { [TOKEN_HEADER]: wrong });
    expect(reply.status).toBe(403);
    expect(decodeWire(reply.body)).toMatchObject({ error: { code: 'forbidden' } });
  });

  it('refuses a path to read, even to a real file: the preview takes uploads only', async () => {
    for (const path of ['/etc/passwd', join(root, 'secret.txt')]) {
      const reply = await call('import:paths', [[path]]);
      expect(reply.status).toBe(200);
      expect(decodeWire(reply.body)).toMatchObject({
        ok: false,
        error: { code: 'unsupported', message: expect.stringMatching(/only as uploads/) },
      });
    }
  });

  it('answers a request it cannot handle with a plain 500 Result, never its internal error', async () => {
    // `//` makes the URL parser throw inside the server.
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const reply = await send({ path: '//' });
      expect(reply.status).toBe(500);
      expect(decodeWire(reply.body)).toEqual({
        ok: false,
        error: {
          code: 'internal',
          message: 'The preview server could not answer; its console has the details.',
        },
      });
      expect(reply.body).not.toMatch(/Invalid URL|TypeError/);
      expect(errors).toHaveBeenCalled();
    } finally {
      errors.mockRestore();
    }
    expect((await send({ path: '/' })).status).toBe(200);
  });

  it('holds its header, request and keep-alive time limits', () => {
    expect(server.timeouts()).toEqual(PREVIEW_TIMEOUTS);
    expect(PREVIEW_TIMEOUTS.headersMs).toBeLessThanOrEqual(10_000);
    expect(PREVIEW_TIMEOUTS.requestMs).toBeLessThanOrEqual(120_000);
  });

  it('drops a client that never finishes its headers, and keeps serving others', async () => {
    const slow = await startPreviewServer({
      rendererDir: join(root, 'renderer'),
      services: createServices({ seedsDir }),
      token: TOKEN,
      timeouts: { headersMs: 300, requestMs: 600 },
    });
    try {
      const started = Date.now();
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = connect({ host: '127.0.0.1', port: slow.port }, () => {
          socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${slow.port}\r\nX-Slow: 1`);
        });
        let data = '';
        socket.on('data', chunk => (data += chunk.toString('latin1')));
        socket.on('close', () => resolve(data));
        socket.on('error', reject);
      });
      expect(answer).toMatch(/^HTTP\/1\.1 408/);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await slow.close();
    }
  }, 15_000);

  it('refuses a call from another site', async () => {
    const reply = await call('seeds:load', [], { origin: 'http://evil.example' });
    expect(reply.status).toBe(403);
    expect(decodeWire(reply.body)).toMatchObject({ error: { code: 'forbidden' } });
  });

  it('refuses a call without an Origin header', async () => {
    const reply = await send({
      method: 'POST',
      path: '/api/seeds:load',
      headers: { [TOKEN_HEADER]: TOKEN, 'content-type': 'application/json' },
      body: '[]',
    });
    expect(reply.status).toBe(403);
  });

  it('refuses any request naming another Host (DNS rebinding)', async () => {
    const api = await call('seeds:load', [], { host: `evil.example:${server.port}` });
    expect(api.status).toBe(421);
    const page = await send({ path: '/', headers: { host: `evil.example:${server.port}` } });
    expect(page.status).toBe(421);
    expect(page.body).not.toContain('<title>');
  });

  it('refuses a call that is not JSON', async () => {
    const reply = await call('seeds:load', [], { 'content-type': 'text/plain' });
    expect(reply.status).toBe(415);
    expect(decodeWire(reply.body)).toMatchObject({ error: { code: 'invalid-argument' } });
  });

  it('refuses a GET on the API', async () => {
    const reply = await send({
      path: '/api/seeds:load',
      headers: { origin, [TOKEN_HEADER]: TOKEN },
    });
    expect(reply.status).toBe(405);
  });

  it('refuses a POST to a page', async () => {
    expect((await send({ method: 'POST', path: '/', body: 'x' })).status).toBe(405);
  });

  it('answers a body that is not JSON with invalid-argument', async () => {
    const reply = await send({
      method: 'POST',
      path: '/api/seeds:load',
      headers: { origin, [TOKEN_HEADER]: TOKEN, 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(reply.status).toBe(400);
    expect(decodeWire(reply.body)).toMatchObject({ error: { code: 'invalid-argument' } });
  });

  it('answers an unknown channel with not-found', async () => {
    const reply = await call('fs:delete', []);
    expect(decodeWire(reply.body)).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('refuses a body over the limit and still serves the next request', async () => {
    const huge = Buffer.alloc(65 * 1024 * 1024, 0x20);
    const refused = await send({
      method: 'POST',
      path: '/api/seeds:load',
      headers: { origin, [TOKEN_HEADER]: TOKEN, 'content-type': 'application/json' },
      body: huge,
    });
    expect(refused.status).toBe(413);
    expect(decodeWire(refused.body)).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
    const next = await call('seeds:load', []);
    expect(next.status).toBe(200);
    expect(decodeWire(next.body)).toMatchObject({ ok: true });
  }, 30_000);

  it('answers a malformed percent-escape with 400 and keeps serving', async () => {
    expect((await send({ path: '/assets/%E0%A4%A.js' })).status).toBe(400);
    const refused = await call('seeds%E0%A4%A', []);
    expect(refused.status).toBe(400);
    expect(decodeWire(refused.body)).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument', message: 'Malformed channel name.' },
    });
    expect((await send({ path: '/' })).status).toBe(200);
  });

  it('carries the backup channels like any other, refusing ids that name a path', async () => {
    const reply = await call('backups:read', ['../secret']);
    expect(decodeWire(reply.body)).toMatchObject({
      ok: false,
      error: {
        code: 'invalid-argument',
        message: expect.stringMatching(/not an automatic backup id/),
      },
    });
  });

  it('imports an upload sent as {"$bytes": base64}', async () => {
    const bytes = new TextEncoder().encode('Ministers meet in Moscow\nThe ministers met – Лавров.');
    const body = encodeWire([[{ name: 'up/one.txt', size: bytes.length, bytes }]]);
    expect(body).toContain('"$bytes"');
    const reply = await send({
      method: 'POST',
      path: '/api/import:files',
      headers: { origin, [TOKEN_HEADER]: TOKEN, 'content-type': 'application/json' },
      body,
    });
    const result = decodeWire(reply.body) as { ok: boolean; value: unknown };
    expect(result.ok).toBe(true);
    const report = ImportReportSchema.parse(result.value);
    expect(report.articles).toHaveLength(1);
    expect(report.articles[0]).toMatchObject({
      source: 'up/one.txt',
      file: 'one.txt',
      title: 'Ministers meet in Moscow',
      text: 'The ministers met – Лавров.',
    });
  });
});

describe('framed uploads', () => {
  const framed = (sessionId: string, files: { name: string; text: string }[]) => {
    const bytes = files.map(f => Buffer.from(f.text, 'utf8'));
    const head = frameHead({
      sessionId,
      files: files.map((f, i) => ({
        name: f.name,
        size: bytes[i].length,
        length: bytes[i].length,
      })),
    });
    return Buffer.concat([head, ...bytes]);
  };
  const post = (body: Buffer, headers: Record<string, string> = {}) =>
    send({
      method: 'POST',
      path: '/api/import:upload',
      headers: { origin, [TOKEN_HEADER]: TOKEN, 'content-type': UPLOAD_FRAME_TYPE, ...headers },
      body,
    });

  it('stores the batch of an upload session sent framed, bytes raw', async () => {
    const started = decodeWire(
      (await call('import:start', [{ kind: 'upload', totalFiles: 2, totalBytes: 60 }])).body,
    ) as { ok: true; value: { sessionId: string } };
    const reply = await post(
      framed(started.value.sessionId, [
        { name: 'up/one.txt', text: 'Ministers meet in Hanoi\nThe ministers met – Лавров.' },
        { name: 'up/two.txt', text: 'Talks in Accra\nThe talks ended on Friday.' },
      ]),
    );
    expect(reply.status).toBe(200);
    const result = decodeWire(reply.body) as { ok: boolean; value: ImportBatch };
    expect(result.ok).toBe(true);
    expect(result.value).toMatchObject({ done: true, filesDone: 2 });
    expect(result.value.articles.map(a => [a.source, a.text])).toEqual([
      ['up/one.txt', 'The ministers met – Лавров.'],
      ['up/two.txt', 'The talks ended on Friday.'],
    ]);
  });

  it('refuses a framed body cut short, or a batch over the limit, and answers why', async () => {
    const whole = framed('0b5c6a4e-3f1d-4c2b-9a8e-7d6f5e4c3b2a', [
      { name: 'a.txt', text: 'Some text.' },
    ]);
    const short = await post(whole.subarray(0, whole.length - 3));
    expect(short.status).toBe(400);
    expect(decodeWire(short.body)).toMatchObject({
      ok: false,
      error: {
        code: 'invalid-argument',
        message: expect.stringMatching(/ended before all the files/),
      },
    });
    const big = frameHead({
      sessionId: '0b5c6a4e-3f1d-4c2b-9a8e-7d6f5e4c3b2a',
      files: Array.from({ length: 4 }, (_, i) => ({
        name: `${i}.txt`,
        size: 5 << 20,
        length: 5 << 20,
      })),
    });
    const refused = await post(Buffer.concat([big, Buffer.alloc(64 * 1024)]));
    expect(refused.status).toBe(413);
  });

  it('takes the framed form only for import:upload and only with the token', async () => {
    const body = framed('0b5c6a4e-3f1d-4c2b-9a8e-7d6f5e4c3b2a', [{ name: 'a.txt', text: 'x' }]);
    expect((await post(body, { [TOKEN_HEADER]: 'wrong' })).status).toBe(403);
    const other = await send({
      method: 'POST',
      path: '/api/import:files',
      headers: { origin, [TOKEN_HEADER]: TOKEN, 'content-type': UPLOAD_FRAME_TYPE },
      body,
    });
    expect(other.status).toBe(415);
  });
});

describe('tokenMatches', () => {
  it('accepts the token and refuses any other, whatever its length', () => {
    expect(tokenMatches(TOKEN, TOKEN)).toBe(true);
    expect(tokenMatches(TOKEN.slice(0, -1) + 'x', TOKEN)).toBe(false);
    expect(tokenMatches(TOKEN.slice(0, 5), TOKEN)).toBe(false);
    expect(tokenMatches(`${TOKEN}x`, TOKEN)).toBe(false);
    expect(tokenMatches(undefined, TOKEN)).toBe(false);
    expect(tokenMatches([TOKEN], TOKEN)).toBe(false);
  });

  it('is decided by timingSafeEqual for tokens of any length, never by an early exit', () => {
    const compare = vi.mocked(timingSafeEqual);
    for (const given of [TOKEN.slice(0, -1) + 'x', 'short', `${TOKEN}-longer`]) {
      compare.mockClear();
      tokenMatches(given, TOKEN);
      expect(compare).toHaveBeenCalledTimes(1);
    }
    // Its verdict is the answer: a check that compared with `===` would ignore this.
    compare.mockReturnValueOnce(true);
    expect(tokenMatches('not the token', TOKEN)).toBe(true);
  });
});
