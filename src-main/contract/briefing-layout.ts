/**
 * The fitted, positioned briefing page as main lays it out: every line of text with its font,
 * size, colour and position in points, every rule and panel, and what the fit shortened. The
 * Briefing view draws exactly this on screen and pdfkit draws exactly this into the PDF, so the
 * page the analyst sees and the page that prints cannot drift apart.
 */
import { z } from 'zod';
import { PaperSizeSchema } from './briefing';

/**
 * What each typeface does on the page; main maps them to the embedded DejaVu files, and `cjk` to
 * the Noto Sans SC fallback that runs of Chinese or Japanese text are set in.
 */
export const FontRoleSchema = z.enum([
  'heading',
  'label',
  'body',
  'bodyBold',
  'italic',
  'meta',
  'cjk',
]);
export type FontRole = z.infer<typeof FontRoleSchema>;

export const LayoutSectionIdSchema = z.enum([
  'header',
  'bottomLine',
  'keyPoints',
  'disagreements',
  'next',
  'notes',
  'highlights',
  'participants',
  'sources',
  'meetings',
  'footer',
]);
export type LayoutSectionId = z.infer<typeof LayoutSectionIdSchema>;

const Point = z.number().finite();
const Hex = z.string().regex(/^#[0-9a-fA-F]{6}$/);

/** One line (or the part of a line in one font) of text; `y` is its top, `baseline` below it. */
export const LayoutTextSchema = z.object({
  kind: z.literal('text'),
  section: LayoutSectionIdSchema,
  text: z.string().max(20_000),
  x: Point,
  y: Point,
  baseline: Point,
  /** Advance width as pdfkit measured it, so the screen can hold the run to the same width. */
  width: Point,
  font: FontRoleSchema,
  size: Point,
  colour: Hex,
  characterSpacing: Point,
});
export type LayoutText = z.infer<typeof LayoutTextSchema>;

export const LayoutRectSchema = z.object({
  kind: z.literal('rect'),
  section: LayoutSectionIdSchema,
  x: Point,
  y: Point,
  width: Point,
  height: Point,
  fill: Hex,
  /** Edge drawn round the fill (a pale highlight colour still shows), or null. */
  stroke: Hex.nullable(),
});
export type LayoutRect = z.infer<typeof LayoutRectSchema>;

export const LayoutLineSchema = z.object({
  kind: z.literal('line'),
  section: LayoutSectionIdSchema,
  x1: Point,
  y1: Point,
  x2: Point,
  y2: Point,
  colour: Hex,
  thickness: Point,
});
export type LayoutLine = z.infer<typeof LayoutLineSchema>;

export const LayoutMarkSchema = z.discriminatedUnion('kind', [
  LayoutTextSchema,
  LayoutRectSchema,
  LayoutLineSchema,
]);
export type LayoutMark = z.infer<typeof LayoutMarkSchema>;

/** Where a section sits on the page and how much of it the fit kept. */
export const LayoutSectionSchema = z.object({
  id: LayoutSectionIdSchema,
  heading: z.string().max(200),
  top: Point,
  bottom: Point,
  /** Items printed and items behind the "… more in Readout" line. */
  shown: z.number().int().nonnegative(),
  hidden: z.number().int().nonnegative(),
  /** True when the section ends with a truncation line (something was cut or hidden). */
  shortened: z.boolean(),
});
export type LayoutSection = z.infer<typeof LayoutSectionSchema>;

export const BriefingLayoutSchema = z.object({
  paper: PaperSizeSchema,
  width: Point,
  height: Point,
  /** Painting order: later marks draw over earlier ones. */
  marks: z.array(LayoutMarkSchema).max(50_000),
  /** The bottom line as printed; `suggested` while no analyst has written one. */
  bottomLine: z.object({ text: z.string().max(2_000), suggested: z.boolean() }),
  /** Sections top to bottom, left column before right. */
  sections: z.array(LayoutSectionSchema).max(20),
  fit: z.object({
    /** Step on the style ladder: 0 is the most generous, `levels - 1` the 7.5 pt floor. */
    level: z.number().int().nonnegative(),
    levels: z.number().int().positive(),
    bodySize: Point,
    /** Share of the body area (below the header, above the footer) the content uses, 0–1. */
    used: z.number().min(0).max(1),
    truncated: z.boolean(),
  }),
});
export type BriefingLayout = z.infer<typeof BriefingLayoutSchema>;
