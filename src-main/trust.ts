/**
 * Which page may call the main process: only the app's own renderer, loaded from its own file or
 * (in development) the electron-vite dev server. Pure logic, so it is unit-tested without Electron.
 */

/** True when `url` is the app's page `appUrl`, ignoring the fragment and query. */
export function isAppUrl(url: string | undefined, appUrl: string): boolean {
  if (!url) return false;
  let given: URL;
  let expected: URL;
  try {
    given = new URL(url);
    expected = new URL(appUrl);
  } catch {
    return false;
  }
  if (given.protocol !== expected.protocol) return false;
  if (expected.protocol === 'file:') return given.pathname === expected.pathname;
  return given.origin === expected.origin;
}

/** Frames a request may come from: the main frame of the app window, showing the app's page. */
export interface FrameLike {
  url: string;
  parent: unknown;
}

export function isTrustedFrame(
  frame: FrameLike | null | undefined,
  mainFrame: unknown,
  appUrl: string,
): boolean {
  return !!frame && frame === mainFrame && frame.parent === null && isAppUrl(frame.url, appUrl);
}
