import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { extractMeetings } from '../meetings';
import { ServiceError } from '../service-error';
import { seedLibrary } from '../testing/meeting-load';
import { createTaskRunner, type TaskRunner } from './runner';
import { tasks } from './tasks';

const exitingWorker = fileURLToPath(new URL('../testing/exiting-worker.ts', import.meta.url));
const upload = (name: string, text: string) => {
  const bytes = new TextEncoder().encode(text);
  return { name, size: bytes.length, bytes };
};

const runners: TaskRunner[] = [];
function runner(options: Parameters<typeof createTaskRunner>[0] = {}): TaskRunner {
  const r = createTaskRunner(options);
  runners.push(r);
  return r;
}
afterEach(async () => {
  await Promise.all(runners.splice(0).map(r => r.close()));
});

describe('createTaskRunner', () => {
  it('answers in the worker exactly what the inline functions answer', async () => {
    const r = runner();
    const uploads = [
      upload('a.txt', 'Ministers met in Oslo\n\nThe foreign ministers met on Tuesday.'),
      upload('b.txt', '\u0000\u0001\u0002\u0003'),
    ];
    const report = await r.run('importFiles', uploads);
    // The import task answers the import report with each article's meetings beside it.
    expect(report).toEqual(await tasks.importFiles(uploads));
    const articles = (await seedLibrary(1)).slice(0, 2);
    expect(await r.run('extractMeetings', articles)).toEqual(extractMeetings(articles));
  }, 30_000);

  it('keeps main free while a long extraction runs: timers fire meanwhile', async () => {
    const r = runner();
    const articles = await seedLibrary(60);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 20);
    const started = performance.now();
    await r.run('extractMeetings', articles);
    clearInterval(timer);
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThan(500);
    // A blocked event loop would have ticked at most once, after the extraction.
    expect(ticks).toBeGreaterThan(elapsed / 20 / 4);
  }, 60_000);

  it('stops a task past its time limit with a clear error, and the next task runs', async () => {
    // Far more work than fits in the limit, so the stop is certain whatever the machine's speed.
    const r = runner({ timeoutMs: 1000 });
    const articles = await seedLibrary(1500);
    const failed = r.run('extractMeetings', articles);
    await expect(failed).rejects.toBeInstanceOf(ServiceError);
    await expect(failed).rejects.toMatchObject({
      code: 'internal',
      message: expect.stringMatching(
        /^Finding meetings was stopped after 1 s: .*Nothing was changed/,
      ),
    });
    const quick = await r.run('importFiles', [upload('c.txt', 'Talks resumed in Doha today.')]);
    expect(quick.articles).toHaveLength(1);
  }, 60_000);

  it('fails the task with a clear error when the worker dies, and starts a new one after', async () => {
    const r = runner({ entry: exitingWorker });
    await expect(r.run('importFiles', [])).rejects.toMatchObject({
      code: 'internal',
      message:
        'The import failed: the worker doing it stopped (it exited with code 3). Nothing was changed; try again, or import the files in smaller groups.',
    });
    await expect(r.run('extractMeetings', [])).rejects.toMatchObject({
      message: expect.stringMatching(/^Finding meetings failed: .*exited with code 3/),
    });
  }, 30_000);

  it('fails the task with a clear error when the worker cannot start', async () => {
    const r = runner({ entry: '/nonexistent/extract-worker.js' });
    await expect(r.run('importFiles', [])).rejects.toMatchObject({
      code: 'internal',
      message: expect.stringMatching(
        /^The import failed: the worker doing it stopped \(.*Cannot find module/,
      ),
    });
  }, 30_000);

  it('runs queued tasks in call order, each with its own answer', async () => {
    const r = runner();
    const answers = await Promise.all(
      ['one', 'two', 'three'].map(word =>
        r.run('importFiles', [upload(`${word}.txt`, `The envoys met for round ${word} of talks.`)]),
      ),
    );
    expect(answers.map(a => a.articles[0].file)).toEqual(['one.txt', 'two.txt', 'three.txt']);
  }, 30_000);

  it('fails queued tasks as cancelled when closed', async () => {
    const r = runner();
    const articles = await seedLibrary(20);
    const settled = Promise.allSettled([
      r.run('extractMeetings', articles),
      r.run('importFiles', []),
    ]);
    await r.close();
    const [running, queued] = await settled;
    expect(running).toMatchObject({ status: 'rejected', reason: { code: 'cancelled' } });
    expect(queued).toMatchObject({ status: 'rejected', reason: { code: 'cancelled' } });
  }, 30_000);
});
