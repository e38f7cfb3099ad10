import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ReadoutDB } from '../db/db';
import { pendingDocuments, pumpOutbox, queueAll, setAsideDocuments } from './outbox';
import { setSyncIdentity } from './outbox-capture';
import { sampleHighlight, TestPouch } from './testing';

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

/** A desk's Dexie and PouchDB with one highlight pumped, as after its first sync. */
async function pumpedDesk() {
  const d = new ReadoutDB(`outbox-${Math.random()}`);
  const local = new TestPouch(`outbox-pouch-${Math.random()}`, { adapter: 'memory' });
  await setSyncIdentity(d, 'ana');
  let t = 100;
  const context = { me: 'ana', now: () => ++t };
  await d.highlights.put(sampleHighlight('h1', 1, { note: 'First reading' }));
  await pumpOutbox(d, local, context);
  const pumped = (await local.get('highlight:h1')) as ReadoutPouch.Doc & {
    data: Record<string, unknown>;
  };
  /** Counts the writes the pump attempts from here on. */
  const writes = { count: 0 };
  const bulkDocs = local.bulkDocs.bind(local);
  local.bulkDocs = (docs => {
    writes.count++;
    return bulkDocs(docs);
  }) as typeof local.bulkDocs;
  return { d, local, context, pumped, writes };
}

describe('pumpOutbox', () => {
  it('sets an edit aside, unsent and not retried, when the team holds a newer build’s copy', async () => {
    const { d, local, context, pumped, writes } = await pumpedDesk();
    // A newer build's revision arrives from the team (the applier cannot read it, so Dexie keeps
    // the one before), and then the analyst edits the highlight.
    const newer = await bulkDocsOf(local, {
      ...pumped,
      schema: 2,
      data: { shape: 'unknown here' },
    });
    await d.highlights.update('h1', { note: 'Second reading', updatedAt: 50 });
    writes.count = 0;

    const first = await pumpOutbox(d, local, context);
    const second = await pumpOutbox(d, local, context);

    expect(first).toMatchObject({ written: 0, setAside: 1 });
    expect(second).toMatchObject({ written: 0, setAside: 1 });
    // No write was even tried: before, each round wrote without the team's revision and got 409.
    expect(writes.count).toBe(0);
    expect(await pendingDocuments(d)).toBe(0);
    expect(await setAsideDocuments(d)).toBe(1);
    expect(await d.syncOutbox.count()).toBe(1);
    expect((await local.get('highlight:h1'))._rev).toBe(newer);
    expect((await d.highlights.get('h1'))?.note).toBe('Second reading');
    await d.delete();
  });

  it('sends the edit merged once the team’s copy is one this build reads again', async () => {
    const { d, local, context, pumped } = await pumpedDesk();
    const newer = await bulkDocsOf(local, { ...pumped, schema: 2 });
    await d.highlights.update('h1', { note: 'Second reading', updatedAt: 50 });
    await pumpOutbox(d, local, context);
    expect(await setAsideDocuments(d)).toBe(1);
    // A teammate's readable revision replaces the newer build's (it recoloured the highlight).
    await bulkDocsOf(local, { ...pumped, _rev: newer, data: { ...pumped.data, colour: 5 } });

    const report = await pumpOutbox(d, local, context);

    expect(report).toMatchObject({ written: 1, merged: 1, setAside: 0 });
    expect(await setAsideDocuments(d)).toBe(0);
    expect(await d.syncOutbox.count()).toBe(0);
    expect(await d.highlights.get('h1')).toMatchObject({ note: 'Second reading', colour: 5 });
    await d.delete();
  });

  it('never merges a malformed team copy into the desk', async () => {
    const { d, local, context, pumped } = await pumpedDesk();
    // A member wrote a note far over the cap, past the app; the analyst then recolours.
    await bulkDocsOf(local, { ...pumped, data: { ...pumped.data, note: 'x'.repeat(100_001) } });
    await d.highlights.update('h1', { colour: 2, updatedAt: 50 });

    const report = await pumpOutbox(d, local, context);

    expect(report).toMatchObject({ written: 0, setAside: 1 });
    expect(await d.highlights.get('h1')).toMatchObject({ note: 'First reading', colour: 2 });
    await d.delete();
  });
});

/** Writes one revision to `pouch` (past the pump) and answers its revision id. */
async function bulkDocsOf(pouch: ReadoutPouch.Database, doc: object): Promise<string> {
  const [answer] = await pouch.bulkDocs([doc as ReadoutPouch.Doc]);
  if (!('ok' in answer) || !answer.ok) throw new Error('the test write was refused');
  return answer.rev;
}
