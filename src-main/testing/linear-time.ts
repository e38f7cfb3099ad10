/**
 * A linear-time property for tests: runs `f` on an input of size n and on one of size 2n and
 * reports how much longer the larger one took. A linear function takes about twice as long; a
 * quadratic regex takes four times as long, so a ratio over 2.5 is a catastrophic pattern found
 * before it freezes main on an analyst's file. Shared so that every parser can state the property.
 *
 * Timing on a loaded 2-core machine is noisy, so time is the process's CPU time, each size is warmed up, measured several times in
 * alternation (a burst of load hits both sizes alike) and summarised by its quickest sample (load
 * only ever adds time), and a failing
 * ratio is measured again before it counts. n grows until one call takes `minMs`, but only up to
 * `maxN`: past a few hundred kilobytes garbage collection itself grows faster than linearly, so a
 * call still quicker than that is repeated until the repetitions take `minMs`.
 */

export interface LinearTimeOptions {
  /** Smallest input size tried; n doubles from here until a call takes `minMs`. */
  startN?: number;
  /** Largest n tried while growing. */
  maxN?: number;
  /** Time one sample (one call, or repeated calls of a quick function) must take. */
  minMs?: number;
  /** Samples per size; the quickest counts. */
  runs?: number;
  /** The largest acceptable t(2n)/t(n); a measurement above it is repeated `attempts` times. */
  limit?: number;
  attempts?: number;
}

export interface LinearTimeResult {
  /** The size the ratio was measured at (the doubled input has 2n). */
  n: number;
  /** Calls per sample at n (half as many at 2n): more when one call is quicker than `minMs`. */
  repeats: number;
  /** Milliseconds per call at n and at 2n (quickest sample), of the best attempt. */
  ms: number;
  doubledMs: number;
  /** doubledMs / ms of the best attempt: about 2 for linear work, about 4 for quadratic. */
  ratio: number;
}

/**
 * Measures how `run(make(n))` grows when n doubles. `make` builds the input outside the timed
 * region, so only the function under test is measured. Returns the best of up to `attempts`
 * measurements, stopping at the first within `limit`.
 */
export function measureGrowth<T>(
  make: (n: number) => T,
  run: (input: T) => unknown,
  options: LinearTimeOptions = {},
): LinearTimeResult {
  const { startN = 1024, maxN = 1 << 14, minMs = 4, runs = 5, limit = 2.5, attempts = 3 } = options;
  // Every call gets an input of its own: V8 caches a regex's results for a string it has just
  // split or replaced, so calling twice on one string would time the cache, not the function.
  const sample = (size: number, repeats: number): number => {
    const inputs = Array.from({ length: repeats }, () => flatten(make(size)));
    const start = cpuMs();
    for (const input of inputs) run(input);
    return (cpuMs() - start) / repeats;
  };
  // Warm-up: V8 compiles a function (and a regex) to fast code only after it has run a while.
  for (let i = 0, spent = 0; i < 20 || spent < 20; i++) spent += sample(startN, 1);
  let n = startN;
  // The quicker of two calls decides, so one pause for garbage collection does not stop growth.
  const quickest = () => Math.min(sample(n, 1), sample(n, 1));
  let one = quickest();
  while (n < maxN && one < minMs) {
    n *= 2;
    one = quickest();
  }
  // A sample of a quick function repeats it on fresh inputs, as many characters at 2n as at n (half
  // as many inputs), so both sizes meet the same caches; memory stays within a few hundred KB.
  let repeats = 2;
  while (one * repeats < minMs && repeats * n < 1 << 19) repeats *= 2;
  sample(2 * n, 1);
  let best: LinearTimeResult | null = null;
  for (let attempt = 0; attempt < attempts; attempt++) {
    const small: number[] = [];
    const large: number[] = [];
    for (let i = 0; i < runs; i++) {
      small.push(sample(n, repeats));
      large.push(sample(2 * n, repeats / 2));
    }
    const ms = Math.min(...small);
    const doubledMs = Math.min(...large);
    const ratio = doubledMs / Math.max(ms, 1e-6);
    if (!best || ratio < best.ratio) best = { n, repeats, ms, doubledMs, ratio };
    if (ratio <= limit) break;
  }
  return best!;
}

/** The measurement in words a test failure can print. */
export function describeGrowth(result: LinearTimeResult): string {
  const calls = result.repeats > 1 ? ` per call of ${result.repeats}` : '';
  return `n=${result.n}: ${fmt(result.ms)} ms, 2n: ${fmt(result.doubledMs)} ms${calls} (×${result.ratio.toFixed(2)})`;
}

/**
 * Measures `run` on inputs from `make` and throws a descriptive Error unless doubling the input
 * at most multiplies the time by `limit` (2.5 by default): the one call a test needs.
 */
export function expectLinearTime<T>(
  make: (n: number) => T,
  run: (input: T) => unknown,
  options: LinearTimeOptions = {},
): LinearTimeResult {
  const result = measureGrowth(make, run, options);
  if (result.ratio > (options.limit ?? 2.5)) {
    throw new Error(`time grows faster than linearly: ${describeGrowth(result)}`);
  }
  return result;
}

/** A string built by concatenation is a rope until first read; reading it once makes it flat. */
function flatten<T>(input: T): T {
  if (typeof input === 'string') void input.charCodeAt(input.length >> 1);
  return input;
}

/**
 * CPU time this process has used, in milliseconds: unlike the wall clock it does not run on while
 * the test waits for one of two cores that six other processes want.
 */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

const fmt = (ms: number): string => (ms < 1 ? ms.toFixed(3) : ms.toFixed(1));
