import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeBriefings } from './batch';
import { FIXED_TIME, seedMeeting } from './fixtures';
import { loadBriefingFonts } from './fonts';

describe('writeBriefings', () => {
  it('writes one one-page PDF per meeting with unique names, an index, and the same bytes twice', async () => {
    const fonts = loadBriefingFonts();
    const meetings = [seedMeeting(), { ...seedMeeting(), id: 'm-2' }];
    const options = { paper: 'A4' as const, handling: null, generatedAt: FIXED_TIME };
    const a = mkdtempSync(join(tmpdir(), 'batch-'));
    const b = mkdtempSync(join(tmpdir(), 'batch-'));
    const written = await writeBriefings(meetings, [], a, options, fonts);
    await writeBriefings(meetings, [], b, options, fonts);
    const name =
      '2023-04-25-moscow-quadrilateral-meeting-of-defence-ministers-of-iran-russia-syria-and-turkiye';
    expect(written.map(w => w.file)).toEqual([`${name}.pdf`, `${name}-2.pdf`]);
    expect(readdirSync(a).sort()).toEqual([
      `${name}-2.pdf`,
      `${name}.pdf`,
      'index.json',
      'index.md',
    ]);
    for (const w of written) {
      expect(execFileSync('pdfinfo', [join(a, w.file)], { encoding: 'utf8' })).toMatch(
        /^Pages:\s+1$/m,
      );
      expect(readFileSync(join(a, w.file)).equals(readFileSync(join(b, w.file)))).toBe(true);
    }
    const index = JSON.parse(readFileSync(join(a, 'index.json'), 'utf8')) as {
      briefings: { meetingId: string }[];
    };
    expect(index.briefings.map(x => x.meetingId)).toEqual(['m-2023-04-25-moscow', 'm-2']);
    expect(readFileSync(join(a, 'index.md'), 'utf8')).toContain(`[${name}-2.pdf]`);
    // Four full renders; generous for a machine shared with other builds.
  }, 30_000);
});
