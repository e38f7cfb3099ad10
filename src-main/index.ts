/**
 * App lifecycle wiring only: profile, single instance, window, menu, IPC. All logic lives in the
 * services, which the command line and the browser preview share.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserWindow} from 'electron';
import { app, dialog } from 'electron';
import { registerIpc } from './ipc';
import { installMenu } from './menu';
import { profileOverride } from './profile';
import { createServices } from './services';
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
  const seedsDir = app.isPackaged
    ? join(process.resourcesPath, 'seeds')
    : join(app.getAppPath(), 'seeds');

  hardenSession();
  const services = createServices({
    seedsDir,
    async pickPaths({ folders }) {
      const options: Electron.OpenDialogOptions = {
        title: folders ? 'Import a folder of articles' : 'Import article files',
        properties: folders
          ? ['openDirectory', 'multiSelections']
          : ['openFile', 'multiSelections'],
        filters: folders
          ? undefined
          : [
              { name: 'Text articles', extensions: ['txt', 'text', 'md'] },
              { name: 'All files', extensions: ['*'] },
            ],
      };
      const result = mainWindow
        ? await dialog.showOpenDialog(mainWindow, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? null : result.filePaths;
    },
  });
  registerIpc(services, () => mainWindow, appUrl);

  mainWindow = createMainWindow({ preload: join(__dirname, '../preload/index.js'), appUrl });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  installMenu(() => mainWindow);
  if (devUrl) void mainWindow.loadURL(devUrl);
  else void mainWindow.loadFile(indexFile);
}
