/**
 * How the browser preview sends one batch of an upload session (issue 14) without JSON: the
 * files' bytes travel raw, so the page never reads them into script or base64-encodes them
 * (it hands the browser a Blob made of the picked File objects, which the browser streams
 * from disk), and the preview server reads the body as it arrives instead of holding it whole.
 *
 * The body is: a 4-byte big-endian header length; the header, UTF-8 JSON naming the session
 * and each file's name, size on disk and number of bytes sent; then the files' bytes in that
 * order, nothing before, between or after. A file sent by its size alone (too large, or past
 * the import's limit) has length 0. The same limits hold as for `import:upload`.
 *
 * UploadFrameReader reads such a body chunk by chunk: each file's bytes go straight into a
 * buffer of its declared length, and nothing beyond what the header announced (at most the
 * batch limit) is kept. A header that breaks its schema or the limits is refused before any
 * file byte is stored; a body shorter or longer than announced is refused as a whole.
 */
import { z } from 'zod';
import { MAX_FILE_BYTES, type UploadFile } from './article';
import { ImportSessionIdSchema, MAX_UPLOAD_BATCH_BYTES } from './import-session';

/** The content type that marks a framed upload; any other body of `import:upload` is JSON. */
export const UPLOAD_FRAME_TYPE = 'application/x-readout-upload';
/** Header bytes at most: 2,000 files with long relative paths. */
export const MAX_UPLOAD_HEADER_BYTES = 4 * 1024 * 1024;
/** The four bytes before the header that give its length. */
export const HEADER_LENGTH_BYTES = 4;

export const UploadFrameHeaderSchema = z
  .object({
    sessionId: ImportSessionIdSchema,
    files: z
      .array(
        z
          .object({
            name: z.string().min(1).max(4096),
            size: z.number().int().nonnegative(),
            length: z.number().int().nonnegative().max(MAX_FILE_BYTES),
          })
          .strict(),
      )
      .min(1)
      .max(2000),
  })
  .strict()
  .refine(h => h.files.reduce((n, f) => n + f.length, 0) <= MAX_UPLOAD_BATCH_BYTES, {
    message: `an upload batch carries at most ${MAX_UPLOAD_BATCH_BYTES / 1024 / 1024} MiB`,
  });
export type UploadFrameHeader = z.infer<typeof UploadFrameHeaderSchema>;

/** The bytes that open a framed body: the header's length, then the header. */
export function frameHead(header: UploadFrameHeader): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify(header));
  const head = new Uint8Array(HEADER_LENGTH_BYTES + json.byteLength);
  new DataView(head.buffer).setUint32(0, json.byteLength, false);
  head.set(json, HEADER_LENGTH_BYTES);
  return head;
}

/** Why a framed body was refused, with the HTTP status the preview answers. */
export class UploadRefused extends Error {
  constructor(
    readonly status: 400 | 413,
    message: string,
  ) {
    super(message);
  }
}

export interface FramedUpload {
  sessionId: string;
  files: UploadFile[];
}

/**
 * A push parser: `push` each chunk as it arrives, then `end`. Throws UploadRefused from the
 * first call that sees the body is wrong; after that it must not be fed again.
 */
export class UploadFrameReader {
  /** The length prefix until `prefixRead`, then the header itself. */
  private head = new Uint8Array(HEADER_LENGTH_BYTES);
  private headFilled = 0;
  private prefixRead = false;
  private header: UploadFrameHeader | null = null;
  private readonly files: UploadFile[] = [];
  private current: Uint8Array | null = null;
  private filled = 0;

  push(chunk: Uint8Array): void {
    let at = 0;
    while (at < chunk.length) {
      if (this.header === null) at += this.takeHead(chunk, at);
      else at += this.takeFile(chunk, at);
    }
  }

  end(): FramedUpload {
    if (this.header === null) throw new UploadRefused(400, 'the upload ended inside its header');
    this.openFiles();
    if (this.files.length < this.header.files.length || this.current !== null) {
      throw new UploadRefused(400, 'the upload ended before all the files it announced');
    }
    return { sessionId: this.header.sessionId, files: this.files };
  }

  /** Fills the length prefix, then the header; returns how many bytes of `chunk` it took. */
  private takeHead(chunk: Uint8Array, at: number): number {
    const want = this.head.length - this.headFilled;
    const n = Math.min(want, chunk.length - at);
    this.head.set(chunk.subarray(at, at + n), this.headFilled);
    this.headFilled += n;
    if (this.headFilled < this.head.length) return n;
    if (!this.prefixRead) {
      const length = new DataView(this.head.buffer).getUint32(0, false);
      if (length === 0 || length > MAX_UPLOAD_HEADER_BYTES) {
        throw new UploadRefused(
          length === 0 ? 400 : 413,
          `an upload header carries 1 to ${MAX_UPLOAD_HEADER_BYTES / 1024 / 1024} MiB`,
        );
      }
      // The prefix is complete: from now on `head` collects the header itself.
      this.prefixRead = true;
      this.head = new Uint8Array(length);
      this.headFilled = 0;
      return n;
    }
    this.header = parseHeader(this.head);
    this.openFiles();
    return n;
  }

  /** Copies bytes into the file being read; returns how many bytes of `chunk` it took. */
  private takeFile(chunk: Uint8Array, at: number): number {
    this.openFiles();
    if (this.current === null) {
      throw new UploadRefused(400, 'the upload carries more bytes than its header announced');
    }
    const n = Math.min(this.current.length - this.filled, chunk.length - at);
    this.current.set(chunk.subarray(at, at + n), this.filled);
    this.filled += n;
    this.openFiles();
    return n;
  }

  /** Closes the file being read once it is full, and every empty file after it. */
  private openFiles(): void {
    const header = this.header;
    if (header === null) return;
    for (;;) {
      if (this.current !== null) {
        if (this.filled < this.current.length) return;
        const spec = header.files[this.files.length];
        this.files.push({ name: spec.name, size: spec.size, bytes: this.current });
        this.current = null;
      }
      const spec = header.files[this.files.length];
      if (spec === undefined) return;
      this.current = new Uint8Array(spec.length);
      this.filled = 0;
    }
  }
}

function parseHeader(bytes: Uint8Array): UploadFrameHeader {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new UploadRefused(400, 'the upload header is not UTF-8 JSON');
  }
  const parsed = UploadFrameHeaderSchema.safeParse(json);
  if (!parsed.success) {
    const tooLarge = parsed.error.issues.some(i => /MiB/.test(i.message));
    const detail = parsed.error.issues[0];
    throw new UploadRefused(
      tooLarge ? 413 : 400,
      `the upload header is malformed: ${detail.path.join('.') || '(header)'}: ${detail.message}`,
    );
  }
  return parsed.data;
}
