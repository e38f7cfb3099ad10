/**
 * Where the bundled seed articles live. Electron-free so the decision can be unit-tested: the
 * packaged app gets them from electron-builder's extraResources (outside app.asar, next to it in
 * the resources folder), a dev or preview run from the project folder.
 */
import { join } from 'node:path';

/** Folder name under the resources path; build/electron-builder.yml copies seeds/ to it. */
export const SEEDS_RESOURCE = 'seeds';

export interface AppLocation {
  /** Electron's app.isPackaged. */
  isPackaged: boolean;
  /** Electron's process.resourcesPath. */
  resourcesPath: string;
  /** Electron's app.getAppPath(): the project folder in a dev run. */
  appPath: string;
}

export function seedsDir({ isPackaged, resourcesPath, appPath }: AppLocation): string {
  return isPackaged ? join(resourcesPath, SEEDS_RESOURCE) : join(appPath, 'seeds');
}
