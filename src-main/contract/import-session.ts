/**
 * The streaming import (issue 14): the renderer opens an import session and pulls bounded batches
 * from it, storing each before it asks for the next. Main reads, decodes and parses ahead by at
 * most two batches, so memory holds a few batches however large the folder, and no message grows
 * with the import. The same channels serve the desktop (paths, the open dialog) and the browser
 * preview (uploads: the page pushes each batch's bytes and gets its articles back).
 */
import { z } from 'zod';
import { ArticleSchema, ImportErrorSchema, UploadFileSchema } from './article';
import { ArticleExtractionSchema } from './article-meetings';

/** Files one batch reads at most. */
export const SESSION_BATCH_FILES = 200;
/** File bytes one batch reads at most; a batch ends after the file that passes it. */
export const SESSION_BATCH_BYTES = 4 * 1024 * 1024;
/**
 * Articles and errors one batch answer carries at most. A batch of 200 files makes 200 articles
 * unless e-mails carry attachments; a bigger yield is cut into several answers.
 */
export const MAX_BATCH_ARTICLES = 1_000;
export const MAX_BATCH_ERRORS = 2_000;
/**
 * Bytes (UTF-8 JSON) one batch answer may carry: a batch whose articles exceed it (a Word file
 * inflating to a long text) is cut into several answers; one article alone may pass it.
 */
export const MAX_BATCH_MESSAGE_BYTES = 8 * 1024 * 1024;
/** Upload bytes one `import:upload` call may carry (the page sends at most 8 MB or 200 files). */
export const MAX_UPLOAD_BATCH_BYTES = 16 * 1024 * 1024;

/**
 * A filesystem path as the desktop shell reports a dropped file: absolute (POSIX `/…`, Windows
 * `C:\…` or `\\server\…`) and without `..` segments, so a payload cannot name a folder by
 * climbing out of another or lean on main's working directory.
 */
export const PathSchema = z
  .string()
  .min(1)
  .max(4096)
  .refine(p => !p.includes('\0'), { message: 'path contains a NUL byte' })
  .refine(p => /^(?:\/|[A-Za-z]:[\\/]|\\\\)/.test(p), { message: 'path is not absolute' })
  .refine(p => !p.split(/[\\/]/).includes('..'), { message: 'path contains a ".." segment' });

/** A session id main made up (a random UUID); the renderer cannot guess another window's. */
export const ImportSessionIdSchema = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'expected a session id');

/** Where an import's files come from. */
export const ImportStartSchema = z.discriminatedUnion('kind', [
  /** Desktop: main shows its open dialog; the renderer never names the paths. */
  z.object({ kind: z.literal('dialog'), folders: z.boolean() }).strict(),
  /** Desktop: dropped paths, read only when a drop granted them (see DROP_GRANT_CHANNEL). */
  z
    .object({
      kind: z.literal('paths'),
      paths: z.array(PathSchema).min(1).max(1000),
    })
    .strict(),
  /** Preview: the page will upload this many files of this many bytes (File sizes). */
  z
    .object({
      kind: z.literal('upload'),
      totalFiles: z.number().int().nonnegative().max(1_000_000),
      totalBytes: z.number().int().nonnegative(),
    })
    .strict(),
]);
export type ImportStart = z.infer<typeof ImportStartSchema>;

/** An open session. Totals are null while main still walks the folders (they come with a batch). */
export const ImportSessionSchema = z.object({
  sessionId: ImportSessionIdSchema,
  totalFiles: z.number().int().nonnegative().nullable(),
  totalBytes: z.number().int().nonnegative().nullable(),
});
export type ImportSession = z.infer<typeof ImportSessionSchema>;

/**
 * One batch: its new articles (never one seen earlier in the session), their meetings, the
 * files' errors, and how far the import is. `done` is set on the last batch; the session is then
 * closed. Totals stay null until the walk has finished.
 */
export const ImportBatchSchema = z.object({
  articles: z.array(ArticleSchema).max(MAX_BATCH_ARTICLES),
  extractions: z.array(ArticleExtractionSchema).max(MAX_BATCH_ARTICLES).optional(),
  errors: z.array(ImportErrorSchema).max(MAX_BATCH_ERRORS),
  filesDone: z.number().int().nonnegative(),
  bytesDone: z.number().int().nonnegative(),
  totalFiles: z.number().int().nonnegative().nullable(),
  totalBytes: z.number().int().nonnegative().nullable(),
  done: z.boolean(),
  /**
   * Upload sessions: this answer is the first piece of a batch that was too big for one message;
   * take the rest with `import:next` before uploading more. Always false for path sessions.
   */
  more: z.boolean(),
});
export type ImportBatch = z.infer<typeof ImportBatchSchema>;

/** What `import:cancel` answers: how far the session had got (false when it was not open). */
export const ImportCancelSchema = z.object({ cancelled: z.boolean() });

/** The files of one upload call, bounded in count and bytes. */
export const UploadBatchSchema = z
  .array(UploadFileSchema)
  .min(1)
  .max(2000)
  .refine(files => files.reduce((n, f) => n + f.bytes.byteLength, 0) <= MAX_UPLOAD_BATCH_BYTES, {
    message: `an upload batch carries at most ${MAX_UPLOAD_BATCH_BYTES / 1024 / 1024} MiB`,
  });
