/**
 * Lays a briefing input out as exactly one page and renders it. The layout (plan → fit → every
 * line positioned by pdfkit's wrapper on a scratch document) is computed once; the PDF is painted
 * from it, and the Briefing view draws the same layout on screen. Deterministic: the creation
 * date and the document ID come from `options.generatedAt` and the content, never from the clock
 * or a random source, so the same input gives byte-identical files.
 */
import PDFDocument from 'pdfkit';
import {
  BriefingInputSchema,
  type BriefingInputDraft,
  type PaperSize,
  type BriefingLayout,
  type LayoutSection,
  type LayoutSectionId,
} from '../contract';
import { Pen, registerFonts, scratchDocument } from './draw';
import { fitPage, columnWidth, type FittedPage } from './fit';
import type { BriefingFonts } from './fonts';
import { COLOURS, FOOTER_GAP, PANEL_PAD, STYLES, geometry, type Geometry } from './layout';
import { drawFooter, drawHeader, drawStack } from './page';
import { paintLayout } from './paint';
import { planBriefing, type BriefingPlan } from './plan';
import { flattenMarks, Recorder, type LayoutNode } from './recorder';

/** How the page came out, for tests and for telling the analyst that something was shortened. */
export interface BriefingReport {
  /** Body type size used, in points. */
  bodySize: number;
  /** Step on the style ladder (0 is the most generous). */
  level: number;
  truncated: boolean;
  /** Points by which drawn content passed its limit; 0 unless the fitter has a bug. */
  overflow: number;
  pages: number;
}

/** A laid-out page: the tree the PDF is painted from and its wire form for the screen. */
export interface LaidOutBriefing {
  paper: PaperSize;
  plan: BriefingPlan;
  tree: LayoutNode;
  layout: BriefingLayout;
  overflow: number;
}

/** Renders the briefing and returns the PDF bytes. Throws a ZodError on an invalid input. */
export async function renderBriefing(
  input: BriefingInputDraft,
  fonts: BriefingFonts,
): Promise<Uint8Array> {
  return (await renderBriefingWithReport(input, fonts)).bytes;
}

/**
 * Plans, fits and positions the page without writing a PDF: what the Briefing view shows.
 * Throws a ZodError on an invalid input.
 */
export function layoutBriefing(draft: BriefingInputDraft, fonts: BriefingFonts): LaidOutBriefing {
  const input = BriefingInputSchema.parse(draft);
  return layoutPlan(planBriefing(input), input.options.paper, fonts);
}

/**
 * Fits any plan (a meeting's briefing or a digest of meetings) on one page of `paper` and records
 * where every line lands: the one layout path both kinds of page share.
 */
export function layoutPlan(
  plan: BriefingPlan,
  paper: PaperSize,
  fonts: BriefingFonts,
): LaidOutBriefing {
  const g = geometry(paper);
  const doc = scratchDocument(fonts);
  const fitted = fitPage(plan, g, new Pen(doc, null, fonts));
  const recorder = new Recorder();
  const { overflow, used } = drawPage(new Pen(doc, recorder, fonts), plan, fitted, g);
  const marks = flattenMarks(recorder.root);
  const layout: BriefingLayout = {
    paper,
    width: g.width,
    height: g.height,
    marks,
    bottomLine: { ...plan.bottomLine, text: plan.bottomLine.text.replaceAll('\u200B', '') },
    sections: sectionsOf(plan, fitted, marks),
    fit: {
      level: fitted.style.level,
      levels: STYLES.length,
      bodySize: fitted.style.body,
      used,
      truncated: fitted.truncated,
    },
  };
  return { paper, plan, tree: recorder.root, layout, overflow };
}

export async function renderBriefingWithReport(
  draft: BriefingInputDraft,
  fonts: BriefingFonts,
): Promise<{ bytes: Uint8Array; report: BriefingReport; layout: BriefingLayout }> {
  return paintPdf(layoutBriefing(draft, fonts), fonts);
}

/** Paints a laid-out page into a tagged one-page PDF; deterministic for the same layout. */
export async function paintPdf(
  laid: LaidOutBriefing,
  fonts: BriefingFonts,
): Promise<{ bytes: Uint8Array; report: BriefingReport; layout: BriefingLayout }> {
  const { plan } = laid;
  const doc = new PDFDocument({
    size: laid.paper === 'A4' ? 'A4' : 'LETTER',
    margin: 0,
    pdfVersion: '1.7',
    tagged: true,
    lang: 'en',
    displayTitle: true,
    info: {
      ...plan.info,
      Creator: 'Readout',
      Producer: 'Readout (PDFKit)',
      ModDate: plan.info.CreationDate,
    },
  });
  let pages = 1;
  doc.on('pageAdded', () => pages++);
  const bytes = collect(doc);
  registerFonts(doc, fonts);
  const root = doc.struct('Document');
  doc.addStructure(root);
  paintLayout(doc, root, laid.tree);
  root.end();
  doc.end();
  const report: BriefingReport = {
    bodySize: laid.layout.fit.bodySize,
    level: laid.layout.fit.level,
    truncated: laid.layout.fit.truncated,
    overflow: laid.overflow,
    pages,
  };
  return { bytes: await bytes, report, layout: laid.layout };
}

/**
 * Draws the fitted page on a recording pen; returns by how much content passed its limits (0
 * when it fits) and the share of the body area used.
 */
function drawPage(
  pen: Pen,
  plan: BriefingPlan,
  page: FittedPage,
  g: Geometry,
): { overflow: number; used: number } {
  const { style, columns } = page;
  const recorder = pen.recorder!;
  const limit = g.footerTop - FOOTER_GAP;
  const sideWidth = columnWidth(g, 'side');

  let top = 0;
  let ends: number[] = [];
  pen.record(() => {
    top = drawHeader(pen, { ...plan, title: page.title }, g, style);
    const panelAt = recorder.root.children.length;
    const mainEnd = drawStack(pen, columns.main, g.main.x, top + PANEL_PAD, g.main.width, style);
    const sideEnd = drawStack(
      pen,
      columns.side,
      g.side.x + PANEL_PAD,
      top + PANEL_PAD,
      sideWidth,
      style,
    );
    // Both stacks start one padding down so the headings line up; the panel spans both.
    const mainHeight = mainEnd - (top + PANEL_PAD);
    const sideHeight = columns.side.length > 0 ? sideEnd - (top + PANEL_PAD) : 0;
    if (sideHeight > 0) {
      // The panel goes under the text it holds: drawn once the stacks are measured by drawing
      // them, then moved before them in painting order.
      const panelHeight = Math.max(mainHeight, sideHeight) - style.sectionGap + 2 * PANEL_PAD;
      pen.section('participants', () =>
        pen.rect(g.side.x, top, g.side.width, panelHeight, COLOURS.panel),
      );
      const panel = recorder.root.children.pop()!;
      recorder.root.children.splice(panelAt, 0, panel);
    }
    const columnsHeight =
      PANEL_PAD + Math.max(mainHeight, sideHeight > 0 ? sideHeight + PANEL_PAD : 0);
    const bandTop =
      top +
      columnsHeight +
      (columnsHeight > 0 && columns.band.length > 0 ? style.sectionGap * 0.5 : 0);
    const bandEnd = drawStack(pen, columns.band, g.left, bandTop, g.contentWidth, style);
    drawFooter(pen, plan, g);
    // Stacks end with a trailing section gap that may hang into the footer gap.
    ends = [mainEnd, sideEnd + PANEL_PAD, bandEnd].map(y => y - style.sectionGap);
  });
  const bottom = Math.max(top, ...ends);
  return {
    overflow: Math.max(0, bottom - limit),
    used: Math.min(1, Math.max(0, (bottom - top) / Math.max(1, limit - top))),
  };
}

/** Each planned section with where it landed and how much of it the fit kept. */
function sectionsOf(
  plan: BriefingPlan,
  page: FittedPage,
  marks: BriefingLayout['marks'],
): LayoutSection[] {
  const fitted = Object.values(page.columns).flat();
  const extent = new Map<LayoutSectionId, { top: number; bottom: number }>();
  for (const mark of marks) {
    if (mark.kind !== 'text') continue;
    const bottom = mark.baseline + mark.size * 0.3;
    const e = extent.get(mark.section);
    if (e) {
      e.top = Math.min(e.top, mark.y);
      e.bottom = Math.max(e.bottom, bottom);
    } else extent.set(mark.section, { top: mark.y, bottom });
  }
  return plan.sections.map(section => {
    const f = fitted.find(x => x.section === section);
    const place = extent.get(section.id) ?? { top: 0, bottom: 0 };
    const shown = f ? f.items.length : 0;
    return {
      id: section.id,
      heading: section.heading,
      ...place,
      shown,
      hidden: Math.max(0, section.items.length - shown),
      shortened: !f || f.more !== null,
    };
  });
}

function collect(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    doc.on('error', reject);
    doc.on('end', () => {
      const total = chunks.reduce((n, c) => n + c.byteLength, 0);
      const out = new Uint8Array(total);
      let offset = 0;
      for (const c of chunks) {
        out.set(c, offset);
        offset += c.byteLength;
      }
      resolve(out);
    });
  });
}
