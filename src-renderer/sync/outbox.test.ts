import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { queueAll, queueEdit } from './outbox';
import { sampleHighlight } from './testing';
import Dexie from 'dexie';
import type { SyncDexie } from './sync-db';
import { SYNC_STORES } from './sync-stores';

function db(): SyncDexie {
  const d = new Dexie(`outbox-${Math.random()}`) as SyncDexie;
  d.version(1).stores({
    highlights: 'id',
    articleNotes: 'articleId',
    meetingDecisions: 'id',
    briefings: 'id',
    meta: 'key',
    ...SYNC_STORES,
  });
  return d;
}

describe('queueEdit', () => {
  it('refuses to queue outside the edit’s transaction, where an edit could be saved unqueued', async () => {
    await expect(queueEdit(db(), { table: 'highlights', key: 'h1' }, 'ana')).rejects.toThrow(
      /inside the transaction/,
    );
  });

  it('rolls back with the edit when the edit’s transaction fails', async () => {
    const d = db();
    await expect(
      d.transaction('rw', [d.highlights, d.syncOutbox], async () => {
        await d.highlights.put(sampleHighlight('h1', 1));
        await queueEdit(d, { table: 'highlights', key: 'h1' }, 'ana');
        throw new Error('the edit failed');
      }),
    ).rejects.toThrow('the edit failed');
    expect(await d.syncOutbox.count()).toBe(0);
    expect(await d.highlights.count()).toBe(0);
  });
});

describe('queueAll', () => {
  it('queues every synced record once, for a desk joining a team with work already done', async () => {
    const d = db();
    await d.highlights.bulkPut([sampleHighlight('h1', 1), sampleHighlight('h2', 2)]);
    await d.meta.put({ key: 'colours', value: ['Key point'] });
    expect(await queueAll(d, 'ana')).toBe(3);
    expect((await d.syncOutbox.toArray()).map(r => r.docId).sort()).toEqual([
      'colour-meanings',
      'highlight:h1',
      'highlight:h2',
    ]);
  });
});
