/**
 * Page geometry and the ladder of type styles the fitter walks down: first spacing tightens at
 * the same size, then the type shrinks to a readable floor (7.5 pt body). Sizes are in points.
 */
import type { PaperSize } from '../contract';

export interface Style {
  /** Index in STYLES: 0 is the most generous. */
  level: number;
  body: number;
  title: number;
  heading: number;
  meta: number;
  small: number;
  lineGap: number;
  itemGap: number;
  sectionGap: number;
  headingGap: number;
}

/** Body size and spacing factor of each step. */
const LADDER: [body: number, spacing: number][] = [
  [9.5, 1],
  [9.5, 0.75],
  [9, 0.65],
  [8.5, 0.55],
  [8, 0.45],
  [7.5, 0.4],
];

export const STYLES: Style[] = LADDER.map(([body, k], level) => ({
  level,
  body,
  title: Math.round(body * 1.8 * 2) / 2,
  heading: Math.max(6.5, body * 0.8),
  meta: body * 0.92,
  small: Math.max(6.5, body * 0.84),
  lineGap: 1.6 * k,
  itemGap: 4.5 * k,
  sectionGap: 13 * k,
  headingGap: 4 * k + 1,
}));

/** The floor: the smallest type the fitter uses before it starts shortening sections. */
export const FLOOR = STYLES[STYLES.length - 1];

export const COLOURS = {
  text: '#1b1f24',
  heading: '#1f3a5f',
  meta: '#4b5563',
  faint: '#6b7280',
  rule: '#c7cdd4',
  accent: '#1f3a5f',
  handling: '#9b1c1c',
  panel: '#f3f5f8',
} as const;

export interface Geometry {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  /** Top of the footer rule; content stays above footerTop - FOOTER_GAP. */
  footerTop: number;
  contentWidth: number;
  main: { x: number; width: number };
  /** The side panel; text inside it is inset by PANEL_PAD. */
  side: { x: number; width: number };
}

export const PAPER: Record<PaperSize, [number, number]> = {
  A4: [595.28, 841.89],
  Letter: [612, 792],
};

export const PANEL_PAD = 8;
export const FOOTER_SIZE = 7;
export const FOOTER_GAP = 10;
export const COLUMN_GAP = 18;

export function geometry(paper: PaperSize): Geometry {
  const [width, height] = PAPER[paper];
  const margin = 50;
  const left = margin;
  const right = width - margin;
  const contentWidth = right - left;
  const sideWidth = Math.round(contentWidth * 0.34);
  const mainWidth = contentWidth - sideWidth - COLUMN_GAP;
  return {
    width,
    height,
    left,
    right,
    top: 42,
    footerTop: height - 36 - FOOTER_SIZE - 6,
    contentWidth,
    main: { x: left, width: mainWidth },
    side: { x: left + mainWidth + COLUMN_GAP, width: sideWidth },
  };
}
