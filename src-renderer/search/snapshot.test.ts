import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ReadoutDB } from '../db/db';
import { articleDoc, createIndex, searchIndex } from './index';
import { cut, loadSnapshot, saveSnapshot, SEARCH_INDEX_META_KEY } from './snapshot';
import { makeArticle } from './testing';

const articles = [
  makeArticle('Port talks', 'Harbour authorities met shipping lines in Rotterdam.'),
  makeArticle('Grain corridor', 'Negotiators discussed the grain corridor in Istanbul.'),
  makeArticle('Fisheries', 'Quota talks between the coastal states resumed in Bergen.'),
];
const versions = {
  articles: articles.map(a => [a.id, a.contentHash] as [string, string]),
  highlights: [],
  notes: [],
};

function built() {
  const index = createIndex();
  index.addAll(articles.map(articleDoc));
  return index;
}

describe('cut', () => {
  it('cuts a text into pieces that join back to it', () => {
    const text = 'abcdefghij'.repeat(25);
    const pieces = cut(text, 40);
    expect(pieces).toHaveLength(7);
    expect(pieces.every(p => p.length <= 40)).toBe(true);
    expect(pieces.join('')).toBe(text);
    expect(cut('', 40)).toEqual(['']);
  });
});

describe('saveSnapshot', () => {
  it('saves the index in pieces of the given size, replacing an earlier save', async () => {
    const db = new ReadoutDB(`t-${Math.random()}`);
    await saveSnapshot(db, createIndex(), { articles: [], highlights: [], notes: [] }, 100);
    const manifest = await saveSnapshot(db, built(), versions, 500);
    const size = JSON.stringify(built()).length;
    expect(manifest.chunks).toBe(Math.ceil(size / 500));
    const pieces = await db.searchIndex.where('id').startsWith('index:').toArray();
    expect(pieces).toHaveLength(manifest.chunks);
    expect(pieces.every(p => p.data.length <= 500)).toBe(true);
    expect((await db.meta.get(SEARCH_INDEX_META_KEY))?.value).toEqual(manifest);
  });
});

describe('loadSnapshot', () => {
  it('reads a saved index back whole: the same answers and the same versions', async () => {
    const db = new ReadoutDB(`t-${Math.random()}`);
    await saveSnapshot(db, built(), versions, 300);
    const loaded = await loadSnapshot(db);
    expect(loaded?.versions).toEqual(versions);
    for (const q of ['rotterdam', 'grain', 'talks', 'bergn']) {
      expect(searchIndex(loaded!.index, q)).toEqual(searchIndex(built(), q));
    }
  });

  it('finds nothing saved when there is no manifest, another format, or a piece is missing', async () => {
    const db = new ReadoutDB(`t-${Math.random()}`);
    expect(await loadSnapshot(db)).toBeNull();
    await saveSnapshot(db, built(), versions, 300);
    await db.searchIndex.delete('index:00001');
    expect(await loadSnapshot(db)).toBeNull();
    await saveSnapshot(db, built(), versions, 300);
    await db.meta.put({ key: SEARCH_INDEX_META_KEY, value: { format: 1, index: '{}' } });
    expect(await loadSnapshot(db)).toBeNull();
  });

  it('fails loudly on pieces that do not make an index', async () => {
    const db = new ReadoutDB(`t-${Math.random()}`);
    await saveSnapshot(db, built(), versions, 300);
    await db.searchIndex.put({ id: 'index:00000', data: 'not json' });
    await expect(loadSnapshot(db)).rejects.toThrow();
  });
});
