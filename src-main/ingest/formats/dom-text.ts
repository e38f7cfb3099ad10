/**
 * Turns a parsed HTML tree into the plain text Readout stores: one paragraph per block element
 * (p, h1–h6, li, blockquote, table row…), separated by blank lines, white space inside a
 * paragraph collapsed as a browser would. Only text leaves: no markup, no attribute, no URL of
 * an image reaches the article, so a hostile page cannot put HTML in front of the renderer.
 *
 * Main is built without the DOM library types, so the few node properties read here are typed
 * by a small structural interface that linkedom's nodes satisfy.
 */

/** The part of a DOM node this module and the HTML importer read. */
export interface TextNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<TextNode>;
  getAttribute?(name: string): string | null;
}

const ELEMENT = 1;
const TEXT = 3;

/** Elements whose text is never article text (and whose content a parser may leave as text). */
const SKIPPED = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'SVG',
  'CANVAS',
  'HEAD',
  'TITLE',
  'META',
  'LINK',
  'BUTTON',
  'SELECT',
  'TEXTAREA',
  'INPUT',
  'FORM',
  'NAV',
]);

/** Elements that start and end a paragraph. */
const BLOCKS = new Set([
  'P',
  'DIV',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'HEADER',
  'FOOTER',
  'ASIDE',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'UL',
  'OL',
  'DL',
  'DT',
  'DD',
  'BLOCKQUOTE',
  'PRE',
  'TABLE',
  'TR',
  'FIGURE',
  'FIGCAPTION',
  'HR',
  'ADDRESS',
  'BODY',
  'HTML',
  'CENTER',
  'DETAILS',
  'SUMMARY',
]);

/** Deepest nesting walked; deeper content is still read, as the text of its ancestor. */
const MAX_DEPTH = 256;

/**
 * The text of `root` as paragraphs separated by blank lines. An explicit stack, not recursion:
 * a page of ten thousand nested `<div>`s must not overflow the call stack.
 */
export function domToText(root: TextNode): string {
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    const text = current.replace(/[ \t\n\r\f\u00a0]+/g, ' ').trim();
    if (text) paragraphs.push(text);
    current = '';
  };
  type Step = { node: TextNode; depth: number } | { end: string };
  const stack: Step[] = [{ node: root, depth: 0 }];
  while (stack.length > 0) {
    const step = stack.pop()!;
    if ('end' in step) {
      flush();
      continue;
    }
    const { node, depth } = step;
    if (node.nodeType === TEXT) {
      current += node.textContent ?? '';
      continue;
    }
    if (node.nodeType !== ELEMENT) continue;
    const name = node.nodeName.toUpperCase();
    if (SKIPPED.has(name)) continue;
    if (name === 'BR') {
      // A line break inside a paragraph; two in a row are how many pages break paragraphs.
      if (current.endsWith('\u2028')) flush();
      else current += '\u2028';
      continue;
    }
    if (name === 'TD' || name === 'TH') current += ' ';
    if (depth >= MAX_DEPTH) {
      current += ` ${node.textContent ?? ''} `;
      continue;
    }
    const block = BLOCKS.has(name);
    if (block) {
      flush();
      stack.push({ end: name });
    }
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--)
      stack.push({ node: children[i], depth: depth + 1 });
  }
  flush();
  return paragraphs
    .map(p =>
      p
        .split('\u2028')
        .map(line => line.trim())
        .filter(Boolean)
        .join('\n'),
    )
    .filter(Boolean)
    .join('\n\n');
}
