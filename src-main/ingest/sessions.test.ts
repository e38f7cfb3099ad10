import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UploadFile } from '../contract/article';
import {
  ImportBatchSchema,
  MAX_BATCH_ARTICLES,
  type ImportBatch,
} from '../contract/import-session';
import { importFiles, readFoundFiles } from './import';
import { piecesOf, type SessionReaders } from './session';
import { createImportSessions, type ImportSessions } from './sessions';
import { parseArticle } from './parse';

let root: string;
const opened: ImportSessions[] = [];

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'readout-session-'));
});
afterEach(async () => {
  await Promise.all(opened.splice(0).map(s => s.closeAll()));
  await rm(root, { recursive: true, force: true });
});

/** A folder of `count` distinct articles, `in/a/NNN.txt`, in two sub-folders. */
async function folder(
  count: number,
  text = (i: number) => `Report ${i}\n\nThe envoys met for round ${i}.`,
) {
  for (const sub of ['a', 'b']) await mkdir(join(root, 'in', sub), { recursive: true });
  for (let i = 0; i < count; i++) {
    const sub = i % 2 === 0 ? 'a' : 'b';
    await writeFile(join(root, 'in', sub, `${String(i).padStart(3, '0')}.txt`), text(i));
  }
  return join(root, 'in');
}

/** Readers as main's worker runs them, inline, recording each call. */
function readers(over: Partial<SessionReaders> = {}) {
  const calls: number[] = [];
  const r: SessionReaders & { calls: number[] } = {
    calls,
    readFiles: async (files, budget) => {
      calls.push(files.length);
      return readFoundFiles(files, { budget });
    },
    parseUploads: files => importFiles(files),
    ...over,
  };
  return r;
}

function sessions(
  r: SessionReaders,
  options: Parameters<typeof createImportSessions>[0] extends infer O ? Partial<O> : never = {},
) {
  const s = createImportSessions({ ...r, ...options });
  opened.push(s);
  return s;
}

async function drain(s: ImportSessions, id: string): Promise<ImportBatch[]> {
  const batches: ImportBatch[] = [];
  for (;;) {
    const batch = await s.next(id);
    ImportBatchSchema.parse(batch);
    batches.push(batch);
    if (batch.done) return batches;
  }
}

const tick = (ms = 30) => new Promise(resolve => setTimeout(resolve, ms));

describe('createImportSessions: paths', () => {
  it('answers bounded batches in the walk order, the same order every time, with progress', async () => {
    const dir = await folder(25);
    const r = readers();
    const s = sessions(r, { limits: { batchFiles: 10 } });
    const runs: string[][] = [];
    for (let run = 0; run < 2; run++) {
      const { sessionId } = s.startPaths([dir]);
      const batches = await drain(s, sessionId);
      expect(batches.every(b => b.articles.length <= 10)).toBe(true);
      expect(batches.length).toBeGreaterThanOrEqual(3);
      const done = batches.map(b => b.filesDone);
      expect(done).toEqual([...done].sort((a, b) => a - b));
      expect(batches.at(-1)).toMatchObject({ filesDone: 25, totalFiles: 25, done: true });
      expect(batches.at(-1)?.bytesDone).toBe(batches.at(-1)?.totalBytes);
      expect(batches.slice(0, -1).every(b => !b.done)).toBe(true);
      runs.push(batches.flatMap(b => b.articles.map(a => a.source)));
    }
    expect(runs[0]).toHaveLength(25);
    expect(runs[1]).toEqual(runs[0]);
    expect(runs[0]).toEqual([...runs[0]].sort());
    expect(s.openIds()).toEqual([]);
  });

  it('reads at most two batches ahead of the renderer', async () => {
    const dir = await folder(60);
    const r = readers();
    const s = sessions(r, { limits: { batchFiles: 5 } });
    const { sessionId } = s.startPaths([dir]);
    await tick(300);
    expect(r.calls).toHaveLength(2);
    await s.next(sessionId);
    await tick(200);
    expect(r.calls).toHaveLength(3);
  });

  it('gives the same text in two files once, across batches', async () => {
    // The last file (in the second batch at least) repeats the first one's text.
    const dir = await folder(12, i => `Report ${i % 11}\n\nTalks, round ${i % 11}.`);
    const s = sessions(readers(), { limits: { batchFiles: 4 } });
    const batches = await drain(s, s.startPaths([dir]).sessionId);
    const ids = batches.flatMap(b => b.articles.map(a => a.id));
    expect(ids).toHaveLength(11);
    expect(new Set(ids).size).toBe(11);
  });

  it("carries each article's meetings in the same batch as the article", async () => {
    const dir = await folder(6);
    const s = sessions(
      readers({
        readFiles: async (files, budget) => {
          const read = await readFoundFiles(files, { budget });
          return {
            ...read,
            extractions: read.articles.map(a => ({
              articleId: a.id,
              extractorVersion: 'x',
              meetings: [],
            })),
          };
        },
      }),
      { limits: { batchFiles: 2 } },
    );
    for (const b of await drain(s, s.startPaths([dir]).sessionId)) {
      expect(b.extractions?.map(e => e.articleId)).toEqual(b.articles.map(a => a.id));
    }
  });

  it('stops at the byte limit of one import, naming the file and how many were left', async () => {
    const dir = await folder(10, i => `Report ${i}\n\n${'x'.repeat(100)} ${i}`);
    const r = readers();
    const s = sessions(r, { limits: { batchFiles: 3, maxImportBytes: 600 } });
    const batches = await drain(s, s.startPaths([dir]).sessionId);
    const articles = batches.flatMap(b => b.articles);
    const errors = batches.flatMap(b => b.errors);
    expect(articles.length).toBe(5);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'too-large' });
    expect(errors[0].message).toMatch(/this file and the 4 after it were not read/);
    expect(batches.at(-1)).toMatchObject({ done: true, filesDone: 10 });
  });

  it('stops reading when cancelled mid-way: the batch being read ends, no reader runs after', async () => {
    const dir = await folder(40);
    let running = 0;
    let release: () => void = () => {};
    const gate = new Promise<void>(resolve => (release = resolve));
    const r = readers();
    const slow = readers({
      readFiles: async (files, budget) => {
        running++;
        r.calls.push(files.length);
        if (r.calls.length >= 2) await gate;
        try {
          return await readFoundFiles(files, { budget });
        } finally {
          running--;
        }
      },
    });
    const s = sessions(slow, { limits: { batchFiles: 5 } });
    const { sessionId } = s.startPaths([dir]);
    const first = await s.next(sessionId);
    expect(first.articles).toHaveLength(5);
    await tick(50);
    expect(running).toBe(1); // the second batch is being read
    let cancelled = false;
    const cancelling = s.cancel(sessionId).then(c => (cancelled = c));
    await tick(50);
    expect(cancelled).toBe(false); // waits for the read in progress
    release();
    await cancelling;
    expect(cancelled).toBe(true);
    expect(running).toBe(0);
    const calls = r.calls.length;
    await tick(200);
    expect(r.calls.length).toBe(calls);
    expect(calls).toBeLessThanOrEqual(2);
    await expect(s.next(sessionId)).rejects.toMatchObject({ code: 'not-found' });
    expect(await s.cancel(sessionId)).toBe(false);
  });

  it('forgets a session nobody asks for, and stops its reading', async () => {
    const dir = await folder(30);
    let clock = 0;
    const r = readers();
    const s = sessions(r, { limits: { batchFiles: 5 }, idleMs: 1_000, now: () => clock });
    const { sessionId } = s.startPaths([dir]);
    await s.next(sessionId);
    clock += 5_000;
    await tick(400); // the sweep runs every 250 ms at this idle time
    expect(s.openIds()).toEqual([]);
    const calls = r.calls.length;
    await tick(200);
    expect(r.calls.length).toBe(calls);
    await expect(s.next(sessionId)).rejects.toMatchObject({
      code: 'not-found',
      message: expect.stringMatching(/no longer open.*already stored stay stored/),
    });
  });

  it('answers a clear error for an id it never gave', async () => {
    const s = sessions(readers());
    await expect(s.next('00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({
      code: 'not-found',
      message: expect.stringMatching(/^This import is no longer open/),
    });
  });

  it('closes every session at once when the window closes', async () => {
    const dir = await folder(20);
    const s = sessions(readers(), { limits: { batchFiles: 5 } });
    const a = s.startPaths([dir]).sessionId;
    const b = s.startPaths([dir]).sessionId;
    expect(s.openIds().sort()).toEqual([a, b].sort());
    await s.closeAll();
    expect(s.openIds()).toEqual([]);
    await expect(s.next(a)).rejects.toMatchObject({ code: 'not-found' });
  });

  it('keeps at most four sessions open, closing the longest idle', async () => {
    const dir = await folder(4);
    let clock = 0;
    const s = sessions(readers(), { now: () => clock++ });
    const ids = Array.from({ length: 5 }, () => s.startPaths([dir]).sessionId);
    expect(s.openIds()).toEqual(ids.slice(1));
  });

  it('reports a missing path as an error of the import, not a failure', async () => {
    const s = sessions(readers());
    const batches = await drain(s, s.startPaths([join(root, 'nowhere')]).sessionId);
    expect(batches.at(-1)).toMatchObject({ done: true, totalFiles: 0, filesDone: 0 });
    expect(batches.flatMap(b => b.errors)).toEqual([
      expect.objectContaining({ code: 'not-found' }),
    ]);
  });

  it("fails the next call with the reader's error and forgets the session", async () => {
    const dir = await folder(4);
    const s = sessions(readers({ readFiles: () => Promise.reject(new Error('worker stopped')) }));
    const { sessionId } = s.startPaths([dir]);
    await expect(s.next(sessionId)).rejects.toThrow('worker stopped');
    expect(s.openIds()).toEqual([]);
  });
});

const upload = (name: string, text: string): UploadFile => {
  const bytes = new TextEncoder().encode(text);
  return { name, size: bytes.length, bytes };
};

describe('createImportSessions: uploads', () => {
  it('answers each uploaded batch with its articles and the progress, done with the last', async () => {
    const s = sessions(readers());
    const files = Array.from({ length: 6 }, (_, i) =>
      upload(`f/${i}.txt`, `Note ${i}\n\nTalks ${i}.`),
    );
    const total = files.reduce((n, f) => n + f.size, 0);
    const { sessionId, totalFiles } = s.startUpload(6, total);
    expect(totalFiles).toBe(6);
    const one = await s.upload(sessionId, files.slice(0, 3));
    expect(one).toMatchObject({ filesDone: 3, done: false, more: false });
    const two = await s.upload(sessionId, files.slice(3));
    expect(two).toMatchObject({ filesDone: 6, bytesDone: total, done: true });
    expect([...one.articles, ...two.articles].map(a => a.file)).toEqual(
      files.map(f => f.name.slice(2)),
    );
    expect(s.openIds()).toEqual([]);
  });

  it('refuses more files than were announced', async () => {
    const s = sessions(readers());
    const { sessionId } = s.startUpload(1, 10);
    await expect(
      s.upload(sessionId, [upload('a.txt', 'One.'), upload('b.txt', 'Two.')]),
    ).rejects.toMatchObject({
      code: 'invalid-argument',
      message: expect.stringMatching(/started for 1 files/),
    });
  });

  it('stops at the byte limit of one import across batches, saying how many were left', async () => {
    const s = sessions(readers(), { limits: { maxImportBytes: 250 } });
    const files = Array.from({ length: 6 }, (_, i) =>
      upload(`${i}.txt`, `Item ${i} ${'y'.repeat(90)}`),
    );
    const { sessionId } = s.startUpload(6, 600);
    const one = await s.upload(sessionId, files.slice(0, 2));
    expect(one.done).toBe(false);
    // The page sends the file past the limit by its size alone; main refuses it and ends.
    const two = await s.upload(sessionId, [{ ...files[2], bytes: new Uint8Array(0) }]);
    expect(two.done).toBe(true);
    expect(two.errors).toEqual([
      expect.objectContaining({ file: '2.txt', message: expect.stringMatching(/the 3 after it/) }),
    ]);
  });

  it('cuts a batch too big for one message into pieces taken with next', async () => {
    const many = Array.from({ length: MAX_BATCH_ARTICLES + 5 }, (_, i) =>
      parseArticle(`Piece ${i}\n\nText ${i}.`, { source: `${i}.txt`, file: `${i}.txt` }),
    );
    const s = sessions(readers({ parseUploads: async () => ({ articles: many, errors: [] }) }));
    const { sessionId } = s.startUpload(1, 5);
    const first = await s.upload(sessionId, [upload('mail.eml', 'x')]);
    expect(first).toMatchObject({ more: true, done: false });
    expect(first.articles).toHaveLength(MAX_BATCH_ARTICLES);
    const rest = await s.next(sessionId);
    expect(rest).toMatchObject({ more: false, done: true });
    expect(rest.articles).toHaveLength(5);
  });
});

describe('piecesOf', () => {
  it('keeps every answer under the message cap, articles with their meetings, done on the last', () => {
    const big = 'word '.repeat(400_000); // 2 MB a text
    const articles = Array.from({ length: 9 }, (_, i) =>
      parseArticle(`Long ${i}\n\n${big}${i}`, { source: `${i}.txt`, file: `${i}.txt` }),
    );
    const extractions = articles.map(a => ({
      articleId: a.id,
      extractorVersion: 'v',
      meetings: [],
    }));
    const pieces = piecesOf(articles, extractions, [], {
      filesDone: 9,
      bytesDone: 1,
      totalFiles: 9,
      totalBytes: 1,
      done: true,
    });
    expect(pieces.length).toBeGreaterThanOrEqual(3);
    for (const p of pieces) {
      expect(JSON.stringify(p).length).toBeLessThan(8.5 * 1024 * 1024);
      expect(p.extractions?.map(e => e.articleId)).toEqual(p.articles.map(a => a.id));
    }
    expect(pieces.map(p => p.done)).toEqual(pieces.map((_, i) => i === pieces.length - 1));
    expect(pieces.flatMap(p => p.articles)).toEqual(articles);
  });
});
