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
import { ImportBatchSchema, type ImportBatch } from '../src-main/contract/import-session';
import { UPLOAD_FRAME_TYPE } from '../src-main/contract/upload-frame';
import type { ZodType } from 'zod';

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

const noToken = {
  ok: false,
  error: {
    code: 'forbidden',
    message: 'No preview token: open the URL that `npm run web` printed.',
  },
} as const;

/** One call to the preview server: the body as given, the answer checked against `schema`. */
async function previewCall(
  token: string,
  channel: Channel,
  body: BodyInit,
  contentType: string,
  schema: ZodType,
): Promise<Result<unknown>> {
  try {
    const response = await fetch(`/api/${channel}`, {
      method: 'POST',
      headers: { 'content-type': contentType, 'x-readout-token': token },
      body,
    });
    const checked = schema.safeParse(decodeWire(await response.text()));
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
}

function createPreviewApi(token: string | null): ReadoutApi {
  const api: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(channels)) {
    const channel = name as Channel;
    const answerSchema = resultSchema(spec.result);
    api[spec.method] = async (...args: unknown[]): Promise<Result<unknown>> =>
      token
        ? previewCall(token, channel, encodeWire(args), 'application/json', answerSchema)
        : noToken;
  }
  return api as ReadoutApi;
}

const token = window.readout ? null : previewToken();
export const desktop: DesktopApi | null = window.readoutDesktop ?? null;
export const api: ReadoutApi = window.readout ?? createPreviewApi(token);

const uploadAnswer = resultSchema(ImportBatchSchema);

/**
 * Preview only (null on the desktop, where IPC carries bytes): sends one upload batch framed as
 * contract/upload-frame.ts says. The body is a Blob the browser streams, so the page never
 * reads or encodes the files' bytes itself.
 */
export const sendFramedUpload: ((body: Blob) => Promise<Result<ImportBatch>>) | null =
  window.readout
    ? null
    : async body =>
        token
          ? ((await previewCall(
              token,
              'import:upload',
              body,
              UPLOAD_FRAME_TYPE,
              uploadAnswer,
            )) as Result<ImportBatch>)
          : noToken;
