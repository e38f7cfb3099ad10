import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Article } from '../../src-main/contract/article';
import type { Meeting } from '../../src-main/contract/meeting';
import { storeArticles } from '../db/articles';
import { ReadoutDB } from '../db/db';
import { decideField } from './actions';
import { applyDecisions } from './decisions';
import {
  FINGERPRINT_KEY,
  SyncQueue,
  fingerprint,
  storedFingerprint,
  syncMeetings,
  type Extract,
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

/** A stand-in extractor: one meeting per article, its id derived from the article's text. */
const fakeExtract = vi.fn<Extract>(async articles => ({
  ok: true,
  value: {
    meetings: articles.map((a): Meeting =>
      meeting(`m-${a.text.length}`, [
        mention(a.id, a.text.indexOf('Ministers'), 'Ministers met in Moscow.'),
      ]),
    ),
  },
}));

describe('syncMeetings', () => {
  it('extracts when the articles changed, and skips when they did not', async () => {
    fakeExtract.mockClear();
    await storeArticles(db, [
      article('0000000000000001', 'seeds/a.txt', 'Ministers met in Moscow.'),
    ]);
    expect(await syncMeetings(db, fakeExtract)).toEqual({ kind: 'extracted', meetings: 1 });
    expect(await syncMeetings(db, fakeExtract)).toEqual({ kind: 'unchanged' });
    expect(fakeExtract).toHaveBeenCalledTimes(1);
    const [stored] = await db.meetings.toArray();
    expect(stored).toMatchObject({
      dateStart: '2023-04-25',
      countryCodes: ['IR', 'RU'],
      articleIds: ['0000000000000001'],
    });
    // The extractor gets contract articles, without the store's own fields.
    expect(Object.keys(fakeExtract.mock.calls[0][0][0])).not.toContain('contentHash');
  });

  it('replaces the table and keeps the analyst’s decisions across an edited re-import', async () => {
    await storeArticles(db, [
      article('0000000000000001', 'seeds/a.txt', 'Ministers met in Moscow.'),
    ]);
    await syncMeetings(db, fakeExtract);
    const [before] = applyDecisions(await db.meetings.toArray(), []);
    await decideField(db, before, 'level', 'edit', 'heads of state');

    // Same source, edited text: the article keeps its id, the meeting gets a new one.
    await storeArticles(db, [
      article('0000000000000002', 'seeds/a.txt', 'Update. Ministers met in Moscow.'),
    ]);
    expect((await syncMeetings(db, fakeExtract)).kind).toBe('extracted');
    const machine = await db.meetings.toArray();
    expect(machine.map(m => m.id)).toEqual(['m-32']);
    const [after] = applyDecisions(machine, await db.meetingDecisions.toArray());
    expect(after.fields.level).toMatchObject({ state: 'edited', value: 'heads of state' });
  });

  it('keeps the old meetings and fingerprint when extraction fails', async () => {
    await storeArticles(db, [
      article('0000000000000001', 'seeds/a.txt', 'Ministers met in Moscow.'),
    ]);
    await syncMeetings(db, fakeExtract);
    await storeArticles(db, [article('0000000000000003', 'seeds/b.txt', 'Ministers met again.')]);
    const failing: Extract = async () => ({
      ok: false,
      error: { code: 'internal', message: 'boom' },
    });
    expect(await syncMeetings(db, failing)).toEqual({ kind: 'failed', message: 'boom' });
    expect(await db.meetings.count()).toBe(1);
    expect(await db.meta.get(FINGERPRINT_KEY)).not.toEqual({
      key: FINGERPRINT_KEY,
      value: fingerprint(await db.articles.toArray()),
    });
  });

  it('discards an answer when the library changed during extraction, keeping what is stored', async () => {
    await storeArticles(db, [
      article('0000000000000001', 'seeds/a.txt', 'Ministers met in Moscow.'),
    ]);
    await syncMeetings(db, fakeExtract);
    const before = await db.meetings.toArray();
    // A restore (or an import) lands while the extractor works on the old library.
    const racing: Extract = async articles => {
      await storeArticles(db, [
        article('0000000000000005', 'seeds/d.txt', 'Ministers met once more, in Sochi.'),
      ]);
      return fakeExtract(articles);
    };
    expect(await syncMeetings(db, racing, { force: true })).toEqual({ kind: 'stale' });
    expect(await db.meetings.toArray()).toEqual(before);
    expect((await syncMeetings(db, fakeExtract)).kind).toBe('extracted');
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
  const slow: Extract = async articles => {
    count++;
    if (count === 1) {
      begin();
      await gate;
    }
    return fakeExtract(articles);
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
    expect(calls()).toBe(1); // the stale answer was dropped, and no extraction per batch followed
    expect(queue.getStatus()).toEqual({ kind: 'idle' });
    expect(await db.meetings.count()).toBe(0); // nothing written for a library now gone

    queue.resume();
    await queue.request();
    expect(calls()).toBe(2);
    expect(await db.meetings.count()).toBe(3);
  });
});
