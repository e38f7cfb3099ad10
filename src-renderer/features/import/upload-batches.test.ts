import { describe, expect, it, vi } from 'vitest';
import type { UploadFile } from '../../../src-main/contract/article';
import type { ImportBatch } from '../../../src-main/contract/import-session';
import type { Result } from '../../../src-main/contract/result';
import { UploadFrameReader } from '../../../src-main/contract/upload-frame';
import {
  framedBody,
  planUpload,
  sendBatch,
  type PickedFiles,
  type UploadPart,
} from './upload-batches';

// The planner yields with session-runner's yieldToPage, whose module reaches for the bridge.
vi.mock('../../bridge', () => ({ api: {}, desktop: null, sendFramedUpload: null }));

const SESSION = '0b5c6a4e-3f1d-4c2b-9a8e-7d6f5e4c3b2a';

/** `count` picked files whose size costs `cost` ms of a fake clock when first read, as a folder's do. */
function slowFolder(count: number, clock: { t: number }, cost = 1): PickedFiles {
  const files = Array.from({ length: count }, (_, i) => {
    const file = new File([`Article ${i}.`], `${i}.txt`);
    const size = file.size;
    Object.defineProperty(file, 'size', {
      get: () => {
        clock.t += cost;
        return size;
      },
    });
    return { file, name: i % 10 === 9 ? `news/.hidden/${i}.txt` : `news/${i}.txt` };
  });
  return { length: files.length, at: i => files[i] };
}

const batch = (articles = 0): ImportBatch => ({
  articles: [],
  errors: [],
  filesDone: articles,
  bytesDone: 0,
  totalFiles: null,
  totalBytes: null,
  done: false,
  more: false,
});

async function decode(body: Blob) {
  const reader = new UploadFrameReader();
  reader.push(new Uint8Array(await body.arrayBuffer()));
  return reader.end();
}

describe('planUpload', () => {
  it('yields to the page whenever a slice of work passes its time, and plans every file', async () => {
    const clock = { t: 0 };
    const pauses: number[] = [];
    const plan = await planUpload(slowFolder(1_000, clock), {
      now: () => clock.t,
      pause: () => {
        pauses.push(clock.t);
        return Promise.resolve();
      },
      sliceMs: 8,
    });
    expect(plan.send).toHaveLength(900); // hidden folders are left out
    expect(plan.bytes).toBe(plan.send.reduce((n, i) => n + `Article ${i}.`.length, 0));
    expect(plan.cut).toBeNull();
    // 900 sizes read at 1 ms each: a yield after every 8 ms of work, never a longer slice.
    expect(pauses.length).toBeGreaterThanOrEqual(900 / 8 - 1);
    const slices = pauses.map((t, i) => t - (pauses[i - 1] ?? 0));
    expect(Math.max(...slices)).toBeLessThanOrEqual(9);
  });
});

describe('framedBody', () => {
  it('frames names, sizes and contents so the preview server reads each file back', async () => {
    const parts: UploadPart[] = [
      { name: 'a/one.txt', size: 11, content: new File(['First file.'], 'one.txt') },
      { name: 'a/huge.pdf', size: 100 << 20, content: null },
      { name: 'a/two.txt', size: 9, content: new Blob(['Ча́й. 2']) },
    ];
    const upload = await decode(framedBody(SESSION, parts));
    expect(upload.sessionId).toBe(SESSION);
    expect(upload.files.map(f => [f.name, f.size, new TextDecoder().decode(f.bytes)])).toEqual([
      ['a/one.txt', 11, 'First file.'],
      ['a/huge.pdf', 100 << 20, ''],
      ['a/two.txt', 9, 'Ча́й. 2'],
    ]);
  });
});

describe('sendBatch', () => {
  const parts: UploadPart[] = [
    { name: 'one.txt', size: 4, content: new File(['One.'], 'one.txt') },
    { name: 'two.txt', size: 4, content: new File(['Two.'], 'two.txt') },
  ];

  it('sends framed when it can, reading no file on the page', async () => {
    const bodies: Blob[] = [];
    const answer = await sendBatch(SESSION, parts, {
      framed: body => (bodies.push(body), Promise.resolve({ ok: true, value: batch(2) })),
      bytes: () => Promise.reject(new Error('not used')),
    });
    expect(answer).toEqual({ ok: true, value: batch(2) });
    expect(bodies).toHaveLength(1);
  });

  it('sends the bytes read on the page once, when the browser could not stream a file', async () => {
    const bodies: Blob[] = [];
    const io: Result<ImportBatch> = {
      ok: false,
      error: { code: 'io', message: 'failed to fetch' },
    };
    const answer = await sendBatch(SESSION, parts, {
      framed: body => {
        bodies.push(body);
        return Promise.resolve(bodies.length === 1 ? io : { ok: true, value: batch(2) });
      },
      bytes: () => Promise.reject(new Error('not used')),
    });
    expect(answer.ok).toBe(true);
    expect(bodies).toHaveLength(2);
    const upload = await decode(bodies[1]);
    expect(upload.files.map(f => new TextDecoder().decode(f.bytes))).toEqual(['One.', 'Two.']);
  });

  it('does not send again after a refusal: a refused batch would be refused twice', async () => {
    let calls = 0;
    const refused: Result<ImportBatch> = {
      ok: false,
      error: { code: 'invalid-argument', message: 'no longer open' },
    };
    const answer = await sendBatch(SESSION, parts, {
      framed: () => (calls++, Promise.resolve(refused)),
      bytes: () => Promise.reject(new Error('not used')),
    });
    expect(answer).toEqual(refused);
    expect(calls).toBe(1);
  });

  it('sends bytes over IPC on the desktop', async () => {
    const sent: UploadFile[][] = [];
    await sendBatch(SESSION, parts, {
      framed: null,
      bytes: (_id, files) => (sent.push(files), Promise.resolve({ ok: true, value: batch(2) })),
    });
    expect(sent[0].map(f => [f.name, f.size, new TextDecoder().decode(f.bytes)])).toEqual([
      ['one.txt', 4, 'One.'],
      ['two.txt', 4, 'Two.'],
    ]);
  });
});
