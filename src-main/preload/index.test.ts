import { beforeAll, describe, expect, it, vi } from 'vitest';
import { channelNames, channels, DROP_GRANT_CHANNEL } from '../contract/channels';
import { WATCH_IMPORTED_CHANNEL } from '../contract/watch';

/** What the preload hands to the page, and the one Electron object it must never hand over. */
const electron = vi.hoisted(() => {
  const exposed = new Map<string, Record<string, unknown>>();
  const invoked: unknown[][] = [];
  const listeners = new Map<string, (event: unknown, payload: unknown) => void>();
  const ipcRenderer = {
    invoke: (...args: unknown[]): Promise<unknown> => {
      invoked.push(args);
      return Promise.resolve({ ok: false, error: { code: 'internal', message: 'stub' } });
    },
    on: (channel: string, handler: (event: unknown, payload: unknown) => void) => {
      listeners.set(channel, handler);
    },
    off: (channel: string) => {
      listeners.delete(channel);
    },
  };
  // The window's drop listeners, as the preload registers them before any page script runs.
  const dropListeners: ((event: unknown) => void)[] = [];
  (globalThis as unknown as { addEventListener: unknown }).addEventListener = (
    type: string,
    listener: (event: unknown) => void,
    capture: unknown,
  ) => {
    if (type === 'drop' && capture === true) dropListeners.push(listener);
  };
  return { exposed, invoked, ipcRenderer, dropListeners, listeners };
});

/** A dropped file as Electron backs it: webUtils finds its path on disk ('' for page-made ones). */
const diskFile = (path: string) => ({ path }) as unknown as File;
const drop = (isTrusted: boolean, files: File[]) => {
  for (const listener of electron.dropListeners) listener({ isTrusted, dataTransfer: { files } });
};

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, value: Record<string, unknown>) => {
      electron.exposed.set(key, value);
    },
  },
  ipcRenderer: electron.ipcRenderer,
  webUtils: { getPathForFile: (file: { path?: string }) => file.path ?? '' },
}));

beforeAll(async () => {
  await import('./index');
});

describe('preload', () => {
  it('exposes one named function per channel and the two desktop helpers, nothing else', () => {
    expect([...electron.exposed.keys()].sort()).toEqual(['readout', 'readoutDesktop']);
    const api = electron.exposed.get('readout')!;
    expect(Object.keys(api).sort()).toEqual(channelNames.map(c => channels[c].method).sort());
    expect(Object.keys(electron.exposed.get('readoutDesktop')!).sort()).toEqual([
      'onMenuCommand',
      'onWatchImport',
      'pathForFile',
    ]);
    for (const value of [...electron.exposed.values()].flatMap(v => Object.values(v))) {
      expect(typeof value).toBe('function');
      expect(value).not.toBe(electron.ipcRenderer);
      expect(value).not.toBe(electron.ipcRenderer.invoke);
    }
  });

  it('calls only its own channel, whatever the page passes', async () => {
    const api = electron.exposed.get('readout')!;
    const load = api[channels['seeds:load'].method] as (...args: unknown[]) => Promise<unknown>;
    await load('fs:delete', { channel: 'import:paths' });
    expect(electron.invoked.at(-1)?.[0]).toBe('seeds:load');
  });

  it('grants main the paths of a real drop before the page asks to import them', async () => {
    electron.invoked.length = 0;
    drop(true, [diskFile('/home/ana/news/a.txt'), { name: 'made.txt' } as unknown as File]);
    const api = electron.exposed.get('readout')!;
    const importPaths = api[channels['import:paths'].method] as (p: string[]) => Promise<unknown>;
    await importPaths(['/home/ana/news/a.txt']);
    expect(electron.invoked).toEqual([
      [DROP_GRANT_CHANNEL, ['/home/ana/news/a.txt']],
      ['import:paths', ['/home/ana/news/a.txt']],
    ]);
  });

  it('grants nothing for a drop dispatched by page script, or for files not on disk', async () => {
    electron.invoked.length = 0;
    drop(false, [diskFile('/etc/shadow')]);
    drop(true, [{ name: 'made.txt' } as unknown as File]);
    const api = electron.exposed.get('readout')!;
    const importPaths = api[channels['import:paths'].method] as (p: string[]) => Promise<unknown>;
    await importPaths(['/etc/shadow']);
    expect(electron.invoked).toEqual([['import:paths', ['/etc/shadow']]]);
  });

  it('hands the page only well-formed inbox reports, and stops when it unsubscribes', () => {
    const seen: unknown[] = [];
    const subscribe = electron.exposed.get('readoutDesktop')!.onWatchImport as (
      l: (i: unknown) => void,
    ) => () => void;
    const unsubscribe = subscribe(i => seen.push(i));
    const send = electron.listeners.get(WATCH_IMPORTED_CHANNEL)!;
    const good = { folder: '/home/ana/inbox', report: { articles: [], errors: [] } };
    send(null, good);
    send(null, { folder: '/home/ana/inbox', report: 'rm -rf' });
    expect(seen).toEqual([good]);
    unsubscribe();
    expect(electron.listeners.has(WATCH_IMPORTED_CHANNEL)).toBe(false);
  });

  it('turns a malformed answer from main into an error value', async () => {
    electron.ipcRenderer.invoke = () => Promise.resolve({ ok: true, value: 'not a report' });
    const api = electron.exposed.get('readout')!;
    const load = api[channels['seeds:load'].method] as () => Promise<unknown>;
    expect(await load()).toEqual({
      ok: false,
      error: { code: 'invalid-result', message: 'seeds:load: malformed answer from main.' },
    });
  });
});
