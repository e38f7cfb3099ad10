/**
 * The search index's home: one MiniSearch, changed per document as the library changes, queried,
 * and saved in pieces. It runs inside the search worker (`worker.ts`), so building, querying and
 * serialising never block the page; where no Worker exists (unit tests) the page runs the same
 * host in-process (`client.ts`), so both paths are the same code.
 *
 * Every request is parsed here and answered with a Result value: a bad message or a failing save
 * comes back as `{ ok: false, error }`, and the index stays as it was.
 */
import type MiniSearch from 'minisearch';
import { ReadoutDB } from '../db/db';
import type { Result } from '../../src-main/contract/result';
import { createIndex, searchIndex, type SearchDoc } from './index';
import { SearchRequestSchema, type SearchReply, type SearchRequest } from './protocol';
import { loadSnapshot, saveSnapshot } from './snapshot';

function failure(code: string, message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

export class SearchHost {
  private index: MiniSearch<SearchDoc> = createIndex();
  private db: ReadoutDB | null;

  /** `db` is given in-process; in the worker the `restore` request names the database to open. */
  constructor(db: ReadoutDB | null = null) {
    this.db = db;
  }

  private queue: Promise<unknown> = Promise.resolve();

  /**
   * Answers one message; never throws. Messages are answered one after another in the order they
   * came, so a search sent after an `apply` sees its documents, and nothing runs before `restore`.
   */
  handle(message: unknown): Promise<SearchReply> {
    const reply = this.queue.then(() => this.answer(message));
    this.queue = reply;
    return reply;
  }

  private async answer(message: unknown): Promise<SearchReply> {
    const parsed = SearchRequestSchema.safeParse(message);
    const id =
      typeof (message as { id?: unknown })?.id === 'number' ? (message as { id: number }).id : -1;
    if (!parsed.success) {
      return { id, result: failure('bad-request', parsed.error.issues[0]?.message ?? 'invalid') };
    }
    try {
      return { id, result: { ok: true, value: await this.run(parsed.data) } };
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      return { id, result: failure(`${parsed.data.type}-failed`, text) };
    }
  }

  private async run(request: SearchRequest): Promise<unknown> {
    switch (request.type) {
      case 'restore':
        return this.restore(request.database);
      case 'apply':
        return this.apply(request.add, request.remove);
      case 'search':
        return { hits: searchIndex(this.index, request.query, request.limit) };
      case 'save': {
        const manifest = await saveSnapshot(this.database(), this.index, request.versions);
        return { documents: manifest.documents, chunks: manifest.chunks };
      }
    }
  }

  private database(): ReadoutDB {
    if (!this.db) throw new Error('the database is not open: restore first');
    return this.db;
  }

  private async restore(name: string) {
    this.db ??= new ReadoutDB(name);
    try {
      const snapshot = await loadSnapshot(this.db);
      if (snapshot) {
        this.index = snapshot.index;
        return { versions: snapshot.versions, documents: this.index.documentCount };
      }
    } catch (error) {
      console.warn('search index: saved index unusable, rebuilding', error);
    }
    this.index = createIndex();
    return { versions: null, documents: 0 };
  }

  /** Removes, then adds or replaces: a changed document is re-indexed, never duplicated. */
  private apply(add: SearchDoc[], remove: string[]) {
    for (const id of remove) if (this.index.has(id)) this.index.discard(id);
    const fresh = new Map<string, SearchDoc>();
    for (const doc of add) {
      if (this.index.has(doc.id)) this.index.replace(doc);
      else fresh.set(doc.id, doc);
    }
    this.index.addAll([...fresh.values()]);
    return { documents: this.index.documentCount };
  }
}
