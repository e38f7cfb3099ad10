import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './main';
import { capture } from './testing';

const FIXED = '2024-05-01T09:30:00Z';
const text = (file: string) =>
  execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
const pages = (file: string) =>
  /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1];

describe('briefCommand --digest', () => {
  it("writes a digest of the seeds' meetings: one page with every meeting on it", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-digest-'));
    const file = join(dir, 'seeds.pdf');
    const meetings = capture();
    await runCli(['meetings', '--json', 'seeds'], meetings.io);
    const titles = (JSON.parse(meetings.out()) as { meetings: { title: string }[] }).meetings.map(
      m => m.title,
    );
    const c = capture();
    expect(
      await runCli(['brief', '--digest', '--out', file, '--generated-at', FIXED, 'seeds'], c.io),
    ).toBe(0);
    expect(c.out()).toContain(`digest of ${titles.length} meeting(s)`);
    expect(pages(file)).toBe('1');
    const printed = text(file);
    for (const title of titles) expect(printed).toContain(title);
    expect(printed).toContain('MEETINGS DIGEST');
    expect(printed).toContain('Mehr News Agency');
    expect(printed).not.toMatch(/\.txt|\*\*/);
  }, 60_000);

  it('keeps to the date range, says what it left out and names the file after the range', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-digest-'));
    const c = capture(dir);
    const seeds = join(__dirname, '../../seeds');
    const args = ['brief', '--digest', '--from', '2023-04-01', '--to', '2023-04-30', seeds];
    expect(await runCli([...args, '--generated-at', FIXED], c.io)).toBe(0);
    expect(readdirSync(dir)).toEqual(['digest-2023-04-01-to-2023-04-30.pdf']);
    const printed = text(join(dir, 'digest-2023-04-01-to-2023-04-30.pdf'));
    expect(printed).toMatch(/\d meetings, 1–30 April 2023/);
    expect(printed).not.toContain('28 December 2022');
    expect(c.out()).toMatch(/\d undated meeting\(s\) are in no date range and were left out/);
  }, 60_000);

  it('refuses a range that ends before it starts, and --from without --digest', async () => {
    const c = capture();
    const bad = ['brief', '--digest', '--from', '2023-05-01', '--to', '2023-04-01', 'seeds'];
    expect(await runCli(bad, c.io)).toBe(2);
    expect(c.err()).toContain('the range ends before it starts');
    const d = capture();
    expect(await runCli(['brief', '--out', 'x', '--from', '2023-05-01', 'seeds'], d.io)).toBe(2);
    expect(d.err()).toContain('--from and --to choose the meetings of a --digest');
  });

  it('exits 1 and writes nothing when no meeting falls in the range', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-digest-'));
    const c = capture(dir);
    const seeds = join(__dirname, '../../seeds');
    expect(await runCli(['brief', '--digest', '--from', '2030-01-01', seeds], c.io)).toBe(1);
    expect(c.err()).toContain('no meeting of these articles falls between 2030-01-01 and now');
    expect(existsSync(join(dir, 'digest-2030-01-01-to-now.pdf'))).toBe(false);
  }, 60_000);
});
