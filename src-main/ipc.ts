/**
 * Registers one ipcMain handler per channel. A call from any frame other than the app window's
 * main frame showing the app's page is refused; the rest goes through `dispatch`, which parses
 * the payload and always answers with a Result.
 */
import { ipcMain, type BrowserWindow } from 'electron';
import { channelNames } from './contract/channels';
import { fail } from './contract/result';
import { dispatch } from './dispatch';
import type { Services } from './services';
import { isTrustedFrame } from './trust';

export function registerIpc(
  services: Services,
  window: () => BrowserWindow | null,
  appUrl: string,
) {
  for (const channel of channelNames) {
    ipcMain.handle(channel, async (event, ...args: unknown[]) => {
      const win = window();
      if (!win || !isTrustedFrame(event.senderFrame, win.webContents.mainFrame, appUrl)) {
        return fail('forbidden', `${channel}: refused a call from outside the app's own page.`);
      }
      return dispatch(services, channel, args);
    });
  }
}
