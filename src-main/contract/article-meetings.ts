/**
 * Per-article meeting results: what the extractor found in one article before any merging. They
 * travel from main to the renderer in batches, are cached there by the article's content hash
 * and the extractor version, and travel back to be merged, so that the library's text crosses
 * the process border once per article version rather than on every change.
 */
import { z } from 'zod';
import { ImportReportSchema, IsoDateSchema } from './article';
import {
  MeetingConfidenceSchema,
  MeetingDateSchema,
  MeetingOutcomeSchema,
  MeetingStatusSchema,
  PersonSchema,
} from './meeting';

const CountryCodeSchema = z.string().regex(/^[A-Z]{2}$/);

/** One meeting as one article reports it (the extractor's `ArticleMeeting`). */
export const ArticleMeetingSchema = z.object({
  articleId: z.string().min(1),
  file: z.string(),
  published: IsoDateSchema.nullable(),
  dateResolvedVia: z.string().nullable(),
  mentions: z.array(
    z.object({
      sentence: z.string(),
      start: z.number().int().nonnegative(),
      end: z.number().int().nonnegative(),
    }),
  ),
  purpose: z.string().nullable(),
  lastSentence: z.number().int(),
  order: z.number().int().nonnegative(),
  status: MeetingStatusSchema,
  outcome: MeetingOutcomeSchema.nullable().optional(),
  confidence: MeetingConfidenceSchema.optional(),
  date: MeetingDateSchema,
  monthHint: z.number().int().min(1).max(12).nullable(),
  countries: z.array(CountryCodeSchema),
  people: z.array(PersonSchema),
  organizations: z.array(z.string()),
  levels: z.array(z.string()),
  city: z.string().nullable(),
  placeCountry: CountryCodeSchema.nullable(),
  venue: z.string().nullable(),
  separate: z.boolean(),
  /** Names of its people whose attendance the article hedges: not listed on the card. */
  hedged: z.array(z.string()).optional(),
  /** Relative dates an undated article could not resolve, for a reference date borrowed later. */
  unresolved: z
    .object({
      dates: z.array(z.object({ text: z.string(), tense: z.enum(['past', 'future']).nullable() })),
      host: z.number().int().nonnegative().nullable(),
    })
    .optional(),
});
export type ArticleMeetingRecord = z.infer<typeof ArticleMeetingSchema>;

/** What one extractor version found in one article. */
export const ArticleExtractionSchema = z.object({
  articleId: z.string().min(1),
  /** Results of another version are stale: main refuses to merge them and says which. */
  extractorVersion: z.string().min(1),
  meetings: z.array(ArticleMeetingSchema),
});
export type ArticleExtraction = z.infer<typeof ArticleExtractionSchema>;

/** Articles per `meetings:extractArticles` call: the renderer sends the library in batches. */
export const MAX_EXTRACT_BATCH = 200;

/**
 * An import's report with each article's meetings, extracted in main's worker where the file was
 * parsed (issue 14): the renderer stores them with the articles, in the same transaction, so the
 * meetings sync never sends those texts back to be extracted. `extractions` is optional: a
 * report without it (an older main, a failed extraction) is extracted by the sync as before.
 */
export const ExtractedImportReportSchema = ImportReportSchema.extend({
  extractions: z.array(ArticleExtractionSchema).optional(),
});
export type ExtractedImportReport = z.infer<typeof ExtractedImportReportSchema>;

/**
 * Per-article results in one `meetings:merge` request at most: the changed articles and those
 * of the stored meetings they could join. The request is bounded by what one change touches,
 * never by the size of the library.
 */
export const MAX_MERGE_RESULTS = 5_000;

/** Stored meetings one `meetings:merge` request may replace at most. */
export const MAX_MERGE_REPLACES = 10_000;

/**
 * Bytes (UTF-8 of the JSON) any meetings message may carry, either way: a quarter of the
 * preview's 64 MiB body cap, and small enough to clone across IPC without a pause.
 */
export const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

/**
 * One step of the incremental merge: the per-article results of the articles a change touched
 * (new and edited ones, and every article of the stored meetings they could join), and the ids
 * of those stored meetings. Main merges exactly these results; its answer replaces `replaces`
 * (a replaced meeting missing from the answer is gone), and every other stored meeting stays.
 */
export const MergeRequestSchema = z
  .object({
    results: z.array(ArticleExtractionSchema).max(MAX_MERGE_RESULTS),
    replaces: z.array(z.string().min(1)).max(MAX_MERGE_REPLACES),
  })
  .strict();
export type MergeRequest = z.infer<typeof MergeRequestSchema>;

/** Length in bytes of a message as the bridge sends it (UTF-8 JSON), without allocating it twice. */
export function messageBytes(value: unknown): number {
  const json = JSON.stringify(value) ?? '';
  let bytes = json.length;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c >= 0x80) bytes += c >= 0x800 && (c < 0xd800 || c > 0xdfff) ? 2 : 1;
  }
  return bytes;
}
