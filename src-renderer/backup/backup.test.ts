import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ReadoutDB, type StoredMeeting } from '../db/db';
import { ensureEntries, markRead, saveEdits, savePosition, setArchived } from '../db/library';
import { highlightsOf, liveNote } from '../db/highlights';
import { trashedItems, untrash } from '../db/trash';
import { FINGERPRINT_KEY, syncMeetings } from '../meetings/sync';
import { SEARCH_INDEX_META_KEY } from '../search/live';
import { makeArticle, makeHighlight, makeNote } from '../search/testing';
import {
  backupToJson,
  BackupError,
  createBackup,
  parseBackup,
  restoreBackup,
  restoreFromText,
} from './backup';

const article = makeArticle(
  'Ceasefire holds',
  'The ceasefire held overnight, observers said.\n\nTalks continue in Doha.',
);
const other = makeArticle('Port reopens', 'The port reopened to shipping on Friday.', {
  dateline: 'ADEN',
  published: null,
});

async function filled(): Promise<ReadoutDB> {
  const db = new ReadoutDB('t-' + Math.random());
  const h1 = makeHighlight(article, 'Talks continue in Doha', {
    colour: 2,
    note: 'Venue',
    tags: ['doha', 'talks'],
  });
  const h2 = makeHighlight(other, 'reopened to shipping', { colour: 7 });
  const trashed = makeHighlight(article, 'observers said', { note: 'old' });
  await db.articles.bulkAdd([article, other]);
  await db.highlights.bulkAdd([h1, h2]);
  await db.articleNotes.put(makeNote(article, 'Watch the mediators', ['mediation']));
  await db.highlights.add({ ...trashed, trashedAt: 1_700_000_100_000, trashedBy: 'local' });
  await db.meetingDecisions.add({
    id: 'd-1',
    meetingId: 'm-1',
    kind: 'edit',
    field: 'place',
    value: { city: 'Doha', country: 'QA' },
    anchors: [{ articleId: article.id, start: 47, quote: 'Talks continue in Doha.' }],
    createdAt: 1_700_000_200_000,
    updatedAt: 1_700_000_300_000,
  });
  await db.meta.bulkPut([
    { key: 'colours', value: ['Main', 'Who'] },
    { key: 'seeded', value: true },
    { key: SEARCH_INDEX_META_KEY, value: { format: 1, index: '{}' } },
    { key: FINGERPRINT_KEY, value: 'fingerprint of the library' },
  ]);
  await db.meetings.add(crafted('m-1'));
  // The analyst's library state: an edited date, a read article, one archived.
  await ensureEntries(db);
  await saveEdits(db, article.id, { published: '2024-05-02', author: 'A. Writer' }, 1);
  await markRead(db, other.id, 2);
  await setArchived(db, [other.id], 3);
  await savePosition(db, article.id, 47, 4);
  return db;
}

/** A meetings row as a crafted backup might carry one: keyed right, shaped for nothing. */
function crafted(id: string): StoredMeeting {
  return { id, status: 'held', title: 42, mentions: 'none' } as unknown as StoredMeeting;
}

async function dump(db: ReadoutDB) {
  const out: Record<string, unknown[]> = {};
  for (const t of db.tables) out[t.name] = await t.toArray();
  return out;
}

async function refusal(db: ReadoutDB, text: string): Promise<string> {
  const before = await dump(db);
  const error = await restoreFromText(db, text).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BackupError);
  expect(await dump(db)).toEqual(before);
  return (error as BackupError).message;
}

describe('createBackup', () => {
  it('holds every table but the derived meetings, per-article cache and search index and the desk’s team link, and leaves out the meetings fingerprint', async () => {
    const db = await filled();
    const backup = await createBackup(db, new Date('2025-01-02T03:04:05Z'));
    expect(backup).toEqual(
      expect.objectContaining({
        format: 'readout-backup',
        version: 1,
        schemaVersion: db.verno,
        exportedAt: '2025-01-02T03:04:05.000Z',
      }),
    );
    expect(Object.keys(backup.tables).sort()).toEqual(
      db.tables
        .map(t => t.name)
        .filter(
          name =>
            ![
              'meetings',
              'articleMeetings',
              'searchIndex',
              'syncOutbox',
              'syncState',
              'syncConflicts',
            ].includes(name),
        )
        .sort(),
    );
    expect(backup.tables.meta.map(r => r.key).sort()).toEqual(['colours', 'seeded']);
  });
});

describe('restoreBackup', () => {
  it('round-trips everything through JSON: restoring into a cleared database loses nothing', async () => {
    const db = await filled();
    const before = await dump(db);
    const json = backupToJson(await createBackup(db));
    await db.transaction('rw', db.tables, () => Promise.all(db.tables.map(t => t.clear())));
    expect(await db.articles.count()).toBe(0);
    const summary = await restoreFromText(db, json);
    expect(summary).toEqual({ articles: 2, highlights: 2, articleNotes: 1 });
    expect(await db.meetingDecisions.count()).toBe(1);
    const after = await dump(db);
    // Derived data was cleared with everything else and is not in the backup.
    before.meta = (before.meta as { key: string }[]).filter(
      r => r.key !== SEARCH_INDEX_META_KEY && r.key !== FINGERPRINT_KEY,
    );
    before.meetings = [];
    expect(after).toEqual(before);
  });

  it('gives each article a library entry when the backup is from before the library', async () => {
    const db = await filled();
    const backup = await createBackup(db);
    delete backup.tables.library;
    backup.schemaVersion = 5;
    await restoreFromText(db, backupToJson(backup));
    expect((await db.library.toArray()).map(e => [e.articleId, e.readAt, e.edits])).toEqual(
      [article.id, other.id].sort().map(id => [id, undefined, undefined]),
    );
  });

  it('refuses a library entry with an impossible edited date', async () => {
    const db = await filled();
    const backup = await createBackup(db);
    (backup.tables.library[0] as { edits: unknown }).edits = { published: 'Monday' };
    expect(await refusal(db, backupToJson(backup))).toMatch(/damaged/);
  });

  it('replaces what is there, keeping the derived search index', async () => {
    const source = await filled();
    const backup = await createBackup(source);
    const target = new ReadoutDB('t-' + Math.random());
    const stray = makeArticle('Stray', 'Not in the backup.');
    await target.articles.add(stray);
    await target.meta.put({ key: SEARCH_INDEX_META_KEY, value: 'kept' });
    await restoreBackup(target, await parseBackup(target, backupToJson(backup)));
    expect((await target.articles.toArray()).map(a => a.id).sort()).toEqual(
      [article.id, other.id].sort(),
    );
    expect((await target.meta.get(SEARCH_INDEX_META_KEY))?.value).toBe('kept');
    expect(await trashedItems(target)).toEqual(await trashedItems(source));
    expect(await trashedItems(target)).toHaveLength(1);
  });

  it('leaves the desk’s team link out of a backup and in place through a restore', async () => {
    const source = await filled();
    await source.syncState.put({ key: 'checkpoint', value: 41 });
    await source.syncOutbox.add({ docId: 'highlight:h1', table: 'highlights', key: 'h1' });
    const backup = await createBackup(source);
    expect(Object.keys(backup.tables)).not.toContain('syncState');
    expect(Object.keys(backup.tables)).not.toContain('syncOutbox');

    const target = new ReadoutDB('t-' + Math.random());
    await target.syncState.put({ key: 'checkpoint', value: 7 });
    await restoreBackup(target, await parseBackup(target, backupToJson(backup)));
    expect(await target.highlights.toArray()).toEqual(await source.highlights.toArray());
    expect(await target.syncState.get('checkpoint')).toEqual({ key: 'checkpoint', value: 7 });
  });

  it('is all or nothing when a write fails inside the transaction', async () => {
    const db = await filled();
    const backup = await createBackup(db);
    const before = await dump(db);
    // Two articles with the same unique source: the second bulkAdd fails after tables were cleared.
    backup.tables.articles.push({ ...article, id: 'ffffffffffffffff' });
    await expect(restoreBackup(db, backup)).rejects.toThrow(
      /could not be restored.*Nothing was changed/,
    );
    expect(await dump(db)).toEqual(before);
  });

  it('reports progress in steps of one transaction, and a failure in a late step changes nothing', async () => {
    const db = await filled();
    const before = await dump(db);
    const backup = await createBackup(db);
    backup.tables.articles = Array.from({ length: 1200 }, (_, i) => ({
      ...makeArticle(`Report ${i}`, `Grain stocks in district ${i} were counted.`),
    }));
    const total = Object.values(backup.tables).reduce((n, rows) => n + rows.length, 0);
    const progress: number[] = [];

    // The third step of articles repeats the first one's source: everything rolls back, the
    // steps already written too.
    const failing = structuredClone(backup);
    const { articles } = failing.tables;
    articles[1100] = { ...articles[1100], source: articles[0].source };
    await expect(restoreBackup(db, failing, done => progress.push(done))).rejects.toThrow(
      /could not be restored.*Nothing was changed/,
    );
    expect(progress).toEqual([500, 1000]);
    expect(await dump(db)).toEqual(before);

    progress.length = 0;
    await restoreBackup(db, backup, (done, all) => {
      expect(all).toBe(total);
      progress.push(done);
    });
    expect(progress.slice(0, 3)).toEqual([500, 1000, 1200]);
    expect(progress.at(-1)).toBe(total);
    expect(await db.articles.count()).toBe(1200);
  });
});

describe('restoring a backup made before the trash became a field (database version 8)', () => {
  const h1 = makeHighlight(article, 'Talks continue in Doha', { note: 'Venue' });
  const gone = makeHighlight(article, 'observers said', { note: 'old' });
  const oldNote = makeNote(other, 'Shipping lanes', ['aden']);
  /** The file as Readout wrote it at version 8: the trash is a table of moved records. */
  const v8Backup = (scope?: 'work') =>
    JSON.stringify({
      format: 'readout-backup',
      version: 1,
      exportedAt: '2025-01-01T00:00:00.000Z',
      schemaVersion: 8,
      ...(scope ? { scope, fingerprint: 'f'.repeat(64) } : {}),
      tables: {
        ...(scope ? {} : { articles: [article, other] }),
        highlights: [h1],
        articleNotes: [],
        meta: [{ key: 'colours', value: ['Main'] }],
        trash: [
          { id: 1, kind: 'highlight', record: gone, deletedAt: 50 },
          { id: 2, kind: 'article-note', record: oldNote, deletedAt: 60 },
        ],
      },
    });

  it.each([undefined, 'work' as const])(
    'maps the trash rows of a %s backup to trashed records, each restorable',
    async scope => {
      const db = new ReadoutDB('t-' + Math.random());
      try {
        if (scope) await db.articles.bulkAdd([article, other]);
        const summary = await restoreFromText(db, v8Backup(scope));
        expect(summary).toMatchObject({ highlights: 1, articleNotes: 0 });
        expect(await highlightsOf(db, article.id)).toEqual([h1]);
        expect(
          (await trashedItems(db)).map(i => [i.kind, i.key, i.trashedAt, i.trashedBy]),
        ).toEqual([
          ['article-note', other.id, 60, 'local'],
          ['highlight', gone.id, 50, 'local'],
        ]);
        expect(await untrash(db, 'highlight', gone.id)).toBe(true);
        expect(await untrash(db, 'article-note', other.id)).toBe(true);
        expect(await liveNote(db, other.id)).toMatchObject({ text: 'Shipping lanes' });
        expect((await highlightsOf(db, article.id)).map(h => h.note).sort()).toEqual([
          'Venue',
          'old',
        ]);
      } finally {
        await db.delete();
      }
    },
  );

  it('refuses a damaged trash row and says where, changing nothing', async () => {
    const db = new ReadoutDB('t-' + Math.random());
    try {
      const damaged = JSON.parse(v8Backup()) as { tables: { trash: { record: unknown }[] } };
      damaged.tables.trash[1].record = { articleId: other.id };
      await expect(restoreFromText(db, JSON.stringify(damaged))).rejects.toThrow(
        /damaged \(trash\[1\]/,
      );
      expect(await db.highlights.count()).toBe(0);
    } finally {
      await db.delete();
    }
  });
});

describe('parseBackup', () => {
  it('refuses text that is not JSON, changing nothing', async () => {
    const db = await filled();
    const json = backupToJson(await createBackup(db));
    expect(await refusal(db, json.slice(0, json.length / 2))).toMatch(
      /not valid JSON.*Nothing was changed/,
    );
  });

  it('refuses a foreign JSON file', async () => {
    const db = await filled();
    expect(await refusal(db, JSON.stringify({ type: 'AnnotationCollection' }))).toMatch(
      /not a Readout backup/,
    );
    expect(await refusal(db, '[1,2,3]')).toMatch(/not a Readout backup/);
    expect(await refusal(db, 'null')).toMatch(/not a Readout backup/);
  });

  it('refuses a backup from a newer Readout', async () => {
    const db = await filled();
    const backup = await createBackup(db);
    expect(await refusal(db, JSON.stringify({ ...backup, version: 2 }))).toMatch(
      /newer version of Readout/,
    );
    expect(await refusal(db, JSON.stringify({ ...backup, schemaVersion: 99 }))).toMatch(
      /newer version/,
    );
  });

  it('refuses damaged records and says where', async () => {
    const db = await filled();
    const backup = await createBackup(db);
    const bad = structuredClone(backup);
    (bad.tables.highlights[0] as { colour: number }).colour = 12;
    expect(await refusal(db, JSON.stringify(bad))).toMatch(/damaged \(highlights\[0\]\.colour: /);
    const noKey = structuredClone(backup);
    delete noKey.tables.articleNotes[0].articleId;
    expect(await refusal(db, JSON.stringify(noKey))).toMatch(/articleNotes\[0\]\.articleId/);
    const missing = structuredClone(backup);
    delete (missing.tables as Record<string, unknown>).articles;
    expect(await refusal(db, JSON.stringify(missing))).toMatch(/"articles" table is missing/);
    const dup = structuredClone(backup);
    dup.tables.highlights.push(dup.tables.highlights[0]);
    expect(await refusal(db, JSON.stringify(dup))).toMatch(/repeats the key/);
  });

  it('refuses a file holding a __proto__ key anywhere', async () => {
    const db = await filled();
    const json = backupToJson(await createBackup(db)).replace(
      '"note":"Venue"',
      '"note":"Venue","__proto__":{"polluted":true}',
    );
    expect(json).toContain('__proto__');
    expect(await refusal(db, json)).toMatch(/damaged \(it holds a "__proto__" key\)/);
  });

  it.each([
    [
      'a 1 MB highlight note',
      'highlights',
      0,
      { note: 'x'.repeat(1_000_000) },
      /highlights\[0\]\.note/,
    ],
    [
      'ten thousand tags',
      'articleNotes',
      0,
      { tags: Array(10_000).fill('t') },
      /articleNotes\[0\]\.tags/,
    ],
    ['a 2 MB setting', 'meta', 0, { value: 'x'.repeat(2_000_000) }, /meta\[0\]\.value/],
    [
      'an article title of 10,000 characters',
      'articles',
      1,
      { title: 'T'.repeat(10_000) },
      /articles\[1\]\.title/,
    ],
  ])('refuses an oversized record (%s) and says where', async (_, table, index, change, where) => {
    const db = await filled();
    const backup = await createBackup(db);
    Object.assign(backup.tables[table][index], change);
    expect(await refusal(db, JSON.stringify(backup))).toMatch(where);
  });

  it('restores an older backup that carried crafted meetings without them, and its meetings are found again', async () => {
    const source = await filled();
    const backup = await createBackup(source);
    backup.tables.meetings = [crafted('planted-1'), crafted('planted-2')] as unknown as Record<
      string,
      unknown
    >[];
    backup.tables.meta.push({ key: FINGERPRINT_KEY, value: 'stops re-extraction' });
    const db = await filled();
    await restoreFromText(db, JSON.stringify(backup));
    expect(await db.meetings.count()).toBe(0);
    expect(await db.meta.get(FINGERPRINT_KEY)).toBeUndefined();
    // The next sync extracts from the restored articles instead of trusting what was planted.
    const seen: string[][] = [];
    const outcome = await syncMeetings(db, {
      extractArticleMeetings: articles => {
        seen.push(articles.map(a => a.id).sort());
        return Promise.resolve({ ok: true, value: { results: [] } });
      },
      mergeArticleMeetings: () => Promise.resolve({ ok: true, value: { meetings: [], stale: [] } }),
    });
    expect(outcome).toMatchObject({ kind: 'extracted', meetings: 0 });
    expect(seen).toEqual([[article.id, other.id].sort()]);
  });

  it('refuses tables this version does not know', async () => {
    const db = await filled();
    const backup = await createBackup(db);
    const json = JSON.stringify({
      ...backup,
      tables: { ...backup.tables, futureThings: [{ id: 1 }] },
    });
    expect(await refusal(db, json)).toMatch(/does not know \("futureThings"\)/);
  });
});
