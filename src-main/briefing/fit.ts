/**
 * Fits a plan on exactly one page. Everything is measured before anything is drawn: walk down
 * the style ladder (tighter spacing, then smaller type, to a 7.5 pt floor) until all content
 * fits; at the floor, keep the most important sections whole and shorten the others, ending
 * each shortened section with a line such as "… 12 more highlights in Readout".
 *
 * Every section that has content keeps at least its heading and that line, so nothing vanishes
 * silently. Long text items are cut at a word, not dropped, when part of them fits.
 */
import { drawHeading, drawItem, drawMore, type Pen } from './draw';
import { FLOOR, FOOTER_GAP, PANEL_PAD, STYLES, type Geometry, type Style } from './layout';
import { drawHeader, HEADER_TITLE_LINES } from './page';
import type { BriefingPlan, Column, PlanItem, PlanSection } from './plan';

export interface FittedSection {
  section: PlanSection;
  items: PlanItem[];
  /** The truncation line, or null when the whole section is printed. */
  more: string | null;
}

export interface FittedPage {
  style: Style;
  /**
   * The title as printed: whole, unless even the floor cannot fit the page, when a title longer
   * than three lines is cut there at a word with "…".
   */
  title: string;
  columns: Record<Column, FittedSection[]>;
  /** True when some section was shortened. */
  truncated: boolean;
}

/** Text width of each column: the side column's text sits inside its panel. */
export function columnWidth(g: Geometry, column: Column): number {
  if (column === 'main') return g.main.width;
  if (column === 'side') return g.side.width - 2 * PANEL_PAD;
  return g.contentWidth;
}

/** Vertical space the columns, the band and the gaps between them may use below the header. */
function bodyBudget(g: Geometry, headerBottom: number): number {
  return g.footerTop - FOOTER_GAP - headerBottom;
}

/** Measures by drawing on a scratch document; caches heights per style. */
class Measurer {
  private cache = new Map<PlanItem, number>();

  constructor(
    readonly pen: Pen,
    readonly style: Style,
  ) {}

  item(item: PlanItem, width: number): number {
    let h = this.cache.get(item);
    if (h === undefined) {
      h = drawItem(this.pen, item, 0, 0, width, this.style);
      this.cache.set(item, h);
    }
    return h;
  }

  uncached(item: PlanItem, width: number): number {
    return drawItem(this.pen, item, 0, 0, width, this.style);
  }

  // Headings and truncation lines are asked for again and again while columns are shared out.
  private lines = new Map<string, number>();

  heading(text: string, width: number): number {
    return this.line(`h${width}:${text}`, () =>
      drawHeading(this.pen, text, 0, 0, width, this.style),
    );
  }

  more(text: string, width: number): number {
    return this.line(`m${width}:${text}`, () => drawMore(this.pen, text, 0, 0, width, this.style));
  }

  private line(key: string, measure: () => number): number {
    let h = this.lines.get(key);
    if (h === undefined) {
      h = measure();
      this.lines.set(key, h);
    }
    return h;
  }
}

/** Fits `plan` on one page of geometry `g`; `pen` must be a measuring pen (scratch document). */
export function fitPage(plan: BriefingPlan, g: Geometry, pen: Pen): FittedPage {
  const fits = (m: Measurer) => fitsWhole(plan, plan.title, g, m);
  const page = (style: Style): FittedPage => ({
    style,
    title: plan.title,
    columns: whole(plan),
    truncated: false,
  });
  // Most pages fit at the top of the ladder, and a page that does not fit at the floor fits on
  // no step: try those two first, so a long page is measured twice rather than once a step.
  if (fits(new Measurer(pen, STYLES[0]))) return page(STYLES[0]);
  const floor = new Measurer(pen, FLOOR);
  if (fits(floor)) {
    for (const style of STYLES.slice(1, -1)) if (fits(new Measurer(pen, style))) return page(style);
    return page(FLOOR);
  }
  // At the floor a title longer than HEADER_TITLE_LINES gives up its tail first.
  const title = fitTitle(plan.title, g, floor);
  if (title !== plan.title && fitsWhole(plan, title, g, floor)) {
    return { style: FLOOR, title, columns: whole(plan), truncated: true };
  }
  const budget = bodyBudget(g, drawHeader(pen, { ...plan, title }, g, FLOOR));
  return shorten(plan, g, floor, title, budget);
}

/** True when every section fits whole below a header with `title`. */
function fitsWhole(plan: BriefingPlan, title: string, g: Geometry, m: Measurer): boolean {
  const budget = bodyBudget(g, drawHeader(m.pen, { ...plan, title }, g, m.style));
  const heights = naturalHeights(plan, g, m, budget);
  return (
    heights !== null && stackHeight(heights.main, heights.side, heights.band, m.style) <= budget
  );
}

function whole(plan: BriefingPlan): Record<Column, FittedSection[]> {
  return groupByColumn(
    plan.sections.map(section => ({ section, items: section.items, more: null })),
  );
}

/** Columns side by side, then the sources band, with a section gap between them. */
function stackHeight(main: number, side: number, band: number, style: Style): number {
  // Both columns start one panel padding down, level with the text inside the panel.
  const columns = PANEL_PAD + Math.max(main, side > 0 ? side + PANEL_PAD : 0);
  return columns + (band > 0 ? style.sectionGap + band : 0);
}

/** Heights of every column with nothing cut, or null as soon as one exceeds `budget`. */
function naturalHeights(
  plan: BriefingPlan,
  g: Geometry,
  m: Measurer,
  budget: number,
): Record<Column, number> | null {
  const heights: Record<Column, number> = { main: 0, side: 0, band: 0 };
  for (const section of plan.sections) {
    const width = columnWidth(g, section.column);
    let h = heights[section.column] + m.heading(section.heading, width) + m.style.sectionGap;
    for (const item of section.items) {
      h += m.item(item, width);
      if (h > budget) return null;
    }
    heights[section.column] = h;
  }
  return heights;
}

function groupByColumn(fitted: FittedSection[]): Record<Column, FittedSection[]> {
  const columns: Record<Column, FittedSection[]> = { main: [], side: [], band: [] };
  for (const f of fitted) columns[f.section.column].push(f);
  return columns;
}

/**
 * At the floor: the band (sources) gets what it needs up to a quarter of the page body, or more
 * if the columns leave room; then each column is filled in priority order.
 */
function shorten(
  plan: BriefingPlan,
  g: Geometry,
  m: Measurer,
  title: string,
  budget: number,
): FittedPage {
  const byColumn = (c: Column) => plan.sections.filter(s => s.column === c);
  const natural = (sections: PlanSection[], width: number) =>
    sections.reduce(
      (sum, s) =>
        sum +
        m.heading(s.heading, width) +
        m.style.sectionGap +
        s.items.reduce((h, i) => h + m.item(i, width), 0),
      0,
    );
  // Natural column heights here are capped by the budget so huge notes are not measured whole.
  const capped = (sections: PlanSection[], width: number) => {
    let sum = 0;
    for (const s of sections) {
      sum += m.heading(s.heading, width) + m.style.sectionGap;
      for (const i of s.items) {
        sum += m.item(i, width);
        if (sum > budget) return budget;
      }
    }
    return sum;
  };
  const bandWidth = columnWidth(g, 'band');
  const bandSections = byColumn('band');
  const bandNatural = natural(bandSections, bandWidth);
  const columnsNatural =
    PANEL_PAD +
    Math.max(
      capped(byColumn('main'), columnWidth(g, 'main')),
      capped(byColumn('side'), columnWidth(g, 'side')) + PANEL_PAD,
    );
  const bandBudget = Math.min(
    bandNatural,
    Math.max(budget * 0.25, budget - m.style.sectionGap - columnsNatural),
  );
  const band = fillColumn(bandSections, bandWidth, bandBudget, m);
  const columnsBudget = budget - (band.used > 0 ? band.used + m.style.sectionGap : 0);
  const main = fillColumn(byColumn('main'), columnWidth(g, 'main'), columnsBudget - PANEL_PAD, m);
  const side = fillColumn(
    byColumn('side'),
    columnWidth(g, 'side'),
    columnsBudget - 2 * PANEL_PAD,
    m,
  );
  const fitted = [...main.fitted, ...side.fitted, ...band.fitted];
  // Keep the plan's reading order.
  fitted.sort((a, b) => plan.sections.indexOf(a.section) - plan.sections.indexOf(b.section));
  return {
    style: m.style,
    title,
    columns: groupByColumn(fitted),
    truncated: fitted.some(f => f.more !== null) || fitted.length < plan.sections.length,
  };
}

/** Share of a full column each section is first offered, before the rest goes by priority. */
const SHARE: Record<PlanSection['id'], number> = {
  bottomLine: 0.15,
  next: 0.1,
  keyPoints: 0.4,
  disagreements: 0.15,
  notes: 0.25,
  highlights: 0.2,
  participants: 1,
  sources: 1,
  // A digest names every meeting before it lists every source.
  meetings: 4,
};

/**
 * Fills one column within `budget`. Every section first gets its heading and truncation line;
 * then each is offered a fair share of the column (so a flood of key points cannot hide the
 * notes entirely); what is left goes to the sections that still want more, most important
 * first. Sections are dropped, least important first, only if the bare minimums do not fit.
 */
function fillColumn(
  sections: PlanSection[],
  width: number,
  budget: number,
  m: Measurer,
): { fitted: FittedSection[]; used: number } {
  const frame = (s: PlanSection) => m.heading(s.heading, width) + m.style.sectionGap;
  const minimum = (s: PlanSection) => frame(s) + m.more(s.more(s.items, 'x'), width);
  const wanted = (s: PlanSection) => {
    let h = frame(s);
    for (const item of s.items) {
      h += m.item(item, width);
      if (h > budget) break;
    }
    return h;
  };
  let kept = [...sections].sort((a, b) => a.priority - b.priority);
  while (kept.length > 0 && kept.reduce((sum, s) => sum + minimum(s), 0) > budget) {
    kept = kept.slice(0, -1);
  }
  const want = kept.map(wanted);
  const weight = kept.reduce((sum, s) => sum + SHARE[s.id], 0);
  const alloc = kept.map((s, i) =>
    Math.min(want[i], Math.max(minimum(s), (budget * SHARE[s.id]) / weight)),
  );
  let left = budget - alloc.reduce((a, b) => a + b, 0);
  if (left < 0) {
    // Shares overshoot when several minimums are large: fall back to minimums for all but the first.
    kept.forEach((s, i) => (alloc[i] = i === 0 ? want[0] : minimum(s)));
    alloc[0] = Math.min(want[0], budget - alloc.slice(1).reduce((a, b) => a + b, 0));
    left = 0;
  }
  kept.forEach((_, i) => {
    const extra = Math.min(want[i] - alloc[i], left);
    alloc[i] += extra;
    left -= extra;
  });

  let used = 0;
  let carry = 0;
  const fitted: FittedSection[] = [];
  kept.forEach((section, i) => {
    // Space a section leaves unused (items cut at whole lines) passes to the next one.
    const room = alloc[i] + carry - frame(section);
    const fill = fillSection(section, width, room, m);
    fitted.push(fill.fitted);
    const spent = frame(section) + fill.used;
    carry = alloc[i] + carry - spent;
    used += spent;
  });
  return { fitted, used };
}

function fillSection(
  section: PlanSection,
  width: number,
  room: number,
  m: Measurer,
): { fitted: FittedSection; used: number } {
  const items = section.items;
  let total = 0;
  for (const item of items) {
    total += m.item(item, width);
    if (total > room) break;
  }
  if (total <= room) return { fitted: { section, items, more: null }, used: total };

  // The truncation line's height, measured with everything hidden (its longest form).
  const moreHeight = m.more(section.more(items, 'x'), width);
  const shown: PlanItem[] = [];
  let used = 0;
  let cutRest: string | null = null;
  for (const item of items) {
    const h = m.item(item, width);
    if (used + h + moreHeight <= room) {
      shown.push(item);
      used += h;
      continue;
    }
    const cut = cutToFit(item, width, room - used - moreHeight, m);
    if (cut) {
      shown.push(cut.item);
      used += cut.height;
      cutRest = cut.rest;
    }
    break;
  }
  // Items after those shown; a cut item counts as shown and its rest is passed as cutRest.
  const more = section.more(items.slice(shown.length), cutRest);
  return { fitted: { section, items: shown, more }, used: used + m.more(more, width) };
}

/** Fewest words worth printing of a cut item; less than this and the whole item is hidden. */
const MIN_WORDS = 6;

/**
 * The longest word prefix of a text item that fits in `room`, ending with "…", or null when not
 * even a few words fit (then the whole item moves behind the truncation line).
 */
function cutToFit(
  item: PlanItem,
  width: number,
  room: number,
  m: Measurer,
): { item: PlanItem; height: number; rest: string } | null {
  if (item.kind !== 'paragraph' && item.kind !== 'bullet') return null;
  const words = item.text.split(' ');
  const make = (n: number): PlanItem => {
    const prefix = words
      .slice(0, n)
      .join(' ')
      .replace(/[\s,;:.–—-]+$/, '');
    return { ...item, text: `${prefix}…` };
  };
  // Search up to a proportional guess so long notes take few measurements.
  const full = m.item(item, width);
  let lo = MIN_WORDS;
  let hi = Math.min(words.length - 1, Math.ceil((words.length * room) / Math.max(full, 1)) + 8);
  let best: { item: PlanItem; height: number; n: number } | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const candidate = make(mid);
    const h = m.uncached(candidate, width);
    if (h <= room) {
      best = { item: candidate, height: h, n: mid };
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  if (!best) return null;
  return { item: best.item, height: best.height, rest: words.slice(best.n).join(' ') };
}

/**
 * The title cut at a word with "…" to HEADER_TITLE_LINES lines, or unchanged when it is no
 * longer; only the floor uses it, for a page that does not fit with the whole title.
 */
function fitTitle(title: string, g: Geometry, m: Measurer): string {
  const { doc } = m.pen;
  const measure = (text: string) => {
    doc.font('heading').fontSize(m.style.title);
    return doc.heightOfString(text, { width: g.contentWidth, lineGap: 0 });
  };
  const limit =
    doc.font('heading').fontSize(m.style.title).currentLineHeight(true) * HEADER_TITLE_LINES + 0.5;
  if (measure(title) <= limit) return title;
  const words = title.split(' ');
  let n = words.length - 1;
  while (n > 1 && measure(`${words.slice(0, n).join(' ')}…`) > limit) n--;
  return `${words
    .slice(0, n)
    .join(' ')
    .replace(/[\s,;:.–—-]+$/, '')}…`;
}
