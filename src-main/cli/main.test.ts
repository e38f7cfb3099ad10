import { describe, expect, it } from 'vitest';
import { runCli } from './main';
import { capture } from './testing';

describe('runCli', () => {
  it('prints usage and exits 2 without a command', async () => {
    const c = capture();
    expect(await runCli([], c.io)).toBe(2);
    expect(c.out()).toMatch(/^usage: /);
    expect(c.out()).toContain('import [--json] FILE|DIR...');
  });

  it('prints usage and exits 0 when asked for help', async () => {
    const c = capture();
    expect(await runCli(['--help'], c.io)).toBe(0);
    expect(c.out()).toMatch(/^usage: /);
  });

  it('exits 2 with the usage for an unknown command', async () => {
    const c = capture();
    expect(await runCli(['impotr', 'seeds'], c.io)).toBe(2);
    expect(c.err()).toContain("readout: unknown command 'impotr'");
    expect(c.err()).toContain('usage: ');
    expect(c.out()).toBe('');
  });

  it('exits 2 for an unknown option, naming it and the command usage', async () => {
    const c = capture();
    expect(await runCli(['import', '--jsno', 'seeds'], c.io)).toBe(2);
    expect(c.err()).toBe(
      'readout import: unknown option --jsno\nusage: readout import [--json] FILE|DIR...\n',
    );
    expect(c.out()).toBe('');
  });
});
