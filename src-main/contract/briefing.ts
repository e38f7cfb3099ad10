/**
 * What the renderer sends to main to export a one-page briefing: a meeting plus the analyst's own
 * work on it (highlights, notes) and the page options. Main parses it where it arrives; the
 * limits keep a hostile or runaway payload from stalling the layout.
 */
import { z } from 'zod';
import { IsoDateSchema } from './article';
import { MeetingSchema } from './meeting';

/** Longest note the briefing accepts; longer notes are cut by the sender. */
export const MAX_BRIEFING_NOTE_CHARS = 200_000;
export const MAX_BRIEFING_HIGHLIGHTS = 5_000;
export const MAX_BRIEFING_NOTES = 2_000;
export const MAX_BRIEFING_SOURCES = 1_000;

export const PaperSizeSchema = z.enum(['A4', 'Letter']);
export type PaperSize = z.infer<typeof PaperSizeSchema>;

export const BriefingSourceSchema = z.object({
  articleId: z.string().min(1).max(200),
  title: z.string().max(400),
  publisher: z.string().max(200).nullable(),
  published: IsoDateSchema.nullable(),
  /** The article's file base name, printed only when nothing else identifies the source. */
  file: z.string().max(1024),
  /** The article's web address, when it has one; printed in the citation. */
  url: z.string().max(2000).nullable().optional(),
});
export type BriefingSource = z.infer<typeof BriefingSourceSchema>;

export const HighlightColourSchema = z.object({
  /** What the colour means to the analyst ("Key point", "Doubtful"), printed beside the quote. */
  name: z.string().min(1).max(80),
  hex: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'expected a #RRGGBB colour'),
});
export type HighlightColour = z.infer<typeof HighlightColourSchema>;

export const BriefingHighlightSchema = z.object({
  id: z.string().min(1).max(200),
  articleId: z.string().min(1).max(200),
  quote: z.string().max(20_000),
  colour: HighlightColourSchema,
  note: z.string().max(MAX_BRIEFING_NOTE_CHARS).nullable(),
  /** Highlights marked as key points become the briefing's key points, ahead of evidence. */
  keyPoint: z.boolean(),
});
export type BriefingHighlight = z.infer<typeof BriefingHighlightSchema>;

export const BriefingNoteSchema = z.object({
  scope: z.enum(['meeting', 'article']),
  /** Set when scope is 'article'. */
  articleId: z.string().min(1).max(200).optional(),
  /** Markdown-ish plain text; the briefing prints it as plain paragraphs. */
  text: z.string().max(MAX_BRIEFING_NOTE_CHARS),
});
export type BriefingNote = z.infer<typeof BriefingNoteSchema>;

export const BriefingOptionsSchema = z.object({
  paper: PaperSizeSchema.default('A4'),
  /** Handling caveat printed above the title ("OFFICIAL – SENSITIVE"); none by default. */
  handling: z.string().max(120).nullable().default(null),
  /** When the briefing is generated; fixed by callers that need byte-identical output. */
  generatedAt: z.iso.datetime({ offset: true }),
});
export type BriefingOptions = z.infer<typeof BriefingOptionsSchema>;

/**
 * Longest meeting fields a briefing accepts. The extractor writes far less; a payload over these
 * is broken or hostile, and is refused with the field named instead of stalling the layout.
 */
export const MAX_BRIEFING_FIELD_CHARS = {
  title: 2_000,
  purpose: 20_000,
  level: 500,
  name: 500,
  sentence: 20_000,
} as const;

/** The meeting as a briefing takes it: the shared schema with the lengths above enforced. */
export const BriefingMeetingSchema = MeetingSchema.superRefine((m, ctx) => {
  const max = MAX_BRIEFING_FIELD_CHARS;
  const check = (value: string | null | undefined, limit: number, path: (string | number)[]) => {
    if (value && value.length > limit) {
      ctx.addIssue({
        code: 'custom',
        path,
        message: `${path.join('.')} is ${value.length} characters long; a briefing takes at most ${limit}`,
      });
    }
  };
  check(m.title, max.title, ['title']);
  check(m.purpose, max.purpose, ['purpose']);
  check(m.level, max.level, ['level']);
  check(m.place.venue, max.name, ['place', 'venue']);
  check(m.place.city, max.name, ['place', 'city']);
  m.participants.people.forEach((p, i) => {
    check(p.name, max.name, ['participants', 'people', i, 'name']);
    check(p.role, max.name, ['participants', 'people', i, 'role']);
  });
  m.participants.organizations.forEach((o, i) =>
    check(o, max.name, ['participants', 'organizations', i]),
  );
  m.mentions.forEach((x, i) => check(x.sentence, max.sentence, ['mentions', i, 'sentence']));
});

/** Longest bottom line the analyst may write: one or two sentences. */
export const MAX_BOTTOM_LINE_CHARS = 600;
export const MAX_KEY_POINTS = 60;

/** One key point as the analyst ordered and worded it. */
export const BriefingKeyPointSchema = z.object({
  text: z.string().min(1).max(2_000),
  /** The article the point cites, printed as its source number; null for the analyst's own. */
  articleId: z.string().min(1).max(200).nullable(),
});
export type BriefingKeyPoint = z.infer<typeof BriefingKeyPointSchema>;

/** A later meeting Readout links to this one (same participants), printed under "What's next". */
export const BriefingNextSchema = z.object({
  title: z.string().max(400),
  date: z.string().max(80),
  status: z.string().max(40),
  place: z.string().max(200).nullable(),
});
export type BriefingNext = z.infer<typeof BriefingNextSchema>;

/**
 * The analyst's briefing edits as sent for one page. A null bottom line means none written
 * yet (the page prints a suggestion built from the meeting, marked as such); null key points
 * mean the defaults (Key-point highlights, else the meeting's evidence).
 */
export const BriefingEditsSchema = z.object({
  bottomLine: z.string().trim().max(MAX_BOTTOM_LINE_CHARS).nullable().default(null),
  keyPoints: z.array(BriefingKeyPointSchema).max(MAX_KEY_POINTS).nullable().default(null),
  next: z.array(BriefingNextSchema).max(20).default([]),
});
export type BriefingEdits = z.infer<typeof BriefingEditsSchema>;

export const BriefingInputSchema = z.object({
  meeting: BriefingMeetingSchema,
  sources: z.array(BriefingSourceSchema).max(MAX_BRIEFING_SOURCES),
  highlights: z.array(BriefingHighlightSchema).max(MAX_BRIEFING_HIGHLIGHTS),
  notes: z.array(BriefingNoteSchema).max(MAX_BRIEFING_NOTES),
  options: BriefingOptionsSchema,
  edits: BriefingEditsSchema.default({ bottomLine: null, keyPoints: null, next: [] }),
});
/** A parsed briefing input (defaults applied). */
export type BriefingInput = z.infer<typeof BriefingInputSchema>;
/** A briefing input as a sender may write it (paper and handling may be left out). */
export type BriefingInputDraft = z.input<typeof BriefingInputSchema>;
