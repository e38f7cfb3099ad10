/**
 * Turns a file's bytes into text, or says precisely why it cannot. Accepts UTF-8 (with or without
 * a BOM) and UTF-16 with a BOM; refuses binary data and invalid UTF-8 rather than guessing a
 * legacy code page, because a wrongly decoded article silently corrupts quotes and names.
 *
 * Both encodings treat control characters alike: a NUL refuses the file as binary, and the other
 * control characters (C0 but tab, line ends and form feed; DEL; C1) are removed, so none reaches
 * a title, a briefing or a terminal, where ESC and CSI start escape sequences.
 */
import { sniffBinaryFormat } from './sniff';

export type DecodeResult =
  | { ok: true; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' }
  | { ok: false; code: 'empty' | 'binary' | 'encoding'; message: string };

export function decodeText(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return { ok: false, code: 'empty', message: 'The file is empty.' };

  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes.subarray(2), 'utf-16be');
  const hasUtf8Bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasUtf8Bom ? bytes.subarray(3) : bytes;
  // Offsets in messages count from the start of the file, as a hex editor shows them.
  const bomLength = hasUtf8Bom ? 3 : 0;

  const format = sniffBinaryFormat(body);
  if (format) {
    return { ok: false, code: 'binary', message: `This is ${format}, not a text article.` };
  }
  const nul = body.indexOf(0);
  if (nul !== -1) {
    return {
      ok: false,
      code: 'binary',
      message: `This looks like a binary file, not text (a NUL byte at offset ${nul + bomLength}). UTF-16 text needs a byte-order mark.`,
    };
  }

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    const at = firstInvalidUtf8(body);
    return {
      ok: false,
      code: 'encoding',
      message: `The file is not valid UTF-8 (first bad byte 0x${body[at].toString(16).padStart(2, '0')} at offset ${at + bomLength}). Save it as UTF-8 and import it again.`,
    };
  }
  return checkText(text, 'utf-8');
}

function decodeUtf16(body: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): DecodeResult {
  if (body.length % 2 !== 0) {
    return {
      ok: false,
      code: 'encoding',
      message: `The file starts with a UTF-16 byte-order mark but has an odd number of bytes; it is truncated or not UTF-16.`,
    };
  }
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(body);
  } catch {
    return {
      ok: false,
      code: 'encoding',
      message: `The file starts with a UTF-16 byte-order mark but is not valid ${encoding.toUpperCase()}.`,
    };
  }
  const nul = text.indexOf('\0');
  if (nul !== -1) {
    return {
      ok: false,
      code: 'binary',
      message: `This looks like a binary file, not text (a NUL character at offset ${2 + 2 * nul}).`,
    };
  }
  return checkText(text, encoding);
}

/** Decoded text that is mostly control characters is binary data that happened to decode. */
function checkText(text: string, encoding: 'utf-8' | 'utf-16le' | 'utf-16be'): DecodeResult {
  if (text.trim() === '') {
    return { ok: false, code: 'empty', message: 'The file holds only white space.' };
  }
  let control = 0;
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0xfffd)
      control++;
  }
  if (control / sample.length > 0.05) {
    return {
      ok: false,
      code: 'binary',
      message: `This looks like a binary file, not text (${Math.round((100 * control) / sample.length)}% control characters).`,
    };
  }
  return { ok: true, text: text.replace(CONTROL_CHARACTERS, ''), encoding };
}

/**
 * The text without the control characters decodeText removes: what a PDF, Word or HTML reader
 * extracts goes through this too, so no format brings ESC or CSI into a title or a terminal.
 */
export function removeControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, '');
}

/** C0 controls but tab, LF, VT, FF and CR; DEL; C1 controls (U+009B is a one-character CSI). */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g;

/** Offset of the first byte that breaks UTF-8, for the error message. */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    let need = 0;
    if (c < 0x80) need = 0;
    else if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) need = 2;
    else if (c >= 0xf0 && c <= 0xf4) need = 3;
    else return i;
    if (i + need >= b.length && need > 0) return i;
    for (let k = 1; k <= need; k++) if ((b[i + k] & 0xc0) !== 0x80) return i;
    // Second bytes that would make an overlong form, a surrogate or a code point past U+10FFFF.
    const second = b[i + 1];
    if (c === 0xe0 && second < 0xa0) return i;
    if (c === 0xed && second > 0x9f) return i;
    if (c === 0xf0 && second < 0x90) return i;
    if (c === 0xf4 && second > 0x8f) return i;
    i += need + 1;
  }
  return Math.max(0, b.length - 1);
}
