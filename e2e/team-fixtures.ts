/**
 * Fixtures for the team specs: a CouchDB-compatible team server (express-pouchdb in memory,
 * src-main/testing/couch-server.ts) in the test process on 127.0.0.1 and a port the system picks,
 * a team set up on it with `setupTeam` (what `readout team setup` runs), and two desks — two
 * preview servers with two profile folders, each opened in its own browser context — for the
 * analysts `ana` and `ben`.
 *
 * Each desk reaches the team server through its own link, a TCP relay the test can cut and
 * restore: cutting ana's link is her laptop going offline while ben works on. Every request each
 * page makes is recorded, and the test fails if a page asks anything of any origin but its own
 * preview: the team server is reached by main, never by the page.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  test as base,
  expect,
  type Browser,
  type BrowserContext,
  type Page,
} from '@playwright/test';
import { startCouchServer, type CouchServer } from '../src-main/testing/couch-server';
import { setupTeam, type JoinDetails } from '../src-main/sync/team-setup';
import { startPreview, type Preview } from './fixtures';

/** A link between a desk and the team server that can go down and come back. */
export interface Link {
  /** The address the desk is told the team server has. */
  url: string;
  /** Refuses new connections and drops open ones (a long-poll too), as a lost network does. */
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

/** A TCP relay on 127.0.0.1 to `target` (an http origin on 127.0.0.1). */
export async function startLink(target: string): Promise<Link> {
  const port = Number(new URL(target).port);
  let down = false;
  const open = new Set<Socket>();
  const server: Server = createServer(client => {
    if (down) {
      client.destroy();
      return;
    }
    const upstream = connect(port, '127.0.0.1');
    for (const s of [client, upstream]) {
      open.add(s);
      s.once('close', () => open.delete(s));
      s.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    cut() {
      down = true;
      for (const s of open) s.destroy();
    },
    restore() {
      down = false;
    },
    close: () =>
      new Promise<void>(resolve => {
        for (const s of open) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** One analyst's desk: their preview, browser context, page and link to the team server. */
export interface TeamDesk {
  name: string;
  password: string;
  preview: Preview;
  context: BrowserContext;
  page: Page;
  link: Link;
  /** Origins of every request the page made. */
  requestedOrigins: Set<string>;
}

export interface TeamWorld {
  team: JoinDetails;
  ana: TeamDesk;
  ben: TeamDesk;
}

async function openDesk(
  browser: Browser,
  couch: CouchServer,
  team: JoinDetails,
  name: string,
): Promise<{ desk: TeamDesk; stop: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), `readout-team-${name}-`));
  const { preview, child } = await startPreview(dataDir);
  const link = await startLink(couch.url);
  const context = await browser.newContext();
  const page = await context.newPage();
  const requestedOrigins = new Set<string>();
  context.on('request', request => {
    const url = new URL(request.url());
    if (/^(https?|wss?):$/.test(url.protocol)) requestedOrigins.add(url.origin);
  });
  await page.goto(preview.url);
  // Two desks seed at once on a shared machine: give the first start more than the default wait.
  await expect(page.getByRole('list', { name: 'Articles' }).getByRole('button')).toHaveCount(2, {
    timeout: 30_000,
  });
  const member = team.members.find(m => m.username === name)!;
  return {
    desk: { name, password: member.password, preview, context, page, link, requestedOrigins },
    stop: async () => {
      await context.close();
      await link.close();
      child.kill('SIGTERM');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const test = base.extend<{ world: TeamWorld }, { couch: CouchServer }>({
  couch: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await startCouchServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  world: async ({ browser, couch }, use) => {
    const result = await setupTeam({
      serverUrl: couch.url,
      admin: couch.admin,
      teamId: `e2e${Date.now().toString(36)}`,
      members: [{ name: 'ana' }, { name: 'ben' }],
    });
    if (!result.ok) throw new Error(result.error.message);
    const team = result.value;
    const [ana, ben] = await Promise.all([
      openDesk(browser, couch, team, 'ana'),
      openDesk(browser, couch, team, 'ben'),
    ]);
    await use({ team, ana: ana.desk, ben: ben.desk });
    for (const desk of [ana.desk, ben.desk]) {
      expect([...desk.requestedOrigins], `${desk.name}'s page asked another origin`).toEqual([
        desk.preview.origin,
      ]);
    }
    await ana.stop();
    await ben.stop();
  },
});

export { expect };
