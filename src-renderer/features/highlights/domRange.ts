/**
 * Between DOM selections and article offsets. The reader renders each paragraph as
 * `<p data-start data-end>` whose text content is exactly `article.text.slice(start, end)`
 * (highlight marks add elements, never text), so an offset is the paragraph's start plus the
 * length of the text before the point.
 */

function paragraphs(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>('p[data-start]'));
}

function bounds(p: HTMLElement): { start: number; end: number } {
  return { start: Number(p.dataset.start), end: Number(p.dataset.end) };
}

function offsetIn(p: HTMLElement, node: Node, offset: number): number {
  const r = document.createRange();
  r.setStart(p, 0);
  r.setEnd(node, offset);
  return bounds(p).start + r.toString().length;
}

/**
 * Article offsets of a DOM range, clipped to the article body; null when the range holds no
 * article text (it lies in the header, or is collapsed).
 */
export function rangeToOffsets(
  root: HTMLElement,
  range: Range,
): { start: number; end: number } | null {
  if (range.collapsed) return null;
  const hit = paragraphs(root).filter(p => range.intersectsNode(p));
  if (hit.length === 0) return null;
  const first = hit[0];
  const last = hit[hit.length - 1];
  const start = first.contains(range.startContainer)
    ? offsetIn(first, range.startContainer, range.startOffset)
    : bounds(first).start;
  const end = last.contains(range.endContainer)
    ? offsetIn(last, range.endContainer, range.endOffset)
    : bounds(last).end;
  return end > start ? { start, end } : null;
}

function pointAt(p: HTMLElement, offset: number): { node: Node; offset: number } {
  let left = offset - bounds(p).start;
  const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
  let last: Text | null = null;
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    if (left <= n.data.length) return { node: n, offset: left };
    left -= n.data.length;
    last = n;
  }
  return last ? { node: last, offset: last.data.length } : { node: p, offset: 0 };
}

/** A DOM range over article offsets, or null when they are not rendered in `root`. */
export function offsetsToRange(root: HTMLElement, start: number, end: number): Range | null {
  const ps = paragraphs(root);
  const from = ps.find(p => bounds(p).end >= start && bounds(p).start <= start);
  const to = ps.findLast(p => bounds(p).start <= end && bounds(p).end >= end);
  if (!from || !to) return null;
  const a = pointAt(from, start);
  const b = pointAt(to, end);
  const range = document.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  return range;
}
