/**
 * The preload exposes a few named functions (one per channel, plus file paths for drag and drop
 * and menu commands), never ipcRenderer itself. Answers are checked against the channel's result
 * schema here as well, so the page only ever sees well-formed values.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { channels, type Channel } from '../contract/channels';
import { isMenuCommand, MENU_COMMAND_CHANNEL, type MenuCommand } from '../contract/menu';
import { resultSchema, type Result } from '../contract/result';

/** Each channel's answer schema, built once rather than on every call. */
const answerSchemas = new Map(
  Object.entries(channels).map(([channel, spec]) => [channel, resultSchema(spec.result)]),
);

async function call(channel: Channel, args: unknown[]): Promise<Result<unknown>> {
  try {
    const answer: unknown = await ipcRenderer.invoke(channel, ...args);
    const checked = answerSchemas.get(channel)!.safeParse(answer);
    return checked.success
      ? (checked.data as Result<unknown>)
      : {
          ok: false,
          error: { code: 'invalid-result', message: `${channel}: malformed answer from main.` },
        };
  } catch (error) {
    return { ok: false, error: { code: 'internal', message: `${channel}: ${String(error)}` } };
  }
}

const api: Record<string, unknown> = {};
for (const [channel, spec] of Object.entries(channels)) {
  api[spec.method] = (...args: unknown[]) => call(channel as Channel, args);
}

const desktop = {
  /** Absolute path of a dropped File; empty for files not backed by disk. */
  pathForFile: (file: File): string => webUtils.getPathForFile(file),
  /** Subscribes to menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void {
    const handler = (_event: unknown, command: unknown) => {
      if (isMenuCommand(command)) listener(command);
    };
    ipcRenderer.on(MENU_COMMAND_CHANNEL, handler);
    return () => ipcRenderer.off(MENU_COMMAND_CHANNEL, handler);
  },
};

contextBridge.exposeInMainWorld('readout', api);
contextBridge.exposeInMainWorld('readoutDesktop', desktop);
