import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './main';
import { capture } from './testing';

describe('meetingsCommand, readable list', () => {
  it("prints a called-off meeting's outcome beside its planned status", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-meetings-'));
    writeFileSync(
      join(dir, 'called-off.txt'),
      ' date 2024-04-20 Ghanaian President Kofi Mensah and Togolese President Paul Amavi were due to meet in Accra on May 3, but the meeting was postponed.\n',
    );
    const c = capture(dir);
    expect(await runCli(['meetings', dir], c.io)).toBe(0);
    expect(c.out()).toContain('scheduled, postponed · 2024-05-03 · Accra, Ghana');
    // Who takes part and at what level, for checking the meeting against its text.
    expect(c.out()).toContain(
      'who: Ghana, Togo · Kofi Mensah (President), Paul Amavi (President) · level: heads of state',
    );
  });
});
