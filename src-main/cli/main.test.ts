import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exitOnBrokenPipe, runCli } from './main';
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

describe('exitOnBrokenPipe', () => {
  it('lets `readout meetings --json … | head` end quietly with status 0, not a stack trace', async () => {
    const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src-main/cli/main.ts', 'meetings', '--json', 'seeds'],
      {
        cwd: repoRoot,
        env: { ...process.env, INIT_CWD: repoRoot },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    // Like `head` that has read its lines: the reading end is closed before the output comes.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const status = await new Promise<number | null>(resolve => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(status).toBe(0);
  }, 60_000);

  it('throws any other stream error on', () => {
    const error = Object.assign(new Error('disk quota exceeded'), { code: 'EDQUOT' });
    expect(() => exitOnBrokenPipe(error)).toThrow('disk quota exceeded');
  });
});
