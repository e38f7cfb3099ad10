import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReadoutDB } from '../db/db';
import { LiveSearchIndex, SEARCH_INDEX_META_KEY } from './live';
import { loadSnapshot } from './snapshot';
import { makeArticle, makeHighlight, makeNote } from './testing';

const open: LiveSearchIndex[] = [];

async function started(db: ReadoutDB): Promise<LiveSearchIndex> {
  const live = new LiveSearchIndex(db, { persistDelayMs: 60_000 });
  open.push(live);
  await live.start();
  await vi.waitFor(() => expect(live.getSnapshot().status).toBe('ready'));
  return live;
}

/** Waits until the live query has delivered a change and the index has applied it. */
async function until(live: LiveSearchIndex, query: string, ids: string[]): Promise<void> {
  await vi.waitFor(async () => expect((await live.search(query)).map(h => h.id)).toEqual(ids));
}

afterEach(() => {
  open.splice(0).forEach(l => l.stop());
});

const budget = makeArticle(
  'Budget talks stall',
  'Ministers failed to agree on the defence budget in Brussels.',
);
const summit = makeArticle(
  'Summit date set',
  'Leaders will meet in Nairobi on 12 June to sign the accord.',
);

describe('LiveSearchIndex', () => {
  it('indexes what is in the database on start', async () => {
    const db = new ReadoutDB('t-' + Math.random());
    await db.articles.bulkAdd([budget, summit]);
    const live = await started(db);
    expect(live.getSnapshot()).toEqual(expect.objectContaining({ origin: 'built', documents: 2 }));
    expect((await live.search('nairobi')).map(h => h.articleId)).toEqual([summit.id]);
  });

  it('follows added, edited and deleted articles', async () => {
    const db = new ReadoutDB('t-' + Math.random());
    const live = await started(db);
    await db.articles.add(budget);
    await until(live, 'brussels', [`a:${budget.id}`]);
    await db.articles.put({
      ...budget,
      text: 'Ministers agreed the defence budget in Luxembourg.',
      contentHash: 'ffffffffffffffff',
    });
    await until(live, 'luxembourg', [`a:${budget.id}`]);
    expect(await live.search('brussels')).toEqual([]);
    await db.articles.delete(budget.id);
    await until(live, 'luxembourg', []);
    expect(live.getSnapshot().documents).toBe(0);
  });

  it('does not follow the database while held, and catches up on release', async () => {
    const db = new ReadoutDB('t-' + Math.random());
    const live = await started(db);
    live.hold();
    live.hold();
    await db.articles.add(budget);
    // A live query would have delivered it by now; held, the index must not see it.
    await new Promise(resolve => setTimeout(resolve, 100));
    await live.idle();
    expect(await live.search('brussels')).toEqual([]);
    live.release();
    await new Promise(resolve => setTimeout(resolve, 50));
    await live.idle();
    expect(await live.search('brussels')).toEqual([]);
    live.release();
    await until(live, 'brussels', [`a:${budget.id}`]);
    await db.articles.add(summit);
    await until(live, 'nairobi', [`a:${summit.id}`]);
  });

  it('starts held when held before the saved index is loaded', async () => {
    const db = new ReadoutDB('t-' + Math.random());
    await db.articles.add(budget);
    const live = new LiveSearchIndex(db, { persistDelayMs: 60_000 });
    open.push(live);
    live.hold();
    await live.start();
    await new Promise(resolve => setTimeout(resolve, 100));
    expect(live.getSnapshot().status).toBe('starting');
    live.release();
    await until(live, 'brussels', [`a:${budget.id}`]);
  });

  it('follows added, edited and deleted highlights', async () => {
    const db = new ReadoutDB('t-' + Math.random());
    await db.articles.add(summit);
    const live = await started(db);
    const h = makeHighlight(summit, 'sign the accord', { note: 'Watch the signatories' });
    await db.highlights.add(h);
    await until(live, 'signatories', [`h:${h.id}`]);
    expect((await live.search('signatories'))[0].position).toEqual(h.position);
    await db.highlights.update(h.id, { note: 'Ask about observers', tags: ['protocol'] });
    await until(live, 'observers', [`h:${h.id}`]);
    await until(live, 'signatories', []);
    expect((await live.search('protocol')).map(x => x.id)).toEqual([`h:${h.id}`]);
    await db.highlights.delete(h.id);
    await until(live, 'observers', []);
  });

  it('follows added, edited and deleted article notes', async () => {
    const db = new ReadoutDB('t-' + Math.random());
    await db.articles.add(summit);
    const live = await started(db);
    await db.articleNotes.put(makeNote(summit, 'Cross-check with the embassy cable', ['kenya']));
    await until(live, 'embassy', [`n:${summit.id}`]);
    await until(live, 'kenya', [`n:${summit.id}`]);
    await db.articleNotes.put(makeNote(summit, 'Cable confirmed'));
    await until(live, 'embassy', []);
    await until(live, 'confirmed', [`n:${summit.id}`]);
    await db.articleNotes.delete(summit.id);
    await until(live, 'confirmed', []);
  });

  it('restores the persisted index instead of rebuilding, with the same results', async () => {
    const name = 't-' + Math.random();
    const db = new ReadoutDB(name);
    await db.articles.bulkAdd([budget, summit]);
    await db.highlights.add(makeHighlight(budget, 'defence budget', { note: 'Procurement angle' }));
    const first = await started(db);
    await first.persist();
    const queries = ['budget', 'nairobi', 'procure', 'leaders accord', 'brusels'];
    const before = await Promise.all(queries.map(q => first.search(q)));
    first.stop();
    const saved = await loadSnapshot(db);
    expect(saved?.versions.articles).toHaveLength(2);

    const again = await started(new ReadoutDB(name));
    expect(again.getSnapshot().origin).toBe('restored');
    expect(await Promise.all(queries.map(q => again.search(q)))).toEqual(before);
  });

  it('catches up on changes made while it was not running', async () => {
    const name = 't-' + Math.random();
    const db = new ReadoutDB(name);
    await db.articles.add(budget);
    const first = await started(db);
    await first.persist();
    first.stop();
    await db.articles.add(summit);
    await db.articles.delete(budget.id);

    const again = await started(new ReadoutDB(name));
    expect(again.getSnapshot().origin).toBe('restored');
    expect((await again.search('nairobi')).map(h => h.articleId)).toEqual([summit.id]);
    expect(await again.search('brussels')).toEqual([]);
  });

  it('rebuilds when the saved index is of another format', async () => {
    const name = 't-' + Math.random();
    const db = new ReadoutDB(name);
    await db.articles.add(budget);
    await db.meta.put({ key: SEARCH_INDEX_META_KEY, value: { format: -1, index: '{}' } });
    const live = await started(db);
    expect(live.getSnapshot().origin).toBe('built');
    expect(await live.search('brussels')).toHaveLength(1);
  });

  it('saves the index a while after changes', async () => {
    const db = new ReadoutDB('t-' + Math.random());
    const live = new LiveSearchIndex(db, { persistDelayMs: 10 });
    open.push(live);
    await live.start();
    await db.articles.add(budget);
    await vi.waitFor(async () => {
      const saved = await loadSnapshot(db);
      expect(saved?.versions.articles).toEqual([[budget.id, budget.contentHash]]);
    });
  });

  it('does not re-save the whole index for highlight or note edits', async () => {
    const db = new ReadoutDB('t-' + Math.random());
    await db.articles.add(summit);
    const live = new LiveSearchIndex(db, { persistDelayMs: 10 });
    open.push(live);
    await live.start();
    await vi.waitFor(async () => expect(await db.meta.get(SEARCH_INDEX_META_KEY)).toBeDefined());
    const savedAt = (await loadSnapshot(db))?.savedAt;
    await db.articleNotes.put(makeNote(summit, 'Quorum rules'));
    await until(live, 'quorum', [`n:${summit.id}`]);
    await new Promise(r => setTimeout(r, 50));
    expect((await loadSnapshot(db))?.savedAt).toBe(savedAt);
  });

  it('does not re-save the whole index for a few articles added to a large library', async () => {
    const db = new ReadoutDB('t-' + Math.random());
    const many = Array.from({ length: 40 }, (_, i) =>
      makeArticle(`Dispatch ${i}`, `Routine dispatch number ${i} from the press office.`),
    );
    await db.articles.bulkAdd(many);
    const live = new LiveSearchIndex(db, { persistDelayMs: 10 });
    open.push(live);
    await live.start();
    await vi.waitFor(async () => expect(await loadSnapshot(db)).not.toBeNull());
    const savedAt = (await loadSnapshot(db))?.savedAt;
    await db.articles.add(makeArticle('Late wire', 'A late wire from Montevideo.'));
    await vi.waitFor(async () => expect(await live.search('montevideo')).toHaveLength(1));
    await new Promise(r => setTimeout(r, 50));
    expect((await loadSnapshot(db))?.savedAt).toBe(savedAt);
    // Enough further articles (SAVE_SHARE of the index) are saved again.
    await db.articles.bulkAdd([
      makeArticle('Wire two', 'From Asunción.'),
      makeArticle('Wire three', 'From La Paz.'),
    ]);
    await vi.waitFor(async () =>
      expect((await loadSnapshot(db))?.versions.articles).toHaveLength(43),
    );
  });
});
