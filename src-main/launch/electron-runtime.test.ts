import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { electronBinary, NO_ELECTRON_MESSAGE, start, type StartSteps } from './electron-runtime';

function fakePackage(withBinary: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'readout-electron-'));
  writeFileSync(join(dir, 'path.txt'), 'electron');
  if (withBinary) {
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'electron'), '');
  }
  return dir;
}

describe('electronBinary', () => {
  it('finds the binary the package names in path.txt', () => {
    const dir = fakePackage(true);
    expect(electronBinary(dir, {})).toBe(join(dir, 'dist', 'electron'));
  });

  it('gives null when the binary was never downloaded', () => {
    expect(electronBinary(fakePackage(false), {}, 'linux')).toBeNull();
  });

  it('looks in ELECTRON_OVERRIDE_DIST_PATH when it is set, as Electron does', () => {
    const dir = fakePackage(true);
    const empty = mkdtempSync(join(tmpdir(), 'readout-dist-'));
    expect(electronBinary(dir, { ELECTRON_OVERRIDE_DIST_PATH: empty })).toBeNull();
  });
});

function steps(over: Partial<StartSteps>): StartSteps & { said: string[] } {
  const said: string[] = [];
  return {
    binary: () => null,
    mayDownload: true,
    download: () => false,
    launch: vi.fn(() => 0),
    say: line => said.push(line),
    said,
    ...over,
  };
}

describe('start', () => {
  it('launches the app when the binary is there', () => {
    const s = steps({ binary: () => '/x/electron', launch: () => 7 });
    expect(start(s)).toBe(7);
    expect(s.said).toEqual([]);
  });

  it('launches after a successful first download', () => {
    let fetched = false;
    const s = steps({
      binary: () => (fetched ? '/x/electron' : null),
      download: () => (fetched = true),
    });
    expect(start(s)).toBe(0);
    expect(s.launch).toHaveBeenCalledOnce();
  });

  it('says in one line to use npm run web when no runtime can be had', () => {
    const s = steps({});
    expect(start(s)).toBe(1);
    expect(s.launch).not.toHaveBeenCalled();
    expect(s.said).toEqual([NO_ELECTRON_MESSAGE]);
    expect(NO_ELECTRON_MESSAGE).toContain('npm run web');
  });
});

describe('npm start', () => {
  it('prints one line naming npm run web, not a stack trace, where Electron is missing', () => {
    const empty = mkdtempSync(join(tmpdir(), 'readout-dist-'));
    const run = spawnSync('npm', ['start', '--silent'], {
      cwd: join(__dirname, '../..'),
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: empty },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(NO_ELECTRON_MESSAGE);
    expect(run.stdout.trim()).toBe('');
  }, 60_000);
});
