import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Article } from '../../src-main/contract/article';
import type { ArticleExtraction } from '../../src-main/contract/article-meetings';
import { sortForLibrary, storeArticles, storeInBatches } from './articles';
import { ReadoutDB, type Highlight, type StoredArticle } from './db';
import { contractArticle } from './testing';

let db: ReadoutDB;
beforeEach(async () => {
  db = new ReadoutDB(`t-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

let counter = 0;
const article = (source: string, text: string, extra: Partial<Article> = {}): Article =>
  contractArticle(source, text, { title: `Article ${++counter}`, ...extra });

function highlight(articleId: string, articleVersion: string): Highlight {
  return {
    id: `h-${articleId}`,
    articleId,
    colour: 1,
    quote: { exact: 'ministers', prefix: 'The ', suffix: ' met' },
    position: { start: 4, end: 13 },
    articleVersion,
    note: 'Check who attended.',
    tags: ['moscow'],
    createdAt: 1,
    updatedAt: 1,
  };
}

describe('storeArticles', () => {
  it('adds nothing when the same articles are stored twice', async () => {
    const batch = [article('a.txt', 'The ministers met.'), article('b.txt', 'Talks ended.')];
    expect(await storeArticles(db, batch, 1000)).toEqual({ added: 2, updated: 0, unchanged: 0 });
    expect(await storeArticles(db, batch, 2000)).toEqual({ added: 0, updated: 0, unchanged: 2 });
    const stored = await db.articles.toArray();
    expect(stored).toHaveLength(2);
    expect(stored.every(a => a.importedAt === 1000 && a.updatedAt === 1000)).toBe(true);
  });

  it('updates an edited article in place, keeping its id and first import time', async () => {
    const original = article('in/a.txt', 'The ministers met on Monday.');
    await storeArticles(db, [original], 1000);
    const edited = article('in/a.txt', 'The ministers met on Tuesday.');
    expect(await storeArticles(db, [edited], 2000)).toEqual({ added: 0, updated: 1, unchanged: 0 });
    const stored = await db.articles.toArray();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      id: original.id,
      contentHash: edited.id,
      text: 'The ministers met on Tuesday.',
      importedAt: 1000,
      updatedAt: 2000,
    });
  });

  it('keeps highlights and notes when the article is re-imported with new text', async () => {
    const original = article('in/a.txt', 'The ministers met on Monday.');
    await storeArticles(db, [original], 1000);
    const h = highlight(original.id, original.id);
    const note = { articleId: original.id, text: 'Follow up.', tags: ['iran'], updatedAt: 5 };
    await db.highlights.add(h);
    await db.articleNotes.add(note);

    await storeArticles(db, [article('in/a.txt', 'The ministers met on Tuesday.')], 2000);
    await storeArticles(db, [original], 3000);

    expect(await db.highlights.toArray()).toEqual([h]);
    expect(await db.articleNotes.toArray()).toEqual([note]);
    expect((await db.articles.get(original.id))?.text).toBe('The ministers met on Monday.');
  });

  it('stores a copy of an article’s first version from another file without failing', async () => {
    // a.txt is imported, then edited and re-imported; a backup copy of the first version in
    // another folder carries the content id the article still has as its id.
    const first = article('in/a.txt', 'The ministers met on Monday.');
    await storeArticles(db, [first], 1000);
    await storeArticles(db, [article('in/a.txt', 'The ministers met on Tuesday.')], 2000);
    const backup = { ...first, source: 'backup/a.txt' };
    const other = article('in/b.txt', 'Talks ended.');
    const summary = await storeArticles(db, [backup, other], 3000);
    expect(summary).toEqual({ added: 1, updated: 0, unchanged: 1 });
    expect((await db.articles.get(other.id))?.source).toBe('in/b.txt');
    expect((await db.articles.get(first.id))?.text).toBe('The ministers met on Tuesday.');
  });

  it('stores a batch all or nothing', async () => {
    const before = article('keep.txt', 'Already here.');
    await storeArticles(db, [before], 1000);
    const add = db.articles.add.bind(db.articles);
    let calls = 0;
    vi.spyOn(db.articles, 'add').mockImplementation(((...args: Parameters<typeof add>) => {
      calls++;
      if (calls === 3) return Promise.reject(new Error('QuotaExceededError: disk full'));
      return add(...args);
    }) as typeof add);
    const batch = [1, 2, 3, 4].map(i => article(`new/${i}.txt`, `New article ${i}.`));
    await expect(storeArticles(db, batch, 2000)).rejects.toThrow(/disk full/);
    vi.restoreAllMocks();
    expect((await db.articles.toArray()).map(a => a.source)).toEqual(['keep.txt']);
  });
});

/** Main's per-article result for an article: one meeting, as the import's worker reports it. */
function extraction(a: Article): ArticleExtraction {
  return {
    articleId: a.id,
    extractorVersion: 'extract-test',
    meetings: [
      {
        articleId: a.id,
        file: a.source,
        published: a.published,
        dateResolvedVia: null,
        mentions: [{ sentence: a.text, start: 0, end: a.text.length }],
        purpose: null,
        lastSentence: 0,
        order: 0,
        status: 'held',
        date: { start: '2023-05-02', end: null, precision: 'day', text: 'on May 2' },
        monthHint: null,
        countries: ['GH', 'CL'],
        people: [],
        organizations: [],
        levels: ['foreign ministers'],
        city: 'Accra',
        placeCountry: 'GH',
        venue: null,
        separate: false,
      },
    ],
  };
}

describe('storeArticles with the meetings main extracted at import', () => {
  it('stores each new article’s meetings with it, keyed by its content hash', async () => {
    const a = article('a.txt', 'The ministers met in Accra on May 2.');
    await storeArticles(db, [a], 1, new Map([[a.id, extraction(a)]]));
    expect(await db.articleMeetings.get(a.id)).toMatchObject({
      articleId: a.id,
      contentHash: a.id,
      extractorVersion: 'extract-test',
    });
  });

  it('files an edited article’s meetings under the id it keeps, with its new hash', async () => {
    const first = article('a.txt', 'The ministers met in Accra on May 2.');
    await storeArticles(db, [first], 1);
    const edited = article('a.txt', 'Update: the ministers met in Accra on May 2.');
    await storeArticles(db, [edited], 2, new Map([[edited.id, extraction(edited)]]));
    const stored = await db.articleMeetings.get(first.id);
    expect(stored?.contentHash).toBe(edited.id);
    expect(stored?.meetings.map(m => m.articleId)).toEqual([first.id]);
    expect(await db.articleMeetings.get(edited.id)).toBeUndefined();
  });

  it('leaves the meetings of an article the analyst re-dated to the sync', async () => {
    const first = article('a.txt', 'The ministers met in Accra on May 2.');
    await storeArticles(db, [first], 1);
    await db.library.update(first.id, { edits: { published: '2024-01-08' } });
    const edited = article('a.txt', 'Update: the ministers met in Accra on May 2.');
    await storeArticles(db, [edited], 2, new Map([[edited.id, extraction(edited)]]));
    expect(await db.articleMeetings.count()).toBe(0);
  });

  it('stores no meetings when the batch fails', async () => {
    const a = article('a.txt', 'The ministers met in Accra on May 2.');
    const bad = { ...article('b.txt', 'Talks.'), source: undefined } as unknown as Article;
    await expect(
      storeArticles(db, [a, bad], 1, new Map([[a.id, extraction(a)]])),
    ).rejects.toThrow();
    expect(await db.articleMeetings.count()).toBe(0);
    expect(await db.articles.count()).toBe(0);
  });
});

describe('storeInBatches', () => {
  it('reports progress after each batch and stores everything', async () => {
    const articles = [1, 2, 3, 4, 5].map(i => article(`${i}.txt`, `Article text ${i}.`));
    const progress: [number, number][] = [];
    const summary = await storeInBatches(db, articles, {
      batchSize: 2,
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(progress).toEqual([
      [2, 5],
      [4, 5],
      [5, 5],
    ]);
    expect(summary).toEqual({ added: 5, updated: 0, unchanged: 0 });
    expect(await db.articles.count()).toBe(5);
  });

  it('keeps the batches already stored when a later batch fails', async () => {
    const articles = [1, 2, 3, 4].map(i => article(`${i}.txt`, `Article text ${i}.`));
    const add = db.articles.add.bind(db.articles);
    let calls = 0;
    vi.spyOn(db.articles, 'add').mockImplementation(((...args: Parameters<typeof add>) =>
      ++calls === 4 ? Promise.reject(new Error('disk full')) : add(...args)) as typeof add);
    const progress: number[] = [];
    await expect(
      storeInBatches(db, articles, { batchSize: 2, onProgress: done => progress.push(done) }),
    ).rejects.toThrow(/disk full/);
    vi.restoreAllMocks();
    expect(progress).toEqual([2]);
    expect((await db.articles.toArray()).map(a => a.source).sort()).toEqual(['1.txt', '2.txt']);
  });
});

describe('sortForLibrary', () => {
  const stored = (title: string, published: string | null): StoredArticle => ({
    ...article(`${title}.txt`, title),
    title,
    published,
    contentHash: '0000000000000000',
    importedAt: 0,
    updatedAt: 0,
  });

  it('puts the newest first, undated last, and ties in title order', () => {
    const sorted = sortForLibrary([
      stored('Zeta', null),
      stored('Beta', '2023-04-24'),
      stored('Alpha', null),
      stored('Gamma', '2024-01-01'),
      stored('Alpha', '2023-04-24'),
      stored('Old', '1999-12-31'),
    ]);
    expect(sorted.map(a => `${a.title} ${a.published ?? '-'}`)).toEqual([
      'Gamma 2024-01-01',
      'Alpha 2023-04-24',
      'Beta 2023-04-24',
      'Old 1999-12-31',
      'Alpha -',
      'Zeta -',
    ]);
  });

  it('does not reorder the list it was given', () => {
    const list = [stored('B', null), stored('A', '2023-01-01')];
    sortForLibrary(list);
    expect(list.map(a => a.title)).toEqual(['B', 'A']);
  });
});
