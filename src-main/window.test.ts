import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY, CSP_HEADER_ONLY } from './csp';
import { createMainWindow, hardenSession } from './window';

// Electron is the one boundary mocked: a fake BrowserWindow, session and shell that record what
// the window module asks of them, so the hardening can be checked without an Electron runtime.
const electron = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => unknown;
  const state = {
    windowOptions: [] as Record<string, unknown>[],
    listeners: new Map<string, Listener>(),
    openHandler: null as null | ((details: { url: string }) => { action: string }),
    permissionRequest: null as null | Listener,
    permissionCheck: null as null | Listener,
    headersReceived: null as null | Listener,
    openExternal: null as unknown as { mock: { calls: unknown[][] }; mockClear(): void },
  };
  class BrowserWindow {
    webContents = {
      setWindowOpenHandler: (handler: typeof state.openHandler) => {
        state.openHandler = handler;
      },
      on: (name: string, listener: Listener) => {
        state.listeners.set(name, listener);
      },
    };
    constructor(options: Record<string, unknown>) {
      state.windowOptions.push(options);
    }
    once() {}
    show() {}
  }
  return { state, BrowserWindow };
});

vi.mock('electron', () => {
  const openExternal = vi.fn(() => Promise.resolve());
  electron.state.openExternal = openExternal;
  return {
    BrowserWindow: electron.BrowserWindow,
    shell: { openExternal },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: (...args: unknown[]) => unknown) => {
          electron.state.permissionRequest = h;
        },
        setPermissionCheckHandler: (h: (...args: unknown[]) => unknown) => {
          electron.state.permissionCheck = h;
        },
        webRequest: {
          onHeadersReceived: (h: (...args: unknown[]) => unknown) => {
            electron.state.headersReceived = h;
          },
        },
      },
    },
  };
});

const APP_URL = 'file:///opt/Readout/out/renderer/index.html';
const { state } = electron;

function fakeEvent() {
  return { preventDefault: vi.fn() };
}

beforeEach(() => {
  state.windowOptions.length = 0;
  state.listeners.clear();
  state.openHandler = null;
  state.openExternal?.mockClear();
  createMainWindow({ preload: '/opt/Readout/out/preload/index.js', appUrl: APP_URL });
});

describe('createMainWindow', () => {
  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['webSecurity', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webviewTag', false],
    ['allowRunningInsecureContent', false],
    ['experimentalFeatures', false],
    ['navigateOnDragDrop', false],
  ])('sets %s to %s explicitly, not by leaving a default', (key, value) => {
    const prefs = state.windowOptions[0].webPreferences as Record<string, unknown>;
    expect(Object.prototype.hasOwnProperty.call(prefs, key)).toBe(true);
    expect(prefs[key]).toBe(value);
  });

  it('loads the preload it was given', () => {
    const prefs = state.windowOptions[0].webPreferences as Record<string, unknown>;
    expect(prefs.preload).toBe('/opt/Readout/out/preload/index.js');
  });

  it.each([
    'https://www.reuters.com/world/',
    'http://example.org/a',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://attacker.example/share',
    'about:blank',
  ])('never opens a new window for %s', url => {
    expect(state.openHandler!({ url })).toEqual({ action: 'deny' });
  });

  it('never hands a link to the system browser, not even a plain web link', () => {
    for (const url of [
      'https://www.reuters.com/world/',
      'HTTP://example.org/a',
      'file:///etc/passwd',
      'ms-msdt:/id PCWDiagnostic',
    ]) {
      expect(state.openHandler!({ url })).toEqual({ action: 'deny' });
    }
    expect(state.openExternal.mock.calls).toEqual([]);
  });

  it('stops navigation away from the app page', () => {
    const navigate = state.listeners.get('will-navigate')!;
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'file:///tmp/index.html']) {
      const event = fakeEvent();
      navigate(event, url);
      expect(event.preventDefault, url).toHaveBeenCalled();
    }
  });

  it('lets the app page navigate within itself', () => {
    const event = fakeEvent();
    state.listeners.get('will-navigate')!(event, `${APP_URL}#/article/1`);
    expect(event.preventDefault).not.toHaveBeenCalled();
  });

  it('stops redirects and refuses to attach a webview', () => {
    for (const name of ['will-redirect', 'will-attach-webview']) {
      const event = fakeEvent();
      state.listeners.get(name)!(event, {}, {});
      expect(event.preventDefault, name).toHaveBeenCalled();
    }
  });
});

describe('hardenSession', () => {
  it('answers every permission request and check with no', () => {
    hardenSession();
    const callback = vi.fn();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      state.permissionRequest!({}, permission, callback);
    }
    expect(callback.mock.calls).toEqual([[false], [false], [false], [false]]);
    expect(state.permissionCheck!({}, 'media', 'file://', {})).toBe(false);
  });

  it('adds the CSP to every response and keeps the other headers', () => {
    hardenSession();
    const callback = vi.fn();
    state.headersReceived!({ responseHeaders: { 'X-Other': ['1'] } }, callback);
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: {
        'X-Other': ['1'],
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY + CSP_HEADER_ONLY],
      },
    });
  });
});
