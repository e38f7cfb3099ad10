/**
 * App lifecycle wiring only: profile, single instance, window, menu, IPC. All logic lives in the
 * services, which the command line and the browser preview share.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserWindow } from 'electron';
import { app, dialog, safeStorage } from 'electron';
import fontBody from 'dejavu-fonts-ttf/ttf/DejaVuSerifCondensed.ttf?asset';
import fontBodyBold from 'dejavu-fonts-ttf/ttf/DejaVuSerifCondensed-Bold.ttf?asset';
import fontHeading from 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf?asset';
import fontItalic from 'dejavu-fonts-ttf/ttf/DejaVuSerifCondensed-Italic.ttf?asset';
import fontLabel from 'dejavu-fonts-ttf/ttf/DejaVuSansCondensed-Bold.ttf?asset';
import fontMeta from 'dejavu-fonts-ttf/ttf/DejaVuSansCondensed.ttf?asset';
// Only the Regular weight of the CJK fallback ships (10.6 MB); the package's other eight weights
// stay in node_modules, which electron-builder does not pack for a devDependency.
import fontCjk from '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf?asset';
import { WATCH_IMPORTED_CHANNEL } from './contract/watch';
import { registerIpc } from './ipc';
import { installMenu } from './menu';
import { createPathGrants } from './path-grants';
import { IMPORT_EXTENSIONS } from './ingest/formats/extensions';
import { profileOverride } from './profile';
import { seedsDir as seedsDirFor } from './seeds-path';
import type { ImportSessions } from './ingest/sessions';
import { createServices } from './services';
import { createSyncForwarder } from './sync/forward';
import { safeStorageCipher } from './sync/service';
import { loadTeamAccess } from './sync/team-config';
import { createTeamService } from './sync/team-service';
import { createMainWindow, hardenSession } from './window';

const profile = profileOverride(process.argv, process.env);
if (profile) app.setPath('userData', profile);

let mainWindow: BrowserWindow | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  void app.whenReady().then(start);
}

function start(): void {
  const devUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
  const indexFile = join(__dirname, '../renderer/index.html');
  const appUrl = devUrl ?? pathToFileURL(indexFile).href;
  const seedsDir = seedsDirFor({
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    appPath: app.getAppPath(),
  });

  hardenSession();
  // Paths of real drops, told by the preload; main reads no other path the page names.
  const pathGrants = createPathGrants();
  const profileDir = app.getPath('userData');
  const cipher = safeStorageCipher(safeStorage);
  const syncForwarder = createSyncForwarder({ loadTeam: () => loadTeamAccess(profileDir, cipher) });
  let importSessions: ImportSessions | null = null;
  const services = createServices({
    onImportSessions: sessions => (importSessions = sessions),
    seedsDir,
    pathGrants,
    // Beside the IndexedDB in the profile, but files of their own: they survive a wiped database.
    backupsDir: join(app.getPath('userData'), 'backups'),
    // Team sync goes only to the profile's team server, the password kept by the OS keychain.
    syncForwarder,
    team: createTeamService({ profileDir, cipher, forwarder: syncForwarder }),
    // The fonts ship as build assets, so the packaged app needs no node_modules to find them.
    fonts: {
      files: {
        heading: fontHeading,
        label: fontLabel,
        body: fontBody,
        bodyBold: fontBodyBold,
        italic: fontItalic,
        meta: fontMeta,
        cjk: fontCjk,
      },
    },
    async chooseSavePath(suggestedName) {
      const options: Electron.SaveDialogOptions = {
        title: 'Export briefing',
        defaultPath: join(app.getPath('documents'), suggestedName),
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
        properties: ['showOverwriteConfirmation', 'createDirectory'],
      };
      const result = mainWindow
        ? await dialog.showSaveDialog(mainWindow, options)
        : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    // The inbox folder: chosen with main's dialog, kept in the profile, reports sent to the page.
    inbox: {
      settingsFile: join(app.getPath('userData'), 'inbox.json'),
      async pickFolder() {
        const options: Electron.OpenDialogOptions = {
          title: 'Choose an inbox folder to import from',
          properties: ['openDirectory', 'createDirectory'],
        };
        const result = mainWindow
          ? await dialog.showOpenDialog(mainWindow, options)
          : await dialog.showOpenDialog(options);
        return result.canceled ? null : (result.filePaths[0] ?? null);
      },
      onImported: imported => mainWindow?.webContents.send(WATCH_IMPORTED_CHANNEL, imported),
    },
    async pickPaths({ folders }) {
      const options: Electron.OpenDialogOptions = {
        title: folders ? 'Import a folder of articles' : 'Import article files',
        properties: folders
          ? ['openDirectory', 'multiSelections']
          : ['openFile', 'multiSelections'],
        filters: folders
          ? undefined
          : [
              { name: 'Articles', extensions: IMPORT_EXTENSIONS },
              { name: 'All files', extensions: ['*'] },
            ],
      };
      const result = mainWindow
        ? await dialog.showOpenDialog(mainWindow, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? null : result.filePaths;
    },
  });
  registerIpc(services, () => mainWindow, appUrl, pathGrants);

  mainWindow = createMainWindow({ preload: join(__dirname, '../preload/index.js'), appUrl });
  mainWindow.on('closed', () => {
    mainWindow = null;
    // Nobody is left to take their batches: stop reading for the window's imports.
    void importSessions?.closeAll();
  });
  installMenu(() => mainWindow);
  if (devUrl) void mainWindow.loadURL(devUrl);
  else void mainWindow.loadFile(indexFile);
}
