/**
 * The one IndexedDB database, through Dexie. Versions only move forward; each new version gets an
 * upgrade function where data must change and a test that opens a database of the version before.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { Article } from '../../src-main/contract/article';

/** An article as stored: `id` is the content id of its first import and never changes. */
export interface StoredArticle extends Article {
  /** Content id of the text now stored (differs from `id` after an edited re-import). */
  contentHash: string;
  importedAt: number;
  updatedAt: number;
}

export interface MetaRecord {
  key: string;
  value: unknown;
}

export class ReadoutDB extends Dexie {
  articles!: EntityTable<StoredArticle, 'id'>;
  meta!: EntityTable<MetaRecord, 'key'>;

  constructor(name = 'readout') {
    super(name);
    this.version(1).stores({
      articles: 'id, &source, contentHash, published, importedAt',
      meta: 'key',
    });
  }
}

export const db = new ReadoutDB();
