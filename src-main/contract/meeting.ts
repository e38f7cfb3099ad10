/**
 * Meetings as the extractor reports them. This is the shape of `readout meetings --json` (a
 * public contract: scripts read it) and of what the renderer stores, so change it only by adding.
 */
import { z } from 'zod';
import { IsoDateSchema } from './article';

export const MeetingStatusSchema = z.enum(['held', 'scheduled', 'proposed']);
export type MeetingStatus = z.infer<typeof MeetingStatusSchema>;

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
