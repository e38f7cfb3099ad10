/**
 * Articles as main hands them to the renderer. Offsets everywhere in Readout (paragraphs,
 * highlights, meeting evidence) are UTF-16 code-unit offsets into `Article.text`.
 */
import { z } from 'zod';

export const IsoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a YYYY-MM-DD date');

export const SpanSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type Span = z.infer<typeof SpanSchema>;

/**
 * Where one metadata field was read: a `Key: value` header line of a text file, an HTML page's
 * meta tags or its JSON-LD, a PDF's document info, a Word file's properties, an e-mail's
 * headers, the article text itself (a dateline, a "Published:" line, a licence line) or, for a
 * title only, the file's name. Shown beside the field so an analyst knows how far to trust it.
 */
export const MetaSourceSchema = z.enum([
  'header',
  'html-meta',
  'json-ld',
  'pdf-info',
  'docx-props',
  'email-header',
  'text',
  'file-name',
]);
export type MetaSource = z.infer<typeof MetaSourceSchema>;

export const MetaSourcesSchema = z.object({
  title: MetaSourceSchema.optional(),
  publisher: MetaSourceSchema.optional(),
  author: MetaSourceSchema.optional(),
  published: MetaSourceSchema.optional(),
  url: MetaSourceSchema.optional(),
});
export type MetaSources = z.infer<typeof MetaSourcesSchema>;

/** The kind of file an article was read from. */
export const ArticleFormatSchema = z.enum(['text', 'markdown', 'html', 'pdf', 'docx', 'eml']);
export type ArticleFormat = z.infer<typeof ArticleFormatSchema>;

export const ArticleSchema = z.object({
  /** 16 hex characters of the SHA-256 of `text`: the same text always gets the same id. */
  id: z.string().regex(/^[0-9a-f]{16}$/),
  /**
   * Where the text came from: an absolute path (desktop), the relative path of an uploaded file
   * (browser preview) or `seeds/NAME` for bundled articles. One article per source: re-importing
   * an edited file replaces the text of the article with the same source.
   */
  source: z.string().min(1).max(4096),
  /** The file's base name, for display. */
  file: z.string().min(1).max(1024),
  title: z.string().min(1).max(400),
  publisher: z.string().max(200).nullable(),
  published: IsoDateSchema.nullable(),
  /** Place-and-agency line that opens many wire stories ("TEHRAN"). Never a meeting place. */
  dateline: z.string().max(120).nullable(),
  /** Normalised text the analyst reads: LF line ends, no BOM, no metadata prefix. */
  text: z.string(),
  paragraphs: z.array(SpanSchema),
  wordCount: z.number().int().nonnegative(),
  /*
   * The fields below came with the HTML/PDF/Word/e-mail importers. They are optional so that
   * articles stored before them (Dexie v5 and earlier) still parse; absent means "not known".
   */
  /** The article's own address (canonical URL, og:url, a `URL:` header line), http(s) only. */
  url: z.string().max(2048).nullable().optional(),
  /** The byline as the file gives it ("Ana Pereira", "Ana Pereira and Li Wei"). */
  author: z.string().max(200).nullable().optional(),
  /** Where each known field was read; a field absent here was not found in the file. */
  metaSources: MetaSourcesSchema.optional(),
  /**
   * How numeric dates in the text were read: `day-first` (21/11/2012 is 21 November) or
   * `month-first`, decided from the other dates of the same file; absent when no such date.
   */
  dateOrder: z.enum(['day-first', 'month-first']).optional(),
  format: ArticleFormatSchema.optional(),
});
export type Article = z.infer<typeof ArticleSchema>;

export const ImportErrorCodeSchema = z.enum([
  'empty',
  'binary',
  'encoding',
  'too-large',
  'unreadable',
  'not-found',
  'too-many-files',
  'symlink-loop',
  'invalid',
  /** A PDF that needs a password to open. */
  'password',
  /** A PDF whose pages are images only (a scan), with no text to read. */
  'no-text-layer',
  /** A PDF, Word file or e-mail whose structure is broken, or a zip bomb. */
  'corrupt',
]);
export type ImportErrorCode = z.infer<typeof ImportErrorCodeSchema>;

export const ImportErrorSchema = z.object({
  file: z.string().max(4096),
  code: ImportErrorCodeSchema,
  message: z.string().max(1000),
});
export type ImportError = z.infer<typeof ImportErrorSchema>;

export const ImportReportSchema = z.object({
  articles: z.array(ArticleSchema),
  errors: z.array(ImportErrorSchema),
});
export type ImportReport = z.infer<typeof ImportReportSchema>;

/** Largest article file Readout reads. News articles are a few KB; 5 MiB leaves room for reports. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** Most files one import reads; a larger folder is cut with a `too-many-files` error. */
export const MAX_FILES_PER_IMPORT = 20_000;

/** Raw bytes; structured-cloned over Electron IPC, `{"$bytes": base64}` over the preview channel. */
export const BytesSchema = z.custom<Uint8Array>(value => value instanceof Uint8Array, {
  message: 'expected bytes (a Uint8Array)',
});

/** A file sent as bytes (browser preview uploads, dropped files without a path). */
export const UploadFileSchema = z.object({
  /** Relative path as the picker reports it ("folder/a.txt"), or the base name. */
  name: z.string().min(1).max(4096),
  /** Size on disk; when it exceeds MAX_FILE_BYTES the sender leaves `bytes` empty. */
  size: z.number().int().nonnegative(),
  bytes: BytesSchema.refine(b => b.byteLength <= MAX_FILE_BYTES, {
    message: 'file content is larger than the import limit',
  }),
});
export type UploadFile = z.infer<typeof UploadFileSchema>;
