import type { LaunchOptions } from '@playwright/test';

/**
 * Debian's Chromium, launched quiet and offline: no background services that would try to reach
 * the network. Playwright never downloads a browser here. Shared by the tests and the benches.
 */
export const CHROMIUM_LAUNCH: LaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-default-apps',
    '--no-first-run',
    '--disable-quic',
  ],
};
