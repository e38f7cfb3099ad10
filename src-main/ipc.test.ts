import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { channelNames } from './contract/channels';
import { registerIpc } from './ipc';
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

beforeAll(() => {
  registerIpc(
    createServices({ seedsDir }),
    // The fake window stands in for BrowserWindow; only webContents.mainFrame is read.
    () => currentWindow as never,
    APP_URL,
  );
});

function invoke(channel: string, senderFrame: unknown, ...args: unknown[]) {
  return registered.handlers.get(channel)!({ senderFrame }, ...args);
}

describe('registerIpc', () => {
  it('registers exactly one handler per channel', () => {
    expect(registered.count).toBe(channelNames.length);
    expect([...registered.handlers.keys()].sort()).toEqual([...channelNames].sort());
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
