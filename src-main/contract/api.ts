/**
 * The typed API the renderer calls, derived from the channel table: one named function per
 * channel. The Electron preload and the browser-preview bridge both implement it.
 */
import type { ChannelArgs, ChannelOfMethod, ChannelResult, MethodName } from './channels';
import type { Result } from './result';

export type ReadoutApi = {
  [M in MethodName]: (
    ...args: ChannelArgs<ChannelOfMethod<M>>
  ) => Promise<Result<ChannelResult<ChannelOfMethod<M>>>>;
};
