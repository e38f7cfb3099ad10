/**
 * Fixtures for the end-to-end specs.
 * - `preview` (one per worker): the real browser preview server (`src-main/preview/main.ts`),
 *   started as `npm run web` starts it, on a random port, with its URL and token read from the
 *   line it prints, and a fresh data folder (its automatic backups) removed when the worker ends.
 * - `app` (one per test): a fresh browser context — an empty IndexedDB, as on a first run —
 *   opened at the preview URL with the two seed articles listed. Every request the page makes is
 *   recorded, and the test fails if any goes to a host other than 127.0.0.1: offline means
 *   offline, proven in every spec. `app.reopen()` opens a second page on the same data.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';

const root = resolve(__dirname, '..');

export interface Preview {
  /** The URL the preview printed, token included. */
  url: string;
  origin: string;
  token: string;
  /** The folder the preview keeps automatic backups in. */
  backupsDir: string;
}

export interface App {
  page: Page;
  url: string;
  /** Hosts of every request the page made. */
  requestedHosts: Set<string>;
  /**
   * Opens the app again in a new page of the same browser context, which keeps IndexedDB, as
   * when Readout is started again after a crash. Its requests are recorded too.
   */
  reopen(): Promise<Page>;
}

/** Starts the preview; `dataDir` stands in for the profile folder (automatic backups). */
export function startPreview(dataDir?: string): Promise<{ preview: Preview; child: ChildProcess }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(
      process.execPath,
      [
        resolve(root, 'node_modules/tsx/dist/cli.mjs'),
        // READOUT_PREVIEW_CPU_PROF=DIR: a CPU profile of the server and its worker threads,
        // written to DIR when the preview stops (for profiling imports, issue 14).
        ...(process.env.READOUT_PREVIEW_CPU_PROF
          ? ['--cpu-prof', `--cpu-prof-dir=${process.env.READOUT_PREVIEW_CPU_PROF}`]
          : []),
        'src-main/preview/main.ts',
        ...(dataDir ? [`--data=${dataDir}`] : []),
      ],
      {
        cwd: root,
        env: { ...process.env, READOUT_PREVIEW_PORT: '0' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    const timer = setTimeout(() => reject(new Error(`preview did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/#token=([A-Za-z0-9_-]+))/.exec(output);
      const backups = /^Automatic backups: (.+?)\r?\n/m.exec(output);
      if (match && backups) {
        clearTimeout(timer);
        resolvePromise({
          preview: {
            url: match[1],
            origin: new URL(match[1]).origin,
            token: match[2],
            backupsDir: backups[1],
          },
          child,
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', code => reject(new Error(`preview exited with ${code}:\n${output}`)));
  });
}

export const test = base.extend<{ app: App }, { preview: Preview }>({
  preview: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const dataDir = mkdtempSync(join(tmpdir(), 'readout-e2e-'));
      const { preview, child } = await startPreview(dataDir);
      await use(preview);
      child.kill('SIGTERM');
      rmSync(dataDir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  app: async ({ page, preview }, use) => {
    const requestedHosts = new Set<string>();
    const record = (target: Page) =>
      target.on('request', request => {
        const url = new URL(request.url());
        if (
          url.protocol === 'http:' ||
          url.protocol === 'https:' ||
          url.protocol === 'ws:' ||
          url.protocol === 'wss:'
        ) {
          requestedHosts.add(url.hostname);
        }
      });
    record(page);
    await page.goto(preview.url);
    await expect(page.getByRole('list', { name: 'Articles' }).getByRole('button')).toHaveCount(2);
    const reopen = async () => {
      const next = await page.context().newPage();
      record(next);
      await next.goto(preview.url);
      await expect(next.getByRole('list', { name: 'Articles' })).toBeVisible();
      return next;
    };
    await use({ page, url: preview.url, requestedHosts, reopen });
    expect([...requestedHosts], 'requests left the machine').toEqual(['127.0.0.1']);
  },
});

export { expect };
