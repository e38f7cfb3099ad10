import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  MAX_FILE_BYTES,
  type Article,
  type ImportError,
  type ImportReport,
  type UploadFile,
} from '../../../src-main/contract/article';
import type { Result } from '../../../src-main/contract/result';
import { ReadoutDB, type ArticleNote, type Highlight } from '../../db/db';
import { importUploads, storeReport, type PickedFile } from './importer';
import { contractArticle } from '../../db/testing';
import { TOUCHED_KEY } from '../../db/extraction-marks';

// The page's bridge to main: main's real upload sessions (src-main/ingest/sessions.ts) behind
// the import channels, parsing with a stand-in for the worker's `importFiles`: files named
// `bad…` come back as per-file errors, the others as articles.
const bridge = vi.hoisted(() => ({
  sent: [] as UploadFile[][],
  importFiles: (files: UploadFile[]): Promise<Result<ImportReport>> => {
    void files;
    return Promise.reject(new Error('set in beforeEach'));
  },
  cancelled: [] as string[],
  /** Whether uploads go framed, as in the preview (else as bytes, as on the desktop). */
  framed: true,
  /** Bodies of the framed uploads. */
  bodies: [] as Blob[],
}));
vi.mock('../../bridge', async () => {
  const { createImportSessions } = await import('../../../src-main/ingest/sessions');
  const { UploadFrameReader } = await import('../../../src-main/contract/upload-frame');
  const sessions = createImportSessions({
    readFiles: () => Promise.reject(new Error('no paths in the preview')),
    parseUploads: async files => {
      const answer = await bridge.importFiles(files);
      if (!answer.ok) throw new Error(answer.error.message);
      return answer.value;
    },
  });
  const asResult = async <T>(work: () => T | Promise<T>): Promise<Result<T>> => {
    try {
      return { ok: true, value: await work() };
    } catch (error) {
      const e = error as { code?: string; message: string };
      return { ok: false, error: { code: e.code ?? 'internal', message: e.message } };
    }
  };
  // The preview server's reading of a framed body (src-main/preview/upload-stream.ts).
  const framedSend = (body: Blob) =>
    asResult(async () => {
      bridge.bodies.push(body);
      const reader = new UploadFrameReader();
      reader.push(new Uint8Array(await body.arrayBuffer()));
      const { sessionId, files } = reader.end();
      return sessions.upload(sessionId, files);
    });
  return {
    desktop: null,
    get sendFramedUpload() {
      return bridge.framed ? framedSend : null;
    },
    api: {
      startImport: (start: { totalFiles: number; totalBytes: number }) =>
        asResult(() => sessions.startUpload(start.totalFiles, start.totalBytes)),
      uploadImportBatch: (id: string, files: UploadFile[]) =>
        asResult(() => sessions.upload(id, files)),
      nextImportBatch: (id: string) => asResult(() => sessions.next(id)),
      cancelImport: (id: string) =>
        asResult(async () => {
          bridge.cancelled.push(id);
          return { cancelled: await sessions.cancel(id) };
        }),
    },
  };
});

let db: ReadoutDB;
beforeEach(async () => {
  db = new ReadoutDB(`t-${Math.random()}`);
  await db.open();
  bridge.sent = [];
  bridge.cancelled = [];
  bridge.framed = true;
  bridge.bodies = [];
  bridge.importFiles = files => {
    bridge.sent.push(files);
    const report: ImportReport = { articles: [], errors: [] };
    for (const f of files) {
      if (f.name.split('/').pop()!.startsWith('bad')) report.errors.push(binary(f.name));
      else report.articles.push(article(f.name, new TextDecoder().decode(f.bytes)));
    }
    return Promise.resolve({ ok: true, value: report });
  };
});
afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

const article = (source: string, text: string): Article => contractArticle(source, text);

const binary = (file: string): ImportError => ({
  file,
  code: 'binary',
  message: 'This is a PNG image, not a text article.',
});

/** The analyst's work on `articleId`: a highlight, a note, a trashed highlight and a setting. */
async function addWork(articleId: string): Promise<void> {
  const highlight: Highlight = {
    id: `h-${articleId}`,
    articleId,
    colour: 1,
    quote: { exact: 'ministers', prefix: 'The ', suffix: ' met' },
    position: { start: 4, end: 13 },
    articleVersion: articleId,
    note: 'Check who attended.',
    tags: ['moscow'],
    createdAt: 1,
    updatedAt: 1,
  };
  const note: ArticleNote = { articleId, text: 'Follow up.', tags: ['iran'], updatedAt: 5 };
  await db.highlights.add(highlight);
  await db.articleNotes.add(note);
  await db.highlights.add({ ...highlight, id: 'gone', trashedAt: 9, trashedBy: 'local' });
  await db.meta.put({ key: 'colour-meanings', value: ['Key point'] });
}

/** Every table's rows, to compare before and after. */
async function snapshot(): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) out[table.name] = await table.toArray();
  // The sync's note of which articles an import touched is the import's own, not the analyst's.
  out.meta = out.meta.filter(r => (r as { key: string }).key !== TOUCHED_KEY);
  return out;
}

const picked = (name: string, text: string): PickedFile => ({
  file: new File([text], name.split('/').pop()!),
  name,
});

/** `count` files named `dir/NNNN.txt` with distinct article text. */
const manyFiles = (dir: string, count: number) =>
  Array.from({ length: count }, (_, i) =>
    picked(`${dir}/${String(i).padStart(4, '0')}.txt`, `Article ${i}: the ministers met.`),
  );

describe('storeReport', () => {
  it('changes nothing stored for a report holding only per-file errors', async () => {
    const existing = article('in/a.txt', 'The ministers met on Monday.');
    await storeReport(db, { articles: [existing], errors: [] });
    await addWork(existing.id);
    const before = await snapshot();

    const errors = [binary('in/photo.txt'), binary('in/a.txt')];
    const outcome = await storeReport(db, { articles: [], errors });

    expect(outcome).toEqual({ added: 0, updated: 0, unchanged: 0, errors, failure: null });
    expect(await snapshot()).toEqual(before);
  });

  it('leaves highlights, notes, trash and settings untouched when a report mixes errors and articles', async () => {
    const existing = article('in/a.txt', 'The ministers met on Monday.');
    await storeReport(db, { articles: [existing], errors: [] });
    await addWork(existing.id);
    const before = await snapshot();

    const outcome = await storeReport(db, {
      articles: [
        existing,
        article('in/a.txt', 'The ministers met on Tuesday.'),
        article('in/b.txt', 'Talks ended.'),
      ],
      errors: [binary('in/photo.txt')],
    });

    expect(outcome).toMatchObject({ added: 1, updated: 1, unchanged: 1, failure: null });
    const after = await snapshot();
    for (const name of ['highlights', 'articleNotes', 'trash', 'meta', 'meetingDecisions']) {
      expect(after[name], name).toEqual(before[name]);
    }
    expect(await db.articles.count()).toBe(2);
  });

  it('answers a failed save with a failure that counts what stayed stored, and does not throw', async () => {
    // A batch's new articles are written in one bulkAdd: the second batch's fails.
    const add = db.articles.bulkAdd.bind(db.articles);
    let calls = 0;
    vi.spyOn(db.articles, 'bulkAdd').mockImplementation(((...args: Parameters<typeof add>) =>
      ++calls === 2
        ? Promise.reject(new Error('QuotaExceededError: the disk is full'))
        : add(...args)) as typeof add);
    const articles = Array.from({ length: 400 }, (_, i) => article(`in/${i}.txt`, `Article ${i}.`));

    const outcome = await storeReport(db, { articles, errors: [binary('in/photo.txt')] });

    // Batches of 250: the first committed, the second rolled back as a whole.
    expect(outcome).toMatchObject({ added: 250, updated: 0, unchanged: 0 });
    expect(outcome.errors).toEqual([binary('in/photo.txt')]);
    expect(outcome.failure).toMatch(
      /^Saving articles stopped \(Error: QuotaExceededError: the disk is full\)\. Articles saved before that are kept/,
    );
    vi.restoreAllMocks();
    expect(await db.articles.count()).toBe(250);
  });
});

describe('importUploads', () => {
  it('stores the good files of every batch and leaves the analyst’s work alone despite bad files', async () => {
    const existing = article('old/a.txt', 'The ministers met on Monday.');
    await storeReport(db, { articles: [existing], errors: [] });
    await addWork(existing.id);
    const before = await snapshot();

    const files = manyFiles('in', 450);
    files.splice(10, 0, picked('in/bad-photo.txt', 'x'));
    files.splice(300, 0, picked('in/bad-zip.txt', 'x'));
    const outcome = await importUploads(db, files);

    expect(bridge.sent.map(batch => batch.length)).toEqual([100, 100, 100, 100, 52]);
    expect(outcome).toEqual({
      added: 450,
      updated: 0,
      unchanged: 0,
      errors: [binary('in/bad-photo.txt'), binary('in/bad-zip.txt')],
      failure: null,
    });
    const after = await snapshot();
    for (const name of ['highlights', 'articleNotes', 'trash', 'meta']) {
      expect(after[name], name).toEqual(before[name]);
    }
    expect(await db.articles.count()).toBe(451);
  });

  it('keeps the batches stored before a failed save and completes on a second import without duplicates', async () => {
    // A batch's new articles are written in one bulkAdd: the third batch's fails.
    const add = db.articles.bulkAdd.bind(db.articles);
    let calls = 0;
    vi.spyOn(db.articles, 'bulkAdd').mockImplementation(((...args: Parameters<typeof add>) =>
      ++calls === 3 ? Promise.reject(new Error('disk full')) : add(...args)) as typeof add);
    const files = manyFiles('in', 450);

    const first = await importUploads(db, files);

    // Upload batches of 100, each stored in one transaction: the third is lost whole.
    expect(first).toMatchObject({ added: 200, updated: 0, unchanged: 0 });
    expect(first.failure).toMatch(/^Saving articles stopped \(Error: disk full\)/);
    // It stopped: the fourth batch, sent ahead while the third was stored (read-ahead.ts), is
    // not stored, and no fifth is sent.
    expect(bridge.sent).toHaveLength(4);
    vi.restoreAllMocks();
    expect(await db.articles.count()).toBe(200);

    const second = await importUploads(db, files);
    expect(second).toEqual({ added: 250, updated: 0, unchanged: 200, errors: [], failure: null });
    const sources = (await db.articles.toArray()).map(a => a.source);
    expect(sources).toHaveLength(450);
    expect(new Set(sources).size).toBe(450);
  });

  it('sends a 100 MB file by its size alone, without reading it into memory', async () => {
    const arrayBuffer = vi.fn(() => Promise.resolve(new ArrayBuffer(100 * 1024 * 1024)));
    const huge = { size: 100 * 1024 * 1024, arrayBuffer } as unknown as File;
    bridge.importFiles = files => {
      bridge.sent.push(files);
      return Promise.resolve({
        ok: true,
        value: {
          articles: [article('good.txt', 'A good article.')],
          errors: [{ file: 'huge.txt', code: 'too-large', message: 'The file is 100.0 MB.' }],
        },
      });
    };

    const outcome = await importUploads(db, [
      { file: huge, name: 'huge.txt' },
      picked('good.txt', 'A good article.'),
    ]);

    expect(arrayBuffer).not.toHaveBeenCalled();
    expect(bridge.sent[0][0]).toEqual({
      name: 'huge.txt',
      size: 100 * 1024 * 1024,
      bytes: new Uint8Array(0),
    });
    expect(outcome).toMatchObject({ added: 1, failure: null });
    expect(outcome.errors.map(e => e.code)).toEqual(['too-large']);
  });

  it('sends the preview’s batches framed, the files as the browser holds them, never read by the page', async () => {
    const files = manyFiles('in', 150);
    const reads = files.map(f => vi.spyOn(f.file, 'arrayBuffer'));

    const outcome = await importUploads(db, files);

    expect(outcome).toMatchObject({ added: 150, failure: null });
    expect(reads.every(r => r.mock.calls.length === 0)).toBe(true);
    expect(bridge.bodies).toHaveLength(2);
    expect(bridge.sent.flat().map(f => new TextDecoder().decode(f.bytes))).toEqual(
      files.map((_, i) => `Article ${i}: the ministers met.`),
    );
  });

  it('stops at the limit for one import without reading the files past it, and says so', async () => {
    bridge.framed = false; // as on the desktop, where each file's bytes are read and sent
    // 30 files of 5 MiB: 25 fit in the 128 MB limit; the 26th and the four after it are not read.
    const readers: ReturnType<typeof vi.fn>[] = [];
    const files = Array.from({ length: 30 }, (_, i) => {
      const arrayBuffer = vi.fn(() =>
        Promise.resolve(new TextEncoder().encode(`Article ${i}.`).buffer),
      );
      readers.push(arrayBuffer);
      const file = { size: MAX_FILE_BYTES, arrayBuffer } as unknown as File;
      return { file, name: `big/${String(i).padStart(2, '0')}.txt` };
    });

    const outcome = await importUploads(db, files);

    expect(readers.map(r => r.mock.calls.length)).toEqual([
      ...Array<number>(25).fill(1),
      ...Array<number>(5).fill(0),
    ]);
    expect(bridge.sent.flat()).toHaveLength(25);
    expect(outcome).toMatchObject({ added: 25, failure: null });
    expect(outcome.errors).toEqual([
      {
        file: 'big/25.txt',
        code: 'too-large',
        message: expect.stringMatching(/at most 128 MB in one import; this file and the 4 after/),
      },
    ]);
  });

  it('stops after the batch being stored when cancelled, keeping it, and says how far it got', async () => {
    const files = manyFiles('in', 450);
    const abort = new AbortController();
    const seen: (number | null)[][] = [];
    const outcome = await importUploads(
      db,
      files,
      (_label, _done, _total, stream) => {
        if (stream) seen.push([stream.filesDone, stream.totalFiles]);
        if (stream && stream.filesDone >= 200) abort.abort();
      },
      abort.signal,
    );
    // The third batch was on its way (sent ahead while the second was stored): not stored.
    expect(bridge.sent).toHaveLength(3);
    expect(bridge.cancelled).toHaveLength(1);
    expect(outcome).toMatchObject({
      added: 200,
      failure: null,
      cancelled: { filesDone: 200, totalFiles: 450 },
    });
    expect(await db.articles.count()).toBe(200);
    expect(seen).toEqual([
      [0, 450],
      [100, 450],
      [200, 450],
    ]);
  });

  it('reports files and bytes done rising to the totals', async () => {
    const files = manyFiles('in', 450);
    const bytes: number[] = [];
    await importUploads(db, files, (_label, _done, _total, stream) => {
      if (stream) bytes.push(stream.bytesDone);
    });
    const total = files.reduce((n, f) => n + f.file.size, 0);
    expect(bytes).toEqual([...bytes].sort((a, b) => a - b));
    expect(bytes.at(-1)).toBe(total);
    expect(new Set(bytes).size).toBe(6);
  });
});
