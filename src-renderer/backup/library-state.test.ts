import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { storeArticles } from '../db/articles';
import { ReadoutDB } from '../db/db';
import { markRead, saveEdits, setArchived, trashArticles } from '../db/library';
import { contractArticle } from '../db/testing';
import { backupToJson, BackupError, restoreFromText } from './backup';
import { PENDING_LIBRARY_STATE_KEY } from './library-state';
import { createWorkBackup, isEmptyWork } from './work';

const first = contractArticle('/reports/port.txt', 'The port reopened to shipping on Friday.');
const second = contractArticle('/reports/talks.txt', 'Talks between the two envoys resumed.');
const third = contractArticle('/reports/fair.txt', 'A trade fair opened in the capital.');

async function desk(...articles: (typeof first)[]): Promise<ReadoutDB> {
  const db = new ReadoutDB('ls-' + Math.random());
  await storeArticles(db, articles, 1_700_000_000_000);
  return db;
}

/** The analyst's state of each entry, by article id, for comparing desks. */
async function stateOf(db: ReadoutDB) {
  const entries = await db.library.toArray();
  return Object.fromEntries(
    entries.map(e => [
      e.articleId,
      { read: e.readAt !== undefined, archived: e.archivedAt !== undefined, edits: e.edits },
    ]),
  );
}

/** A desk where the analyst read the first article, archived the second, re-dated the third. */
async function worked(): Promise<ReadoutDB> {
  const db = await desk(first, second, third);
  await markRead(db, first.id, 1_700_000_100_000);
  await setArchived(db, [second.id], 1_700_000_200_000);
  await saveEdits(db, third.id, { published: '2024-01-08', title: 'Trade fair' });
  return db;
}

describe('createWorkBackup', () => {
  it('keeps the library entries the analyst read, archived or edited, and no others', async () => {
    const db = await desk(first, second, third);
    await markRead(db, first.id, 1_700_000_100_000);
    const backup = await createWorkBackup(db);
    expect(backup.tables.library.map(e => e.articleId)).toEqual([first.id]);
    expect(isEmptyWork(backup.tables)).toBe(false);
  });

  it('counts a library nobody touched as no work', async () => {
    const backup = await createWorkBackup(await desk(first, second));
    expect(backup.tables.library).toEqual([]);
    expect(isEmptyWork(backup.tables)).toBe(true);
  });
});

describe('restoring a work backup', () => {
  it('gives back read marks, archive and edited details on a desk with the same articles', async () => {
    const source = await worked();
    const text = backupToJson(await createWorkBackup(source));
    const target = await desk(first, second, third);
    await restoreFromText(target, text);
    expect(await stateOf(target)).toEqual(await stateOf(source));
  });

  it('goes back to the backup: state set after it is cleared, the file fields stay', async () => {
    const db = await worked();
    const text = backupToJson(await createWorkBackup(db));
    await trashArticles(db, [first.id]);
    await saveEdits(db, second.id, { author: 'Desk' });
    await restoreFromText(db, text);
    const second_ = await db.library.get(second.id);
    expect(second_?.edits).toBeUndefined();
    expect(second_?.archivedAt).toBeDefined();
    expect((await db.library.get(first.id))?.trashedAt).toBeUndefined();
    expect((await db.library.get(first.id))?.title).toBe(first.title);
  });

  it('keeps the state of articles not imported yet and applies it when they arrive', async () => {
    const text = backupToJson(await createWorkBackup(await worked()));
    const fresh = await desk(first);
    await restoreFromText(fresh, text);
    expect((await fresh.library.get(first.id))?.readAt).toBeDefined();
    expect(await fresh.library.count()).toBe(1);

    // A backup taken before the files come back still holds the waiting state.
    const between = await createWorkBackup(fresh);
    expect(between.tables.meta.some(r => r.key === PENDING_LIBRARY_STATE_KEY)).toBe(true);

    await storeArticles(fresh, [second, third]);
    expect((await fresh.library.get(second.id))?.archivedAt).toBeDefined();
    expect((await fresh.library.get(third.id))?.edits).toEqual({
      published: '2024-01-08',
      title: 'Trade fair',
    });
    expect(await fresh.meta.get(PENDING_LIBRARY_STATE_KEY)).toBeUndefined();
  });

  it('matches a waiting entry by its file when the file was edited since', async () => {
    const text = backupToJson(await createWorkBackup(await worked()));
    const fresh = await desk();
    await restoreFromText(fresh, text);
    const edited = contractArticle(third.source, 'A trade fair opened in the capital on Monday.');
    await storeArticles(fresh, [edited]);
    expect((await fresh.library.get(edited.id))?.edits?.published).toBe('2024-01-08');
  });

  it('leaves the library alone when the backup is from before library state was work', async () => {
    const db = await worked();
    const backup = await createWorkBackup(db);
    delete (backup.tables as Record<string, unknown>).library;
    const before = await stateOf(db);
    await restoreFromText(db, backupToJson(backup));
    expect(await stateOf(db)).toEqual(before);
  });

  it('refuses waiting library state that is not library entries, changing nothing', async () => {
    const db = await worked();
    const backup = await createWorkBackup(db);
    backup.tables.meta.push({ key: PENDING_LIBRARY_STATE_KEY, value: [{ articleId: 7 }] });
    const before = await stateOf(db);
    await expect(restoreFromText(db, backupToJson(backup))).rejects.toBeInstanceOf(BackupError);
    expect(await stateOf(db)).toEqual(before);
  });
});
