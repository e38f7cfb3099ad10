import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { dispatch } from './dispatch';
import { createPathGrants } from './path-grants';
import { createServices } from './services';
import { channels } from './contract/channels';
import {
  ImportBatchSchema,
  MAX_UPLOAD_BATCH_BYTES,
  type ImportBatch,
} from './contract/import-session';

const seedsDir = fileURLToPath(new URL('../seeds', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'readout-session-ipc-'));
for (let i = 0; i < 7; i++) {
  writeFileSync(join(dir, `${i}.txt`), `Dispatch ${i}\n\nThe delegations met for round ${i}.`);
}
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const grants = createPathGrants();
const desktop = createServices({
  seedsDir,
  pathGrants: grants,
  importSessionOptions: { limits: { batchFiles: 3 } },
});
const preview = createServices({ seedsDir });

const upload = (name: string, text: string) => {
  const bytes = new TextEncoder().encode(text);
  return { name, size: bytes.length, bytes };
};

function value<T>(result: Awaited<ReturnType<typeof dispatch>>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

describe('import session channels', () => {
  it('streams granted paths in bounded batches until done, each answer matching its schema', async () => {
    grants.grant([dir]);
    const session = value<{ sessionId: string }>(
      await dispatch(desktop, 'import:start', [{ kind: 'paths', paths: [dir] }]),
    );
    const batches: ImportBatch[] = [];
    for (;;) {
      const batch = value<ImportBatch>(await dispatch(desktop, 'import:next', [session.sessionId]));
      expect(ImportBatchSchema.safeParse(batch).success).toBe(true);
      batches.push(batch);
      if (batch.done) break;
    }
    expect(batches.map(b => b.articles.length)).toEqual([3, 3, 1]);
    expect(batches.every(b => b.extractions?.length === b.articles.length)).toBe(true);
    expect(batches.at(-1)).toMatchObject({ filesDone: 7, totalFiles: 7 });
    // Finished: the session is gone.
    const after = await dispatch(desktop, 'import:next', [session.sessionId]);
    expect(after).toMatchObject({ ok: false, error: { code: 'not-found' } });
  }, 60_000);

  it('reads paths only when a drop granted them, and never in the preview', async () => {
    expect(
      await dispatch(desktop, 'import:start', [{ kind: 'paths', paths: ['/etc'] }]),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(
      await dispatch(preview, 'import:start', [{ kind: 'paths', paths: [dir] }]),
    ).toMatchObject({
      ok: false,
      error: { code: 'unsupported' },
    });
    expect(
      await dispatch(preview, 'import:start', [{ kind: 'dialog', folders: true }]),
    ).toMatchObject({
      ok: false,
      error: { code: 'unsupported' },
    });
  });

  it.each([
    ['a relative path', [{ kind: 'paths', paths: ['news'] }], /not absolute/],
    ['a path climbing out', [{ kind: 'paths', paths: ['/home/a/../../etc'] }], /".." segment/],
    ['an unknown kind', [{ kind: 'url', url: 'http://example.org' }], /kind/],
    [
      'an extra key',
      [{ kind: 'upload', totalFiles: 1, totalBytes: 1, path: '/etc' }],
      /Unrecognized key/,
    ],
    ['negative totals', [{ kind: 'upload', totalFiles: -1, totalBytes: 0 }], /Too small/],
  ])('refuses import:start with %s', async (_title, args, message) => {
    const result = await dispatch(desktop, 'import:start', args);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    if (!result.ok) expect(result.error.message).toMatch(message);
  });

  it('answers a malformed session id as invalid and an unknown one as no longer open', async () => {
    for (const channel of ['import:next', 'import:cancel'] as const) {
      expect(await dispatch(desktop, channel, ['../../etc'])).toMatchObject({
        ok: false,
        error: { code: 'invalid-argument', message: expect.stringMatching(/session id/) },
      });
    }
    const unknown = '12345678-1234-4234-8234-123456789abc';
    expect(await dispatch(desktop, 'import:next', [unknown])).toMatchObject({
      ok: false,
      error: {
        code: 'not-found',
        message: expect.stringMatching(/^This import is no longer open/),
      },
    });
    expect(await dispatch(desktop, 'import:cancel', [unknown])).toEqual({
      ok: true,
      value: { cancelled: false },
    });
  });

  it('takes preview uploads into an upload session and cancels one', async () => {
    const { sessionId } = value<{ sessionId: string }>(
      await dispatch(preview, 'import:start', [{ kind: 'upload', totalFiles: 2, totalBytes: 60 }]),
    );
    const first = value<ImportBatch>(
      await dispatch(preview, 'import:upload', [
        sessionId,
        [upload('a.txt', 'Envoys met in Oslo.')],
      ]),
    );
    expect(first).toMatchObject({ filesDone: 1, done: false });
    expect(first.articles).toHaveLength(1);
    // Asking an upload session to read by itself is a clear error, not a hang.
    expect(await dispatch(preview, 'import:next', [sessionId])).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument', message: expect.stringMatching(/upload the next files/) },
    });
    expect(await dispatch(preview, 'import:cancel', [sessionId])).toEqual({
      ok: true,
      value: { cancelled: true },
    });
    expect(
      await dispatch(preview, 'import:upload', [sessionId, [upload('b.txt', 'More.')]]),
    ).toMatchObject({ ok: false, error: { code: 'not-found' } });
  }, 30_000);

  it('refuses an upload batch over its byte cap before reading it', () => {
    const big = new Uint8Array(5 * 1024 * 1024);
    const files = Array.from({ length: 4 }, (_, i) => ({
      name: `${i}.txt`,
      size: big.length,
      bytes: big,
    }));
    expect(4 * big.length).toBeGreaterThan(MAX_UPLOAD_BATCH_BYTES);
    const parsed = channels['import:upload'].args.safeParse([
      '12345678-1234-4234-8234-123456789abc',
      files,
    ]);
    expect(parsed.success).toBe(false);
  });
});
