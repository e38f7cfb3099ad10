import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storeArticles } from './articles';
import { ReadoutDB } from './db';
import { highlightsOf, liveNote, newHighlight } from './highlights';
import {
  articlesAsShown,
  checkEdits,
  effectiveMetadata,
  ensureEntries,
  extractionKeys,
  markRead,
  markUnread,
  positionOf,
  restoreArchived,
  restoreArticles,
  saveEdits,
  savePosition,
  setArchived,
  trashArticles,
} from './library';
import { contractArticle } from './testing';

let db: ReadoutDB;
const talks = contractArticle('seeds/talks.txt', 'Envoys held talks in Vienna on Tuesday.', {
  title: 'Envoys hold talks',
  publisher: 'Wire One',
  published: '2023-05-02',
});
const summit = contractArticle('seeds/summit.txt', 'Leaders gathered for a summit in Oslo.');
beforeEach(async () => {
  db = new ReadoutDB('t-' + Math.random());
  await storeArticles(db, [talks, summit], 100);
});
afterEach(async () => {
  await db.delete();
});

describe('effectiveMetadata', () => {
  it('shows the analyst’s edits over the file’s fields and the file’s where unedited', async () => {
    const entry = (await db.library.get(talks.id))!;
    expect(effectiveMetadata({ ...entry, edits: { title: 'Vienna talks' } })).toEqual({
      title: 'Vienna talks',
      publisher: 'Wire One',
      author: null,
      published: '2023-05-02',
      url: null,
    });
  });
});

describe('articlesAsShown', () => {
  it('cites an article with the analyst’s corrected title, date and URL, and the file’s fields elsewhere', async () => {
    await saveEdits(db, talks.id, {
      title: 'Vienna talks on the nuclear file',
      published: '2023-05-03',
      url: 'https://wire.example/vienna',
    });
    const shown = await articlesAsShown(db, [talks.id, summit.id, 'ffffffffffffffff']);
    expect([...shown.keys()]).toEqual([talks.id, summit.id]);
    expect(shown.get(talks.id)).toMatchObject({
      title: 'Vienna talks on the nuclear file',
      publisher: 'Wire One',
      published: '2023-05-03',
      url: 'https://wire.example/vienna',
      text: talks.text,
    });
    expect(shown.get(summit.id)?.title).toBe(summit.title);
  });
});

describe('markRead', () => {
  it('keeps the first reading time, and markUnread makes it unread again', async () => {
    expect(await markRead(db, talks.id, 200)).toBe(true);
    await markRead(db, talks.id, 300);
    expect((await db.library.get(talks.id))?.readAt).toBe(200);
    await markUnread(db, [talks.id]);
    expect((await db.library.get(talks.id))?.readAt).toBeUndefined();
    expect(await markRead(db, 'ffffffffffffffff')).toBe(false);
  });
});

describe('markUnread', () => {
  it('leaves unread articles as they are', async () => {
    await markUnread(db, [summit.id]);
    expect((await db.library.get(summit.id))?.readAt).toBeUndefined();
  });
});

describe('savePosition', () => {
  it('remembers the reading position per article', async () => {
    await savePosition(db, talks.id, 17.4);
    expect(await positionOf(db, talks.id)).toBe(17);
    expect(await positionOf(db, summit.id)).toBeNull();
  });
});

describe('setArchived', () => {
  it('archives and reports the state before, so restoreArchived can undo it', async () => {
    const before = await setArchived(db, [talks.id, summit.id], 500);
    expect(await db.library.where('archivedAt').equals(500).count()).toBe(2);
    await restoreArchived(db, before);
    expect(await db.library.where('archivedAt').above(0).count()).toBe(0);
  });
});

describe('restoreArchived', () => {
  it('puts back an earlier archive time', async () => {
    await setArchived(db, [talks.id], 400);
    const before = await setArchived(db, [talks.id], null);
    expect((await db.library.get(talks.id))?.archivedAt).toBeUndefined();
    await restoreArchived(db, before);
    expect((await db.library.get(talks.id))?.archivedAt).toBe(400);
  });
});

describe('trashArticles', () => {
  it('trashes the article with its highlights and note, hiding them from their tables', async () => {
    const h = newHighlight({ ...talks, contentHash: talks.id }, 0, 6, 1);
    await db.highlights.put(h);
    await db.articleNotes.put({ articleId: talks.id, text: 'Ask', tags: ['vienna'], updatedAt: 1 });
    expect(await trashArticles(db, [talks.id], 900)).toEqual([talks.id]);
    expect(await db.library.get(talks.id)).toMatchObject({ trashedAt: 900, trashedBy: 'local' });
    // Trash is fields of the records: they stay in their tables, hidden from every live read.
    expect(await highlightsOf(db, talks.id)).toEqual([]);
    expect(await liveNote(db, talks.id)).toBeNull();
    expect(await db.highlights.get(h.id)).toMatchObject({
      trashedAt: 900,
      trashedBy: 'local',
      trashedWithArticle: talks.id,
    });
    expect(await db.articleNotes.get(talks.id)).toMatchObject({
      trashedAt: 900,
      trashedWithArticle: talks.id,
    });
    // Trashing it again changes nothing.
    expect(await trashArticles(db, [talks.id], 950)).toEqual([]);
    expect((await db.library.get(talks.id))?.trashedAt).toBe(900);
  });
});

describe('restoreArticles', () => {
  it('brings the article back with exactly the highlights and note that went with it', async () => {
    const h = newHighlight({ ...talks, contentHash: talks.id }, 0, 6, 1);
    await db.highlights.put(h);
    const note = { articleId: talks.id, text: 'Ask', tags: ['vienna'], updatedAt: 1 };
    await db.articleNotes.put(note);
    await trashArticles(db, [talks.id], 1100);
    await restoreArticles(db, [talks.id], 1200);
    expect((await db.library.get(talks.id))?.trashedAt).toBeUndefined();
    expect(await db.highlights.toArray()).toEqual([{ ...h, updatedAt: 1200 }]);
    expect(await db.articleNotes.get(talks.id)).toEqual({ ...note, updatedAt: 1200 });
    expect(await db.highlights.orderBy('trashedAt').count()).toBe(0);
  });
});

describe('checkEdits', () => {
  it('trims, drops empty fields, and refuses an impossible date or a non-web URL', () => {
    expect(checkEdits({ title: '  New title ', author: '   ' })).toEqual({
      ok: true,
      value: { title: 'New title' },
    });
    expect(checkEdits({ published: '2023-02-30' })).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
    expect(checkEdits({ url: 'javascript:alert(1)' })).toMatchObject({ ok: false });
    expect(checkEdits({ published: '2024-02-29', url: 'https://example.org/a' }).ok).toBe(true);
  });
});

describe('saveEdits', () => {
  it('keeps the edits across a re-import of the edited file, which refreshes the file fields', async () => {
    await saveEdits(db, talks.id, { title: 'Vienna talks', published: '2023-05-01' });
    await markRead(db, talks.id, 5);
    const edited = contractArticle('seeds/talks.txt', 'Envoys held long talks in Vienna.', {
      title: 'Envoys hold long talks',
      publisher: 'Wire Two',
    });
    expect(await storeArticles(db, [edited])).toMatchObject({ updated: 1 });
    const entry = (await db.library.get(talks.id))!;
    expect(entry).toMatchObject({ title: 'Envoys hold long talks', readAt: 5, addedAt: 100 });
    expect(effectiveMetadata(entry)).toMatchObject({
      title: 'Vienna talks',
      publisher: 'Wire Two',
      published: '2023-05-01',
    });
    expect(await saveEdits(db, talks.id, {})).toEqual({
      title: 'Vienna talks',
      published: '2023-05-01',
    });
    expect((await db.library.get(talks.id))?.edits).toBeUndefined();
  });
});

describe('extractionKeys', () => {
  it('keys articles by text and edited date, leaving trashed ones out', async () => {
    await saveEdits(db, talks.id, { published: '2023-05-01' });
    await trashArticles(db, [summit.id]);
    expect(await extractionKeys(db)).toEqual([
      { id: talks.id, contentHash: `${talks.id}@2023-05-01` },
    ]);
  });
});

describe('ensureEntries', () => {
  it('adds entries for articles without one and keeps those there', async () => {
    await markRead(db, talks.id, 7);
    await db.library.delete(summit.id);
    expect(await ensureEntries(db, 1)).toBe(1);
    expect(await db.library.get(summit.id)).toMatchObject({ title: summit.title, addedAt: 100 });
    expect((await db.library.get(talks.id))?.readAt).toBe(7);
  });
});
