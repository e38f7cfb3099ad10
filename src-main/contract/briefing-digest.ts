/**
 * What a digest page takes: several meetings, each with the analyst's bottom line for it (or
 * none, when the page prints Readout's suggestion) and the sources it cites, plus the date range
 * the analyst picked and the page options. Parsed where it arrives, like a briefing input.
 */
import { z } from 'zod';
import { IsoDateSchema } from './article';
import {
  BriefingMeetingSchema,
  BriefingOptionsSchema,
  BriefingSourceSchema,
  MAX_BOTTOM_LINE_CHARS,
} from './briefing';

/** Most meetings one digest page takes; a page cannot name more legibly. */
export const MAX_DIGEST_MEETINGS = 120;

export const DigestEntrySchema = z.object({
  meeting: BriefingMeetingSchema,
  /** The analyst's bottom line for the meeting; null prints Readout's suggestion, marked. */
  bottomLine: z.string().trim().max(MAX_BOTTOM_LINE_CHARS).nullable().default(null),
  /** The meeting's articles, in the order its mentions cite them. */
  sources: z.array(BriefingSourceSchema).max(200),
});
export type DigestEntry = z.infer<typeof DigestEntrySchema>;

export const DigestRangeSchema = z
  .object({ from: IsoDateSchema.nullable(), to: IsoDateSchema.nullable() })
  .refine(r => !r.from || !r.to || r.from <= r.to, {
    message: 'the range ends before it starts',
  });
export type DigestRange = z.infer<typeof DigestRangeSchema>;

export const DigestInputSchema = z.object({
  entries: z.array(DigestEntrySchema).min(1).max(MAX_DIGEST_MEETINGS),
  /** The dates the analyst asked for, printed in the title; null ends are open. */
  range: DigestRangeSchema.default({ from: null, to: null }),
  options: BriefingOptionsSchema,
});
/** A parsed digest input (defaults applied). */
export type DigestInput = z.infer<typeof DigestInputSchema>;
/** A digest input as a sender may write it. */
export type DigestInputDraft = z.input<typeof DigestInputSchema>;

/**
 * True when the meeting's dates touch the range (open ends match anything). An undated meeting
 * is in no range, only in a digest without one.
 */
export function meetingInRange(
  date: { start: string | null; end: string | null },
  range: DigestRange,
): boolean {
  if (!range.from && !range.to) return true;
  if (!date.start) return false;
  const end = date.end ?? date.start;
  return (!range.from || end >= range.from) && (!range.to || date.start <= range.to);
}
