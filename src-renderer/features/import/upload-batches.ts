/**
 * The page's side of a preview upload (issue 14): planning which picked files to send, and
 * sending a batch of them. Both keep the page responsive however large the folder:
 * - Planning reads every file's size, and for files of a picked folder the browser fetches
 *   each size from the disk on first use (about 0.3–1.5 ms a file here), so it works in slices
 *   of a few milliseconds with a yield between: 10,000 files never hold the page in one task.
 * - A batch goes framed (contract/upload-frame.ts) as a Blob made of the File objects: the
 *   browser streams their bytes from disk into the request, the page neither reads nor
 *   base64-encodes them. Only when that fails (a file removed or changed since it was picked)
 *   are the batch's files read here one by one, an unreadable one sent empty, as before.
 */
import { MAX_FILE_BYTES, type UploadFile } from '../../../src-main/contract/article';
import { MAX_IMPORT_BYTES } from '../../../src-main/contract/channels';
import type { ImportBatch } from '../../../src-main/contract/import-session';
import type { Result } from '../../../src-main/contract/result';
import { frameHead } from '../../../src-main/contract/upload-frame';
import { yieldToPage } from './session-runner';

export interface PickedFile {
  file: File;
  /** Relative path inside a picked or dropped folder, else the file name. */
  name: string;
}

/**
 * The files the analyst picked, read one by one when needed: a folder of 100,000 files is
 * never turned into a second array of 100,000 entries in one go.
 */
export interface PickedFiles {
  length: number;
  at(index: number): PickedFile;
}

export interface UploadPlan {
  /** Indexes of the files to send (hidden ones left out). */
  send: number[];
  /** Their bytes, by File size. */
  bytes: number;
  /** Position in `send` of the first file that would take the import past MAX_IMPORT_BYTES. */
  cut: number | null;
}

/** Work between two yields while planning: well under a frame. */
export const PLAN_SLICE_MS = 8;

/** Clock and yield of the planner, replaceable in tests. */
export interface PlanPacing {
  now?: () => number;
  pause?: () => Promise<void>;
  sliceMs?: number;
}

/**
 * The files to send, their bytes and the cut (see UploadPlan), looked at in slices of
 * `sliceMs` with a yield to the page between two slices.
 */
export async function planUpload(
  picked: PickedFiles,
  pacing: PlanPacing = {},
): Promise<UploadPlan> {
  const now = pacing.now ?? (() => performance.now());
  const pause = pacing.pause ?? yieldToPage;
  const sliceMs = pacing.sliceMs ?? PLAN_SLICE_MS;
  const send: number[] = [];
  let bytes = 0;
  let budget = 0;
  let cut: number | null = null;
  let sliceStart = now();
  for (let i = 0; i < picked.length; i++) {
    if (now() - sliceStart >= sliceMs) {
      await pause();
      sliceStart = now();
    }
    const { file, name } = picked.at(i);
    if (name.split('/').some(part => part.startsWith('.'))) continue;
    send.push(i);
    bytes += file.size;
    if (cut === null && file.size <= MAX_FILE_BYTES) {
      budget += file.size;
      if (budget > MAX_IMPORT_BYTES) cut = send.length - 1;
    }
  }
  return { send, bytes, cut };
}

/** One file of a batch: its content as the browser holds it, or null when sent by size alone. */
export interface UploadPart {
  name: string;
  size: number;
  content: Blob | null;
}

/** A framed upload body; `content` of each part must have the byte length its header says. */
export function framedBody(sessionId: string, parts: readonly UploadPart[]): Blob {
  const head = frameHead({
    sessionId,
    files: parts.map(p => ({ name: p.name, size: p.size, length: p.content?.size ?? 0 })),
  });
  const blobs: BlobPart[] = [head as Uint8Array<ArrayBuffer>];
  for (const part of parts) if (part.content) blobs.push(part.content);
  return new Blob(blobs, { type: 'application/octet-stream' });
}

/** Reads a file's bytes; an unreadable file (removed, no permission) gives an empty array. */
export async function readBytes(file: Blob): Promise<Uint8Array> {
  try {
    return new Uint8Array(await file.arrayBuffer());
  } catch {
    return new Uint8Array(0);
  }
}

/** How a batch reaches main: framed in the preview, as bytes over IPC on the desktop. */
export interface BatchSender {
  framed: ((body: Blob) => Promise<Result<ImportBatch>>) | null;
  bytes: (sessionId: string, files: UploadFile[]) => Promise<Result<ImportBatch>>;
}

/**
 * Sends one batch. Framed first, the files streamed by the browser; if that request fails
 * before an answer (the browser could not read a file), once more with the bytes read here.
 */
export async function sendBatch(
  sessionId: string,
  parts: readonly UploadPart[],
  sender: BatchSender,
): Promise<Result<ImportBatch>> {
  if (sender.framed) {
    const answer = await sender.framed(framedBody(sessionId, parts));
    if (answer.ok || answer.error.code !== 'io') return answer;
  }
  const files: UploadFile[] = [];
  for (const part of parts) {
    const bytes = part.content ? await readBytes(part.content) : new Uint8Array(0);
    files.push({ name: part.name, size: part.size, bytes });
  }
  if (!sender.framed) return sender.bytes(sessionId, files);
  return sender.framed(
    framedBody(
      sessionId,
      files.map(f => ({
        name: f.name,
        size: f.size,
        content: new Blob([f.bytes as Uint8Array<ArrayBuffer>]),
      })),
    ),
  );
}
