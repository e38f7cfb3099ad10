import { describe, expect, it } from 'vitest';
import { describeGrowth, expectLinearTime, measureGrowth } from './linear-time';

describe('measureGrowth', () => {
  it('finds a linear scan within the ×2.5 limit', () => {
    const result = measureGrowth(
      n => 'ab '.repeat(n),
      s => s.split(' ').length,
    );
    expect(result.ratio, describeGrowth(result)).toBeLessThanOrEqual(2.5);
    expect(result.ms).toBeGreaterThan(0);
  });

  it('catches a quadratic regex: a run of spaces not at a line end', () => {
    const result = measureGrowth(
      n => 'x' + ' '.repeat(n) + 'x',
      s => s.replace(/[ \t]+$/gm, ''),
      { startN: 256, attempts: 1 },
    );
    expect(result.ratio, describeGrowth(result)).toBeGreaterThan(3);
  });

  it('grows n, then repeats a call too quick to time until a sample takes minMs', () => {
    // Quick at every n up to 1024, yet slow enough per element that repeating it reaches minMs
    // before the sampler's memory cap (2^19 elements a sample) does: a bare sum of 1024 numbers
    // hit that cap at under 0.5 ms on an idle machine, which made this test depend on the CPU.
    const result = measureGrowth(
      n => new Array<number>(n).fill(1),
      a => a.map(x => `${x}:${x * 7}`).join(','),
      { startN: 16, maxN: 1024, minMs: 2 },
    );
    expect(result.n).toBe(1024);
    expect(result.repeats).toBeGreaterThan(1);
    expect(result.ms * result.repeats).toBeGreaterThan(0.5);
  });
});

describe('expectLinearTime', () => {
  it('throws, naming the sizes and times, for a quadratic function', () => {
    expect(() =>
      expectLinearTime(
        n => 'x' + ' '.repeat(n) + 'x',
        s => s.replace(/[ \t]+$/gm, ''),
        { startN: 256, attempts: 1 },
      ),
    ).toThrow(/time grows faster than linearly: n=\d+: .* ms, 2n: .* ms .*\(×\d/);
  });

  it('returns the measurement of a linear function', () => {
    expect(
      expectLinearTime(
        n => 'ab '.repeat(n),
        s => s.split(' '),
      ).ratio,
    ).toBeLessThan(2.5);
  });
});

describe('describeGrowth', () => {
  it('names the size, both times and the ratio', () => {
    expect(describeGrowth({ n: 1024, repeats: 1, ms: 10, doubledMs: 41, ratio: 4.1 })).toBe(
      'n=1024: 10.0 ms, 2n: 41.0 ms (×4.10)',
    );
    expect(describeGrowth({ n: 64, repeats: 8, ms: 0.5, doubledMs: 1, ratio: 2 })).toBe(
      'n=64: 0.500 ms, 2n: 1.0 ms per call of 8 (×2.00)',
    );
  });
});
