/**
 * Splitting a paragraph into runs at every highlight boundary. Within one run the same set of
 * highlights applies, so overlapping and adjacent highlights render as plain adjacent elements
 * with no DOM surgery: the reader renders runs, not ranges.
 */

export interface Layer {
  id: string;
  start: number;
  end: number;
  colour: number;
}

export interface Segment {
  start: number;
  end: number;
  /** Highlights covering this run, outermost (longest) first; the last is the one a click picks. */
  layers: Layer[];
  /** Whether the run lies in the focus range (a search hit, a meeting's source). */
  focus: boolean;
  /** Ids of highlights that begin / end exactly here (drawn with a visible edge). */
  starts: boolean;
  ends: boolean;
}

/**
 * Runs of `[from, to)` given the highlights (any order, any overlap) and an optional focus range.
 * Layers outside the span are ignored; the runs cover the span exactly, in order.
 */
export function segment(
  from: number,
  to: number,
  layers: readonly Layer[],
  focus: { start: number; end: number } | null = null,
): Segment[] {
  const inside = layers.filter(l => l.end > from && l.start < to && l.end > l.start);
  const cuts = new Set<number>([from, to]);
  for (const l of inside) {
    cuts.add(Math.max(from, l.start));
    cuts.add(Math.min(to, l.end));
  }
  if (focus && focus.end > from && focus.start < to) {
    cuts.add(Math.max(from, focus.start));
    cuts.add(Math.min(to, focus.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const byLength = [...inside].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const runs: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i];
    const end = points[i + 1];
    const covering = byLength.filter(l => l.start <= start && l.end >= end);
    runs.push({
      start,
      end,
      layers: covering,
      focus: !!focus && focus.start <= start && focus.end >= end,
      starts: covering.some(l => l.start === start),
      ends: covering.some(l => l.end === end),
    });
  }
  return runs;
}
