/**
 * The one app window, hardened per Electron's security checklist: isolation, sandbox and web
 * security on and Node off, each set explicitly so a changed default cannot loosen them;
 * navigation, new windows (and hand-offs to the system browser), webviews and permission requests
 * denied; the CSP sent as a header too.
 */
import { BrowserWindow, session } from 'electron';
import { CONTENT_SECURITY_POLICY, CSP_HEADER_ONLY } from './csp';
import { isAppUrl } from './trust';

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
    // Written out here, not built by a helper, so the static audit (Electronegativity) reads
    // each setting where the window is made.
    webPreferences: {
      preload: options.preload,
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
      // A middle click would ask for a new window; the handler below denies it anyway.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  const contents = win.webContents;
  // No new windows, and no hand-off to the system browser either: a URL in an article or a note
  // is untrusted text, and Readout never takes the analyst online. Notes show a link's address.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, options.appUrl)) event.preventDefault();
  });
  contents.on('will-redirect', event => event.preventDefault());
  contents.on('will-attach-webview', event => event.preventDefault());
  win.once('ready-to-show', () => win.show());
  return win;
}
