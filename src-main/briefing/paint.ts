/**
 * Paints a recorded layout into a real pdfkit document: structure elements become the tagged
 * PDF's structure tree, artifacts are marked as such, and every text mark is drawn at its
 * recorded position without re-wrapping. Nothing here decides where anything goes.
 */
import type { LayoutMark } from '../contract';
import type { LayoutNode } from './recorder';

type Doc = PDFKit.PDFDocument;
type StructElement = PDFKit.PDFStructureElement;

/** Paints `root`'s children into `doc` under the structure element `parent`. */
export function paintLayout(doc: Doc, parent: StructElement, root: LayoutNode): void {
  if (root.kind !== 'group') throw new Error('a layout tree starts with a group');
  for (const child of root.children) paintNode(doc, parent, child);
}

function paintNode(doc: Doc, parent: StructElement, node: LayoutNode): void {
  switch (node.kind) {
    case 'group': {
      const element = doc.struct(node.tag);
      parent.add(element);
      for (const child of node.children) paintNode(doc, element, child);
      element.end();
      return;
    }
    case 'content':
      parent.add(doc.struct(node.tag, {}, () => node.marks.forEach(m => paintMark(doc, m))));
      return;
    case 'artifact':
      doc.markContent('Artifact', { type: node.type });
      node.marks.forEach(m => paintMark(doc, m));
      doc.endMarkedContent();
      return;
  }
}

function paintMark(doc: Doc, mark: LayoutMark): void {
  switch (mark.kind) {
    case 'text':
      doc.font(mark.font).fontSize(mark.size).fillColor(mark.colour);
      doc.text(mark.text, mark.x, mark.y, {
        lineBreak: false,
        characterSpacing: mark.characterSpacing,
      });
      return;
    case 'rect':
      doc.save().rect(mark.x, mark.y, mark.width, mark.height).fillColor(mark.fill).fill();
      if (mark.stroke) {
        doc
          .rect(mark.x, mark.y, mark.width, mark.height)
          .lineWidth(0.25)
          .strokeColor(mark.stroke)
          .stroke();
      }
      doc.restore();
      return;
    case 'line':
      doc
        .save()
        .moveTo(mark.x1, mark.y1)
        .lineTo(mark.x2, mark.y2)
        .lineWidth(mark.thickness)
        .strokeColor(mark.colour)
        .stroke()
        .restore();
      return;
  }
}
