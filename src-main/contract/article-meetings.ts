/**
 * Per-article meeting results: what the extractor found in one article before any merging. They
 * travel from main to the renderer in batches, are cached there by the article's content hash
 * and the extractor version, and travel back to be merged, so that the library's text crosses
 * the process border once per article version rather than on every change.
 */
import { z } from 'zod';
import { IsoDateSchema } from './article';
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
