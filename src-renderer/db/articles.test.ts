import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Article } from '../../src-main/contract/article';
import type { ArticleExtraction } from '../../src-main/contract/article-meetings';
import { sortForLibrary, storeArticles, storeInBatches } from './articles';
import { PENDING_LIBRARY_STATE_KEY } from '../backup/library-state';
import { TOUCHED_KEY, type Touched } from './extraction-marks';
import { entryFromArticle, ReadoutDB, type Highlight, type StoredArticle } from './db';
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
    // The articles are written before the entries: failing the entries' write must undo them.
    vi.spyOn(db.library, 'bulkPut').mockImplementation((() =>
      Promise.reject(
        new Error('QuotaExceededError: disk full'),
      )) as unknown as typeof db.library.bulkPut);
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
    const put = db.library.bulkPut.bind(db.library);
    let calls = 0;
    vi.spyOn(db.library, 'bulkPut').mockImplementation(((...args: Parameters<typeof put>) =>
      ++calls === 2 ? Promise.reject(new Error('disk full')) : put(...args)) as typeof put);
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

describe('storeArticles on a batch with duplicates inside it', () => {
  /** A store with an article edited since, a teammate's article and state waiting in a backup. */
  async function seeded(name: string): Promise<ReadoutDB> {
    const d = new ReadoutDB(`${name}-${Math.random()}`);
    await d.open();
    await storeArticles(d, [contractArticle('old/0.txt', 'Version one of zero.')], 10);
    await storeArticles(d, [contractArticle('old/0.txt', 'Version two of zero.')], 20);
    const team = contractArticle('team:t1', 'Text a teammate shared.', { title: 'Shared' });
    await d.articles.put({ ...team, contentHash: team.id, importedAt: 5, updatedAt: 5 });
    await d.library.put({ ...entryFromArticle(team, 5), readAt: 7 });
    await d.meta.put({
      key: PENDING_LIBRARY_STATE_KEY,
      value: [
        { ...entryFromArticle(contractArticle('new/7.txt', 'none'), 1), readAt: 99, updatedAt: 98 },
        {
          ...entryFromArticle(contractArticle('new/2.txt', 'none'), 1),
          edits: { published: '2024-02-02' },
        },
      ],
    });
    return d;
  }

  /** 500 articles: files repeated, texts repeated under other names, files edited twice. */
  function batch(): Article[] {
    const out: Article[] = [];
    for (let i = 0; i < 500; i++) {
      const kind = i % 10;
      if (kind === 0) out.push(contractArticle(`new/${i % 40}.txt`, `Text ${i % 40}.`));
      else if (kind === 1) out.push(contractArticle(`copy/${i}.txt`, `Text ${i % 40}.`));
      else if (kind === 2)
        out.push(contractArticle(`new/${i % 40}.txt`, `Edit ${i % 3} of ${i % 40}.`));
      else if (kind === 3) out.push(contractArticle('old/0.txt', `Version ${i % 4} of zero.`));
      else if (kind === 4) out.push(contractArticle(`backup/${i % 7}.txt`, 'Version one of zero.'));
      else if (kind === 5)
        out.push(contractArticle(`mine/${i % 5}.txt`, 'Text a teammate shared.'));
      else out.push(contractArticle(`new/${i}.txt`, `Only once, number ${i}.`));
    }
    return out;
  }

  const dump = async (d: ReadoutDB) => ({
    articles: await d.articles.toArray(),
    library: await d.library.toArray(),
    articleMeetings: await d.articleMeetings.toArray(),
    // The touched row counts its writes (one per batch): the ids are what must agree.
    meta: (await d.meta.toArray()).map(r =>
      r.key === TOUCHED_KEY ? { ...r, value: [...(r.value as Touched).ids].sort() } : r,
    ),
  });

  it('stores the same as storing its articles one at a time', async () => {
    const articles = batch();
    const extractions = new Map(
      articles.filter((_, i) => i % 3 === 0).map(a => [a.id, extraction(a)]),
    );
    const together = await seeded('together');
    const alone = await seeded('alone');
    try {
      const summary = await storeArticles(together, articles, 1000, extractions);
      const sum = { added: 0, updated: 0, unchanged: 0 };
      for (const a of articles) {
        const s = await storeArticles(alone, [a], 1000, extractions);
        sum.added += s.added;
        sum.updated += s.updated;
        sum.unchanged += s.unchanged;
      }
      expect(summary).toEqual(sum);
      expect(summary.updated).toBeGreaterThan(0);
      expect(await dump(together)).toEqual(await dump(alone));
    } finally {
      await together.delete();
      await alone.delete();
    }
    // 500 transactions one at a time take seconds in fake-indexeddb on a shared machine.
  }, 120_000);
});
