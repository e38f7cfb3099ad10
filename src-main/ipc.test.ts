import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { channelNames, DROP_GRANT_CHANNEL } from './contract/channels';
import { registerIpc } from './ipc';
import { createPathGrants } from './path-grants';
import { createServices } from './services';

// Electron is the one boundary mocked: ipcMain.handle records each handler so a test can call it
// the way Electron would, with an event naming the frame the call came from.
type Handler = (event: { senderFrame: unknown }, ...args: unknown[]) => Promise<unknown>;
const registered = vi.hoisted(() => ({ handlers: new Map<string, Handler>(), count: 0 }));

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: Handler) => {
      registered.count++;
      registered.handlers.set(channel, handler);
    },
  },
}));

const APP_URL = 'file:///opt/Readout/out/renderer/index.html';
const seedsDir = fileURLToPath(new URL('../seeds', import.meta.url));
const mainFrame = { url: `${APP_URL}#/library`, parent: null };
let currentWindow: { webContents: { mainFrame: unknown } } | null = { webContents: { mainFrame } };

// A folder of the analyst's, with one article that gets dropped and one secret that must not be
// read on the page's word alone.
const home = mkdtempSync(join(tmpdir(), 'readout-ipc-'));
const dropped = join(home, 'dropped.txt');
const secret = join(home, 'id_ed25519');
writeFileSync(dropped, 'Envoys meet in Valletta\nThe envoys met on Tuesday.');
writeFileSync(secret, 'Private key of the analyst\nNot an article at all.');
afterAll(() => rmSync(home, { recursive: true, force: true }));

beforeAll(() => {
  const pathGrants = createPathGrants();
  registerIpc(
    createServices({ seedsDir, pathGrants }),
    // The fake window stands in for BrowserWindow; only webContents.mainFrame is read.
    () => currentWindow as never,
    APP_URL,
    pathGrants,
  );
});

function invoke(channel: string, senderFrame: unknown, ...args: unknown[]) {
  return registered.handlers.get(channel)!({ senderFrame }, ...args);
}

describe('registerIpc', () => {
  it('registers exactly one handler per channel and one for drop grants', () => {
    expect(registered.count).toBe(channelNames.length + 1);
    expect([...registered.handlers.keys()].sort()).toEqual(
      [...channelNames, DROP_GRANT_CHANNEL].sort(),
    );
  });

  it('refuses to read paths the page names without a drop', async () => {
    expect(await invoke('import:paths', mainFrame, [secret])).toEqual({
      ok: false,
      error: { code: 'forbidden', message: expect.stringMatching(/not dropped on Readout/) },
    });
  });

  it('reads the paths of a drop once, and refuses a forged list beside them', async () => {
    expect(await invoke(DROP_GRANT_CHANNEL, mainFrame, [dropped])).toEqual({
      ok: true,
      value: null,
    });
    // A page adding a path of its own to the dropped one gets nothing, and spends no grant.
    expect(await invoke('import:paths', mainFrame, [dropped, secret])).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await invoke('import:paths', mainFrame, [dropped])).toMatchObject({
      ok: true,
      value: { articles: [{ source: dropped, title: 'Envoys meet in Valletta' }], errors: [] },
    });
    // Single-use: the same drop cannot be read again later.
    expect(await invoke('import:paths', mainFrame, [dropped])).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('refuses a drop grant from a subframe or with a relative path', async () => {
    const subframe = { url: APP_URL, parent: mainFrame };
    expect(await invoke(DROP_GRANT_CHANNEL, subframe, [secret])).toMatchObject({
      error: { code: 'forbidden' },
    });
    expect(await invoke('import:paths', mainFrame, [secret])).toMatchObject({
      error: { code: 'forbidden' },
    });
    expect(await invoke(DROP_GRANT_CHANNEL, mainFrame, ['id_ed25519'])).toMatchObject({
      error: { code: 'invalid-argument' },
    });
  });

  it('refuses a call from a subframe of the app window', async () => {
    const subframe = { url: APP_URL, parent: mainFrame };
    expect(await invoke('seeds:load', subframe)).toEqual({
      ok: false,
      error: { code: 'forbidden', message: expect.stringMatching(/^seeds:load: refused/) },
    });
  });

  it('refuses a call from a frame that only looks like the main frame', async () => {
    const lookalike = { ...mainFrame };
    expect(await invoke('seeds:load', lookalike)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('refuses a call from the main frame once it shows another page', async () => {
    const saved = mainFrame.url;
    mainFrame.url = 'https://evil.example/';
    try {
      expect(await invoke('seeds:load', mainFrame)).toMatchObject({ error: { code: 'forbidden' } });
    } finally {
      mainFrame.url = saved;
    }
  });

  it('refuses every call when there is no window', async () => {
    const saved = currentWindow;
    currentWindow = null;
    try {
      expect(await invoke('seeds:load', mainFrame)).toMatchObject({ error: { code: 'forbidden' } });
    } finally {
      currentWindow = saved;
    }
  });

  it('dispatches a call from the main frame showing the app page', async () => {
    const result = (await invoke('seeds:load', mainFrame)) as {
      ok: boolean;
      value: { articles: { source: string }[] };
    };
    expect(result.ok).toBe(true);
    expect(result.value.articles.map(a => a.source)).toEqual([
      'seeds/000_46ab9c03f578ed2c.txt',
      'seeds/004_5e147edb248d0a50.txt',
    ]);
  });

  it('parses the arguments of a trusted call like any other', async () => {
    expect(await invoke('import:pick', mainFrame, { folders: 'yes' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
  });
});
