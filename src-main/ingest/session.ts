/**
 * One streaming import (issue 14). A path session walks the chosen folders in the background and
 * reads, decodes and parses ahead of the renderer by at most `readAhead` batches: when that many
 * wait untaken, it stops reading until the renderer asks for the next (backpressure), so memory
 * holds a few batches however large the folder. An upload session is the preview's: the page
 * pushes each batch's bytes and gets its articles back. Both keep the whole-import rules of the
 * one-shot import: at most MAX_IMPORT_BYTES read (the file that would pass it and those after it
 * are not read, one error says how many), the same text twice is one article.
 */
import {
  MAX_FILE_BYTES,
  type Article,
  type ImportError,
  type UploadFile,
} from '../contract/article';
import {
  messageBytes,
  type ArticleExtraction,
  type ExtractedImportReport,
} from '../contract/article-meetings';
import { importLimitError } from '../contract/channels';
import {
  MAX_BATCH_ARTICLES,
  MAX_BATCH_ERRORS,
  MAX_BATCH_MESSAGE_BYTES,
  SESSION_BATCH_BYTES,
  SESSION_BATCH_FILES,
  type ImportBatch,
} from '../contract/import-session';
import { ServiceError } from '../service-error';
import type { ReadResult } from './import';
import { collectFiles, shortDisplay, type FoundFile } from './walk';

/** What a session reads and parses with: the worker thread's tasks in the app. */
export interface SessionReaders {
  /** Reads and parses found files in order, at most `budget` bytes (see readFoundFiles). */
  readFiles(files: FoundFile[], budget: number): Promise<ReadResult & ExtractedImportReport>;
  /** Parses uploaded files (see importFiles). */
  parseUploads(files: UploadFile[]): Promise<ExtractedImportReport>;
  /** The folder walk; `collectFiles` unless a test slows it down. */
  walk?: typeof collectFiles;
}

export interface SessionLimits {
  /** Batches read ahead of the renderer at most (2). */
  readAhead: number;
  batchFiles: number;
  batchBytes: number;
  /** Bytes one import reads at most (MAX_IMPORT_BYTES). */
  maxImportBytes: number;
  /** Files the walk collects at most (MAX_FILES_PER_IMPORT). */
  maxFiles?: number;
}

export const DEFAULT_LIMITS: SessionLimits = {
  readAhead: 2,
  batchFiles: SESSION_BATCH_FILES,
  batchBytes: SESSION_BATCH_BYTES,
  maxImportBytes: 128 * 1024 * 1024,
};

type Progress = Pick<ImportBatch, 'filesDone' | 'bytesDone' | 'totalFiles' | 'totalBytes' | 'done'>;

/**
 * A batch cut into answers that each fit the message caps (articles, errors, bytes), every
 * article's meetings in the same answer as the article. Only the last piece carries `done`.
 */
export function piecesOf(
  articles: Article[],
  extractions: ArticleExtraction[] | undefined,
  errors: ImportError[],
  progress: Progress,
): ImportBatch[] {
  const byId = new Map(extractions?.map(e => [e.articleId, e]));
  const pieces: ImportBatch[] = [];
  let current: ImportBatch | null = null;
  let bytes = 0;
  const open = (): ImportBatch => {
    current = { ...progress, done: false, more: false, articles: [], errors: [] };
    if (extractions) current.extractions = [];
    pieces.push(current);
    bytes = 0;
    return current;
  };
  for (const article of articles) {
    const extraction = byId.get(article.id);
    const size = messageBytes(article) + (extraction ? messageBytes(extraction) : 0);
    let piece: ImportBatch = current ?? open();
    if (
      piece.articles.length >= MAX_BATCH_ARTICLES ||
      (piece.articles.length > 0 && bytes + size > MAX_BATCH_MESSAGE_BYTES)
    ) {
      piece = open();
    }
    piece.articles.push(article);
    if (extraction) piece.extractions?.push(extraction);
    bytes += size;
  }
  for (let i = 0; i < errors.length; i += MAX_BATCH_ERRORS) {
    const piece: ImportBatch = i === 0 && current ? current : open();
    piece.errors.push(...errors.slice(i, i + MAX_BATCH_ERRORS));
  }
  const last = pieces.at(-1) ?? open();
  last.done = progress.done;
  return pieces;
}

/** Articles not seen before in this session, and the meetings of exactly those. */
function fresh(
  seen: Set<string>,
  report: ExtractedImportReport,
): { articles: Article[]; extractions?: ArticleExtraction[] } {
  const articles = report.articles.filter(a => !seen.has(a.id) && (seen.add(a.id), true));
  if (!report.extractions) return { articles };
  const kept = new Set(articles.map(a => a.id));
  return { articles, extractions: report.extractions.filter(e => kept.has(e.articleId)) };
}

/** A promise any state change resolves; waiters re-check their condition after it. */
class Pulse {
  private resolve: () => void = () => {};
  private promise = this.renew();
  private renew(): Promise<void> {
    return new Promise(resolve => (this.resolve = resolve));
  }
  wait(): Promise<void> {
    return this.promise;
  }
  fire(): void {
    this.resolve();
    this.promise = this.renew();
  }
}

const closedError = () =>
  new ServiceError(
    'not-found',
    'This import is no longer open (it finished, was cancelled, or was left idle). Articles already stored stay stored; import the files again for the rest.',
  );

/** What the registry needs of either kind of session. */
export interface Session {
  readonly kind: 'paths' | 'upload';
  /** Ended: cancelled, failed, idle or finished. */
  readonly closed: boolean;
  /** A call is waiting on the session (an idle sweep must not close it). */
  readonly busy: boolean;
  totals(): { totalFiles: number | null; totalBytes: number | null };
  next(): Promise<ImportBatch>;
  upload(files: UploadFile[]): Promise<ImportBatch>;
  /** Stops reading; resolves once no read of this session is running. */
  close(): Promise<void>;
}

/** Dialog or dropped paths: walks, then reads ahead of the renderer. */
export class PathSession implements Session {
  readonly kind = 'paths';
  closed = false;
  private waiting = 0;
  private readonly pulse = new Pulse();
  private readonly abort = new AbortController();
  private readonly found: FoundFile[] = [];
  private foundBytes = 0;
  private walkErrors: ImportError[] = [];
  private walkDone = false;
  private nextFile = 0;
  private filesDone = 0;
  private bytesDone = 0;
  private readonly seen = new Set<string>();
  private readonly ready: ImportBatch[] = [];
  private failure: unknown = null;
  private readonly running: Promise<void>;

  constructor(
    paths: string[],
    private readonly readers: SessionReaders,
    private readonly limits: SessionLimits,
    cwd?: string,
  ) {
    const walk = (readers.walk ?? collectFiles)(paths, {
      cwd,
      maxFiles: limits.maxFiles,
      signal: this.abort.signal,
      onFound: file => {
        this.found.push(file);
        this.foundBytes += file.size;
        this.pulse.fire();
      },
      onError: error => {
        this.walkErrors.push(error);
        this.pulse.fire();
      },
    }).then(
      () => {
        this.walkDone = true;
        this.pulse.fire();
      },
      (error: unknown) => this.fail(error),
    );
    const produced = this.produce().catch((error: unknown) => this.fail(error));
    // Closing waits for both, so that after it no walk and no read of this session is running.
    this.running = Promise.allSettled([walk, produced]).then(() => {});
  }

  get busy(): boolean {
    return this.waiting > 0;
  }

  totals() {
    return this.walkDone
      ? { totalFiles: this.found.length, totalBytes: this.foundBytes }
      : { totalFiles: null, totalBytes: null };
  }

  async next(): Promise<ImportBatch> {
    this.waiting++;
    try {
      while (!this.closed && this.ready.length === 0 && this.failure === null) {
        await this.pulse.wait();
      }
      const batch = this.ready.shift();
      if (batch) {
        if (batch.done) void this.close();
        this.pulse.fire(); // room to read ahead again
        return batch;
      }
      if (this.failure !== null) throw this.failure;
      throw closedError();
    } finally {
      this.waiting--;
    }
  }

  upload(): Promise<ImportBatch> {
    return Promise.reject(
      new ServiceError(
        'invalid-argument',
        'This import reads files itself; ask for its next batch.',
      ),
    );
  }

  async close(): Promise<void> {
    this.closed = true;
    this.abort.abort();
    this.ready.length = 0;
    this.pulse.fire();
    await this.running;
  }

  private fail(error: unknown): void {
    this.failure ??= error;
    this.closed = true;
    this.abort.abort();
    this.pulse.fire();
  }

  private progress(done: boolean): Progress {
    return { filesDone: this.filesDone, bytesDone: this.bytesDone, ...this.totals(), done };
  }

  /** Files for the next batch, by the walk's sizes; empty once every file is read. */
  private async group(): Promise<FoundFile[]> {
    const { batchFiles, batchBytes } = this.limits;
    for (;;) {
      let bytes = 0;
      let end = this.nextFile;
      while (end < this.found.length && end - this.nextFile < batchFiles && bytes < batchBytes) {
        bytes += this.found[end++].size;
      }
      const full = end - this.nextFile >= batchFiles || bytes >= batchBytes;
      if (this.closed || full || this.walkDone) {
        const group = this.found.slice(this.nextFile, end);
        this.nextFile = end;
        return group;
      }
      await this.pulse.wait();
    }
  }

  private async produce(): Promise<void> {
    for (;;) {
      while (!this.closed && this.ready.length >= this.limits.readAhead) await this.pulse.wait();
      if (this.closed) return;
      const first = this.nextFile;
      const group = await this.group();
      if (this.closed) return;
      if (group.length === 0) {
        this.push([], undefined, this.walkErrors.splice(0), true);
        return;
      }
      const read = await this.readers.readFiles(group, this.limits.maxImportBytes - this.bytesDone);
      if (this.closed) return;
      this.bytesDone += read.bytesRead;
      const errors = [...this.walkErrors.splice(0), ...read.errors];
      const { articles, extractions } = fresh(this.seen, read);
      if (read.stoppedAt !== null) {
        // The rest is left unread: the error counts it, so the walk must finish first.
        while (!this.walkDone && !this.closed) await this.pulse.wait();
        if (this.closed) return;
        const at = first + read.stoppedAt;
        errors.push(...this.walkErrors.splice(0));
        errors.push(
          importLimitError(shortDisplay(this.found[at].display), this.found.length - at - 1),
        );
        this.filesDone = this.found.length;
        this.push(articles, extractions, errors, true);
        return;
      }
      this.filesDone += group.length;
      const done = this.walkDone && this.nextFile >= this.found.length;
      if (done) errors.push(...this.walkErrors.splice(0));
      this.push(articles, extractions, errors, done);
      if (done) return;
    }
  }

  private push(
    articles: Article[],
    extractions: ArticleExtraction[] | undefined,
    errors: ImportError[],
    done: boolean,
  ): void {
    if (done) this.abort.abort();
    this.ready.push(...piecesOf(articles, extractions, errors, this.progress(done)));
    this.pulse.fire();
  }
}

/** Preview uploads: the page pushes the files, announced by count and bytes when it started. */
export class UploadSession implements Session {
  readonly kind = 'upload';
  closed = false;
  private waiting = 0;
  private filesDone = 0;
  private bytesDone = 0;
  private bytesCounted = 0;
  private readonly seen = new Set<string>();
  /** Pieces of the last batch beyond the first, for `next`. */
  private rest: ImportBatch[] = [];
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly totalFiles: number,
    private readonly totalBytes: number,
    private readonly readers: SessionReaders,
    private readonly limits: SessionLimits,
  ) {}

  get busy(): boolean {
    return this.waiting > 0;
  }

  totals() {
    return { totalFiles: this.totalFiles, totalBytes: this.totalBytes };
  }

  next(): Promise<ImportBatch> {
    const piece = this.rest.shift();
    if (!piece) {
      return Promise.reject(
        this.closed
          ? closedError()
          : new ServiceError(
              'invalid-argument',
              'Nothing waits in this import: upload the next files.',
            ),
      );
    }
    piece.more = this.rest.length > 0;
    if (piece.done && !piece.more) void this.close();
    return Promise.resolve(piece);
  }

  /** One batch of the page's files; calls are answered in order, one at a time. */
  upload(files: UploadFile[]): Promise<ImportBatch> {
    const run = this.queue.then(() => this.take(files));
    this.queue = run.catch(() => {});
    return run;
  }

  private async take(files: UploadFile[]): Promise<ImportBatch> {
    if (this.closed) throw closedError();
    if (this.rest.length > 0) {
      throw new ServiceError(
        'invalid-argument',
        'Take the rest of the last batch with import:next first.',
      );
    }
    if (this.filesDone + files.length > this.totalFiles) {
      throw new ServiceError(
        'invalid-argument',
        `This import was started for ${this.totalFiles.toLocaleString('en')} files; more were sent.`,
      );
    }
    this.waiting++;
    try {
      const accepted: UploadFile[] = [];
      const errors: ImportError[] = [];
      let limitHit = false;
      for (const [index, file] of files.entries()) {
        // A file over the per-file limit is refused by its size alone and costs no budget.
        const cost = file.size > MAX_FILE_BYTES ? 0 : Math.max(file.size, file.bytes.byteLength);
        if (this.bytesCounted + cost > this.limits.maxImportBytes) {
          const left = this.totalFiles - (this.filesDone + index) - 1;
          errors.push(importLimitError(shortDisplay(file.name), left));
          limitHit = true;
          break;
        }
        this.bytesCounted += cost;
        accepted.push(file);
      }
      const report =
        accepted.length > 0
          ? await this.readers.parseUploads(accepted)
          : { articles: [], errors: [] };
      if (this.closed) throw closedError();
      this.filesDone = limitHit ? this.totalFiles : this.filesDone + files.length;
      this.bytesDone += accepted.reduce((n, f) => n + f.bytes.byteLength, 0);
      const { articles, extractions } = fresh(this.seen, report);
      const done = this.filesDone >= this.totalFiles;
      const [first, ...rest] = piecesOf(articles, extractions, [...report.errors, ...errors], {
        filesDone: this.filesDone,
        bytesDone: this.bytesDone,
        ...this.totals(),
        done,
      });
      // Until its last piece is taken, the batch is not done for the page.
      first.done = done && rest.length === 0;
      first.more = rest.length > 0;
      this.rest = rest;
      if (first.done) void this.close();
      return first;
    } finally {
      this.waiting--;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.queue;
  }
}
