import { defineConfig } from '@playwright/test';
import { CHROMIUM_LAUNCH } from './chromium';

/**
 * End-to-end tests drive the browser preview (the built renderer served on 127.0.0.1 with the
 * real main-process services) in Debian's Chromium; Playwright never downloads a browser here.
 * Specs are `*.e2e.ts` so vitest does not pick them up.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.e2e.ts',
  outputDir: './.artifacts/results',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: '../out/test-results/e2e.json' }]],
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    launchOptions: CHROMIUM_LAUNCH,
    trace: 'retain-on-failure',
  },
});
