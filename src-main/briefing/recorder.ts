/**
 * Records what the drawing code puts on a page as a tree of positioned marks instead of PDF
 * operators: the structure elements (for the tagged PDF), the artifacts, and inside them every
 * line of text exactly where pdfkit's own line wrapper placed it. The tree is the one layout
 * both the screen and the PDF are drawn from.
 */
import type { LayoutMark, LayoutSectionId, LayoutText } from '../contract';

/** A structure element with children, a leaf holding marked content, or an artifact. */
export type LayoutNode =
  | { kind: 'group'; tag: string; children: LayoutNode[] }
  | { kind: 'content'; tag: string; marks: LayoutMark[] }
  | { kind: 'artifact'; type: 'Layout' | 'Pagination'; marks: LayoutMark[] };

type Doc = PDFKit.PDFDocument;
/** pdfkit's private per-fragment draw call: every wrapped line passes through it. */
type FragmentFn = (text: string, x: number, y: number, options: FragmentOptions) => void;
interface FragmentOptions {
  align?: string;
  width?: number;
  lineWidth?: number;
  characterSpacing?: number;
}
interface FontMetrics {
  ascender: number;
}
type HookableDoc = Doc & { _fragment: FragmentFn; _font: FontMetrics; _fontSize: number };

/** The font, size and colour the pen last set, which pdfkit's fragments do not carry. */
export interface InkState {
  font: LayoutText['font'];
  size: number;
  colour: string;
  /**
   * Set on a fallback run: the ascender (per 1000) of the face the rest of the line is in, so the
   * run is recorded on that face's baseline rather than hanging from the line's top.
   */
  alignAscender?: number;
}

export class Recorder {
  readonly root: LayoutNode & { kind: 'group' } = { kind: 'group', tag: 'Document', children: [] };
  private readonly open: LayoutNode[] = [this.root];
  section: LayoutSectionId = 'header';

  /** Opens a child node, runs `fn` inside it, closes it. */
  within(node: LayoutNode, fn: () => void): void {
    const parent = this.open.at(-1)!;
    if (parent.kind !== 'group') throw new Error(`cannot nest ${node.kind} inside marked content`);
    parent.children.push(node);
    this.open.push(node);
    try {
      fn();
    } finally {
      this.open.pop();
    }
  }

  /** Adds a mark to the open leaf or artifact. Throws when drawing happens outside of one. */
  mark(mark: LayoutMark): void {
    const node = this.open.at(-1)!;
    if (node.kind === 'group') throw new Error(`a ${mark.kind} was drawn outside marked content`);
    node.marks.push(mark);
  }

  /**
   * Runs `fn` with pdfkit's fragment drawing diverted into text marks: the text is wrapped and
   * positioned by pdfkit as usual, but what would be drawn is recorded (and still drawn on the
   * scratch document, which is never written).
   */
  capture(doc: Doc, ink: () => InkState, fn: () => void): void {
    const hookable = doc as HookableDoc;
    const original = hookable._fragment;
    const record = (mark: LayoutText) => this.mark(mark);
    const section = () => this.section;
    hookable._fragment = function (text, x, y, options) {
      const clean = `${text}`.replace(/\n/g, '');
      if (clean.length > 0) {
        const spacing = options.characterSpacing ?? 0;
        const width = doc.widthOfString(clean, { characterSpacing: spacing });
        let left = x;
        if (options.width && options.align === 'right') {
          const trimmed = doc.widthOfString(clean.replace(/\s+$/, ''), {
            characterSpacing: spacing,
          });
          left += (options.lineWidth ?? options.width) - trimmed;
        }
        const { font, size, colour, alignAscender } = ink();
        const ascent = (hookable._font.ascender / 1000) * hookable._fontSize;
        const baseline =
          y + ((alignAscender ?? hookable._font.ascender) / 1000) * hookable._fontSize;
        record({
          kind: 'text',
          section: section(),
          text: clean,
          x: left,
          y: baseline - ascent,
          baseline,
          width,
          font,
          size,
          colour,
          characterSpacing: spacing,
        });
      }
      original.call(this, text, x, y, options);
    };
    try {
      fn();
    } finally {
      hookable._fragment = original;
    }
  }
}

/** Every mark of the tree in painting order. */
export function flattenMarks(node: LayoutNode, out: LayoutMark[] = []): LayoutMark[] {
  if (node.kind === 'group') for (const child of node.children) flattenMarks(child, out);
  else out.push(...node.marks);
  return out;
}
