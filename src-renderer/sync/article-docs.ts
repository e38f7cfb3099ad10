/**
 * Articles as team documents (`article:<id>`): the article's text and the metadata read from its
 * file, keyed by the article id every desk shares (the content id of its first import), plus the
 * library's shared fields — the analyst's corrections of title, publisher, author, date and URL,
 * and the trash. Highlights, meeting ids and decision anchors name article ids and offsets into
 * the text, so a teammate's highlight anchors only once the article it names is on this desk.
 *
 * - **Never synced**: the file's place on this machine (`source`, the absolute path, and `file`,
 *   its name): a desk that receives an article stores it under `team:<id>` until the analyst
 *   imports the same file there. Also local: read state, reading position and archive, which are
 *   each analyst's own way through the library, not shared work.
 * - **Checked**: no unknown fields, and sizes capped (the import's own limits). The id cannot be
 *   checked against the text: main names an article by the SHA-256 of its whole normalised file
 *   (header lines and all, parse.ts `contentId`), which the document does not carry; a member can
 *   therefore publish another text under an existing id, as an edited re-import does.
 * - **Text and file metadata travel as one field**, `content`, so the three-way merge never mixes
 *   two versions of a file; when two desks stored different texts, the later import wins (see
 *   field-merge.ts) — it is a file's version, not an analyst's judgement.
 */
import { z } from 'zod';
import type { MetaSources } from '../../src-main/contract/article';
import { takePending } from '../backup/library-state';
import { entryFromArticle } from '../db/entries';
import {
  type LibraryEntry,
  type MetadataEdits,
  type ReadoutDB,
  type StoredArticle,
} from '../db/db';

/** The two tables an article document is read from. */
type ArticleTables = Pick<ReadoutDB, 'articles' | 'library'>;

/**
 * The tables storing one touches: its two, `meta` (library state restored from a backup waits
 * there for its article) and `syncOutbox` (restored corrections are queued for the team).
 */
type StoreTables = ArticleTables & Pick<ReadoutDB, 'meta' | 'syncOutbox'>;

/** The `source` of an article that came from the team and was never imported here. */
export const TEAM_SOURCE_PREFIX = 'team:';

/** The largest article text a document may carry: the import's file limit (5 MiB). */
export const MAX_ARTICLE_TEXT = 5 * 1024 * 1024;

/** The corrections that travel, each its own field so that two desks' edits of two fields merge. */
export const EDIT_FIELDS = ['title', 'publisher', 'author', 'published', 'url'] as const;

const Hex16 = z.string().regex(/^[0-9a-f]{16}$/);
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const Span = z.object({ start: z.number().int().min(0), end: z.number().int().min(0) });

/** What one version of the article file gave: its text and the metadata read from it. */
const ContentSchema = z.strictObject({
  contentHash: Hex16,
  /** When this text was stored on the desk that imported it; the later import wins a merge. */
  storedAt: z.number(),
  title: z.string().min(1).max(400),
  publisher: z.string().max(200).nullable(),
  published: IsoDate.nullable(),
  dateline: z.string().max(120).nullable(),
  author: z.string().max(200).nullable(),
  url: z.string().max(2048).nullable(),
  text: z.string().max(MAX_ARTICLE_TEXT),
  paragraphs: z.array(Span).max(200_000),
  wordCount: z.number().int().min(0),
  metaSources: z.record(z.string(), z.string().max(20)).optional(),
  dateOrder: z.enum(['day-first', 'month-first']).optional(),
  format: z.enum(['text', 'markdown', 'html', 'pdf', 'docx', 'eml']).optional(),
});

/**
 * An article document's `data`. Strict: a field this build does not know (a path, say) is a
 * refusal, not something to carry along.
 */
export const ArticleDataSchema = z.strictObject({
  id: Hex16,
  content: ContentSchema,
  title: z.string().min(1).max(400).optional(),
  publisher: z.string().min(1).max(200).optional(),
  author: z.string().min(1).max(200).optional(),
  published: IsoDate.optional(),
  url: z.string().min(1).max(2048).optional(),
  trashedAt: z.number().optional(),
  trashedBy: z.string().min(1).max(200).optional(),
});
export type ArticleData = z.infer<typeof ArticleDataSchema>;

/** Leaves out the fields a JSON document would hold as absent, so documents compare equal. */
function defined<T extends Record<string, unknown>>(record: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) if (value !== undefined) out[key] = value;
  return out as T;
}

/**
 * The document data of a stored article and its library entry. `me` names the analyst for a
 * trash made on this machine before the team was joined (stored as 'local').
 */
export function articleData(
  article: StoredArticle,
  entry: LibraryEntry | undefined,
  me: string,
): ArticleData {
  const edits = entry?.edits ?? {};
  return defined({
    id: article.id,
    content: defined({
      contentHash: article.contentHash,
      storedAt: article.updatedAt,
      title: article.title,
      publisher: article.publisher,
      published: article.published,
      dateline: article.dateline,
      author: article.author ?? null,
      url: article.url ?? null,
      text: article.text,
      paragraphs: article.paragraphs.map(p => ({ start: p.start, end: p.end })),
      wordCount: article.wordCount,
      metaSources: article.metaSources as Record<string, string> | undefined,
      dateOrder: article.dateOrder,
      format: article.format,
    }),
    title: edits.title,
    publisher: edits.publisher,
    author: edits.author,
    published: edits.published,
    url: edits.url,
    trashedAt: entry?.trashedAt,
    trashedBy:
      entry?.trashedAt === undefined
        ? undefined
        : !entry.trashedBy || entry.trashedBy === 'local'
          ? me
          : entry.trashedBy,
  });
}

/** Reads an article document's data from the desk; null when the article is not stored here. */
export async function readArticleData(
  db: ArticleTables,
  id: string,
  me: string,
): Promise<Record<string, unknown> | null> {
  const article = await db.articles.get(id);
  if (!article) return null;
  return JSON.parse(JSON.stringify(articleData(article, await db.library.get(id), me))) as Record<
    string,
    unknown
  >;
}

/**
 * Stores an article from the team the way an import stores one: the article (its text replaced in
 * place when the team's version is newer, keeping this desk's file place), and its library entry
 * (file fields refreshed, the shared corrections and trash set, read state and archive kept). The
 * search index and the meetings follow the `articles` table by their own live queries, as after
 * an import; the meetings sync extracts the article (main's extraction is not carried: meetings
 * are derived, never synced). Runs inside the caller's transaction, which must hold `articles`
 * and `library`.
 *
 * Nothing is stored when this desk already holds the same text under another id (both analysts
 * imported one file, one of them after an edit): one article, never two. A `null` (the team
 * deleted the document) changes nothing: articles leave a desk only by its own analyst's trash.
 *
 * A new entry takes the library state an automatic backup restored for it (`takePending`, as an
 * import does): read and archived always, since they never sync. The corrections and the trash
 * are shared, so the team's copy wins when it carries any of them (it holds every desk's latest);
 * only when it carries none — the backup came from a desk that never shared them — do the
 * backup's apply, queued as this analyst's edit so that they reach the team too.
 */
export async function storeTeamArticle(
  db: StoreTables,
  id: string,
  raw: Record<string, unknown> | null,
  now = Date.now(),
): Promise<void> {
  if (raw === null) return;
  const parsed = ArticleDataSchema.safeParse(raw);
  if (!parsed.success || parsed.data.id !== id) return;
  const data = parsed.data;
  const { contentHash, storedAt, ...file } = data.content;
  const here = await db.articles.get(id);
  if (!here) {
    const twin = await db.articles.where('contentHash').equals(contentHash).first();
    if (twin) return;
  }
  const article: StoredArticle = defined({
    ...file,
    metaSources: file.metaSources as MetaSources | undefined,
    id,
    contentHash,
    source: here?.source ?? `${TEAM_SOURCE_PREFIX}${id}`,
    file: here?.file ?? data.content.title,
    importedAt: here?.importedAt ?? now,
    updatedAt: here && here.contentHash === contentHash ? here.updatedAt : storedAt,
  });
  if (!here || JSON.stringify(here) !== JSON.stringify(article)) await db.articles.put(article);
  const entry = await db.library.get(id);
  const fresh = entryFromArticle(article, entry?.addedAt ?? now);
  // Only for an entry this desk never had: an existing one already took its pending state.
  const [restored] = entry ? [undefined] : await takePending(db, [fresh]);
  const backup = restored !== fresh ? restored : undefined;
  const edits: MetadataEdits = defined({
    title: data.title,
    publisher: data.publisher,
    author: data.author,
    published: data.published,
    url: data.url,
  });
  const teamShares = data.trashedAt !== undefined || Object.keys(edits).length > 0;
  const backupShares =
    backup !== undefined &&
    !teamShares &&
    (backup.trashedAt !== undefined || Object.keys(backup.edits ?? {}).length > 0);
  const shared = backupShares
    ? { trashedAt: backup.trashedAt, trashedBy: backup.trashedBy, edits: backup.edits }
    : {
        trashedAt: data.trashedAt,
        trashedBy: data.trashedBy,
        edits: Object.keys(edits).length > 0 ? edits : undefined,
      };
  const next: LibraryEntry = defined({
    ...fresh,
    updatedAt: entry?.updatedAt ?? backup?.updatedAt ?? now,
    readAt: entry ? entry.readAt : backup?.readAt,
    archivedAt: entry ? entry.archivedAt : backup?.archivedAt,
    ...shared,
  });
  if (backupShares) {
    // Written by the sync code, so not captured: queued here, the pump sends it as an edit.
    await db.syncOutbox.add({ docId: `article:${id}`, table: 'articles', key: id });
  }
  if (!entry || JSON.stringify(defined({ ...entry })) !== JSON.stringify(next)) {
    await db.library.put({ ...next, updatedAt: entry ? now : next.updatedAt });
  }
}
