import 'fake-indexeddb/auto';
import { describe, expect, inject, it } from 'vitest';
import type { Article } from '../../src-main/contract/article';
import type {} from '../../src-main/testing/couch-context';
import { backupToJson, restoreFromText } from '../backup/backup';
import { PENDING_LIBRARY_STATE_KEY } from '../backup/library-state';
import { createWorkBackup } from '../backup/work';
import { storeArticles } from '../db/articles';
import { ReadoutDB } from '../db/db';
import { extractionKeys, markRead, saveEdits, setArchived } from '../db/library';
import * as commands from '../features/undo/commands';
import { contractArticle } from '../db/testing';
import { ArticleDataSchema, TEAM_SOURCE_PREFIX } from './article-docs';
import { parseDoc } from './documents';
import { queueAll } from './outbox';
import { syncRound } from './session';
import { sampleHighlight, testDesk, testTeam, type TestDesk } from './testing';

const server = inject('couchServer');

async function settle(desks: TestDesk[], passes = 3): Promise<void> {
  for (let i = 0; i < passes; i++) for (const desk of desks) await syncRound(desk, desk.remote);
}

/**
 * An article as main's importer gives it; the text is made up here. Its id, like a real one, is
 * not a hash a desk can recompute from the text (main hashes the whole normalised file).
 */
function article(source: string, text: string): Article {
  return contractArticle(source, text, {
    title: 'Ministers agree to talk again',
    publisher: 'Test Wire',
    published: '2026-03-02',
  });
}

/** The id main gives the text's file (the same file gives the same id on every desk). */
const idOf = (text: string) => article('/any/where.txt', text).id;

const TEXT = 'In a short statement, the two ministers agreed to meet again in spring.';
const SECRET_PATH = '/home/ana/secret-folder/moscow-report.txt';

describe('article documents between two desks', { timeout: 60_000 }, () => {
  it('brings a teammate’s article, its library entry and its highlight to the other desk, never the path', async () => {
    const team = await testTeam(server, ['ana', 'ben']);
    const ana = await testDesk(team, 'ana');
    const ben = await testDesk(team, 'ben');
    const a = article(SECRET_PATH, TEXT);
    await storeArticles(ana.db, [a]);
    await saveEdits(ana.db, a.id, { publisher: 'Wire (corrected)' });
    await commands
      .createHighlight(
        ana.db,
        sampleHighlight('h1', 10, { articleId: a.id, articleVersion: a.id, note: 'check' }),
      )
      .do();
    await settle([ana, ben]);

    const stored = await ben.db.articles.get(a.id);
    expect(stored?.text).toBe(TEXT);
    expect(stored?.contentHash).toBe(a.id);
    expect(stored?.source).toBe(`${TEAM_SOURCE_PREFIX}${a.id}`);
    const entry = await ben.db.library.get(a.id);
    expect(entry?.edits).toEqual({ publisher: 'Wire (corrected)' });
    expect(entry?.title).toBe(a.title);
    // The highlight names an article now on Ben's desk, at the same text version: it anchors.
    const h1 = await ben.db.highlights.get('h1');
    expect(h1?.articleId).toBe(a.id);
    expect(h1?.articleVersion).toBe(stored?.contentHash);
    expect(TEXT.slice(h1!.position.start, h1!.position.end)).toBe(h1!.quote.exact);
    // The meetings sync extracts it like any stored article (its key is in the extraction set).
    expect((await extractionKeys(ben.db)).map(k => k.id)).toContain(a.id);

    // Neither the path nor the file name ever reached PouchDB, on the desk or on the server.
    const docs = [
      JSON.stringify(await ana.local.allDocs({ include_docs: true })),
      JSON.stringify(await ana.remote.allDocs({ include_docs: true })),
    ];
    for (const text of docs) {
      expect(text).toContain(`article:${a.id}`);
      expect(text).not.toContain('secret-folder');
      expect(text).not.toContain('moscow-report');
    }
    expect(await ana.db.syncOutbox.count()).toBe(0);
    expect(await ben.db.syncOutbox.count()).toBe(0);
  });

  it('keeps one article when both desks imported the same file offline', async () => {
    const team = await testTeam(server, ['ana', 'ben']);
    const clock = { t: 1_000 };
    const ana = await testDesk(team, 'ana', clock);
    const ben = await testDesk(team, 'ben', clock);
    await storeArticles(ana.db, [article('/ana/report.txt', TEXT)], 100);
    await storeArticles(ben.db, [article('C:/ben/copy of report.txt', TEXT)], 200);
    await saveEdits(ben.db, idOf(TEXT), { title: 'Talks resume' });
    await settle([ana, ben]);

    for (const desk of [ana, ben]) {
      expect(await desk.db.articles.count()).toBe(1);
      expect(await desk.db.library.count()).toBe(1);
      expect((await desk.db.library.get(idOf(TEXT)))?.edits).toEqual({
        title: 'Talks resume',
      });
      expect(await desk.db.syncConflicts.count()).toBe(0);
    }
    // Each desk keeps its own file place.
    expect((await ana.db.articles.get(idOf(TEXT)))?.source).toBe('/ana/report.txt');
    expect((await ben.db.articles.get(idOf(TEXT)))?.source).toBe('C:/ben/copy of report.txt');
    // The two desks' first versions were resolved: no conflict leaf is left on the server.
    const onServer = await ana.remote.get(`article:${idOf(TEXT)}`, { conflicts: true });
    expect((onServer as { _conflicts?: string[] })._conflicts ?? []).toEqual([]);
  });

  it('lists the same corrected field changed on both desks in Needs your decision', async () => {
    const team = await testTeam(server, ['ana', 'ben']);
    const clock = { t: 1_000 };
    const ana = await testDesk(team, 'ana', clock);
    const ben = await testDesk(team, 'ben', clock);
    const a = article('/ana/a.txt', TEXT);
    await storeArticles(ana.db, [a]);
    await settle([ana, ben], 1);
    await saveEdits(ana.db, a.id, { title: 'Ana’s title', author: 'A. Writer' });
    await saveEdits(ben.db, a.id, { title: 'Ben’s title', published: '2026-03-03' });
    await settle([ana, ben]);
    for (const desk of [ana, ben]) {
      const rows = await desk.db.syncConflicts.toArray();
      expect(rows.map(r => [r.docId, r.field])).toEqual([[`article:${a.id}`, 'title']]);
      const edits = (await desk.db.library.get(a.id))?.edits;
      expect(edits).toMatchObject({ author: 'A. Writer', published: '2026-03-03' });
    }
  });

  it('queues every article once on joining, before the highlights', async () => {
    const team = await testTeam(server, ['ana']);
    const ana = await testDesk(team, 'ana');
    await ana.db.syncOutbox.clear();
    const many = Array.from({ length: 30 }, (_, i) => article(`/a/${i}.txt`, `${TEXT} ${i}`));
    await storeArticles(ana.db, many);
    await ana.db.syncOutbox.clear();
    expect(await queueAll(ana.db, 'ana')).toBe(30);
    const rows = await ana.db.syncOutbox.toArray();
    expect(rows.every(r => r.table === 'articles' && r.docId.startsWith('article:'))).toBe(true);
  });

  it('refuses a forged or oversized article on the server and in the desk’s check', async () => {
    const team = await testTeam(server, ['ana']);
    const ana = await testDesk(team, 'ana');
    const a = article('/ana/a.txt', TEXT);
    const good = {
      _id: `article:${a.id}`,
      kind: 'article',
      schema: 1,
      authorId: 'ana',
      editedBy: 'ana',
      updatedAt: 1,
      data: {
        id: a.id,
        content: {
          contentHash: a.id,
          storedAt: 1,
          title: a.title,
          publisher: null,
          published: null,
          dateline: null,
          author: null,
          url: null,
          text: TEXT,
          paragraphs: a.paragraphs,
          wordCount: a.wordCount,
        },
      },
    };
    expect(ArticleDataSchema.safeParse(good.data).success).toBe(true);
    const withPath = { ...good, data: { ...good.data, source: SECRET_PATH } };
    const big = 'x'.repeat(5 * 1024 * 1024 + 1);
    const oversized = {
      ...good,
      _id: `article:${idOf(big)}`,
      data: {
        id: idOf(big),
        content: { ...good.data.content, contentHash: idOf(big), text: big },
      },
    };
    // An article filed under another article's document: its id is not the document's.
    const misfiled = { ...good, data: { ...good.data, id: idOf('Another text altogether.') } };
    // The desk's check: a path field, an oversized text and a misfiled article all fail.
    expect(parseDoc({ ...withPath, _rev: '1-a' })).toBeNull();
    expect(parseDoc({ ...oversized, _rev: '1-a' })).toBeNull();
    expect(parseDoc({ ...misfiled, _rev: '1-a' })).toBeNull();
    expect(parseDoc({ ...good, _rev: '1-a' })).not.toBeNull();
    // The server: the path, the oversized text and the misfiled article are refused.
    const answers = await ana.remote.bulkDocs([
      withPath,
      oversized,
      misfiled,
    ] as ReadoutPouch.Doc[]);
    expect(answers.every(x => !('ok' in x && x.ok))).toBe(true);
  });

  it('keeps a shared article on every desk when a member deletes it on the server', async () => {
    const team = await testTeam(server, ['ana', 'ben']);
    const ana = await testDesk(team, 'ana');
    const ben = await testDesk(team, 'ben');
    const a = article('/ana/a.txt', TEXT);
    await storeArticles(ana.db, [a]);
    await settle([ana, ben]);
    // Ben deletes the team's copy past the app (any CouchDB client can).
    const current = await ben.remote.get(`article:${a.id}`);
    const gone = await ben.remote.bulkDocs([
      { _id: current._id, _rev: current._rev!, _deleted: true },
    ]);
    expect('ok' in gone[0] && gone[0].ok).toBe(true);
    await settle([ana, ben]);
    for (const desk of [ana, ben]) {
      expect((await desk.db.articles.get(a.id))?.text).toBe(TEXT);
      expect(await desk.db.library.get(a.id)).toBeDefined();
    }
    // Ana's next correction publishes the article again, and it reaches Ben.
    await saveEdits(ana.db, a.id, { title: 'Talks resume' });
    await settle([ana, ben]);
    expect((await ben.db.library.get(a.id))?.edits).toEqual({ title: 'Talks resume' });
  });

  it('applies library state restored from a backup when its article arrives from the team', async () => {
    const team = await testTeam(server, ['ana', 'ben']);
    const ana = await testDesk(team, 'ana');
    const ben = await testDesk(team, 'ben');
    const a = article('/reports/talks.txt', TEXT);
    const b = article('/reports/other.txt', 'A second text about a visit that was put off.');
    await storeArticles(ana.db, [a, b]);
    // Ana corrected b's publisher on the team already; a carries no correction.
    await saveEdits(ana.db, b.id, { publisher: 'Wire (corrected)' });
    // Ben's old desk, never in the team: he read and archived both and corrected both titles.
    const old = new ReadoutDB(`ben-old-${Math.random()}`);
    await storeArticles(old, [a, b]);
    await markRead(old, a.id, 111);
    await setArchived(old, [a.id, b.id], 222);
    await saveEdits(old, a.id, { title: 'Talks to resume' });
    await saveEdits(old, b.id, { title: 'Visit put off' });
    // His new desk has none of the files: the restored state waits for the articles.
    await restoreFromText(ben.db, backupToJson(await createWorkBackup(old)));
    expect(await ben.db.meta.get(PENDING_LIBRARY_STATE_KEY)).toBeDefined();

    await settle([ana, ben]);

    const benA = await ben.db.library.get(a.id);
    expect(benA).toMatchObject({
      readAt: 111,
      archivedAt: 222,
      edits: { title: 'Talks to resume' },
    });
    // The team had no correction of a: Ben's restored one is his edit and reaches Ana.
    expect((await ana.db.library.get(a.id))?.edits).toEqual({ title: 'Talks to resume' });
    // The team's correction of b is newer shared work than Ben's backup: it stands.
    const benB = await ben.db.library.get(b.id);
    expect(benB).toMatchObject({ archivedAt: 222, edits: { publisher: 'Wire (corrected)' } });
    expect(benB?.readAt).toBeUndefined();
    expect((await ana.db.library.get(b.id))?.edits).toEqual({ publisher: 'Wire (corrected)' });
    // Read and archive are Ben's own: they never reach Ana.
    expect((await ana.db.library.get(a.id))?.archivedAt).toBeUndefined();
    expect(await ben.db.meta.get(PENDING_LIBRARY_STATE_KEY)).toBeUndefined();
    expect(await ben.db.syncOutbox.count()).toBe(0);
    await old.delete();
  });
});
