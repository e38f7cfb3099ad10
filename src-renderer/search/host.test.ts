import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ReadoutDB } from '../db/db';
import { SearchHost } from './host';
import { articleDoc } from './index';
import { makeArticle } from './testing';

const talks = makeArticle('Border talks', 'Delegations met at the border crossing in Narva.');
const ids = (reply: { result: unknown }) =>
  ((reply.result as { value: { hits: { id: string }[] } }).value.hits ?? []).map(h => h.id);

describe('SearchHost', () => {
  it('answers a malformed message with an error value and keeps its index', async () => {
    const host = new SearchHost(new ReadoutDB(`t-${Math.random()}`));
    await host.handle({ id: 1, type: 'apply', add: [articleDoc(talks)], remove: [] });
    const bad = await host.handle({ id: 2, type: 'apply', add: [{ id: 42 }], remove: [] });
    expect(bad).toEqual({
      id: 2,
      result: { ok: false, error: { code: 'bad-request', message: expect.any(String) } },
    });
    expect((await host.handle('nonsense')).result.ok).toBe(false);
    expect(ids(await host.handle({ id: 3, type: 'search', query: 'narva', limit: 10 }))).toEqual([
      `a:${talks.id}`,
    ]);
  });

  it('re-indexes a changed document instead of adding it twice, even twice in one batch', async () => {
    const host = new SearchHost(new ReadoutDB(`t-${Math.random()}`));
    const changed = articleDoc({ ...talks, text: 'Delegations met in Tallinn instead.' });
    await host.handle({ id: 1, type: 'apply', add: [articleDoc(talks), changed], remove: [] });
    const reply = await host.handle({ id: 2, type: 'apply', add: [changed], remove: [] });
    expect(reply.result).toEqual({ ok: true, value: { documents: 1 } });
    expect(ids(await host.handle({ id: 3, type: 'search', query: 'tallinn', limit: 10 }))).toEqual([
      `a:${talks.id}`,
    ]);
    expect(ids(await host.handle({ id: 4, type: 'search', query: 'narva', limit: 10 }))).toEqual(
      [],
    );
  });

  it('answers in the order asked, so a search sees the documents applied before it', async () => {
    const host = new SearchHost(new ReadoutDB(`t-${Math.random()}`));
    const restore = host.handle({ id: 1, type: 'restore', database: 'unused' });
    const apply = host.handle({ id: 2, type: 'apply', add: [articleDoc(talks)], remove: [] });
    const search = host.handle({ id: 3, type: 'search', query: 'border', limit: 10 });
    await restore;
    await apply;
    expect(ids(await search)).toEqual([`a:${talks.id}`]);
  });

  it('refuses to save before it knows its database', async () => {
    const host = new SearchHost();
    const versions = { articles: [], highlights: [], notes: [] };
    const reply = await host.handle({ id: 1, type: 'save', versions });
    expect(reply.result).toEqual({
      ok: false,
      error: { code: 'save-failed', message: expect.stringContaining('restore first') },
    });
  });
});
