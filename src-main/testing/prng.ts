/**
 * A small seeded PRNG (mulberry32) for tests, fuzzing and benchmarks: the same seed gives the
 * same sequence, so a failing random case can be replayed and every benchmark run sees the same
 * data. Not for anything that needs unpredictability.
 */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
