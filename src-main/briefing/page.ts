/**
 * The page's furniture and flow: header, the two columns (main text and the participants panel),
 * the sources band and the footer. The same functions measure (on a scratch pen) and draw.
 */
import { drawHeading, drawItem, drawMore, type Pen } from './draw';
import type { FittedSection } from './fit';
import { COLOURS, FOOTER_SIZE, type Geometry, type Style } from './layout';
import type { BriefingPlan, PlanItem } from './plan';

/** Most lines a title shortened by the fit keeps; until the floor, titles print whole. */
export const HEADER_TITLE_LINES = 3;

/** Draws handling line, title and meta line from the top margin; returns where the body starts. */
export function drawHeader(
  pen: Pen,
  plan: Pick<BriefingPlan, 'kicker' | 'title' | 'handling' | 'meta'>,
  g: Geometry,
  style: Style,
): number {
  const { doc } = pen;
  const w = g.contentWidth;
  const top = g.top;
  const small = { height: Infinity, lineGap: 0 };
  let bottom = top;
  if (plan.handling) {
    pen.content('P', () => {
      pen.use('label', style.heading * 1.1, COLOURS.handling);
      const handling = plan.handling?.toUpperCase() ?? '';
      pen.text(handling, g.left, top, { ...small, width: w * 0.68, characterSpacing: 1.1 });
      bottom = doc.y;
    });
  }
  pen.artifact(() => {
    pen.use('label', style.heading, COLOURS.faint);
    const kicker = plan.kicker.toUpperCase();
    pen.text(kicker, g.left + w * 0.7, top, {
      ...small,
      width: w * 0.3,
      align: 'right',
      characterSpacing: 0.9,
    });
    bottom = Math.max(bottom, doc.y);
  });
  // The kicker is an artifact, which a measuring pen skips: account for its line either way.
  pen.use('label', style.heading);
  bottom = Math.max(bottom, top + doc.currentLineHeight(true));
  let y = bottom + 5;
  pen.content('H1', () => {
    pen.use('heading', style.title, COLOURS.text);
    pen.text(plan.title, g.left, y, { ...small, width: w });
    y = doc.y + 3;
  });
  pen.content('P', () => {
    pen.use('meta', style.meta * 1.08, COLOURS.meta);
    pen.text(plan.meta, g.left, y, { ...small, width: w });
    y = doc.y + 6;
  });
  pen.rule(g.left, y, w, COLOURS.accent, 1.2);
  return y + 1.2 + Math.max(6, style.sectionGap * 0.6);
}

/** Draws one section (heading, items, truncation line); returns the y below its section gap. */
export function drawSection(
  pen: Pen,
  fitted: FittedSection,
  x: number,
  y: number,
  width: number,
  style: Style,
): number {
  pen.section(fitted.section.id, () =>
    pen.group('Sect', () => {
      y = drawHeading(pen, fitted.section.heading, x, y, width, style);
      for (const run of runs(fitted.items)) {
        const draw = () => {
          for (const item of run.items) y = drawItem(pen, item, x, y, width, style);
        };
        if (run.tag) pen.group(run.tag, draw);
        else draw();
      }
      if (fitted.more) y = drawMore(pen, fitted.more, x, y, width, style);
    }),
  );
  return y + style.sectionGap;
}

/**
 * Consecutive list-like items (bullets, sources, digest entries) go into one list structure
 * element, consecutive participants into one table.
 */
function runs(items: PlanItem[]): { tag: 'L' | 'Table' | null; items: PlanItem[] }[] {
  const out: { tag: 'L' | 'Table' | null; items: PlanItem[] }[] = [];
  for (const item of items) {
    const tag =
      item.kind === 'bullet' || item.kind === 'source' || item.kind === 'entry'
        ? 'L'
        : item.kind === 'person'
          ? 'Table'
          : null;
    const last = out.at(-1);
    if (last && last.tag === tag) last.items.push(item);
    else out.push({ tag, items: [item] });
  }
  return out;
}

/** Draws sections one under the other; returns the bottom (after the last section's gap). */
export function drawStack(
  pen: Pen,
  sections: FittedSection[],
  x: number,
  y: number,
  width: number,
  style: Style,
): number {
  for (const fitted of sections) y = drawSection(pen, fitted, x, y, width, style);
  return y;
}

/** Hairline and one line of small type at the foot: when generated, and "page 1 of 1". */
export function drawFooter(pen: Pen, plan: BriefingPlan, g: Geometry): void {
  pen.section('footer', () => footer(pen, plan, g));
}

function footer(pen: Pen, plan: BriefingPlan, g: Geometry): void {
  pen.rule(g.left, g.footerTop, g.contentWidth, COLOURS.rule, 0.5);
  pen.artifact(() => {
    const y = g.footerTop + 4;
    const options = { height: Infinity, lineGap: 0 };
    pen.use('meta', FOOTER_SIZE, COLOURS.faint);
    pen.text(plan.footerLeft, g.left, y, { ...options, width: g.contentWidth * 0.8 });
    pen.text(plan.footerRight, g.left + g.contentWidth * 0.8, y, {
      ...options,
      width: g.contentWidth * 0.2,
      align: 'right',
    });
  }, 'Pagination');
}
