import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  WORK_BACKUP_FORMAT,
  WORK_BACKUP_VERSION,
  WorkBackupSchema,
} from '../../src-main/contract/auto-backup';
import { ReadoutDB } from '../db/db';
import { liveHighlights } from '../db/highlights';
import { emptyTrash } from '../db/trash';
import { renameColour } from '../features/highlights/palette';
import { FINGERPRINT_KEY } from '../meetings/sync';
import { SEARCH_INDEX_META_KEY } from '../search/live';
import { makeArticle, makeHighlight, makeNote } from '../search/testing';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  backupToJson,
  BackupError,
  parseBackup,
  restoreBackup,
  restoreFromText,
} from './backup';
import { createWorkBackup, fingerprintOf, isEmptyWork, watchWork } from './work';

const article = makeArticle(
  'Ceasefire holds',
  'The ceasefire held overnight, observers said.\n\nTalks continue in Doha.',
);
const other = makeArticle('Port reopens', 'The port reopened to shipping on Friday.');

async function filled(): Promise<ReadoutDB> {
  const db = new ReadoutDB('w-' + Math.random());
  await db.articles.bulkAdd([article, other]);
  await db.highlights.bulkAdd([
    makeHighlight(article, 'Talks continue in Doha', { note: 'Venue', tags: ['doha'] }),
    makeHighlight(other, 'reopened to shipping', { colour: 5 }),
  ]);
  await db.articleNotes.put(makeNote(article, 'Watch the mediators', ['mediation']));
  await db.highlights.add({
    ...makeHighlight(article, 'observers said'),
    trashedAt: 1_700_000_100_000,
    trashedBy: 'local',
  });
  await db.meetings.add({ id: 'm-1' } as never);
  await db.meetingDecisions.add({
    id: 'd-1',
    meetingId: 'm-1',
    kind: 'edit',
    field: 'place',
    value: { city: 'Doha' },
    anchors: [{ articleId: article.id, start: 47, quote: 'Talks continue in Doha.' }],
    createdAt: 1_700_000_200_000,
    updatedAt: 1_700_000_300_000,
  });
  await db.briefings.put({
    id: 'm-1',
    anchors: [{ articleId: article.id, start: 47, quote: 'Talks continue in Doha.' }],
    bottomLine: 'Doha talks go on; no breakthrough.',
    keyPoints: null,
    excludedHighlights: [],
    handling: null,
    paper: 'A4',
    updatedAt: 1_700_000_400_000,
  });
  await renameColour(db, 0, 'Lead');
  await db.meta.bulkPut([
    { key: 'meeting-note:m-1', value: 'Ask who chairs.' },
    { key: 'seeded', value: true },
    { key: FINGERPRINT_KEY, value: 'a:b' },
    { key: SEARCH_INDEX_META_KEY, value: { format: 1, index: '{}' } },
  ]);
  return db;
}

/** Everything that is not the analyst's work: it must never change in a work restore. */
async function notWork(db: ReadoutDB) {
  const meta = await db.meta.toArray();
  return {
    articles: await db.articles.toArray(),
    meetings: await db.meetings.toArray(),
    meta: meta.filter(r => r.key !== 'colours' && !r.key.startsWith('meeting-note:')),
  };
}

describe('createWorkBackup', () => {
  it('holds the work tables, work meta records and library state, not articles or meetings', async () => {
    const db = await filled();
    const backup = await createWorkBackup(db, new Date('2025-03-01T10:00:00Z'));
    expect(backup).toMatchObject({
      format: 'readout-backup',
      version: 1,
      scope: 'work',
      exportedAt: '2025-03-01T10:00:00.000Z',
      schemaVersion: db.verno,
    });
    expect(Object.keys(backup.tables).sort()).toEqual([
      'articleNotes',
      'briefings',
      'highlights',
      'library',
      'meetingDecisions',
      'meta',
    ]);
    expect(backup.tables.meta.map(r => r.key)).toEqual(['colours', 'meeting-note:m-1']);
    // Two live highlights and the trashed one, which carries its trash fields.
    expect(backup.tables.highlights).toHaveLength(3);
    expect(backup.tables.highlights.filter(h => h.trashedAt !== undefined)).toHaveLength(1);
    expect(backup.tables.briefings.map(r => r.bottomLine)).toEqual([
      'Doha talks go on; no breakthrough.',
    ]);
    expect(backup.fingerprint).toBe(await fingerprintOf(backup.tables));
  });

  it('writes what main accepts as a work backup, in the format main knows', async () => {
    const backup = await createWorkBackup(await filled());
    expect(WorkBackupSchema.safeParse(JSON.parse(backupToJson(backup))).success).toBe(true);
    expect([WORK_BACKUP_FORMAT, WORK_BACKUP_VERSION]).toEqual([BACKUP_FORMAT, BACKUP_VERSION]);
  });

  it('gives the same fingerprint for the same work, and another one after any change', async () => {
    const db = await filled();
    const first = (await createWorkBackup(db)).fingerprint;
    await db.articles.add(makeArticle('Later', 'An article is not work.'));
    await db.meta.put({ key: SEARCH_INDEX_META_KEY, value: 'rebuilt' });
    expect((await createWorkBackup(db)).fingerprint).toBe(first);
    const [highlight] = await db.highlights.toArray();
    await db.highlights.update(highlight.id, { note: 'Venue, confirmed' });
    expect((await createWorkBackup(db)).fingerprint).not.toBe(first);
  });
});

describe('isEmptyWork', () => {
  it('counts renamed colours and empty meeting notes as no work', async () => {
    const db = new ReadoutDB('w-' + Math.random());
    await renameColour(db, 1, 'Who');
    await db.meta.put({ key: 'meeting-note:m-9', value: ' ' });
    expect(isEmptyWork((await createWorkBackup(db)).tables)).toBe(true);
    await db.meta.put({ key: 'meeting-note:m-9', value: 'Chair?' });
    expect(isEmptyWork((await createWorkBackup(db)).tables)).toBe(false);
  });
});

describe('restoring a work backup', () => {
  it('brings back the work as it was, keeping the articles and everything else', async () => {
    const db = await filled();
    const saved = await createWorkBackup(db);
    const text = backupToJson(saved);

    // The analyst carries on: deletes, edits, renames, adds; a new article is imported.
    const [first] = await db.highlights.toArray();
    await db.highlights.delete(first.id);
    await db.articleNotes.update(article.id, { text: 'Rewritten' });
    await emptyTrash(db);
    await db.meetingDecisions.clear();
    await renameColour(db, 0, 'Changed');
    await db.meta.put({ key: 'meeting-note:m-2', value: 'New note' });
    await db.highlights.add(makeHighlight(other, 'Friday', { note: 'added later' }));
    await db.articles.add(makeArticle('Imported later', 'Envoys met in Valletta.'));
    await db.meta.put({ key: SEARCH_INDEX_META_KEY, value: 'rebuilt' });
    const kept = await notWork(db);

    await restoreBackup(db, await parseBackup(db, text));

    const after = await createWorkBackup(db);
    expect(after.tables).toEqual(saved.tables);
    expect(after.fingerprint).toBe(saved.fingerprint);
    expect(await notWork(db)).toEqual(kept);
  });

  it('keeps highlights whose article is not in the library', async () => {
    const db = await filled();
    const saved = await createWorkBackup(db);
    const fresh = new ReadoutDB('w-' + Math.random());
    await fresh.articles.add(article);
    await restoreFromText(fresh, backupToJson(saved));
    expect((await liveHighlights(fresh)).map(h => h.articleId).sort()).toEqual(
      [article.id, other.id].sort(),
    );
    expect(await fresh.articles.toArray()).toEqual([article]);
  });

  it.each([
    [
      'a work backup holding articles',
      (b: Record<string, unknown[]>) => (b.articles = [article]),
      /a backup of your work holding "articles"/,
    ],
    [
      'a work backup holding a setting that is not work',
      (b: Record<string, unknown[]>) => b.meta.push({ key: 'seeded', value: false }),
      /meta\[2\] is not part of your work/,
    ],
    [
      'a work backup with a damaged highlight',
      (b: Record<string, unknown[]>) => ((b.highlights[0] as { colour: unknown }).colour = 'red'),
      /highlights\[0\]\.colour/,
    ],
    [
      'a work backup without its highlights',
      (b: Record<string, unknown[]>) => delete b.highlights,
      /the "highlights" table is missing/,
    ],
  ])('refuses %s and changes nothing', async (_title, damage, message) => {
    const db = await filled();
    const backup = await createWorkBackup(db);
    damage(backup.tables);
    const before = await createWorkBackup(db);
    const kept = await notWork(db);
    const error = await restoreFromText(db, backupToJson(backup)).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BackupError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toMatch(/Nothing was changed\.$/);
    expect((await createWorkBackup(db)).tables).toEqual(before.tables);
    expect(await notWork(db)).toEqual(kept);
  });
});

describe('watchWork', () => {
  it('reports changes to the work, and only to the work', async () => {
    const db = await filled();
    let changes = 0;
    const stop = watchWork(db, () => changes++);
    const settle = () => new Promise(resolve => setTimeout(resolve, 20));
    const expectChange = async (write: () => Promise<unknown>, expected: boolean) => {
      const before = changes;
      await write();
      await settle();
      expect(changes > before).toBe(expected);
    };
    try {
      await expectChange(() => db.articles.add(makeArticle('More', 'Text.')), false);
      await expectChange(() => db.meta.put({ key: SEARCH_INDEX_META_KEY, value: 'x' }), false);
      await expectChange(() => db.meta.put({ key: FINGERPRINT_KEY, value: 'y' }), false);
      await expectChange(() => db.meetings.put({ id: 'm-2' } as never), false);
      await expectChange(() => db.highlights.add(makeHighlight(article, 'ceasefire held')), true);
      await expectChange(() => db.articleNotes.delete(article.id), true);
      await expectChange(() => db.meetingDecisions.clear(), true);
      await expectChange(() => renameColour(db, 2, 'Doubt'), true);
      await expectChange(() => db.meta.put({ key: 'meeting-note:m-3', value: 'Hm' }), true);
      await expectChange(() => emptyTrash(db), true);
    } finally {
      stop();
    }
    await expectChange(() => db.highlights.clear(), false);
  });
});
