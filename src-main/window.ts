/**
 * The one app window, hardened per Electron's security checklist: isolation, sandbox and web
 * security on and Node off, each set explicitly so a changed default cannot loosen them;
 * navigation, new windows, webviews and permission requests denied; the CSP sent as a header too.
 */
import { BrowserWindow, session, shell } from 'electron';
import { CONTENT_SECURITY_POLICY, CSP_HEADER_ONLY } from './csp';
import { isAppUrl } from './trust';

export const secureWebPreferences = (preload: string): Electron.WebPreferences => ({
  preload,
  contextIsolation: true,
  sandbox: true,
  webSecurity: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webviewTag: false,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
  spellcheck: false,
});

export function hardenSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY + CSP_HEADER_ONLY],
      },
    });
  });
}

export function createMainWindow(options: { preload: string; appUrl: string }): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Readout',
    backgroundColor: '#f7f5f0',
    webPreferences: secureWebPreferences(options.preload),
  });
  const contents = win.webContents;
  contents.setWindowOpenHandler(({ url }) => {
    // Links in articles open in the system browser only when they are plain web links.
    if (/^https?:\/\//i.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, options.appUrl)) event.preventDefault();
  });
  contents.on('will-redirect', event => event.preventDefault());
  contents.on('will-attach-webview', event => event.preventDefault());
  win.once('ready-to-show', () => win.show());
  return win;
}
