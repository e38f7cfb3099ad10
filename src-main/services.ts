/**
 * The one service object behind the three front doors (Electron IPC, the browser preview and the
 * command line). Main keeps no state: each call reads files or computes and returns.
 */
import { basename, dirname } from 'node:path';
import type { ChannelArgs, ChannelResult, Channels, MethodName } from './contract/channels';
import { importFiles, importPaths } from './ingest';
import { extractMeetings } from './meetings';
import { ServiceError } from './service-error';

type ChannelWithMethod<M extends MethodName> = {
  [C in keyof Channels]: Channels[C]['method'] extends M ? C : never;
}[keyof Channels];

/** Implementation of every channel, named by the preload method that calls it. */
export type Services = {
  [M in MethodName]: (
    ...args: ChannelArgs<ChannelWithMethod<M>>
  ) => Promise<ChannelResult<ChannelWithMethod<M>>>;
};

export interface ServicesOptions {
  /** Folder of the bundled seed articles. */
  seedsDir: string;
  /** Shows the desktop open dialog; absent where there is none (browser preview). */
  pickPaths?: (options: { folders: boolean }) => Promise<string[] | null>;
}

export function createServices(options: ServicesOptions): Services {
  return {
    // Seeds are reported as `seeds/NAME` wherever the app is installed, so their source is stable.
    loadSeeds: () => importPaths([basename(options.seedsDir)], { cwd: dirname(options.seedsDir) }),

    async pickAndImport({ folders }) {
      if (!options.pickPaths) {
        throw new ServiceError(
          'unsupported',
          'There is no file dialog here; upload files instead.',
        );
      }
      const paths = await options.pickPaths({ folders });
      return paths && paths.length > 0 ? importPaths(paths) : null;
    },

    importPaths: paths => importPaths(paths),

    importFiles: async files => importFiles(files),

    extractMeetings: async articles => ({ meetings: extractMeetings(articles) }),
  };
}
