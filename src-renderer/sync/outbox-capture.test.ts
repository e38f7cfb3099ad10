import 'fake-indexeddb/auto';
import { liveQuery } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { ReadoutDB } from '../db/db';
import { renameColour } from '../features/highlights/palette';
import { markSyncWrite, setSyncIdentity, syncIdentity } from './outbox-capture';
import { sampleHighlight } from './testing';

const opened: ReadoutDB[] = [];

async function deskDb(me: string | null = 'ana'): Promise<ReadoutDB> {
  const db = new ReadoutDB(`capture-${Math.random()}`);
  opened.push(db);
  await db.open();
  if (me) await setSyncIdentity(db, me);
  return db;
}

async function queued(db: ReadoutDB): Promise<string[]> {
  return (await db.syncOutbox.orderBy('seq').toArray()).map(r => r.docId);
}

afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

describe('installOutboxCapture', () => {
  it('queues exactly one row for a committed edit, in the order edits were made', async () => {
    const db = await deskDb();
    await db.highlights.put(sampleHighlight('h1', 1));
    await db.highlights.update('h1', { note: 'Check the date' });
    await db.articleNotes.put({ articleId: 'a1', text: 'Ankara', tags: [], updatedAt: 2 });
    expect(await queued(db)).toEqual(['highlight:h1', 'highlight:h1', 'article-note:ana:a1']);
  });

  it('queues nothing when the edit’s transaction aborts, and the edit is not saved either', async () => {
    const db = await deskDb();
    await expect(
      db.transaction('rw', db.highlights, async () => {
        await db.highlights.put(sampleHighlight('h1', 1));
        throw new Error('the edit failed');
      }),
    ).rejects.toThrow('the edit failed');
    expect(await db.highlights.count()).toBe(0);
    expect(await db.syncOutbox.count()).toBe(0);
  });

  it('queues each record a range delete removes, and a colour rename, but not other settings', async () => {
    const db = await deskDb();
    await db.highlights.bulkPut([sampleHighlight('h1', 1), sampleHighlight('h2', 2)]);
    await db.syncOutbox.clear();
    await db.highlights.where('articleId').equals('article-1').delete();
    await db.meta.put({ key: 'seeded', value: true });
    await renameColour(db, 0, 'Headline');
    expect(await queued(db)).toEqual(['highlight:h1', 'highlight:h2', 'colour-meanings']);
  });

  it('signs a decision with the analyst who made it', async () => {
    const db = await deskDb('ben');
    const decision = {
      id: 'd1',
      meetingId: 'm1',
      kind: 'edit',
      field: 'date',
      value: '2026-03-05',
      anchors: [],
      createdAt: 1,
      updatedAt: 1,
    };
    await db.meetingDecisions.add(decision);
    expect((await db.meetingDecisions.get('d1'))?.authorId).toBe('ben');
    expect(await queued(db)).toEqual(['decision:d1']);
  });

  it('queues nothing on a desk that has not joined a team', async () => {
    const db = await deskDb(null);
    await db.highlights.put(sampleHighlight('h1', 1));
    expect(await db.syncOutbox.count()).toBe(0);
  });

  it('does not queue the sync code’s own writes back as edits', async () => {
    const db = await deskDb();
    await db.transaction('rw', db.highlights, async () => {
      markSyncWrite();
      await db.highlights.put(sampleHighlight('h1', 1));
    });
    expect(await db.highlights.count()).toBe(1);
    expect(await db.syncOutbox.count()).toBe(0);
  });

  it('remembers the analyst across a restart, so the first edit after it is queued', async () => {
    const db = await deskDb('ben');
    db.close();
    const again = new ReadoutDB(db.name);
    opened.push(again);
    await again.highlights.put(sampleHighlight('h1', 1));
    expect(syncIdentity(again)).toBe('ben');
    expect(await queued(again)).toEqual(['highlight:h1']);
    await setSyncIdentity(again, null);
    await again.highlights.put(sampleHighlight('h2', 1));
    expect(await again.syncOutbox.count()).toBe(1);
  });

  it('lets a live query of the outbox see a queued edit', async () => {
    const db = await deskDb();
    const counts: number[] = [];
    const seen = new Promise<void>(resolve => {
      const sub = liveQuery(() => db.syncOutbox.count()).subscribe(n => {
        counts.push(n);
        if (n === 1) {
          sub.unsubscribe();
          resolve();
        }
      });
    });
    await new Promise(r => setTimeout(r, 20));
    await db.highlights.put(sampleHighlight('h1', 1));
    await seen;
    expect(counts).toEqual([0, 1]);
  });
});
