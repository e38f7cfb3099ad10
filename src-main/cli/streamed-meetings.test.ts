import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_FILES_PER_IMPORT } from '../contract/article';
import { meetingsReport } from '../meetings';
import { importPaths } from '../ingest';
import { runCli } from './main';
import { streamedMeetingsReport, TooManyFiles } from './streamed-meetings';
import { capture } from './testing';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'readout-cli-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }), 120_000);

/** A short report of one meeting, written for this test. */
const report = (i: number): string =>
  `date 2023-05-${String((i % 27) + 1).padStart(2, '0')}\nThe foreign ministers of Ghana and Chile met in Accra on May ${(i % 27) + 1}, 2023, to talk about cocoa prices (note ${i}).\n`;

describe('streamedMeetingsReport', () => {
  it('gives the same report as reading the whole folder at once', async () => {
    for (let i = 0; i < 30; i++) writeFileSync(join(dir, `a${i}.txt`), report(i));
    writeFileSync(join(dir, 'empty.txt'), '');
    const whole = meetingsReport(await importPaths([dir]));
    expect(await streamedMeetingsReport([dir])).toEqual(whole);
    expect(whole.meetings.length).toBeGreaterThan(0);
  });

  it('refuses a folder over the cap before reading any file, naming the cap', async () => {
    for (let i = 0; i < 4; i++) writeFileSync(join(dir, `a${i}.txt`), report(i));
    await expect(streamedMeetingsReport([dir], { maxFiles: 3 })).rejects.toThrow(TooManyFiles);
    await expect(streamedMeetingsReport([dir], { maxFiles: 3 })).rejects.toThrow(
      /more than 3 files; nothing was read/,
    );
  });
});

describe('readout meetings on a large folder', () => {
  it('reads every file past the desktop import cap and exits 0, never cutting silently', async () => {
    const count = MAX_FILES_PER_IMPORT + 5;
    for (let i = 0; i < count; i++) writeFileSync(join(dir, `n${i}.txt`), report(i));
    const c = capture();
    expect(await runCli(['meetings', dir], c.io)).toBe(0);
    expect(c.err()).toBe('');
    expect(c.out()).toMatch(new RegExp(`meeting\\(s\\) in ${count} article\\(s\\)\\n$`));
  }, 300_000);
});

describe('streamedMeetingsReport in worker threads', () => {
  it('gives the same report as one thread, duplicates and bad files included', async () => {
    // More files than one task takes, so batches finish out of order across two workers.
    for (let i = 0; i < 150; i++)
      writeFileSync(join(dir, `w${String(i).padStart(3, '0')}.txt`), report(i));
    writeFileSync(join(dir, 'copy.txt'), report(7));
    writeFileSync(join(dir, 'empty.txt'), '');
    const single = await streamedMeetingsReport([dir], { workers: 0 });
    const threaded = await streamedMeetingsReport([dir], { workers: 2 });
    expect(JSON.stringify(threaded)).toBe(JSON.stringify(single));
    expect(single.meetings.length).toBeGreaterThan(0);
    expect(single.articles.some(a => a.error)).toBe(true);
  }, 120_000);
});
