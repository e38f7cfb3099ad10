import { describe, expect, it } from 'vitest';
import type { ImportBatch } from '../../../src-main/contract/import-session';
import type { Result } from '../../../src-main/contract/result';
import { readAhead } from './read-ahead';

const batch = (n: number, flags: Partial<ImportBatch> = {}): ImportBatch => ({
  filesDone: n,
  bytesDone: n,
  totalFiles: 3,
  totalBytes: 3,
  done: false,
  more: false,
  articles: [],
  errors: [],
  ...flags,
});

/** A send whose answers the test releases one by one, recording when each send started. */
function scripted(answers: Result<ImportBatch>[]) {
  const started: number[] = [];
  const release: (() => void)[] = [];
  const send = () => {
    const n = started.length;
    started.push(n);
    return new Promise<Result<ImportBatch>>(resolve =>
      release.push(() => resolve(answers[n] ?? { ok: true, value: batch(99, { done: true }) })),
    );
  };
  return { send, started, release };
}

const flush = () => new Promise(resolve => setTimeout(resolve, 0));

describe('readAhead', () => {
  it('sends the next batch as soon as an answer arrives, before it is taken', async () => {
    const s = scripted([
      { ok: true, value: batch(1) },
      { ok: true, value: batch(2) },
      { ok: true, value: batch(3, { done: true }) },
    ]);
    const take = readAhead(s.send);
    const first = take();
    expect(s.started).toEqual([0]);
    s.release[0]();
    expect(await first).toEqual({ ok: true, value: batch(1) });
    // The page now stores batch 1; batch 2 is already on its way.
    expect(s.started).toEqual([0, 1]);
    const second = take();
    expect(s.started).toEqual([0, 1]);
    s.release[1]();
    expect((await second).ok).toBe(true);
    expect(s.started).toEqual([0, 1, 2]);
    s.release[2]();
    const third = await take();
    expect(third.ok && third.value.done).toBe(true);
    await flush();
    // Nothing is sent after the last batch.
    expect(s.started).toEqual([0, 1, 2]);
  });

  it('keeps one send ahead, and loses none, when answers arrive before they are taken', async () => {
    const s = scripted([
      { ok: true, value: batch(1) },
      { ok: true, value: batch(2) },
      { ok: true, value: batch(3, { done: true }) },
    ]);
    const take = readAhead(s.send);
    const first = take();
    s.release[0]();
    await first;
    // Batch 2 answers while the page still stores batch 1: no third send yet.
    s.release[1]();
    await flush();
    expect(s.started).toEqual([0, 1]);
    const second = await take();
    expect(second.ok && second.value.filesDone).toBe(2);
    expect(s.started).toEqual([0, 1, 2]);
    s.release[2]();
    const third = await take();
    expect(third.ok && third.value.filesDone).toBe(3);
  });

  it('sends nothing ahead while the answer has pieces left, or after a failure', async () => {
    const s = scripted([
      { ok: true, value: batch(1, { more: true }) },
      { ok: false, error: { code: 'internal', message: 'disk gone' } },
    ] as Result<ImportBatch>[]);
    const take = readAhead(s.send);
    const first = take();
    s.release[0]();
    await first;
    await flush();
    // The rest of batch 1 comes by import:next first: no upload may overtake it.
    expect(s.started).toEqual([0]);
    const second = take();
    expect(s.started).toEqual([0, 1]);
    s.release[1]();
    expect((await second).ok).toBe(false);
    await flush();
    expect(s.started).toEqual([0, 1]);
  });

  it('passes a send that throws to the caller that takes it', async () => {
    let n = 0;
    const take = readAhead(() =>
      n++ === 0 ? Promise.resolve({ ok: true, value: batch(1) }) : Promise.reject(new Error('x')),
    );
    await take();
    await flush();
    await expect(take()).rejects.toThrow('x');
  });
});
