/**
 * Bounded, ordered parallel work: what the command line needs to spread a folder over worker
 * threads while its memory stays flat and its output stays the same as one thread's.
 */

type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown };

/**
 * `run` over `inputs` with at most `limit` calls started and not yet handed on, yielding the
 * results in input order whatever order they finish in. A call that rejects rejects the
 * iteration at its place in the order (the calls already started still run to their end).
 * Inputs are drawn lazily, so a generator of batches is read only as fast as work is done.
 */
export async function* orderedMap<I, R>(
  inputs: Iterable<I>,
  limit: number,
  run: (input: I, index: number) => Promise<R>,
): AsyncGenerator<R> {
  if (!(limit >= 1)) throw new RangeError(`orderedMap: limit must be at least 1, got ${limit}`);
  const started: Promise<Settled<R>>[] = [];
  const it = inputs[Symbol.iterator]();
  let index = 0;
  let done = false;
  const fill = (): void => {
    while (!done && started.length < limit) {
      const next = it.next();
      if (next.done) {
        done = true;
        return;
      }
      // Settled here, so a call that fails while an earlier one is awaited is never unhandled.
      started.push(
        run(next.value, index++).then(
          value => ({ ok: true as const, value }),
          (error: unknown) => ({ ok: false as const, error }),
        ),
      );
    }
  };
  fill();
  while (started.length > 0) {
    const first = await started.shift()!;
    if (!first.ok) throw first.error;
    yield first.value;
    fill();
  }
}
