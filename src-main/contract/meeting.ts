/**
 * Meetings as the extractor reports them. This is the shape of `readout meetings --json` (a
 * public contract: scripts read it) and of what the renderer stores, so change it only by adding.
 */
import { z } from 'zod';
import { IsoDateSchema } from './article';

export const MeetingStatusSchema = z.enum(['held', 'scheduled', 'proposed']);
export type MeetingStatus = z.infer<typeof MeetingStatusSchema>;

/**
 * What became of a planned meeting, beside `status` (which keeps what was planned): a meeting
 * reported as called off, put back or failed. null when the text reports nothing of the kind.
 */
export const MeetingOutcomeSchema = z.enum(['cancelled', 'postponed', 'failed']);
export type MeetingOutcome = z.infer<typeof MeetingOutcomeSchema>;

/** How sure the extractor is of one field, from how it found it. */
export const ConfidenceLevelSchema = z.enum(['high', 'medium', 'low']);
export type ConfidenceLevel = z.infer<typeof ConfidenceLevelSchema>;

/**
 * How a field was found: read in the meeting's own sentence, carried from earlier in the
 * article, inferred through a merge with another source, or looked up in the actor dictionary.
 */
export const FieldBasisSchema = z.enum(['sentence', 'context', 'merge', 'dictionary']);
export type FieldBasis = z.infer<typeof FieldBasisSchema>;

export const FieldConfidenceSchema = z.object({
  confidence: ConfidenceLevelSchema,
  basis: FieldBasisSchema,
});
export type FieldConfidence = z.infer<typeof FieldConfidenceSchema>;

/** The meeting fields that carry a confidence. */
export const CONFIDENCE_FIELDS = [
  'date',
  'place',
  'status',
  'countries',
  'people',
  'level',
  'purpose',
] as const;
export type ConfidenceField = (typeof CONFIDENCE_FIELDS)[number];

/** Per-field confidence; a field without an entry was read in the meeting's sentence (high). */
export const MeetingConfidenceSchema = z
  .object(
    Object.fromEntries(CONFIDENCE_FIELDS.map(f => [f, FieldConfidenceSchema.optional()])) as {
      [K in ConfidenceField]: z.ZodOptional<typeof FieldConfidenceSchema>;
    },
  )
  .strict();
export type MeetingConfidence = z.infer<typeof MeetingConfidenceSchema>;

export const DatePrecisionSchema = z.enum(['day', 'month', 'year', 'range', 'unknown']);

export const MeetingDateSchema = z.object({
  start: IsoDateSchema.nullable(),
  end: IsoDateSchema.nullable(),
  precision: DatePrecisionSchema,
  /** The article's own words for the date ("on Tuesday"), or null when it gives none. */
  text: z.string().nullable(),
});
export type MeetingDate = z.infer<typeof MeetingDateSchema>;

export const CountryRefSchema = z.object({
  /** ISO 3166-1 alpha-2. */
  code: z.string().regex(/^[A-Z]{2}$/),
  name: z.string(),
});
export type CountryRef = z.infer<typeof CountryRefSchema>;

export const PersonSchema = z.object({
  name: z.string(),
  role: z.string().nullable(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .nullable(),
});
export type Person = z.infer<typeof PersonSchema>;

export const MentionSchema = z.object({
  /** The article's source path as given (see Article.source). */
  file: z.string(),
  articleId: z.string(),
  sentence: z.string(),
  /** Offsets of `sentence` in Article.text. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** What this article reports, which may differ from the merged meeting. */
  status: MeetingStatusSchema,
  /** Cancelled, postponed or failed, as this article reports it; absent or null when not. */
  outcome: MeetingOutcomeSchema.nullable().optional(),
  date: MeetingDateSchema,
  /**
   * Set when the article has no publication date and its relative dates were resolved against
   * the publication date of another article reporting the same meeting (that article's file).
   */
  dateResolvedVia: z.string().optional(),
});
export type Mention = z.infer<typeof MentionSchema>;

export const MeetingSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: MeetingStatusSchema,
  /** What became of it, from the latest-dated report; absent or null when nothing was reported. */
  outcome: MeetingOutcomeSchema.nullable().optional(),
  date: MeetingDateSchema,
  place: z.object({
    city: z.string().nullable(),
    country: CountryRefSchema.nullable(),
    venue: z.string().nullable(),
  }),
  level: z.string().nullable(),
  participants: z.object({
    countries: z.array(CountryRefSchema),
    people: z.array(PersonSchema),
    organizations: z.array(z.string()),
  }),
  purpose: z.string().nullable(),
  /** How each field was found; absent fields (and absent `confidence`) were read directly. */
  confidence: MeetingConfidenceSchema.optional(),
  mentions: z.array(MentionSchema).min(1),
  /** Where sources disagree on the date, place or status: every source's value, kept not resolved. */
  disagreements: z
    .array(
      z.object({
        field: z.enum(['date', 'place', 'status']),
        values: z.array(z.object({ value: z.string(), file: z.string() })),
      }),
    )
    .optional(),
});
export type Meeting = z.infer<typeof MeetingSchema>;
