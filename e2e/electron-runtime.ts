/**
 * Finds an Electron executable without triggering electron's download-on-first-use (which fails
 * on machines without network access): the path npm's electron package recorded, or
 * ELECTRON_OVERRIDE_DIST_PATH. Returns null where there is none, so Electron specs can skip.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export function electronExecutable(): string | null {
  const pkg = resolve(__dirname, '../node_modules/electron');
  const pathFile = join(pkg, 'path.txt');
  const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron';
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(pkg, 'dist');
  const exe = join(dist, name);
  return existsSync(exe) ? exe : null;
}

export const NO_ELECTRON_REASON =
  'No Electron runtime on this machine (its binary comes from GitHub releases, which cannot be reached here); ' +
  'run `npm install` where the network allows, or set ELECTRON_OVERRIDE_DIST_PATH, to run this spec.';
