import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import type { Article } from '../../src-main/contract/article';
import type { ArticleMeetingRecord } from '../../src-main/contract/article-meetings';
import { storeArticles } from '../db/articles';
import { entryFromArticle, ReadoutDB } from '../db/db';
import { EXTRACTED_KEY, printDigest, TOUCHED_KEY } from '../db/extraction-marks';
import { countReads, readsOf } from '../db/read-count';
import { restoreArticles, saveEdits, setArchived, trashArticles } from '../db/library';
import { decideField } from './actions';
import { applyDecisions } from './decisions';
import {
  FINGERPRINT_KEY,
  SyncQueue,
  fingerprint,
  storedFingerprint,
  syncMeetings,
  toStored,
  type MeetingsEngine,
} from './sync';
import { meeting, mention } from './testing';

let db: ReadoutDB;
beforeEach(() => {
  db = new ReadoutDB('t-' + Math.random());
});
afterEach(async () => {
  await db.delete();
});

function article(id: string, source: string, text: string): Article {
  return {
    id,
    source,
    file: source,
    title: `Title ${source}`,
    publisher: null,
    published: '2023-04-24',
    dateline: null,
    text,
    paragraphs: [{ start: 0, end: text.length }],
    wordCount: text.split(' ').length,
  };
}

/**
 * A stand-in for main: each article reports one meeting (its id from the article's text
 * length), merged one meeting per article; results of another version than `version` are stale.
 */
interface FakeEngine {
  version: string;
  extractArticleMeetings: Mock<MeetingsEngine['extractArticleMeetings']>;
  mergeArticleMeetings: Mock<MeetingsEngine['mergeArticleMeetings']>;
}

function fakeEngine(version = 'v1'): FakeEngine {
  const engine: FakeEngine = {
    version,
    extractArticleMeetings: vi.fn<MeetingsEngine['extractArticleMeetings']>(async articles => ({
      ok: true,
      value: {
        results: articles.map(a => ({
          articleId: a.id,
          extractorVersion: engine.version,
          meetings: [
            {
              ...itemOf(a.id, a.text.length),
              mentions: [
                {
                  sentence: 'Ministers met in Moscow.',
                  start: a.text.indexOf('Ministers'),
                  end: 0,
                },
              ],
            },
          ],
        })),
      },
    })),
    mergeArticleMeetings: vi.fn<MeetingsEngine['mergeArticleMeetings']>(async ({ results }) => ({
      ok: true,
      value: {
        stale: results.filter(r => r.extractorVersion !== engine.version).map(r => r.articleId),
        meetings: results
          .filter(r => r.extractorVersion === engine.version)
          .flatMap(r => r.meetings)
          .map(m =>
            meeting(`m-${m.order}`, [
              mention(m.articleId, m.mentions[0].start, m.mentions[0].sentence),
            ]),
          ),
      },
    })),
  };
  return engine;
}

/** A per-article result whose `order` carries the article's text length, for the fake merge. */
function itemOf(articleId: string, length: number): ArticleMeetingRecord {
  return {
    articleId,
    file: `seeds/${articleId}.txt`,
    published: '2023-04-24',
    dateResolvedVia: null,
    mentions: [],
    purpose: null,
    lastSentence: 0,
    order: length,
    status: 'held',
    date: { start: '2023-04-25', end: null, precision: 'day', text: 'on April 25' },
    monthHint: null,
    countries: ['IR', 'RU'],
    people: [],
    organizations: [],
    levels: [],
    city: 'Moscow',
    placeCountry: 'RU',
    venue: null,
    separate: false,
  };
}

let fake = fakeEngine();
beforeEach(() => {
  fake = fakeEngine();
});

describe('syncMeetings', () => {
  it('extracts when the articles changed, and skips when they did not', async () => {
    await storeArticles(db, [
      article('0000000000000001', 'seeds/a.txt', 'Ministers met in Moscow.'),
    ]);
    expect(await syncMeetings(db, fake)).toEqual({ kind: 'extracted', meetings: 1, extracted: 1 });
    expect(await syncMeetings(db, fake)).toEqual({ kind: 'unchanged' });
    expect(fake.extractArticleMeetings).toHaveBeenCalledTimes(1);
    const [stored] = await db.meetings.toArray();
    expect(stored).toMatchObject({
      dateStart: '2023-04-25',
      countryCodes: ['IR', 'RU'],
      articleIds: ['0000000000000001'],
    });
    // The extractor gets contract articles, without the store's own fields.
    expect(Object.keys(fake.extractArticleMeetings.mock.calls[0][0][0])).not.toContain(
      'contentHash',
    );
  });

  it('replaces the table and keeps the analyst’s decisions across an edited re-import', async () => {
    await storeArticles(db, [
      article('0000000000000001', 'seeds/a.txt', 'Ministers met in Moscow.'),
    ]);
    await syncMeetings(db, fake);
    const [before] = applyDecisions(await db.meetings.toArray(), []);
    await decideField(db, before, 'level', 'edit', 'heads of state');

    // Same source, edited text: the article keeps its id, the meeting gets a new one.
    await storeArticles(db, [
      article('0000000000000002', 'seeds/a.txt', 'Update. Ministers met in Moscow.'),
    ]);
    expect((await syncMeetings(db, fake)).kind).toBe('extracted');
    const machine = await db.meetings.toArray();
    expect(machine.map(m => m.id)).toEqual(['m-32']);
    const [after] = applyDecisions(machine, await db.meetingDecisions.toArray());
    expect(after.fields.level).toMatchObject({ state: 'edited', value: 'heads of state' });
  });

  it('keeps the old meetings and fingerprint when extraction fails', async () => {
    await storeArticles(db, [
      article('0000000000000001', 'seeds/a.txt', 'Ministers met in Moscow.'),
    ]);
    await syncMeetings(db, fake);
    await storeArticles(db, [article('0000000000000003', 'seeds/b.txt', 'Ministers met again.')]);
    const failing: MeetingsEngine = {
      ...fake,
      extractArticleMeetings: async () => ({
        ok: false,
        error: { code: 'internal', message: 'boom' },
      }),
    };
    expect(await syncMeetings(db, failing)).toEqual({ kind: 'failed', message: 'boom' });
    expect(await db.meetings.count()).toBe(1);
    expect(await db.meta.get(FINGERPRINT_KEY)).not.toEqual({
      key: FINGERPRINT_KEY,
      value: fingerprint(await db.articles.toArray()),
    });
  });

  it('reports stale when the library grew during the merge, and merges the new article next', async () => {
    await storeArticles(db, [
      article('0000000000000001', 'seeds/a.txt', 'Ministers met in Moscow.'),
    ]);
    await syncMeetings(db, fake);
    const before = await db.meetings.toArray();
    // A restore (or an import) lands while main merges the old library.
    const racing: MeetingsEngine = {
      ...fake,
      mergeArticleMeetings: async request => {
        await storeArticles(db, [
          article('0000000000000005', 'seeds/d.txt', 'Ministers met once more, in Sochi.'),
        ]);
        return fake.mergeArticleMeetings(request);
      },
    };
    expect(await syncMeetings(db, racing, { force: true })).toEqual({ kind: 'stale' });
    expect(await db.meetings.toArray()).toEqual(before);
    expect((await syncMeetings(db, fake)).kind).toBe('extracted');
    expect(await db.meetings.count()).toBe(2);
  });
});

describe('syncMeetings on a growing library', () => {
  const texts = (n: number, from = 0): Article[] =>
    Array.from({ length: n }, (_, i) => {
      const k = from + i;
      return article(
        (0x100 + k).toString(16).padStart(16, '0'),
        `lib/${k}.txt`,
        `Ministers met in Moscow.${' and again'.repeat(k)}`,
      );
    });
  const sent = (f: FakeEngine): string[] =>
    f.extractArticleMeetings.mock.calls.flatMap(([batch]) => batch.map(a => a.id));

  it('extracts only the articles added since the last sync, never the whole library again', async () => {
    await storeArticles(db, texts(120));
    expect(await syncMeetings(db, fake)).toEqual({
      kind: 'extracted',
      meetings: 120,
      extracted: 120,
    });
    // Batches stay small however large the library is.
    expect(fake.extractArticleMeetings.mock.calls.every(([b]) => b.length <= 50)).toBe(true);
    fake.extractArticleMeetings.mockClear();
    const added = texts(2, 120);
    await storeArticles(db, added);
    expect(await syncMeetings(db, fake)).toMatchObject({ meetings: 122, extracted: 2 });
    expect(sent(fake).sort()).toEqual(added.map(a => a.id).sort());
  });

  it('re-extracts an article whose text changed on re-import, and only that one', async () => {
    await storeArticles(db, texts(5));
    await syncMeetings(db, fake);
    fake.extractArticleMeetings.mockClear();
    const [first] = texts(1);
    await storeArticles(db, [
      article('00000000000000ff', first.source, 'Update: Ministers met in Moscow.'),
    ]);
    expect(await syncMeetings(db, fake)).toMatchObject({ extracted: 1 });
    expect(sent(fake)).toEqual([first.id]);
  });

  it('extracts nothing for articles stored with the meetings main found at import', async () => {
    const batch = texts(3);
    const extracted = await fake.extractArticleMeetings(batch);
    if (!extracted.ok) throw new Error('the fake extractor failed');
    fake.extractArticleMeetings.mockClear();
    await storeArticles(db, batch, 1, new Map(extracted.value.results.map(r => [r.articleId, r])));
    expect(await syncMeetings(db, fake)).toEqual({ kind: 'extracted', meetings: 3, extracted: 0 });
    expect(fake.extractArticleMeetings).not.toHaveBeenCalled();
  });

  it('sends the merge per-article results only, never an article text', async () => {
    await storeArticles(db, [
      article('0000000000000001', 'seeds/a.txt', 'Ministers met in Moscow. A secret line.'),
    ]);
    await syncMeetings(db, fake);
    const [[request]] = fake.mergeArticleMeetings.mock.calls;
    expect(JSON.stringify(request)).not.toContain('A secret line');
  });

  it('re-extracts every article once when main reports an upgraded extractor', async () => {
    await storeArticles(db, texts(3));
    await syncMeetings(db, fake);
    const upgraded = fakeEngine('v2');
    expect(await syncMeetings(db, upgraded, { force: true })).toMatchObject({
      meetings: 3,
      extracted: 3,
    });
    expect((await db.articleMeetings.toArray()).map(r => r.extractorVersion)).toEqual([
      'v2',
      'v2',
      'v2',
    ]);
  });

  it('rewrites only the meetings that changed', async () => {
    await storeArticles(db, texts(4));
    await syncMeetings(db, fake);
    const put = vi.spyOn(db.meetings, 'bulkPut');
    await storeArticles(db, texts(1, 4));
    await syncMeetings(db, fake);
    expect(put.mock.calls.flatMap(([rows]) => rows.map(r => r.articleIds[0]))).toEqual([
      texts(1, 4)[0].id,
    ]);
  });

  it('forgets the results of deleted articles', async () => {
    await storeArticles(db, texts(2));
    await syncMeetings(db, fake);
    await db.articles.delete(texts(1)[0].id);
    expect(await syncMeetings(db, fake)).toMatchObject({ meetings: 1, extracted: 0 });
    expect(await db.articleMeetings.count()).toBe(1);
  });
});

describe('syncMeetings and the analyst’s library state', () => {
  const text = 'Ministers met in Moscow on Monday.';
  beforeEach(async () => {
    await storeArticles(db, [article('0000000000000001', 'seeds/a.txt', text)]);
    await storeArticles(db, [article('0000000000000002', 'seeds/b.txt', `${text} Again.`)]);
    await syncMeetings(db, fake);
    fake.extractArticleMeetings.mockClear();
  });

  it('re-extracts an article against the date the analyst gave it, and only that one', async () => {
    await saveEdits(db, '0000000000000001', { published: '2024-01-08' });
    expect(await syncMeetings(db, fake)).toMatchObject({ kind: 'extracted', extracted: 1 });
    const sent = fake.extractArticleMeetings.mock.calls[0][0];
    expect(sent.map(a => [a.id, a.published])).toEqual([['0000000000000001', '2024-01-08']]);
    // Taking the edit back re-extracts against the file's date again.
    await saveEdits(db, '0000000000000001', {});
    await syncMeetings(db, fake);
    expect(fake.extractArticleMeetings.mock.calls[1][0][0].published).toBe('2023-04-24');
  });

  it('drops a trashed article as a source of meetings, and brings it back on restore', async () => {
    expect(await db.meetings.count()).toBe(2);
    await trashArticles(db, ['0000000000000001']);
    await syncMeetings(db, fake);
    const ids = (await db.meetings.toArray()).flatMap(m => m.articleIds);
    expect(ids).toEqual(['0000000000000002']);
    await restoreArticles(db, ['0000000000000001']);
    await syncMeetings(db, fake);
    expect((await db.meetings.toArray()).flatMap(m => m.articleIds).sort()).toEqual([
      '0000000000000001',
      '0000000000000002',
    ]);
  });

  it('keeps an archived article as a source of meetings', async () => {
    await setArchived(db, ['0000000000000001'], 5);
    expect(await syncMeetings(db, fake)).toEqual({ kind: 'unchanged' });
    expect(await db.meetings.count()).toBe(2);
  });
});

describe('storedFingerprint', () => {
  it('is the fingerprint of the stored articles, read without their texts', async () => {
    await storeArticles(db, [
      article('0000000000000001', 'seeds/a.txt', 'Ministers met in Moscow.'),
      article('0000000000000002', 'seeds/b.txt', 'Envoys met in Doha.'),
    ]);
    expect(await storedFingerprint(db)).toBe(fingerprint(await db.articles.toArray()));
  });
});

describe('fingerprint', () => {
  it('does not depend on order and changes with a text', () => {
    const a = { id: 'a', contentHash: '1' };
    const b = { id: 'b', contentHash: '2' };
    expect(fingerprint([a, b])).toBe(fingerprint([b, a]));
    expect(fingerprint([a, b])).not.toBe(fingerprint([a, { ...b, contentHash: '3' }]));
  });
});

/** An extractor whose first call waits until `release()`: an extraction caught in progress. */
function gated() {
  let count = 0;
  let release!: () => void;
  let begin!: () => void;
  const gate = new Promise<void>(r => (release = r));
  /** Resolves once the first extraction has its articles and waits at the gate. */
  const started = new Promise<void>(r => (begin = r));
  const slow: MeetingsEngine = {
    ...fake,
    extractArticleMeetings: async articles => {
      count++;
      if (count === 1) {
        begin();
        await gate;
      }
      return fake.extractArticleMeetings(articles);
    },
  };
  return { slow, release, started, calls: () => count };
}

describe('SyncQueue', () => {
  it('runs one extraction at a time and one more for requests made meanwhile', async () => {
    await storeArticles(db, [
      article('0000000000000001', 'seeds/a.txt', 'Ministers met in Moscow.'),
    ]);
    const { slow, release, started, calls } = gated();
    const queue = new SyncQueue(db, slow);
    const first = queue.request();
    expect(queue.getStatus()).toEqual({ kind: 'running' });
    await started;
    await storeArticles(db, [
      article('0000000000000004', 'seeds/c.txt', 'Ministers met later on.'),
    ]);
    void queue.request();
    void queue.request();
    release();
    await first;
    expect(calls()).toBe(2);
    expect(queue.getStatus()).toEqual({ kind: 'idle' });
    expect(await db.meetings.count()).toBe(2);
  });

  it('while paused, lets a running extraction go stale without looping, and extracts once on resume', async () => {
    await storeArticles(db, [
      article('0000000000000001', 'seeds/a.txt', 'Ministers met in Moscow.'),
    ]);
    const { slow, release, started, calls } = gated();
    const queue = new SyncQueue(db, slow);
    const first = queue.request();
    await started;
    queue.pause(); // an import starts while the extractor works
    for (const [id, text] of [
      ['0000000000000006', 'Ministers met at the border.'],
      ['0000000000000007', 'Ministers met again in Ankara, twice.'],
    ]) {
      await storeArticles(db, [article(id, `seeds/${id}.txt`, text)]);
      void queue.request();
    }
    release();
    await first;
    expect(calls()).toBe(1); // no extraction per batch followed
    expect(queue.getStatus()).toEqual({ kind: 'idle' });
    // The article the sync began with is merged; the two stored meanwhile wait for the resume.
    expect(await db.meetings.count()).toBe(1);

    queue.resume();
    await queue.request();
    expect(calls()).toBe(2);
    expect(await db.meetings.count()).toBe(3);
  });
});

describe('syncMeetings on a large library whose meetings are all extracted', () => {
  const id = (n: number) => n.toString(16).padStart(16, '0');
  const emptyResult = (articleId: string) => ({ articleId, extractorVersion: 'v1', meetings: [] });

  /**
   * `count` stored articles, each with its current (empty) result, merged: the state a complete
   * sync leaves (its fingerprint and the mark that every article in it has its result).
   */
  async function extractedLibrary(count: number): Promise<void> {
    const rows = Array.from({ length: count }, (_, n) => article(id(n + 1), `lib/${n}.txt`, 'x'));
    await db.articles.bulkPut(
      rows.map(a => ({ ...a, contentHash: a.id, importedAt: 1, updatedAt: 1 })),
    );
    await db.library.bulkPut(rows.map(a => entryFromArticle(a, 1)));
    await db.articleMeetings.bulkPut(rows.map(a => ({ ...emptyResult(a.id), contentHash: a.id })));
    const print = await storedFingerprint(db);
    await db.meta.bulkPut([
      { key: FINGERPRINT_KEY, value: print },
      { key: EXTRACTED_KEY, value: printDigest(print) },
    ]);
  }

  it('checks only the imported batch’s results after an import, not every article’s', async () => {
    const reads = countReads(db);
    await db.open();
    await extractedLibrary(20_000);
    const batch = Array.from({ length: 100 }, (_, n) =>
      article(id(50_000 + n), `new/${n}.txt`, `New report ${n}.`),
    );
    const extractions = new Map(batch.map(a => [a.id, emptyResult(a.id)]));
    await storeArticles(db, batch, 2, extractions);

    const sync = await readsOf(reads, () => syncMeetings(db, fake));

    expect(fake.extractArticleMeetings).not.toHaveBeenCalled();
    // The batch's 100 results, read for the check and for the merge step: not 20,000.
    expect(sync.byTable.articleMeetings ?? 0).toBeLessThanOrEqual(300);
    expect(await db.meta.get(TOUCHED_KEY)).toBeUndefined();
    // And once merged, a start reads no result at all.
    const start = await readsOf(reads, () => syncMeetings(db, fake));
    expect(start.byTable.articleMeetings ?? 0).toBe(0);
  }, 120_000);

  it('reads the meetings near the imported reports’ dates and countries, not every meeting of their countries', async () => {
    const reads = countReads(db);
    await db.open();
    const others = ['CN', 'FR', 'GB', 'IN', 'JP', 'KR', 'RU', 'TR'];
    const dayOf = (n: number) => new Date(Date.UTC(2010, 0, 1) + n * 86_400_000).toISOString();
    /** A report of article `n`: the United States and one other country, on day `d`. */
    const report = (articleId: string, n: number, d: number): ArticleMeetingRecord => ({
      ...itemOf(articleId, n),
      mentions: [{ sentence: 'They met.', start: 0, end: 9 }],
      countries: ['US', others[n % others.length]],
      date: { start: dayOf(d).slice(0, 10), end: null, precision: 'day', text: 'that day' },
      published: dayOf(d + 1).slice(0, 10),
      city: null,
      placeCountry: null,
    });
    // 20,000 merged articles, one meeting each, four a day over fourteen years.
    const rows = Array.from({ length: 20_000 }, (_, n) => article(id(n + 1), `lib/${n}.txt`, 'x'));
    const items = rows.map((a, n) => report(a.id, n, Math.floor(n / 4)));
    await db.articles.bulkPut(
      rows.map(a => ({ ...a, contentHash: a.id, importedAt: 1, updatedAt: 1 })),
    );
    await db.library.bulkPut(rows.map(a => entryFromArticle(a, 1)));
    await db.articleMeetings.bulkPut(
      items.map(m => ({
        articleId: m.articleId,
        extractorVersion: 'v1',
        meetings: [m],
        contentHash: m.articleId,
      })),
    );
    await db.meetings.bulkPut(
      items.map((m, n) =>
        toStored(
          meeting(`m${n}`, [mention(m.articleId, 0, 'They met.', { date: m.date })], {
            date: m.date,
            place: { city: null, country: null, venue: null },
            participants: {
              countries: m.countries.map(code => ({ code, name: code })),
              people: [],
              organizations: [],
            },
          }),
        ),
      ),
    );
    const print = await storedFingerprint(db);
    await db.meta.bulkPut([
      { key: FINGERPRINT_KEY, value: print },
      { key: EXTRACTED_KEY, value: printDigest(print) },
    ]);
    // 100 new reports, all in one week in the middle of those years.
    const batch = Array.from({ length: 100 }, (_, n) =>
      article(id(50_000 + n), `new/${n}.txt`, `New report ${n}.`),
    );
    const extractions = new Map(
      batch.map((a, n) => [
        a.id,
        { articleId: a.id, extractorVersion: 'v1', meetings: [report(a.id, n, 2_500 + (n % 7))] },
      ]),
    );
    await storeArticles(db, batch, 2, extractions);

    const sync = await readsOf(reads, () => syncMeetings(db, fake));

    // Their meetings' keys and rows: those of the 73 days before and in the week (about 300
    // meetings) and the first-of-month ones of the two years before, 1,613 rows; not the 20,000
    // with the United States (60,805 keys and rows with the index by country alone).
    const merged = fake.mergeArticleMeetings.mock.calls.flatMap(([r]) => r.replaces);
    expect(merged.length).toBeGreaterThan(0);
    expect(sync.byTable.meetings ?? 0).toBeLessThanOrEqual(2_000);
  }, 240_000);

  it('extracts again a file edited and put back before the sync ran', async () => {
    await db.open();
    const first = article(id(1), 'a.txt', 'Ministers met in Moscow.');
    await storeArticles(db, [first], 1);
    await syncMeetings(db, fake);
    // The edit comes with main's results for its text; the file put back, with none.
    const edited = article(id(2), 'a.txt', 'Ministers met in Moscow again.');
    await storeArticles(db, [edited], 2, new Map([[edited.id, emptyResult(edited.id)]]));
    await storeArticles(db, [{ ...first }], 3);
    expect((await db.articleMeetings.get(first.id))?.contentHash).toBe(edited.id);

    expect(await syncMeetings(db, fake)).toMatchObject({ kind: 'extracted', extracted: 1 });
    expect((await db.articleMeetings.get(first.id))?.contentHash).toBe(first.id);
  });
});
