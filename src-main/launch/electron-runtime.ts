/**
 * `npm start` on a machine where the Electron runtime cannot be had. Electron's npm package holds
 * no binary: it fetches one from GitHub releases on first use, and where GitHub is out of reach
 * (build machines, air-gapped desks) electron-vite used to build for half a minute and end in a
 * stack trace ("Error: Electron uninstall"). This module looks for the binary first, tries the
 * package's own download once, and otherwise says in one line what to do instead.
 *
 * Plain Node, no `electron` import: requiring the package would start the download itself.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The one line printed when there is no runtime, naming the way to run Readout without one. */
export const NO_ELECTRON_MESSAGE =
  'readout: the Electron runtime is not installed and cannot be downloaded here; ' +
  'run `npm run web` to use Readout in the browser preview instead.';

/** The executable inside Electron's dist folder, as the package's own install names it. */
function executableName(pkgDir: string, platform: NodeJS.Platform): string {
  const pathFile = join(pkgDir, 'path.txt');
  if (existsSync(pathFile)) return readFileSync(pathFile, 'utf8').trim();
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  return platform === 'win32' ? 'electron.exe' : 'electron';
}

/**
 * The path of the Electron binary the package would run, or null when it is not there.
 * `ELECTRON_OVERRIDE_DIST_PATH` is honoured as Electron's own launcher honours it.
 */
export function electronBinary(
  pkgDir: string,
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform,
): string | null {
  const dist = env.ELECTRON_OVERRIDE_DIST_PATH || join(pkgDir, 'dist');
  const binary = join(dist, executableName(pkgDir, platform));
  return existsSync(binary) ? binary : null;
}

export interface StartSteps {
  /** The binary's path, or null; asked again after a download. */
  binary: () => string | null;
  /** Whether a download may be tried (not when the dist folder was overridden). */
  mayDownload: boolean;
  /** Runs Electron's own install (the download); true when it succeeded. */
  download: () => boolean;
  /** Starts the app (electron-vite preview) and gives its exit status. */
  launch: () => number;
  /** Writes one line to stderr. */
  say: (line: string) => void;
}

/**
 * Launches the app when the runtime is there or can be fetched; otherwise prints
 * {@link NO_ELECTRON_MESSAGE} and returns 1 without building anything.
 */
export function start(steps: StartSteps): number {
  if (steps.binary()) return steps.launch();
  if (steps.mayDownload && steps.download() && steps.binary()) return steps.launch();
  steps.say(NO_ELECTRON_MESSAGE);
  return 1;
}
