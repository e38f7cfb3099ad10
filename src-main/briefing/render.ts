/**
 * Renders a briefing input as exactly one PDF page. Deterministic: the creation date and the
 * document ID come from `options.generatedAt` and the content, never from the clock or a random
 * source, so the same input gives byte-identical files.
 */
import PDFDocument from 'pdfkit';
import { BriefingInputSchema, type BriefingInputDraft } from '../contract';
import { Pen, registerFonts, scratchDocument } from './draw';
import { fitPage, columnWidth, type FittedPage } from './fit';
import type { BriefingFonts } from './fonts';
import { COLOURS, FOOTER_GAP, PANEL_PAD, geometry, type Geometry } from './layout';
import { drawFooter, drawHeader, drawStack } from './page';
import { planBriefing, type BriefingPlan } from './plan';

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

/** Renders the briefing and returns the PDF bytes. Throws a ZodError on an invalid input. */
export async function renderBriefing(
  input: BriefingInputDraft,
  fonts: BriefingFonts,
): Promise<Uint8Array> {
  return (await renderBriefingWithReport(input, fonts)).bytes;
}

export async function renderBriefingWithReport(
  draft: BriefingInputDraft,
  fonts: BriefingFonts,
): Promise<{ bytes: Uint8Array; report: BriefingReport }> {
  const input = BriefingInputSchema.parse(draft);
  const plan = planBriefing(input);
  const g = geometry(input.options.paper);
  const measure = new Pen(scratchDocument(fonts), null);
  const fitted = fitPage(plan, g, measure);

  const doc = new PDFDocument({
    size: input.options.paper === 'A4' ? 'A4' : 'LETTER',
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
  const overflow = drawPage(new Pen(doc, root), measure, plan, fitted, g);
  root.end();
  doc.end();
  const report: BriefingReport = {
    bodySize: fitted.style.body,
    level: fitted.style.level,
    truncated: fitted.truncated,
    overflow,
    pages,
  };
  return { bytes: await bytes, report };
}

/** Draws the fitted page; returns by how much content passed its limits (0 when it fits). */
function drawPage(
  pen: Pen,
  measure: Pen,
  plan: BriefingPlan,
  page: FittedPage,
  g: Geometry,
): number {
  const { style, columns } = page;
  const top = drawHeader(pen, { ...plan, title: page.title }, g, style);
  const limit = g.footerTop - FOOTER_GAP;

  // Heights first (on the scratch pen) so the side panel can be painted under its text.
  const sideWidth = columnWidth(g, 'side');
  const mainHeight = drawStack(measure, columns.main, 0, 0, g.main.width, style);
  const sideHeight =
    columns.side.length > 0 ? drawStack(measure, columns.side, 0, 0, sideWidth, style) : 0;
  // Both stacks start one padding down so the headings line up; the panel spans both.
  const columnsHeight =
    PANEL_PAD + Math.max(mainHeight, sideHeight > 0 ? sideHeight + PANEL_PAD : 0);
  if (sideHeight > 0) {
    const panelHeight = Math.max(mainHeight, sideHeight) - style.sectionGap + 2 * PANEL_PAD;
    pen.rect(g.side.x, top, g.side.width, panelHeight, COLOURS.panel);
  }
  const mainEnd = drawStack(pen, columns.main, g.main.x, top + PANEL_PAD, g.main.width, style);
  const sideEnd = drawStack(
    pen,
    columns.side,
    g.side.x + PANEL_PAD,
    top + PANEL_PAD,
    sideWidth,
    style,
  );
  const bandTop =
    top +
    columnsHeight +
    (columnsHeight > 0 && columns.band.length > 0 ? style.sectionGap * 0.5 : 0);
  const bandEnd = drawStack(pen, columns.band, g.left, bandTop, g.contentWidth, style);
  drawFooter(pen, plan, g);

  // Stacks end with a trailing section gap that may hang into the footer gap.
  const ends = [mainEnd, sideEnd + PANEL_PAD, bandEnd].map(y => y - style.sectionGap);
  return Math.max(0, ...ends.map(y => y - limit));
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
