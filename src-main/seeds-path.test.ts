import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedsDir } from './seeds-path';

describe('seedsDir', () => {
  it('reads the packaged seeds from the resources folder, not from inside app.asar', () => {
    const resourcesPath = join('/opt', 'Readout', 'resources');
    expect(
      seedsDir({
        isPackaged: true,
        resourcesPath,
        appPath: join(resourcesPath, 'app.asar'),
      }),
    ).toBe(join(resourcesPath, 'seeds'));
  });

  it('reads the project seeds folder in a dev run, where the app path is the project', () => {
    const project = resolve(__dirname, '..');
    const dir = seedsDir({
      isPackaged: false,
      resourcesPath: join(project, 'node_modules', 'electron', 'dist', 'resources'),
      appPath: project,
    });
    expect(dir).toBe(join(project, 'seeds'));
    expect(readdirSync(dir).filter(name => name.endsWith('.txt')).length).toBeGreaterThan(0);
  });
});
