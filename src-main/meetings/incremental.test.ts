import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Article } from '../contract/article';
import {
  MAX_MERGE_RESULTS,
  MAX_MESSAGE_BYTES,
  messageBytes,
  type ArticleExtraction,
  type MergeRequest,
} from '../contract/article-meetings';
import type { Meeting } from '../contract/meeting';
import { entryFromArticle, ReadoutDB } from '../../src-renderer/db/db';
import {
  FINGERPRINT_KEY,
  fingerprint,
  syncMeetings,
  toStored,
  type MeetingsEngine,
} from '../../src-renderer/meetings/sync';
import { prng } from '../testing/prng';
import { buildMeeting } from './build';
import { countryRef } from './gazetteer';
import { generateCorpus, itemKey, shuffled, type Corpus } from './generated-corpus';
import type { MergeItem } from './merge';
import { EXTRACTOR_VERSION, mergeArticleResults } from './index';
import { mergeIncrement } from './incremental';

let db: ReadoutDB;
beforeEach(() => {
  db = new ReadoutDB('inc-' + Math.random());
});
afterEach(async () => {
  await db.delete();
}, 120_000);

/** A stored article standing for one generated report: its id is its content hash. */
function articleOf(r: ArticleExtraction): Article {
  return {
    id: r.articleId,
    source: `gen/${r.articleId}.txt`,
    file: `gen/${r.articleId}.txt`,
    title: r.articleId,
    publisher: null,
    published: r.meetings[0]?.published ?? null,
    dateline: null,
    text: 'Generated report.',
    paragraphs: [{ start: 0, end: 17 }],
    wordCount: 2,
  };
}

const resultsOf = (corpus: Corpus): ArticleExtraction[] =>
  corpus.items.map(m => ({
    articleId: m.articleId,
    extractorVersion: EXTRACTOR_VERSION,
    meetings: [m],
  }));

/** Imports results as the app would after extraction: articles, entries and cached results. */
async function add(results: ArticleExtraction[]): Promise<void> {
  const now = 1;
  await db.transaction('rw', db.articles, db.library, db.articleMeetings, async () => {
    await db.articles.bulkPut(
      results.map(r => ({
        ...articleOf(r),
        contentHash: r.articleId,
        importedAt: now,
        updatedAt: now,
      })),
    );
    await db.library.bulkPut(results.map(r => entryFromArticle(articleOf(r), now)));
    await db.articleMeetings.bulkPut(results.map(r => ({ ...r, contentHash: r.articleId })));
  });
}

/**
 * Main's side behind a bridge that measures every message both ways, as the preview's HTTP
 * bridge would carry it, and refuses one over the cap as the bridge does.
 */
function measuredEngine(): MeetingsEngine & { largest: () => number; requests: MergeRequest[] } {
  let largest = 0;
  const requests: MergeRequest[] = [];
  const measure = (value: unknown): void => {
    const bytes = messageBytes(value);
    largest = Math.max(largest, bytes);
    if (bytes > MAX_MESSAGE_BYTES) throw new Error(`message of ${bytes} bytes over the cap`);
  };
  return {
    largest: () => largest,
    requests,
    extractArticleMeetings: () => {
      throw new Error('every result is cached: nothing is extracted');
    },
    mergeArticleMeetings: async request => {
      measure(request);
      requests.push(request);
      const value = mergeIncrement(request);
      measure(value);
      return { ok: true, value };
    },
  };
}

/** Meetings comparable across stores: without the index fields, sorted by id. */
const comparable = (meetings: Meeting[]): Meeting[] =>
  meetings
    .map(m => {
      const { dateStart, countryCodes, articleIds, ...rest } = toStored(m);
      void dateStart;
      void countryCodes;
      void articleIds;
      return rest;
    })
    .sort((a, b) => a.id.localeCompare(b.id));

async function storedMeetings(): Promise<Meeting[]> {
  return comparable(await db.meetings.toArray());
}

describe('mergeIncrement', () => {
  it('merges the results it is sent into meetings and names stale versions', () => {
    const corpus = generateCorpus(3, { meetings: 20 });
    const results = resultsOf(corpus);
    const old = { ...results[0], extractorVersion: 'extract-0' };
    const answer = mergeIncrement({ results: [old, ...results.slice(1)], replaces: [] });
    expect(answer.stale).toEqual([old.articleId]);
    expect(answer.meetings).toEqual(mergeArticleResults(results.slice(1)).meetings);
  });

  it('refuses a request over the cap with an error instead of merging part of it', () => {
    const results = Array.from({ length: MAX_MERGE_RESULTS + 1 }, (_, i) => ({
      articleId: `a${i}`,
      extractorVersion: EXTRACTOR_VERSION,
      meetings: [],
    }));
    expect(() => mergeIncrement({ results, replaces: [] })).toThrow(/at most 5000 article results/);
  });
});

describe('the incremental sync against the full merge', () => {
  for (const seed of [1, 2, 3, 4]) {
    it(`stores what one merge of everything gives, after random imports and deletions (seed ${seed})`, async () => {
      const rand = prng(seed);
      const corpus = generateCorpus(seed, { meetings: 250, undatedShare: 0.25 });
      const all = shuffled(resultsOf(corpus), seed);
      const engine = measuredEngine();
      const live = new Map<string, ArticleExtraction>();
      for (let i = 0; i < all.length;) {
        const n = 1 + Math.floor(rand() * 90);
        const batch = all.slice(i, i + n);
        i += n;
        await add(batch);
        for (const r of batch) live.set(r.articleId, r);
        // Now and then the analyst deletes a few articles.
        if (rand() < 0.3) {
          const gone = [...live.keys()].filter(() => rand() < 0.02);
          await db.articles.bulkDelete(gone);
          for (const id of gone) live.delete(id);
        }
        expect((await syncMeetings(db, engine)).kind).toBe('extracted');
      }
      expect(await storedMeetings()).toEqual(
        comparable(mergeArticleResults([...live.values()]).meetings),
      );
      // Steps are the size of a change: none carried the library.
      expect(Math.max(...engine.requests.map(r => r.results.length))).toBeLessThan(live.size / 2);
    }, 120_000);
  }
});

// Minutes on fake-indexeddb (100,000 articles stored in-process): run with READOUT_SCALE_TESTS=1.
describe.runIf(process.env.READOUT_SCALE_TESTS)('the sync at 100,000 generated articles', () => {
  it('keeps every message far under the cap while the big library grows and shrinks', async () => {
    const corpus = generateCorpus(7, { meetings: 50_000, reports: 3 });
    const results = resultsOf(corpus).slice(0, 100_000);
    // The library as a previous sync left it: every article's results cached, every meeting
    // stored, the fingerprint recorded (library entries are not needed by the sync).
    for (let i = 0; i < results.length; i += 20_000) {
      const chunk = results.slice(i, i + 20_000);
      await db.transaction('rw', db.articles, db.articleMeetings, async () => {
        await db.articles.bulkAdd(
          chunk.map(r => ({
            ...articleOf(r),
            contentHash: r.articleId,
            importedAt: 1,
            updatedAt: 1,
          })),
        );
        await db.articleMeetings.bulkAdd(chunk.map(r => ({ ...r, contentHash: r.articleId })));
      });
    }
    // Its meetings, one per real meeting of the generated world (built directly: a merge of
    // 100,000 reports here would only slow the test down).
    const groups = new Map<number, MergeItem[]>();
    for (const r of results) {
      const m = r.meetings[0];
      const t = corpus.meetingOf.get(itemKey(m)) ?? -1;
      groups.set(t, [...(groups.get(t) ?? []), m]);
    }
    await db.meetings.bulkAdd(
      [...groups.values()].map(g => toStored(buildMeeting(g, c => countryRef(c).name))),
    );
    const ids = results.map(r => ({ id: r.articleId, contentHash: r.articleId }));
    await db.meta.put({ key: FINGERPRINT_KEY, value: fingerprint(ids) });
    expect(await db.articles.count()).toBe(100_000);

    // 100 new articles arrive and 50 old ones are deleted.
    const engine = measuredEngine();
    const more = resultsOf(generateCorpus(8, { meetings: 40, prefix: 'n' })).slice(0, 100);
    await add(more);
    const gone = results.slice(0, 50).map(r => r.articleId);
    await db.articles.bulkDelete(gone);
    expect(await syncMeetings(db, engine)).toMatchObject({ kind: 'extracted', extracted: 0 });
    // Each message is the size of the change: a few hundred results, well under 1 MB.
    expect(engine.requests.length).toBeGreaterThan(0);
    expect(engine.largest()).toBeLessThan(1024 * 1024);
    expect(Math.max(...engine.requests.map(r => r.results.length))).toBeLessThan(1_000);
    const cited = new Set((await db.meetings.toArray()).flatMap(m => m.articleIds));
    expect(more.every(r => cited.has(r.articleId))).toBe(true);
    expect(gone.some(id => cited.has(id))).toBe(false);
  }, 1_500_000);
});
