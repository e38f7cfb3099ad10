/**
 * Reads the entries of a ZIP archive (a .docx is one) without ever inflating more than a budget:
 * the central directory's sizes are checked before anything is inflated, and each entry is then
 * inflated in chunks that are counted as they come, so an archive that lies about its sizes (a
 * zip bomb) is stopped at the limit instead of filling memory.
 */
import { Inflate } from 'fflate';

/** Most bytes all entries of one archive may inflate to: a long report's XML is a few MB. */
export const MAX_UNZIPPED_BYTES = 64 * 1024 * 1024;
/** Most entries read from one archive; a Word file has a few dozen. */
export const MAX_ZIP_ENTRIES = 2000;
/** Highest compression ratio believed of an entry over 1 MB; XML rarely passes 30:1. */
export const MAX_RATIO = 200;

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  /** Offset of the entry's local header. */
  offset: number;
}

export class ZipError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipError';
  }
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The archive's entries as its central directory lists them; throws ZipError when broken. */
export function listZip(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record is in the last 22 + 65535 bytes (its comment is at most 64 KiB).
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  }
  if (end === -1)
    throw new ZipError('the archive has no end record (it is truncated or not a ZIP)');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (count === 0xffff || at === 0xffffffff) throw new ZipError('ZIP64 archives are not read');
  if (count > MAX_ZIP_ENTRIES) throw new ZipError(`the archive lists ${count} entries`);
  const entries: ZipEntry[] = [];
  let total = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) {
      throw new ZipError('the archive directory is broken');
    }
    const nameLength = view.getUint16(at + 28, true);
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const entry: ZipEntry = {
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      offset: view.getUint32(at + 42, true),
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
    };
    total += entry.size;
    if (total > MAX_UNZIPPED_BYTES) throw new ZipError(bombMessage(total));
    if (entry.size > 1024 * 1024 && entry.size > MAX_RATIO * Math.max(1, entry.compressedSize)) {
      throw new ZipError(bombMessage(entry.size));
    }
    entries.push(entry);
    at += 46 + skip;
  }
  return entries;
}

function bombMessage(size: number): string {
  const mb = Math.round(size / 1024 / 1024);
  return `it would unpack to ${mb.toLocaleString('en')} MB (a zip bomb), so it was not unpacked`;
}

/**
 * One entry's bytes, inflated at most to the size the directory declares (and never past
 * `budget`): more output than declared means the archive lies, and it is refused.
 */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry, budget: number): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.offset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) {
    throw new ZipError(`the entry ${entry.name} is broken`);
  }
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length < entry.compressedSize)
    throw new ZipError(`the entry ${entry.name} is cut short`);
  const limit = Math.min(entry.size, budget);
  if (entry.method === 0) {
    if (data.length > limit) throw new ZipError(bombMessage(data.length));
    return data;
  }
  if (entry.method !== 8) throw new ZipError(`the entry ${entry.name} uses an unknown compression`);
  const chunks: Uint8Array[] = [];
  let size = 0;
  // An object, not a `let`: the callback sets it, which narrowing of a local would not see.
  const state: { failure: string | null } = { failure: null };
  const inflate = new Inflate(chunk => {
    size += chunk.length;
    if (size <= limit) chunks.push(chunk);
    else
      state.failure = size > budget ? bombMessage(size) : `${entry.name} is larger than declared`;
  });
  const step = 64 * 1024;
  try {
    for (let i = 0; i < data.length && !state.failure; i += step) {
      inflate.push(data.subarray(i, i + step), i + step >= data.length);
    }
  } catch (error) {
    throw new ZipError(`the entry ${entry.name} does not inflate (${(error as Error).message})`);
  }
  if (state.failure) throw new ZipError(state.failure);
  const out = new Uint8Array(size);
  let pos = 0;
  for (const chunk of chunks) {
    out.set(chunk, pos);
    pos += chunk.length;
  }
  return out;
}

/**
 * Every entry inflated with checks, as a map of name → bytes; the total stays under
 * MAX_UNZIPPED_BYTES whatever the directory claims.
 */
export function unzipBounded(bytes: Uint8Array): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  let budget = MAX_UNZIPPED_BYTES;
  for (const entry of listZip(bytes)) {
    if (entry.name.endsWith('/')) continue;
    const data = readZipEntry(bytes, entry, budget);
    budget -= data.length;
    files.set(entry.name, data);
  }
  return files;
}
