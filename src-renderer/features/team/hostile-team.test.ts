/**
 * A hostile team server, or a member writing past the app, as SECURITY.md's Team sync section
 * describes them: the server below is a bare PouchDB with no validation at all, so it can hand a
 * desk any document it likes. The desk must keep its work and take only well-formed documents.
 */
import 'fake-indexeddb/auto';
import { describe, expect, inject, it } from 'vitest';
import type {} from '../../../src-main/testing/couch-context';
import { needsYourDecision } from '../../sync/needs-decision';
import { pendingDocuments, setAsideDocuments } from '../../sync/outbox';
import { syncRound } from '../../sync/session';
import { edit, sampleHighlight, testDesk, testTeam, TestPouch } from '../../sync/testing';

const server = inject('couchServer');

let serial = 0;

/** A "server" that stores whatever it is sent and sends whatever it holds. */
function hostileServer(): ReadoutPouch.Database {
  return new TestPouch(`hostile-${Date.now()}-${serial++}`, { adapter: 'memory' });
}

describe('a hostile team server', { timeout: 60_000 }, () => {
  it('cannot push malformed or oversized documents into the desk, and well-formed ones still arrive', async () => {
    const team = await testTeam(server, ['ana']);
    const ana = await testDesk(team, 'ana');
    const hostile = hostileServer();
    await edit(ana, { table: 'highlights', key: 'h1' }, () =>
      ana.db.highlights.put(sampleHighlight('h1', 10, { note: 'My own reading' })),
    );
    await syncRound(ana, hostile);
    const before = await ana.db.highlights.get('h1');

    const h1 = (await hostile.get('highlight:h1')) as ReadoutPouch.Doc & {
      data: Record<string, unknown>;
    };
    const forged = {
      kind: 'highlight',
      schema: 1,
      authorId: 'ben',
      editedBy: 'ben',
      updatedAt: 99,
    };
    await hostile.bulkDocs([
      // A note far over the cap a note may have.
      { ...h1, data: { ...h1.data, note: 'x'.repeat(100_001) } },
      // A colour slot that does not exist.
      { _id: 'highlight:h2', ...forged, data: { ...sampleHighlight('h2', 11), colour: 42 } },
      // A thousand "needs your decision" entries to flood the list.
      {
        _id: 'highlight:h3',
        ...forged,
        data: sampleHighlight('h3', 12),
        needsDecision: Array.from({ length: 1000 }, (_, i) => ({
          field: `f${i}`,
          values: [
            { value: 1, by: 'ben', at: 1 },
            { value: 2, by: 'cem', at: 2 },
          ],
        })),
      },
      // A schema this build does not know.
      { _id: 'highlight:h4', ...forged, schema: 7, data: sampleHighlight('h4', 13) },
      // And one honest teammate's highlight, which must arrive.
      { _id: 'highlight:h5', ...forged, data: sampleHighlight('h5', 14, { note: 'Ben’s' }) },
    ] as ReadoutPouch.Doc[]);

    const report = await syncRound(ana, hostile);

    expect(report.applied.rejected).toBeGreaterThanOrEqual(4);
    expect(await ana.db.highlights.get('h1')).toEqual(before);
    expect(await ana.db.highlights.get('h2')).toBeUndefined();
    expect(await ana.db.highlights.get('h3')).toBeUndefined();
    expect(await ana.db.highlights.get('h4')).toBeUndefined();
    expect((await ana.db.highlights.get('h5'))?.note).toBe('Ben’s');
    expect(await needsYourDecision(ana.db)).toEqual([]);
  });

  it('cannot make a desk take a teammate’s article note for the analyst’s own', async () => {
    const team = await testTeam(server, ['ana']);
    const ana = await testDesk(team, 'ana');
    const hostile = hostileServer();
    await edit(ana, { table: 'articleNotes', key: 'article-1' }, () =>
      ana.db.articleNotes.put({ articleId: 'article-1', text: 'Mine', tags: [], updatedAt: 5 }),
    );
    await syncRound(ana, hostile);
    await hostile.put({
      _id: 'article-note:ben:article-1',
      kind: 'article-note',
      schema: 1,
      authorId: 'ben',
      editedBy: 'ben',
      updatedAt: 50,
      data: { articleId: 'article-1', text: 'Ben’s note', tags: [], updatedAt: 50 },
    } as ReadoutPouch.Doc);
    await syncRound(ana, hostile);
    expect((await ana.db.articleNotes.get('article-1'))?.text).toBe('Mine');
  });

  it('leaves a newer build’s document untouched on the server and sets the desk’s edit aside', async () => {
    const team = await testTeam(server, ['ana']);
    const ana = await testDesk(team, 'ana');
    // A team server whose validation already accepts a newer document schema.
    const newerServer = hostileServer();
    await edit(ana, { table: 'highlights', key: 'h1' }, () =>
      ana.db.highlights.put(sampleHighlight('h1', 10, { note: 'My own reading' })),
    );
    await syncRound(ana, newerServer);
    const h1 = await newerServer.get('highlight:h1');
    const [written] = await newerServer.bulkDocs([
      { ...h1, schema: 2, editedBy: 'ben', data: { layout: 'of a later build' } },
    ] as ReadoutPouch.Doc[]);
    const newerRev = (written as { rev: string }).rev;
    await syncRound(ana, newerServer);
    await edit(ana, { table: 'highlights', key: 'h1' }, () =>
      ana.db.highlights.update('h1', { note: 'Read again', updatedAt: 20 }),
    );

    const reports = [];
    for (let round = 0; round < 3; round++) reports.push(await syncRound(ana, newerServer));

    const onServer = await newerServer.get('highlight:h1', { conflicts: true });
    expect(onServer._rev).toBe(newerRev);
    expect(onServer._conflicts ?? []).toEqual([]);
    expect(reports.map(r => [r.pumped.written, r.pumped.setAside])).toEqual([
      [0, 1],
      [0, 1],
      [0, 1],
    ]);
    expect(await setAsideDocuments(ana.db)).toBe(1);
    expect(await pendingDocuments(ana.db, ana.local)).toBe(0);
    expect((await ana.db.highlights.get('h1'))?.note).toBe('Read again');
  });
});
