import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ReadoutDB } from '../db/db';
import { pendingDocuments, queueAll } from './outbox';
import { setSyncIdentity } from './outbox-capture';
import { sampleHighlight } from './testing';

describe('queueAll', () => {
  it('queues every synced record once, for a desk joining a team with work already done', async () => {
    const d = new ReadoutDB(`outbox-${Math.random()}`);
    await d.highlights.bulkPut([sampleHighlight('h1', 1), sampleHighlight('h2', 2)]);
    await d.meta.put({ key: 'colours', value: ['Key point'] });
    await d.meta.put({ key: 'seeded', value: true });
    expect(await queueAll(d, 'ana')).toBe(3);
    expect((await d.syncOutbox.toArray()).map(r => r.docId).sort()).toEqual([
      'colour-meanings',
      'highlight:h1',
      'highlight:h2',
    ]);
    await d.delete();
  });
});

describe('pendingDocuments', () => {
  it('counts each document waiting once, however many edits it has queued', async () => {
    const d = new ReadoutDB(`outbox-${Math.random()}`);
    await setSyncIdentity(d, 'ana');
    await d.highlights.put(sampleHighlight('h1', 1));
    await d.highlights.update('h1', { note: 'First thought' });
    await d.highlights.update('h1', { note: 'Second thought' });
    await d.highlights.put(sampleHighlight('h2', 2));
    expect(await d.syncOutbox.count()).toBe(4);
    expect(await pendingDocuments(d)).toBe(2);
    await d.delete();
  });
});
