/**
 * Picks the reader for a file by its first bytes and its name (a PDF is a PDF whatever it is
 * called; a `.docx` that is not a ZIP is a broken Word file, not "binary data") and runs it. Each
 * reader returns plain text and the file's metadata; a file can yield several articles (an
 * e-mail with articles attached) and each can fail on its own.
 */
import type { ArticleFormat } from '../../contract/article';
import { decodeText, removeControlCharacters } from '../decode';
import { sniffBinaryFormat } from '../sniff';
import { readDocx } from './docx';
import { readEml } from './eml';
import { MAX_EXTRACTED_CHARS, type FormatResult } from './extracted';
import { decodeHtml, readHtml } from './html';
import { readMarkdown } from './markdown';
import { readPdf } from './pdf';

export type { Extracted, FileMeta, FormatError, FormatResult, MetaField } from './extracted';
export { isFormatError } from './extracted';

type Kind = ArticleFormat | 'web-archive';

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

function startsWith(bytes: Uint8Array, magic: number[], at = 0): boolean {
  return magic.every((b, i) => bytes[at + i] === b);
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** The reader a file needs, or a message when its name promises a format its bytes are not. */
export function detectFormat(bytes: Uint8Array, name: string): Kind | FormatResult {
  const ext = extensionOf(name);
  // A PDF's header may follow up to 1 KB of junk; readers accept that, so does Readout.
  const pdfAt = findMagic(bytes, PDF_MAGIC, 1024);
  if (pdfAt !== -1 && (pdfAt === 0 || ext === 'pdf')) return 'pdf';
  if (startsWith(bytes, ZIP_MAGIC)) {
    if (ext === 'docx' || ext === 'docm' || hasWordPart(bytes)) return 'docx';
    return 'text'; // decodeText names it as a ZIP archive
  }
  if (ext === 'pdf') {
    return {
      code: 'corrupt',
      message:
        'This file is named .pdf but is not a PDF (it does not start with "%PDF-"). Save it again from its source.',
    };
  }
  if (ext === 'docx') {
    const other = sniffBinaryFormat(bytes);
    return other?.startsWith('an old Word')
      ? {
          code: 'binary',
          message:
            'This is an old Word (.doc) document. Open it in Word or LibreOffice, save it as .docx, and import that.',
        }
      : {
          code: 'corrupt',
          message:
            'This file is named .docx but is not a Word document (it is not a ZIP archive). Open it in Word or LibreOffice, save it again as .docx, and import the new copy.',
        };
  }
  if (ext === 'eml') return 'eml';
  if (ext === 'mht' || ext === 'mhtml') return 'web-archive';
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml' || looksLikeHtml(bytes)) return 'html';
  if (ext === 'md' || ext === 'markdown') return 'markdown';
  return 'text';
}

function findMagic(bytes: Uint8Array, magic: number[], within: number): number {
  const last = Math.min(within, bytes.length - magic.length);
  for (let i = 0; i <= last; i++) if (startsWith(bytes, magic, i)) return i;
  return -1;
}

/** A ZIP whose directory names word/document.xml, found by a plain byte search of its tail. */
function hasWordPart(bytes: Uint8Array): boolean {
  const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - 65536)));
  return tail.includes('word/document.xml');
}

/** A text file that is a web page: starts (after a BOM and blanks) with a doctype or `<html`. */
function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1')
    .decode(bytes.subarray(0, 512))
    .replace(/^\uFEFF|^\u00ef\u00bb\u00bf/, '');
  return /^\s*(?:<!--[\s\S]*?-->\s*)?<(?:!doctype\s+html|html[\s>])/i.test(head);
}

/**
 * Reads one file into plain-text articles with their metadata. `text` files come back decoded
 * but otherwise untouched: their headers, datelines and titles are read by parseArticle, as
 * before this module existed, so their ids do not change.
 */
export async function readFormat(
  bytes: Uint8Array,
  name: string,
  depth = 0,
): Promise<FormatResult[]> {
  const kind = detectFormat(bytes, name);
  if (typeof kind !== 'string') return [kind];
  if (bytes.length === 0) return [{ code: 'empty', message: 'The file is empty.' }];
  const results = await readKind(kind, bytes, depth);
  return results.map(result =>
    'code' in result
      ? { code: result.code, message: result.message, part: result.part }
      : result.text.length > MAX_EXTRACTED_CHARS
        ? {
            code: 'too-large',
            message: `The file holds ${(result.text.length / 1024 / 1024).toFixed(1)} million characters of text; Readout imports articles up to ${MAX_EXTRACTED_CHARS / 1024 / 1024} million.`,
            part: result.part,
          }
        : { ...result, text: removeControlCharacters(result.text) },
  );
}

async function readKind(kind: Kind, bytes: Uint8Array, depth: number): Promise<FormatResult[]> {
  switch (kind) {
    case 'pdf':
      return [await readPdf(bytes)];
    case 'docx':
      return [await readDocx(bytes)];
    case 'eml':
    case 'web-archive':
      return readEml(bytes, {
        webArchive: kind === 'web-archive',
        depth,
        readAttachment: readFormat,
      });
    case 'html': {
      const decoded = decodeHtml(bytes);
      return [decoded.ok ? await readHtml(decoded.text) : decoded];
    }
    case 'markdown':
    case 'text': {
      const decoded = decodeText(bytes);
      if (!decoded.ok) return [decoded];
      return [
        kind === 'markdown'
          ? await readMarkdown(decoded.text)
          : { format: 'text', text: decoded.text, meta: {} },
      ];
    }
  }
}
