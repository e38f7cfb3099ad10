import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ReadoutDB } from '../db/db';
import { queueAll } from './outbox';
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
