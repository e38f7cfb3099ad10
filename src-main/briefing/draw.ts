/**
 * Draws the briefing's pieces with pdfkit. Measuring and drawing are the same code: the fitter
 * "draws" on a scratch document and reads how far the pen moved, so a measured height is exactly
 * the height drawn later (pdfkit's own heightOfString cannot measure mixed-font lines).
 *
 * When recording, every piece is placed in a structure element for screen readers (headings,
 * paragraphs, lists, quotes), and rules, colour bars and the footer are marked as artifacts.
 */
import PDFDocument from 'pdfkit';
import type { LayoutSectionId } from '../contract';
import { faceRuns } from './fallback';
import { emphasisRuns } from './markdownish';
import type { BriefingFonts, FontRole } from './fonts';
import { COLOURS, type Style } from './layout';
import type { PlanItem } from './plan';
import type { InkState, Recorder } from './recorder';

type Doc = PDFKit.PDFDocument;
type TextOptions = PDFKit.Mixins.TextOptions;

const BULLET_INDENT = 9;
const QUOTE_INDENT = 8;
const SOURCE_INDENT = 21;
const ENTRY_INDENT = 11;
/** Width of the participants table's country column (two- or three-letter codes). */
const COUNTRY_COLUMN = 17;

/**
 * Registers the parsed fonts under their role names, so `doc.font(role)` never re-parses, and
 * gives each face the word-measuring cache of every earlier document set in it. pdfkit keeps
 * that cache (each word's shaped glyphs) on the document's own font object, so each new
 * document (the scratch one the fitter measures on, the PDF it paints) shaped every word of
 * the page again: most of a briefing's time.
 */
export function registerFonts(doc: Doc, fonts: BriefingFonts): void {
  const families = (doc as Doc & { _fontFamilies: Record<string, { layoutCache?: object }> })
    ._fontFamilies;
  const current = (doc as Doc & { _font: unknown })._font;
  for (const [role, font] of Object.entries(fonts)) {
    // pdfkit accepts a parsed fontkit font (it checks for `layout`), though its types say bytes.
    doc.registerFont(role, font as unknown as Buffer);
    doc.font(role);
    const embedded = families[role];
    if (embedded && 'layoutCache' in embedded) embedded.layoutCache = sharedLayoutCache(font);
  }
  (doc as Doc & { _font: unknown })._font = current;
}

/** Word layouts kept per face; dropped and begun again after this many documents. */
const CACHE_DOCUMENTS = 500;
const layoutCaches = new WeakMap<object, { cache: object; uses: number }>();

/**
 * The one word-layout cache of `font`. Safe to share: an entry is the word's glyphs with
 * positions scaled to 1000 units per em, which depend only on the face, and pdfkit copies a
 * position before it changes one (word spacing).
 */
function sharedLayoutCache(font: object): object {
  let entry = layoutCaches.get(font);
  if (!entry || entry.uses >= CACHE_DOCUMENTS) {
    entry = { cache: Object.create(null) as object, uses: 0 };
    layoutCaches.set(font, entry);
  }
  entry.uses++;
  return entry.cache;
}

/**
 * A document to measure on: never ended, never written. pdfkit's line wrapper places every line
 * and moves the pen; its per-line `_fragment` only writes PDF operators, which nobody reads
 * here, so it does nothing (the recorder still sees each line through it).
 */
export function scratchDocument(fonts: BriefingFonts): Doc {
  const doc = new PDFDocument({ size: [1000, 1000], margin: 0, compress: false });
  registerFonts(doc, fonts);
  (doc as Doc & { _fragment: () => void })._fragment = () => undefined;
  return doc;
}

/**
 * Draws on a scratch document. Without a recorder it only measures (how far the pen moved);
 * with one it also records every structure element, artifact and line of text into the layout
 * tree that the screen and the PDF are painted from.
 */
export class Pen {
  private ink: InkState = { font: 'body', size: 10, colour: COLOURS.text };

  constructor(
    readonly doc: Doc,
    readonly recorder: Recorder | null,
    readonly fonts: BriefingFonts,
  ) {}

  get measuring(): boolean {
    return this.recorder === null;
  }

  use(role: FontRole, size: number, colour: string = COLOURS.text): Doc {
    this.ink = { font: role, size, colour };
    return this.doc.font(role).fontSize(size).fillColor(colour);
  }

  /**
   * `doc.text` with font fallback: runs of the text the current face lacks are set in the CJK
   * face (as continued text, so pdfkit wraps each run with the face that paints it), and
   * characters no face has become a placeholder (see fallback.ts). The CJK runs sit on the
   * current face's baseline.
   */
  text(text: string, ...at: [number, number, TextOptions] | [TextOptions]): void {
    const [x, y, options] = at.length === 3 ? at : [undefined, undefined, at[0]];
    const ink = this.ink;
    const runs = faceRuns(text, this.fonts[ink.font], this.fonts.cjk);
    const ascender = (this.doc as Doc & { _font: { ascender: number } })._font.ascender;
    runs.forEach((run, i) => {
      if (run.cjk) {
        this.ink = { ...ink, font: 'cjk', alignAscender: ascender };
        this.doc.font('cjk');
      }
      const last = i === runs.length - 1;
      const runOptions = last ? options : { ...options, continued: true };
      if (i === 0 && x !== undefined) this.doc.text(run.text, x, y, runOptions);
      else this.doc.text(run.text, runOptions);
      if (run.cjk) {
        this.ink = ink;
        this.doc.font(ink.font);
      }
    });
  }

  /** Runs `fn` with the page content it draws recorded (no-op wrapper when measuring). */
  record(fn: () => void): void {
    if (!this.recorder) return fn();
    this.recorder.capture(this.doc, () => this.ink, fn);
  }

  /** Runs `fn` with everything it draws attributed to section `id`. */
  section(id: LayoutSectionId, fn: () => void): void {
    const recorder = this.recorder;
    if (!recorder) return fn();
    const outer = recorder.section;
    recorder.section = id;
    try {
      fn();
    } finally {
      recorder.section = outer;
    }
  }

  /** Runs `fn` inside a grouping structure element (Sect, L, LI, BlockQuote…). */
  group(type: string, fn: () => void): void {
    if (!this.recorder) return fn();
    this.recorder.within({ kind: 'group', tag: type, children: [] }, fn);
  }

  /** Runs `draw` as the marked content of a leaf structure element (P, H1, Lbl…). */
  content(type: string, draw: () => void): void {
    if (!this.recorder) return draw();
    this.recorder.within({ kind: 'content', tag: type, marks: [] }, draw);
  }

  /** Runs `draw` as an artifact: decoration a screen reader skips. Skipped when measuring. */
  artifact(draw: () => void, type: 'Layout' | 'Pagination' = 'Layout'): void {
    if (!this.recorder) return;
    this.recorder.within({ kind: 'artifact', type, marks: [] }, draw);
  }

  rule(x: number, y: number, width: number, colour: string = COLOURS.rule, thickness = 0.5): void {
    const recorder = this.recorder;
    this.artifact(() => {
      recorder?.mark({
        kind: 'line',
        section: recorder.section,
        x1: x,
        y1: y,
        x2: x + width,
        y2: y,
        colour,
        thickness,
      });
    });
  }

  rect(
    x: number,
    y: number,
    width: number,
    height: number,
    colour: string,
    stroke: string | null = null,
  ): void {
    const recorder = this.recorder;
    this.artifact(() => {
      recorder?.mark({
        kind: 'rect',
        section: recorder.section,
        x,
        y,
        width,
        height,
        fill: colour,
        stroke,
      });
    });
  }
}

function textOptions(
  width: number,
  style: Style,
  extra: PDFKit.Mixins.TextOptions = {},
): PDFKit.Mixins.TextOptions {
  // height: Infinity stops pdfkit from ever starting a second page; the fitter keeps text inside.
  return { width, height: Infinity, lineGap: style.lineGap, ...extra };
}

interface Faces {
  plain: FontRole;
  bold: FontRole;
  italic: FontRole;
}
const BODY_FACES: Faces = { plain: 'body', bold: 'bodyBold', italic: 'italic' };
const META_FACES: Faces = { plain: 'meta', bold: 'label', italic: 'italic' };

/**
 * Text whose bold and italic (BOLD / ITALIC marks from the note's Markdown) are set in their own
 * faces, as one wrapped paragraph: each run continues the line where the last one stopped.
 * Bold italic, which DejaVu's condensed serif has no face for here, is set bold. `at` null
 * continues text the caller began.
 */
function emphasised(
  pen: Pen,
  text: string,
  at: [number, number] | null,
  options: TextOptions,
  faces: Faces,
  size: number,
  colour: string = COLOURS.text,
): void {
  const runs = emphasisRuns(text);
  if (runs.length === 0) runs.push({ text: '', bold: false, italic: false });
  runs.forEach((run, i) => {
    pen.use(run.bold ? faces.bold : run.italic ? faces.italic : faces.plain, size, colour);
    const last = i === runs.length - 1;
    const runOptions = last ? options : { ...options, continued: true };
    if (i === 0 && at) pen.text(run.text, at[0], at[1], runOptions);
    else pen.text(run.text, runOptions);
  });
}

/** Section heading: small capitals in the accent colour over a hairline. Returns the new y. */
export function drawHeading(
  pen: Pen,
  text: string,
  x: number,
  y: number,
  width: number,
  style: Style,
): number {
  const { doc } = pen;
  pen.content('H2', () => {
    pen.use('label', style.heading, COLOURS.heading);
    pen.text(
      text.toUpperCase(),
      x,
      y,
      textOptions(width, style, { characterSpacing: 0.7, lineGap: 0 }),
    );
  });
  const ruleY = doc.y + 1.2;
  pen.rule(x, ruleY, width);
  return ruleY + style.headingGap;
}

/** One item of a section, followed by the item gap. Returns the new y. */
export function drawItem(
  pen: Pen,
  item: PlanItem,
  x: number,
  y: number,
  width: number,
  style: Style,
): number {
  const { doc } = pen;
  switch (item.kind) {
    case 'lead':
      // The bottom line: the one thing a reader takes away, in larger type than the body.
      pen.content('P', () => {
        pen.use('bodyBold', style.body * 1.3, COLOURS.text);
        pen.text(item.text, x, y, textOptions(width, style, { lineGap: style.lineGap * 1.2 }));
      });
      if (item.suggested) {
        pen.content('P', () => {
          pen.use('italic', style.small, COLOURS.handling);
          pen.text(
            'Suggested by Readout from the meeting record; no analyst has written a bottom line yet.',
            x,
            doc.y + 1,
            textOptions(width, style, { lineGap: 0 }),
          );
        });
      }
      return doc.y + style.itemGap * 1.5;
    case 'paragraph':
      pen.content('P', () => {
        if (item.lead) {
          pen.use('bodyBold', style.body);
          pen.text(item.lead, x, y, textOptions(width, style, { continued: true }));
          emphasised(pen, item.text, null, textOptions(width, style), BODY_FACES, style.body);
        } else {
          emphasised(pen, item.text, [x, y], textOptions(width, style), BODY_FACES, style.body);
        }
      });
      return doc.y + style.itemGap;
    case 'bullet': {
      let end = y;
      pen.group('LI', () => {
        pen.content('Lbl', () => {
          pen.use('body', style.body, COLOURS.accent);
          pen.text('•', x + 1, y, textOptions(BULLET_INDENT, style));
        });
        pen.content('LBody', () => {
          // A list item of a note may hold bold and italic; a key point is one plain run.
          const options = textOptions(width - BULLET_INDENT, style);
          emphasised(pen, item.text, [x + BULLET_INDENT, y], options, BODY_FACES, style.body);
          end = doc.y;
        });
      });
      return end + style.itemGap;
    }
    case 'quote': {
      const inner = width - QUOTE_INDENT;
      let end = y;
      pen.group('BlockQuote', () => {
        pen.content('P', () => {
          pen.use('italic', style.body);
          pen.text(`“${item.quote}”`, x + QUOTE_INDENT, y, textOptions(inner, style));
        });
        const attribution = `${item.colour.name}${item.cite ? `  ${item.cite}` : ''}`;
        pen.content('P', () => {
          pen.use('label', style.small, COLOURS.meta);
          pen.text(
            attribution,
            x + QUOTE_INDENT,
            doc.y + 0.5,
            textOptions(inner, style, { lineGap: 0.5 }),
          );
          if (item.note) {
            emphasised(
              pen,
              `Note: ${item.note}`,
              [x + QUOTE_INDENT, doc.y],
              textOptions(inner, style, { lineGap: 0.5 }),
              META_FACES,
              style.small,
              COLOURS.meta,
            );
          }
        });
        end = doc.y;
      });
      // The highlight's own colour as a bar beside the quote, edged so pale colours still show.
      pen.rect(x, y + 1, 3, end - y - 2, item.colour.hex, COLOURS.faint);
      return end + style.itemGap + 1;
    }
    case 'person': {
      // A row of the participants table: country code | name, role.
      const indent = item.table ? COUNTRY_COLUMN : 0;
      const options = textOptions(width - indent, style, { lineGap: style.lineGap * 0.6 });
      let end = y;
      pen.group('TR', () => {
        if (item.table) {
          pen.content('TD', () => {
            pen.use('label', style.small, COLOURS.heading);
            const code = item.country ?? '';
            if (code)
              pen.text(
                code,
                x,
                y + (style.body - style.small) * 0.3,
                textOptions(indent, style, { lineGap: 0 }),
              );
          });
        }
        pen.content('TD', () => {
          pen.use('label', style.body * 0.96);
          pen.text(item.name, x + indent, y, { ...options, continued: Boolean(item.detail) });
          if (item.detail) {
            pen.use('meta', style.body * 0.92, COLOURS.meta);
            pen.text(`, ${item.detail}`, options);
          }
          end = doc.y;
        });
      });
      return end + style.itemGap * 0.8;
    }
    case 'fact':
      pen.content('P', () => {
        const options = textOptions(width, style, { lineGap: style.lineGap * 0.6 });
        if (item.label) {
          pen.use('label', style.body * 0.96);
          pen.text(item.label, x, y, { ...options, continued: true });
          pen.use('meta', style.body * 0.96);
          pen.text(item.text, options);
        } else {
          pen.use('meta', style.body * 0.96);
          pen.text(item.text, x, y, options);
        }
      });
      return doc.y + style.itemGap;
    case 'entry':
      return drawEntry(pen, item, x, y, width, style);
    case 'source': {
      let end = y;
      pen.group('LI', () => {
        pen.content('Lbl', () => {
          pen.use('label', style.small, COLOURS.heading);
          pen.text(
            item.label,
            x,
            y + (style.body - style.small) * 0.15,
            textOptions(SOURCE_INDENT, style),
          );
        });
        pen.content('LBody', () => {
          pen.use('meta', style.meta);
          pen.text(
            item.text,
            x + SOURCE_INDENT,
            y,
            textOptions(width - SOURCE_INDENT, style, { lineGap: style.lineGap * 0.6 }),
          );
          end = doc.y;
        });
      });
      return end + style.itemGap * 0.6;
    }
  }
}

/**
 * One meeting of a digest: its title in bold, a line of date · place · status, then its bottom
 * line (the analyst's, or Readout's suggestion marked as such) and its source numbers.
 */
function drawEntry(
  pen: Pen,
  item: PlanItem & { kind: 'entry' },
  x: number,
  y: number,
  width: number,
  style: Style,
): number {
  const { doc } = pen;
  const inner = width - ENTRY_INDENT;
  const lines = textOptions(inner, style, { lineGap: style.lineGap * 0.6 });
  let end = y;
  pen.group('LI', () => {
    pen.content('Lbl', () => {
      pen.use('label', style.body, COLOURS.accent);
      pen.text('▪', x, y, textOptions(ENTRY_INDENT, style));
    });
    pen.group('LBody', () => {
      if (!item.line) {
        // The shortest form: title and meta run on in one paragraph.
        pen.content('P', () => {
          pen.use('label', style.body, COLOURS.text);
          pen.text(item.title, x + ENTRY_INDENT, y, { ...lines, continued: true });
          pen.use('meta', style.meta, COLOURS.meta);
          pen.text(`  ·  ${item.meta}\u00A0\u00A0${item.cites}`.trimEnd(), lines);
        });
        end = doc.y;
        return;
      }
      pen.content('H3', () => {
        pen.use('label', style.body * 1.05, COLOURS.text);
        pen.text(item.title, x + ENTRY_INDENT, y, lines);
      });
      pen.content('P', () => {
        pen.use('meta', style.meta, COLOURS.meta);
        pen.text(item.meta, x + ENTRY_INDENT, doc.y + 0.5, lines);
      });
      pen.content('P', () => {
        const at = doc.y + 1;
        // A no-break space keeps the citation on the line of the text's last word.
        const text = `${item.line}\u00A0${item.cites}`.trimEnd();
        if (item.suggested) {
          pen.use('italic', style.body, COLOURS.handling);
          pen.text('Suggested: ', x + ENTRY_INDENT, at, { ...lines, continued: true });
          pen.use('body', style.body);
          pen.text(text, lines);
        } else {
          pen.use('body', style.body);
          pen.text(text, x + ENTRY_INDENT, at, lines);
        }
      });
      end = doc.y;
    });
  });
  return end + style.itemGap * (item.line ? 1.6 : 0.8);
}

/** The "… 12 more highlights in Readout" line. Returns the new y. */
export function drawMore(
  pen: Pen,
  text: string,
  x: number,
  y: number,
  width: number,
  style: Style,
): number {
  pen.content('P', () => {
    pen.use('italic', style.small, COLOURS.faint);
    pen.text(text, x, y, textOptions(width, style, { lineGap: 0 }));
  });
  return pen.doc.y + style.itemGap;
}
