import { beforeAll, describe, expect, it, vi } from 'vitest';
import { channelNames, channels } from '../contract/channels';

/** What the preload hands to the page, and the one Electron object it must never hand over. */
const electron = vi.hoisted(() => {
  const exposed = new Map<string, Record<string, unknown>>();
  const invoked: unknown[][] = [];
  const ipcRenderer = {
    invoke: (...args: unknown[]): Promise<unknown> => {
      invoked.push(args);
      return Promise.resolve({ ok: false, error: { code: 'internal', message: 'stub' } });
    },
    on: () => undefined,
    off: () => undefined,
  };
  return { exposed, invoked, ipcRenderer };
});

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, value: Record<string, unknown>) => {
      electron.exposed.set(key, value);
    },
  },
  ipcRenderer: electron.ipcRenderer,
  webUtils: { getPathForFile: () => '' },
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
