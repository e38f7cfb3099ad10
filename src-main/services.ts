/**
 * The one service object behind the three front doors (Electron IPC, the browser preview and the
 * command line). Main keeps no state: each call reads files or computes and returns.
 */
import { basename, dirname } from 'node:path';
import type { z } from 'zod';
import type { Channels, MethodName } from './contract/channels';
import {
  AtomicWriteError,
  briefingFileName,
  digestFileName,
  layoutBriefing,
  layoutDigest,
  renderDigestWithReport,
  loadBriefingFonts,
  renderBriefing,
  writeFileAtomic,
  type AtomicWriteFs,
  type BriefingFonts,
  type FontSource,
} from './briefing';
import { createBackupStore, type BackupStore } from './backups/store';
import { createImportSessions, type ImportSessions } from './ingest/sessions';
import { resolveCountries } from './lookups/countries';
import type { PathGrants } from './path-grants';
import { ServiceError } from './service-error';
import type { SyncForwarder } from './sync/forward';
import { syncRequestService, teamServices } from './sync/service';
import type { TeamService } from './sync/team-service';
import { createTaskRunner } from './workers/runner';
import { createWatchControl, type WatchControl, type WatchControlOptions } from './watch/control';

type ChannelWithMethod<M extends MethodName> = {
  [C in keyof Channels]: Channels[C]['method'] extends M ? C : never;
}[keyof Channels];

/**
 * Implementation of every channel, named by the preload method that calls it. A service takes
 * its arguments as parsed (defaults applied) and returns what its result schema then checks.
 */
export type Services = {
  [M in MethodName]: (
    ...args: z.output<Channels[ChannelWithMethod<M>]['args']>
  ) => Promise<z.input<Channels[ChannelWithMethod<M>]['result']>>;
};

export interface ServicesOptions {
  /** Folder of the bundled seed articles. */
  seedsDir: string;
  /** Shows the desktop open dialog; absent where there is none (browser preview). */
  pickPaths?: (options: { folders: boolean }) => Promise<string[] | null>;
  /**
   * The desktop's record of paths the analyst dropped (see path-grants.ts). Absent in the
   * browser preview, which then refuses every path: it reads uploaded bytes only.
   */
  pathGrants?: PathGrants;
  /** Shows the desktop save dialog with a proposed file name; null when cancelled. */
  chooseSavePath?: (suggestedName: string) => Promise<string | null>;
  /** Where the briefing fonts are; the installed dejavu-fonts-ttf package by default. */
  fonts?: FontSource;
  /** File-system calls a saved briefing is written with; tests inject a full disk here. */
  writeFs?: AtomicWriteFs;
  /**
   * The automatic backups folder (`<profile>/backups`); absent where no renderer keeps work
   * (the command line), and then the backup channels answer `unsupported`.
   */
  backupsDir?: string;
  /** Main's clock for naming backups; injectable for tests. */
  now?: () => number;
  /**
   * Longest an import or a meeting extraction may run in the worker thread before it is stopped
   * and fails with a clear error (two minutes by default).
   */
  workerTimeoutMs?: number;
  /**
   * The desktop's inbox folder (see watch/control.ts): where its setting is kept, main's folder
   * dialog and the window to send reports to. Absent in the preview and the command line, where
   * the `watch:*` channels answer `unsupported`.
   */
  inbox?: Omit<WatchControlOptions, 'importPaths'>;
  /** Sends `sync:request` to the profile's team server; absent where there is no team (the CLI). */
  syncForwarder?: SyncForwarder;
  /** Joins and leaves the profile's team (`team:*`); absent in the CLI, where they are unsupported. */
  team?: TeamService;
  /**
   * Receives the streaming imports' registry once it is made, so the desktop shell can close
   * every session when the window closes (`closeAll`).
   */
  onImportSessions?: (sessions: ImportSessions) => void;
  /** Overrides the sessions' idle time-out and batch sizes (tests). */
  importSessionOptions?: Pick<Parameters<typeof createImportSessions>[0], 'idleMs' | 'limits'>;
}

export function createServices(options: ServicesOptions): Services {
  // Fonts are parsed on first use and kept: parsing them costs more than laying out a page.
  let fonts: BriefingFonts | null = null;
  const briefingFonts = () => (fonts ??= loadBriefingFonts(options.fonts));
  const backups: BackupStore | null = options.backupsDir
    ? createBackupStore({ dir: options.backupsDir, now: options.now })
    : null;
  // Parsing files and finding meetings run in a worker thread, so that main keeps answering every
  // other call (backups, briefings) however long one hostile file takes.
  const worker = createTaskRunner({ timeoutMs: options.workerTimeoutMs });
  const inbox: WatchControl | null = options.inbox
    ? createWatchControl({
        ...options.inbox,
        importPaths: paths => worker.run('importPaths', paths, {}),
      })
    : null;
  // Streaming imports read and parse each batch in the same worker, one task at a time, so
  // other calls (a merge, a briefing) still get their turn between batches.
  const imports = createImportSessions({
    ...options.importSessionOptions,
    readFiles: (files, budget) =>
      worker.run(
        'readFiles',
        files.map(f => ({ path: f.path, display: f.display })),
        budget,
      ),
    parseUploads: files => worker.run('importFiles', files),
  });
  options.onImportSessions?.(imports);
  // The kept inbox is watched again from the start; failures show in its status.
  void inbox?.resume();
  const inboxControl = (): WatchControl => {
    if (!inbox) {
      throw new ServiceError(
        'unsupported',
        'The inbox folder is a desktop feature; in the preview, import files or paste text.',
      );
    }
    return inbox;
  };
  const backupStore = (): BackupStore => {
    if (!backups) throw new ServiceError('unsupported', 'Automatic backups are not kept here.');
    return backups;
  };

  /** Main reads dropped paths only when a drop granted them moments before (path-grants.ts). */
  const checkGranted = (paths: string[]) => {
    if (!options.pathGrants) {
      throw new ServiceError(
        'unsupported',
        'Files are imported here only as uploads; no path is ever opened.',
      );
    }
    if (!options.pathGrants.take(paths)) {
      throw new ServiceError(
        'forbidden',
        'These files were not dropped on Readout just now, so they were not read. Drop them again or use Import files….',
      );
    }
  };

  /** Asks main's save dialog where to put a PDF and writes it atomically; null when cancelled. */
  const saveWithDialog = async (bytes: Uint8Array, name: string) => {
    if (!options.chooseSavePath) {
      throw new ServiceError(
        'unsupported',
        'There is no save dialog here; download the briefing instead.',
      );
    }
    const path = await options.chooseSavePath(name);
    if (!path) return null;
    try {
      // The save dialog has already asked before replacing an existing file.
      await writeFileAtomic(path, bytes, { overwrite: true, fs: options.writeFs });
    } catch (error) {
      if (error instanceof AtomicWriteError) throw new ServiceError('io', notSaved(error));
      throw error;
    }
    return { path };
  };

  return {
    watchStatus: async () => inboxControl().status(),
    chooseWatchFolder: () => inboxControl().choose(),
    stopWatchFolder: () => inboxControl().stop(),

    // Seeds are reported as `seeds/NAME` wherever the app is installed, so their source is stable.
    loadSeeds: () =>
      worker.run('importPaths', [basename(options.seedsDir)], { cwd: dirname(options.seedsDir) }),

    async pickAndImport({ folders }) {
      if (!options.pickPaths) {
        throw new ServiceError(
          'unsupported',
          'There is no file dialog here; upload files instead.',
        );
      }
      const paths = await options.pickPaths({ folders });
      return paths && paths.length > 0 ? worker.run('importPaths', paths, {}) : null;
    },

    async importPaths(paths) {
      checkGranted(paths);
      return worker.run('importPaths', paths, {});
    },

    importFiles: files => worker.run('importFiles', files),

    async startImport(start) {
      switch (start.kind) {
        case 'upload':
          return imports.startUpload(start.totalFiles, start.totalBytes);
        case 'dialog': {
          if (!options.pickPaths) {
            throw new ServiceError(
              'unsupported',
              'There is no file dialog here; upload files instead.',
            );
          }
          const paths = await options.pickPaths({ folders: start.folders });
          return paths && paths.length > 0 ? imports.startPaths(paths) : null;
        }
        case 'paths':
          checkGranted(start.paths);
          return imports.startPaths(start.paths);
      }
    },
    nextImportBatch: id => imports.next(id),
    uploadImportBatch: (id, files) => imports.upload(id, files),
    cancelImport: async id => ({ cancelled: await imports.cancel(id) }),

    // Both run in the worker: extraction reads article text (hostile input), and a merge of a
    // large library takes seconds; neither may hold up main's other calls.
    extractArticleMeetings: async articles => ({
      results: await worker.run('extractArticleResults', articles),
    }),

    mergeArticleMeetings: request => worker.run('mergeIncrement', request),

    meetingFromText: async ({ article, start, end }) => ({
      meeting: await worker.run('meetingFromText', article, start, end),
    }),

    resolveCountries: async terms => ({ countries: resolveCountries(terms) }),

    async layoutBriefing(input) {
      return layoutBriefing(input, briefingFonts()).layout;
    },
    async renderBriefing(input) {
      return {
        fileName: briefingFileName(input.meeting),
        bytes: await renderBriefing(input, briefingFonts()),
      };
    },

    async exportBriefing(input) {
      return saveWithDialog(
        await renderBriefing(input, briefingFonts()),
        briefingFileName(input.meeting),
      );
    },

    async layoutDigest(input) {
      return layoutDigest(input, briefingFonts()).layout;
    },
    async renderDigest(input) {
      const { bytes } = await renderDigestWithReport(input, briefingFonts());
      return { fileName: digestFileName(input), bytes };
    },
    async exportDigest(input) {
      const { bytes } = await renderDigestWithReport(input, briefingFonts());
      return saveWithDialog(bytes, digestFileName(input));
    },

    listAutoBackups: () => backupStore().list(),

    writeAutoBackup: text => backupStore().write(text),

    readAutoBackup: id => backupStore().read(id),

    syncRequest: syncRequestService(options.syncForwarder),
    ...teamServices(options.team),
  };
}

/** What the export dialog shows when the PDF could not be written: the folder and what to do. */
function notSaved(error: AtomicWriteError): string {
  const folder = dirname(error.path);
  switch (error.code) {
    case 'read-only':
      return `The briefing was not saved: the folder ${folder} is read-only or not yours. Choose another folder.`;
    case 'disk-full':
      return `The briefing was not saved: the disk is full (${folder}). Free some space or choose another folder.`;
    case 'not-found':
      return `The briefing was not saved: the folder ${folder} does not exist. Choose another folder.`;
    default:
      return `The briefing was not saved: ${error.message}.`;
  }
}
