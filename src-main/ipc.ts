/**
 * Registers one ipcMain handler per channel. A call from any frame other than the app window's
 * main frame showing the app's page is refused; the rest goes through `dispatch`, which parses
 * the payload and always answers with a Result. The drop-grant channel, which only the preload
 * sends, records the paths of a real drop so that `import:paths` may read them once.
 */
import { ipcMain, type BrowserWindow } from 'electron';
import { channelNames, DROP_GRANT_CHANNEL, DropGrantArgsSchema } from './contract/channels';
import { fail, ok } from './contract/result';
import { dispatch } from './dispatch';
import type { PathGrants } from './path-grants';
import type { Services } from './services';
import { isTrustedFrame } from './trust';

export function registerIpc(
  services: Services,
  window: () => BrowserWindow | null,
  appUrl: string,
  grants: PathGrants,
) {
  const trusted = (frame: Parameters<typeof isTrustedFrame>[0]) => {
    const win = window();
    return !!win && isTrustedFrame(frame, win.webContents.mainFrame, appUrl);
  };
  for (const channel of channelNames) {
    ipcMain.handle(channel, async (event, ...args: unknown[]) => {
      if (!trusted(event.senderFrame)) {
        return fail('forbidden', `${channel}: refused a call from outside the app's own page.`);
      }
      return dispatch(services, channel, args);
    });
  }
  ipcMain.handle(DROP_GRANT_CHANNEL, (event, ...args: unknown[]) => {
    if (!trusted(event.senderFrame)) {
      return fail('forbidden', 'Refused a drop from outside the app’s own page.');
    }
    const parsed = DropGrantArgsSchema.safeParse(args);
    if (!parsed.success) return fail('invalid-argument', 'A drop named no usable paths.');
    grants.grant(parsed.data[0]);
    return ok(null);
  });
}
