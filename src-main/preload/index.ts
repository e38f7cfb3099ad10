/**
 * The preload exposes a few named functions (one per channel, plus file paths for drag and drop
 * and menu commands), never ipcRenderer itself. Answers are checked against the channel's result
 * schema here as well, so the page only ever sees well-formed values.
 *
 * Dropped files: the preload watches drop events itself and, for a drop the analyst really made
 * (`isTrusted`; page script cannot forge one), tells main the dropped files' paths as Electron
 * reports them. Main reads only such granted paths, so a compromised page that calls
 * `importPaths` with a list of its own (`/etc/shadow`, `~/.ssh/id_ed25519`) is refused.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { channels, DROP_GRANT_CHANNEL, type Channel } from '../contract/channels';
import { isMenuCommand, MENU_COMMAND_CHANNEL, type MenuCommand } from '../contract/menu';
import { resultSchema, type Result } from '../contract/result';
import { WATCH_IMPORTED_CHANNEL, WatchImportedSchema, type WatchImported } from '../contract/watch';

/** Each channel's answer schema, built once rather than on every call. */
const answerSchemas = new Map(
  Object.entries(channels).map(([channel, spec]) => [channel, resultSchema(spec.result)]),
);

/** The drop event as the preload reads it (the preload's types carry no DOM library). */
interface DropEventLike {
  isTrusted: boolean;
  dataTransfer: { files: ArrayLike<File> } | null;
}

/**
 * Grants sent for drops so far. `import:paths` waits for them, so main has heard of a drop's
 * paths before the page's own drop handler asks it to read them.
 */
let grantsSent: Promise<unknown> = Promise.resolve();

/** The dropped file's path on disk; '' for files not on disk (webUtils throws for non-Files). */
function pathOf(file: File): string {
  try {
    return webUtils.getPathForFile(file);
  } catch {
    return '';
  }
}

function onDrop(event: DropEventLike): void {
  if (!event.isTrusted) return; // dispatched by page script: not the analyst's drop
  const files = Array.from(event.dataTransfer?.files ?? []);
  const paths = files.map(pathOf).filter(path => path !== '');
  if (paths.length === 0) return;
  grantsSent = grantsSent
    .then(() => ipcRenderer.invoke(DROP_GRANT_CHANNEL, paths))
    .catch(() => undefined);
}

// Capture phase on the window, registered before any page script runs: the grant is on its way
// before the page's own drop handler sees the event.
(
  globalThis as unknown as {
    addEventListener(type: 'drop', listener: (event: DropEventLike) => void, capture: true): void;
  }
).addEventListener('drop', onDrop, true);

async function call(channel: Channel, args: unknown[]): Promise<Result<unknown>> {
  try {
    // A drop's paths may be read only after main has its grant (both import channels).
    if (channel === 'import:paths' || channel === 'import:start') await grantsSent;
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
  /** Subscribes to the inbox folder's import reports (checked here); returns the unsubscribe. */
  onWatchImport(listener: (imported: WatchImported) => void): () => void {
    const handler = (_event: unknown, payload: unknown) => {
      const parsed = WatchImportedSchema.safeParse(payload);
      if (parsed.success) listener(parsed.data);
    };
    ipcRenderer.on(WATCH_IMPORTED_CHANNEL, handler);
    return () => ipcRenderer.off(WATCH_IMPORTED_CHANNEL, handler);
  },
};

contextBridge.exposeInMainWorld('readout', api);
contextBridge.exposeInMainWorld('readoutDesktop', desktop);
