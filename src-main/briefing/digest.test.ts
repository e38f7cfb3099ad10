import { describe, expect, it, beforeAll } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BriefingLayout } from '../contract';
import { importPaths } from '../ingest';
import { extractMeetings } from '../meetings';
import { digestFileName, layoutDigest, renderDigestWithReport, writeDigest } from './digest';
import { digestInput } from './digest-fixtures';
import { FIXED_TIME } from './fixtures';
import { loadBriefingFonts, type BriefingFonts } from './fonts';
import { briefingInputFor } from './input';

let fonts: BriefingFonts;
beforeAll(() => {
  fonts = loadBriefingFonts();
});

/** The text of one section as the page prints it, line by line joined with spaces. */
function sectionText(layout: BriefingLayout, section: string): string {
  return layout.marks
    .flatMap(m => (m.kind === 'text' && m.section === section ? [m.text] : []))
    .join(' ')
    .replace(/\u200B/g, '')
    .replace(/\s+/g, ' ');
}

const options = { paper: 'A4' as const, handling: null, generatedAt: FIXED_TIME };

describe('layoutDigest', () => {
  it("puts every one of the seeds' meetings on the one page, oldest first", async () => {
    const report = await importPaths(['seeds'], { cwd: join(__dirname, '../..') });
    const meetings = extractMeetings(report.articles);
    expect(meetings.length).toBeGreaterThan(3);
    const byId = new Map(report.articles.map(a => [a.id, a]));
    const entries = meetings.map(meeting => ({
      meeting,
      bottomLine: null,
      sources: briefingInputFor(meeting, byId, options).sources,
    }));
    const laid = layoutDigest({ entries, options }, fonts);
    expect(laid.overflow).toBe(0);
    expect(laid.layout.fit.truncated).toBe(false);
    const text = sectionText(laid.layout, 'meetings');
    const positions = meetings
      .filter(m => m.date.start)
      .sort((a, b) => a.date.start!.localeCompare(b.date.start!))
      .map(m => text.indexOf(m.title));
    for (const m of meetings) expect(text).toContain(m.title);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // Readout's suggestion is marked as one; the sources are cited by publisher, not file name.
    expect(text).toContain('Suggested:');
    const sources = sectionText(laid.layout, 'sources');
    expect(sources).toMatch(/\[1\] .*\[2\] /);
    expect(sources).not.toContain('.txt');
  }, 60_000);

  it('prints the analyst’s own bottom line unmarked and the range in the title', () => {
    const draft = {
      ...digestInput(3),
      range: { from: '2023-01-01', to: '2023-06-30' },
    };
    const { layout } = layoutDigest(draft, fonts);
    const header = sectionText(layout, 'header');
    expect(header).toContain('3 meetings, 1 January – 30 June 2023');
    expect(header).toContain('MEETINGS DIGEST');
    const text = sectionText(layout, 'meetings');
    expect(text).toMatch(
      /Held The four ministers agreed to keep meeting; no date for the next round\. \[\d,\d\]/,
    );
    expect(text).not.toMatch(/Suggested: The four ministers/);
  });

  it('keeps 30 meetings on one page by shortening their bottom lines, never hiding one', async () => {
    const draft = digestInput(30);
    const { bytes, report, laid } = await renderDigestWithReport(draft, fonts);
    expect(report.pages).toBe(1);
    expect(report.overflow).toBe(0);
    const text = sectionText(laid.layout, 'meetings');
    for (let i = 1; i < 30; i++) expect(text).toContain(`Round ${i + 1} of the quadrilateral`);
    expect(text).not.toMatch(/more meetings? in Readout/);
    expect(new TextDecoder('latin1').decode(bytes.slice(0, 8))).toBe('%PDF-1.7');
  });

  it('says how many meetings it could not name when even the shortest entries overflow', () => {
    const { layout } = layoutDigest(digestInput(120), fonts);
    const meetings = layout.sections.find(s => s.id === 'meetings')!;
    expect(meetings.hidden).toBeGreaterThan(0);
    expect(sectionText(layout, 'meetings')).toContain(
      `… ${meetings.hidden} more meetings in Readout`,
    );
  });

  it('gives byte-identical PDFs for the same input', async () => {
    const a = await renderDigestWithReport(digestInput(5), fonts);
    const b = await renderDigestWithReport(digestInput(5), fonts);
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
  });

  it('refuses an empty digest and a range that ends before it starts', () => {
    expect(() => layoutDigest({ entries: [], options }, fonts)).toThrow();
    expect(() =>
      layoutDigest({ ...digestInput(2), range: { from: '2023-05-01', to: '2023-04-01' } }, fonts),
    ).toThrow(/ends before it starts/);
  });
});

describe('writeDigest', () => {
  it('writes only the meetings in the range and counts the undated ones it left out', async () => {
    const draft = digestInput(6);
    const meetings = draft.entries.map(e => e.meeting);
    meetings[5] = {
      ...meetings[5],
      date: { start: null, end: null, precision: 'day', text: null },
    };
    const file = join(mkdtempSync(join(tmpdir(), 'digest-')), 'd.pdf');
    const range = { from: '2023-02-01', to: '2023-04-30' };
    const written = await writeDigest(meetings, [], file, range, options, fonts);
    // Rounds 2–4 fall in February to April; the seed meeting is on 25 April 2023.
    expect(written).toEqual({ meetings: 4, undatedLeftOut: 1, shortened: false });
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    expect(
      await writeDigest(meetings, [], file, { from: '2030-01-01', to: null }, options, fonts),
    ).toBeNull();
  });
});

describe('digestFileName', () => {
  it('names the range, or the day it was made when there is none', () => {
    expect(digestFileName({ range: { from: '2023-04-01', to: '2023-04-30' }, options })).toBe(
      'digest-2023-04-01-to-2023-04-30.pdf',
    );
    expect(digestFileName({ range: { from: null, to: null }, options })).toBe(
      'digest-2024-05-01.pdf',
    );
  });
});
