import { describe, expect, it } from 'vitest';
import { orderedMap } from './ordered';

const later = (ms: number): Promise<void> => new Promise(r => setTimeout(r, ms));

async function collect<R>(gen: AsyncGenerator<R>): Promise<R[]> {
  const out: R[] = [];
  for await (const r of gen) out.push(r);
  return out;
}

describe('orderedMap', () => {
  it('hands results on in input order when later calls finish first', async () => {
    const delays = [30, 5, 20, 0, 10, 1, 25, 3];
    const out = await collect(
      orderedMap(delays, 3, async (ms, i) => {
        await later(ms);
        return i;
      }),
    );
    expect(out).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('never has more than `limit` calls started and not yet handed on', async () => {
    let open = 0;
    let most = 0;
    const gen = orderedMap(
      Array.from({ length: 20 }, (_, i) => i),
      4,
      async i => {
        open++;
        most = Math.max(most, open);
        await later(i % 3);
        return i;
      },
    );
    for (let r = await gen.next(); !r.done; r = await gen.next()) open--;
    expect(most).toBeLessThanOrEqual(4);
    expect(most).toBeGreaterThan(1);
  });

  it('draws inputs lazily, only as calls are handed on', async () => {
    let drawn = 0;
    function* inputs(): Generator<number> {
      for (let i = 0; i < 100; i++) {
        drawn++;
        yield i;
      }
    }
    const gen = orderedMap(inputs(), 2, async i => i);
    await gen.next();
    expect(drawn).toBeLessThanOrEqual(3);
    await gen.return(undefined);
  });

  it('rejects at the failed call, after the results before it', async () => {
    const seen: number[] = [];
    const gen = orderedMap([0, 1, 2, 3], 2, async i => {
      await later(i === 1 ? 10 : 0);
      if (i === 2) throw new Error('bad input 2');
      return i;
    });
    await expect(
      (async () => {
        for await (const r of gen) seen.push(r);
      })(),
    ).rejects.toThrow('bad input 2');
    expect(seen).toEqual([0, 1]);
  });

  it('refuses a limit below one', async () => {
    await expect(collect(orderedMap([1], 0, async i => i))).rejects.toThrow(RangeError);
  });
});
