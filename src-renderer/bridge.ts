/**
 * The renderer's way to the main-process services: the Electron preload's API when it is there,
 * otherwise the browser preview's loopback channel. Both answer with Results checked against
 * the channel's schema, so features never care which one they talk to.
 */
import { channels, type Channel } from '../src-main/contract/channels';
import type { ReadoutApi } from '../src-main/contract/api';
import type { MenuCommand } from '../src-main/contract/menu';
import type { WatchImported } from '../src-main/contract/watch';
import { resultSchema, type Result } from '../src-main/contract/result';
import { decodeWire, encodeWire } from '../src-main/contract/wire';

export interface DesktopApi {
  pathForFile(file: File): string;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  onWatchImport(listener: (imported: WatchImported) => void): () => void;
}

declare global {
  interface Window {
    readout?: ReadoutApi;
    readoutDesktop?: DesktopApi;
  }
}

const TOKEN_KEY = 'readout.previewToken';

/** Takes the preview token from the URL fragment once, then keeps it for reloads of this tab. */
function previewToken(): string | null {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return match[1];
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

function createPreviewApi(): ReadoutApi {
  const token = previewToken();
  const api: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(channels)) {
    const channel = name as Channel;
    const answerSchema = resultSchema(spec.result);
    api[spec.method] = async (...args: unknown[]): Promise<Result<unknown>> => {
      if (!token) {
        return {
          ok: false,
          error: {
            code: 'forbidden',
            message: 'No preview token: open the URL that `npm run web` printed.',
          },
        };
      }
      try {
        const response = await fetch(`/api/${channel}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-readout-token': token },
          body: encodeWire(args),
        });
        const checked = answerSchema.safeParse(decodeWire(await response.text()));
        if (checked.success) return checked.data as Result<unknown>;
        return {
          ok: false,
          error: {
            code: 'invalid-result',
            message: `${channel}: malformed answer (HTTP ${response.status}).`,
          },
        };
      } catch (error) {
        return {
          ok: false,
          error: {
            code: 'io',
            message: `Readout's preview server did not answer (${String(error)}). Is \`npm run web\` still running?`,
          },
        };
      }
    };
  }
  return api as ReadoutApi;
}

export const desktop: DesktopApi | null = window.readoutDesktop ?? null;
export const api: ReadoutApi = window.readout ?? createPreviewApi();
