/**
 * The analyst's state of each article: read, reading position, archived, trashed, and metadata
 * edits, kept on its library entry. Trashing is a field (`trashedAt`), not a move between tables;
 * the article's highlights and note go to the trash with it (marked `trashedWithArticle`, trash.ts)
 * so that every view hides them, and restoring the article brings exactly those back. Multi-table writes run
 * in one transaction: an article is never trashed with its highlights still showing.
 */
import { takePending } from '../backup/library-state';
import type { LibraryEntry, MetadataEdits, ReadoutDB, StoredArticle } from './db';
import { entryFromArticle } from './db';
import { restoreWorkOf, trasher, trashWorkOf } from './trash';

/** The metadata the analyst sees: the file's fields with the analyst's edits laid over them. */
export interface EffectiveMetadata {
  title: string;
  publisher: string | null;
  author: string | null;
  published: string | null;
  url: string | null;
}

/** The fields as shown: an edit wins over the file's value; an unedited field is the file's. */
export function effectiveMetadata(
  entry: Pick<LibraryEntry, 'title' | 'publisher' | 'author' | 'published' | 'url' | 'edits'>,
): EffectiveMetadata {
  const e = entry.edits ?? {};
  return {
    title: e.title ?? entry.title,
    publisher: e.publisher ?? entry.publisher,
    author: e.author ?? entry.author,
    published: e.published ?? entry.published,
    url: e.url ?? entry.url,
  };
}

/**
 * Articles by id as the analyst sees them: the file's title, publisher, date, author and URL with
 * the analyst's edits laid over them, for every place that cites an article (meeting cards,
 * briefings, digests). Missing ids are left out.
 */
export async function articlesAsShown(
  db: ReadoutDB,
  ids: readonly string[],
): Promise<Map<string, StoredArticle>> {
  const [articles, entries] = await Promise.all([
    db.articles.bulkGet([...ids]),
    db.library.bulkGet([...ids]),
  ]);
  const shown = new Map<string, StoredArticle>();
  articles.forEach((article, i) => {
    if (!article) return;
    const entry = entries[i];
    if (!entry?.edits) {
      shown.set(article.id, article);
      return;
    }
    const m = effectiveMetadata(entry);
    shown.set(article.id, {
      ...article,
      title: m.title,
      publisher: m.publisher,
      published: m.published,
      author: m.author,
      url: m.url,
    });
  });
  return shown;
}

/** Marks an article read (once: the first reading time is kept). False when it has no entry. */
export function markRead(db: ReadoutDB, articleId: string, now = Date.now()): Promise<boolean> {
  return db.transaction('rw', db.library, async () => {
    const entry = await db.library.get(articleId);
    if (!entry) return false;
    if (entry.readAt === undefined) await db.library.put({ ...entry, readAt: now, updatedAt: now });
    return true;
  });
}

/** Marks articles unread again. */
export async function markUnread(db: ReadoutDB, ids: readonly string[], now = Date.now()) {
  await db.transaction('rw', db.library, async () => {
    for (const entry of await entriesOf(db, ids)) {
      await db.library.put({ ...without(entry, 'readAt'), updatedAt: now });
    }
  });
}

/** Remembers where the analyst is in an article (an offset into its text). */
export async function savePosition(
  db: ReadoutDB,
  articleId: string,
  position: number,
  now = Date.now(),
): Promise<void> {
  await db.positions.put({
    articleId,
    position: Math.max(0, Math.round(position)),
    updatedAt: now,
  });
}

/** The saved reading position of an article, or null when it has none. */
export async function positionOf(db: ReadoutDB, articleId: string): Promise<number | null> {
  return (await db.positions.get(articleId))?.position ?? null;
}

/** A copy of the entry without the given state fields (a state cleared, not set to null). */
function without(entry: LibraryEntry, ...keys: (keyof LibraryEntry)[]): LibraryEntry {
  const copy: Partial<LibraryEntry> = { ...entry };
  for (const key of keys) delete copy[key];
  return copy as LibraryEntry;
}

async function entriesOf(db: ReadoutDB, ids: readonly string[]): Promise<LibraryEntry[]> {
  return (await db.library.bulkGet([...ids])).filter((e): e is LibraryEntry => e !== undefined);
}

/**
 * Archives (`at` a time) or unarchives (`at` null) articles. Resolves to each article's archive
 * time before, so an undo can put exactly that back.
 */
export function setArchived(
  db: ReadoutDB,
  ids: readonly string[],
  at: number | null,
  now = Date.now(),
): Promise<Map<string, number | undefined>> {
  return db.transaction('rw', db.library, async () => {
    const before = new Map<string, number | undefined>();
    for (const entry of await entriesOf(db, ids)) {
      before.set(entry.articleId, entry.archivedAt);
      const rest = without(entry, 'archivedAt');
      await db.library.put(
        at === null ? { ...rest, updatedAt: now } : { ...rest, archivedAt: at, updatedAt: now },
      );
    }
    return before;
  });
}

/** Puts back archive times `setArchived` reported (undo). */
export async function restoreArchived(
  db: ReadoutDB,
  before: ReadonlyMap<string, number | undefined>,
  now = Date.now(),
): Promise<void> {
  await db.transaction('rw', db.library, async () => {
    for (const entry of await entriesOf(db, [...before.keys()])) {
      const rest = without(entry, 'archivedAt');
      const at = before.get(entry.articleId);
      await db.library.put(
        at === undefined
          ? { ...rest, updatedAt: now }
          : { ...rest, archivedAt: at, updatedAt: now },
      );
    }
  });
}

/**
 * Sends articles to the trash with their highlights and note. Articles already in the trash are
 * left as they are. Resolves to the ids actually trashed.
 */
export function trashArticles(
  db: ReadoutDB,
  ids: readonly string[],
  now = Date.now(),
): Promise<string[]> {
  return db.transaction('rw', db.library, db.highlights, db.articleNotes, async () => {
    const trashed: string[] = [];
    for (const entry of await entriesOf(db, ids)) {
      if (entry.trashedAt !== undefined) continue;
      const id = entry.articleId;
      await db.library.put({ ...entry, trashedAt: now, trashedBy: trasher(db), updatedAt: now });
      await trashWorkOf(db, id, now);
      trashed.push(id);
    }
    return trashed;
  });
}

/** Brings articles back from the trash with the highlights and note that went with them. */
export async function restoreArticles(
  db: ReadoutDB,
  ids: readonly string[],
  now = Date.now(),
): Promise<void> {
  await db.transaction('rw', db.library, db.highlights, db.articleNotes, async () => {
    for (const entry of await entriesOf(db, ids)) {
      await db.library.put({ ...without(entry, 'trashedAt', 'trashedBy'), updatedAt: now });
      await restoreWorkOf(db, entry.articleId, now);
    }
  });
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The longest edited value per field, as the import contract bounds the file's. */
const EDIT_LIMITS: Record<keyof MetadataEdits, number> = {
  title: 400,
  publisher: 200,
  author: 200,
  published: 10,
  url: 2048,
};

export type EditCheck =
  { ok: true; value: MetadataEdits } | { ok: false; error: { code: 'invalid'; message: string } };

/**
 * Checks and tidies what the analyst typed: trimmed, empty fields dropped (the file's value shows
 * again), a date must be a real YYYY-MM-DD day, a URL must be http(s). An error names the field.
 */
export function checkEdits(edits: MetadataEdits): EditCheck {
  const value: MetadataEdits = {};
  for (const key of Object.keys(EDIT_LIMITS) as (keyof MetadataEdits)[]) {
    const raw = edits[key]?.trim();
    if (!raw) continue;
    if (raw.length > EDIT_LIMITS[key])
      return invalid(`The ${key} is longer than ${EDIT_LIMITS[key]} characters.`);
    if (key === 'published' && !isRealDate(raw))
      return invalid('The date must be a day written as YYYY-MM-DD, for example 2023-04-25.');
    if (key === 'url' && !/^https?:\/\/\S+$/i.test(raw))
      return invalid('The URL must start with http:// or https://.');
    value[key] = raw;
  }
  return { ok: true, value };
}

function invalid(message: string): EditCheck {
  return { ok: false, error: { code: 'invalid', message } };
}

function isRealDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/**
 * Stores the analyst's metadata edits of one article (replacing earlier ones; `{}` removes them).
 * An edited date changes the article's extraction key (see `extractionKeys`), so its meetings are
 * extracted again against the new date. Resolves to the edits before, or null without an entry.
 */
export function saveEdits(
  db: ReadoutDB,
  articleId: string,
  edits: MetadataEdits,
  now = Date.now(),
): Promise<MetadataEdits | null> {
  return db.transaction('rw', db.library, async () => {
    const entry = await db.library.get(articleId);
    if (!entry) return null;
    const { edits: before, ...rest } = entry;
    const next =
      Object.keys(edits).length > 0
        ? { ...rest, edits, updatedAt: now }
        : { ...rest, updatedAt: now };
    await db.library.put(next);
    return before ?? {};
  });
}

/**
 * What each live (not trashed) article is extracted as: its content hash, followed by `@date`
 * when the analyst edited its date, since relative dates in the text resolve against it. Read
 * from indexes alone (no text, no whole entries), so checking for changes stays cheap.
 */
export async function extractionKeys(
  db: ReadoutDB,
): Promise<{ id: string; contentHash: string }[]> {
  const pairs: { id: string; contentHash: string }[] = [];
  const [trashed, edited] = await Promise.all([
    db.library.orderBy('trashedAt').primaryKeys(),
    editedDates(db),
  ]);
  const gone = new Set(trashed);
  await db.articles.orderBy('contentHash').eachKey((hash, cursor) => {
    const id = String(cursor.primaryKey);
    if (gone.has(id)) return;
    const date = edited.get(id);
    pairs.push({ id, contentHash: date ? `${String(hash)}@${date}` : String(hash) });
  });
  return pairs;
}

/** One article's extraction key (see `extractionKeys`); null while it is in the trash. */
export function extractionKey(
  article: Pick<StoredArticle, 'contentHash'>,
  entry: Pick<LibraryEntry, 'trashedAt' | 'edits'> | undefined,
): string | null {
  if (entry?.trashedAt !== undefined) return null;
  const date = entry?.edits?.published;
  return date ? `${article.contentHash}@${date}` : article.contentHash;
}

/** Article id → the date the analyst gave it, from the `edits.published` index. */
export async function editedDates(db: ReadoutDB): Promise<Map<string, string>> {
  const dates = new Map<string, string>();
  await db.library
    .orderBy('edits.published')
    .eachKey((date, cursor) => dates.set(String(cursor.primaryKey), String(date)));
  return dates;
}

/**
 * Gives every stored article a library entry it lacks (after a restore of a backup from before
 * the library, or one that held articles without entries). Entries already there are kept.
 * Reads articles a page at a time so a large library never sits in memory whole.
 */
export async function ensureEntries(db: ReadoutDB, page = 500): Promise<number> {
  const have = new Set(await db.library.toCollection().primaryKeys());
  const ids = (await db.articles.toCollection().primaryKeys()).filter(id => !have.has(id));
  for (let i = 0; i < ids.length; i += page) {
    const articles = (await db.articles.bulkGet(ids.slice(i, i + page))).filter(
      (a): a is StoredArticle => a !== undefined,
    );
    const entries = articles.map(a => entryFromArticle(a, a.importedAt));
    await db.transaction('rw', db.library, db.meta, async () => {
      await db.library.bulkPut(await takePending(db, entries));
    });
  }
  return ids.length;
}

/**
 * After a restore: removes entries whose article is gone and adds the entries articles lack, so
 * every article has exactly one. Resolves to how many were removed and added.
 */
export async function reconcileEntries(db: ReadoutDB): Promise<{ removed: number; added: number }> {
  const articles = new Set(await db.articles.toCollection().primaryKeys());
  const orphans = (await db.library.toCollection().primaryKeys()).filter(id => !articles.has(id));
  await db.library.bulkDelete(orphans);
  return { removed: orphans.length, added: await ensureEntries(db) };
}
