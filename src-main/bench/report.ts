/**
 * Benchmarks print figures beside a naive baseline measured in the same run, so a ratio stays
 * meaningful on any machine. Nothing here asserts a speed: the figures go into the README.
 */
export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
  /** The naive way of doing the same work, measured in the same run. */
  baseline?: { name: string; value: number };
  /** What the issue asks for, printed for comparison (e.g. "< 50 ms"). */
  target?: string;
}

export function formatFigure(f: BenchFigure): string {
  const value = `${round(f.value)} ${f.unit}`;
  const base = f.baseline
    ? `  baseline (${f.baseline.name}): ${round(f.baseline.value)} ${f.unit}, ratio ${round(f.baseline.value / f.value)}x`
    : '';
  const target = f.target ? `  target ${f.target}` : '';
  return `${f.name.padEnd(48)} ${value}${base}${target}`;
}

function round(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  return n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2);
}

/** Wall time of `fn` in milliseconds, best of `runs` after one warm-up call. */
export async function timeMs(fn: () => unknown, runs = 5): Promise<number> {
  await fn();
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

/** Percentile (0–100) of a list of samples. */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}
