/**
 * The inbox folder setting and its watcher, behind the `watch:*` channels. The folder is chosen
 * with main's own dialog (`pickFolder`) and kept in a small JSON file in the profile, so the
 * watch resumes when Readout starts again and the page never names a path. Batches the watcher
 * hands over are imported one after the other (never two imports at once) and each report is
 * sent to the page (`onImported`), which stores the articles as for any import.
 *
 * No Electron here: the dialog and the window are injected; tests use a temporary profile.
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { ImportReport } from '../contract/article';
import type { WatchImported, WatchStatus } from '../contract/watch';
import { watchInbox, type Inbox, type InboxOptions } from './inbox';

export interface WatchControlOptions {
  /** The JSON file the chosen folder is kept in (`<profile>/inbox.json`). */
  settingsFile: string;
  /** Main's folder dialog; null when the analyst cancels. */
  pickFolder: () => Promise<string | null>;
  /** The import every other door uses, reading the given paths. */
  importPaths: (paths: string[]) => Promise<ImportReport>;
  /** Receives each inbox import's report, for the page. */
  onImported: (imported: WatchImported) => void;
  /** Timings, for tests. */
  timing?: Pick<InboxOptions, 'debounceMs' | 'stabilityMs'>;
}

export interface WatchControl {
  status(): WatchStatus;
  /** Asks for a folder and watches it; a cancelled dialog changes nothing. */
  choose(): Promise<WatchStatus>;
  /** Stops watching and forgets the folder. */
  stop(): Promise<WatchStatus>;
  /** Watches the kept folder again (at start); resolves once watching. */
  resume(): Promise<WatchStatus>;
  /** Stops watching, keeping the setting (at quit). */
  close(): Promise<void>;
}

const SettingSchema = z.object({ folder: z.string().min(1).max(4096) });

function readSetting(file: string): string | null {
  try {
    const parsed = SettingSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data.folder : null;
  } catch {
    return null; // no setting yet, or an unreadable one: no inbox
  }
}

function writeSetting(file: string, folder: string | null): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.tmp`;
  writeFileSync(temp, JSON.stringify(folder === null ? {} : { folder }));
  renameSync(temp, file);
}

export function createWatchControl(options: WatchControlOptions): WatchControl {
  let folder = readSetting(options.settingsFile);
  let inbox: Inbox | null = null;
  let failure: string | null = null;
  let imports: Promise<void> = Promise.resolve();

  const status = (): WatchStatus => ({
    folder,
    state: inbox ? 'watching' : failure ? 'failed' : 'off',
    message: inbox ? null : failure,
  });

  const importBatch = (from: string, paths: string[]) => {
    imports = imports.then(async () => {
      try {
        options.onImported({ folder: from, report: await options.importPaths(paths) });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        options.onImported({
          folder: from,
          report: {
            articles: [],
            errors: [
              { file: from, code: 'unreadable', message: `The inbox import failed: ${message}` },
            ],
          },
        });
      }
    });
  };

  const start = async (target: string): Promise<void> => {
    await inbox?.close();
    inbox = null;
    failure = null;
    try {
      if (!statSync(target).isDirectory()) throw new Error('it is not a folder');
      const next = watchInbox({
        folder: target,
        onFiles: paths => importBatch(target, paths),
        onError: error => {
          failure = `Watching ${target} failed: ${error.message}`;
        },
        ...options.timing,
      });
      inbox = next;
      await next.ready;
    } catch (error) {
      inbox = null;
      const reason = error instanceof Error ? error.message : String(error);
      failure = `Readout cannot watch ${target}: ${reason}.`;
    }
  };

  return {
    status,
    async choose() {
      const picked = await options.pickFolder();
      if (!picked) return status();
      folder = picked;
      writeSetting(options.settingsFile, folder);
      await start(folder);
      return status();
    },
    async stop() {
      await inbox?.close();
      inbox = null;
      failure = null;
      folder = null;
      writeSetting(options.settingsFile, null);
      return status();
    },
    async resume() {
      if (folder && !inbox) await start(folder);
      return status();
    },
    async close() {
      await inbox?.close();
      inbox = null;
      await imports;
    },
  };
}
