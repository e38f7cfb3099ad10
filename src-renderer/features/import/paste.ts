/**
 * Paste to create: text copied from a web page, a mail or a report, pasted into the library
 * (Ctrl/Cmd+V), becomes an article through the same import as an uploaded file, so it gets the
 * same parsing, the same content id (pasting the same text twice adds it once) and the same
 * import report.
 *
 * The clipboard's HTML is never put into the page. When the clipboard has plain text (every
 * browser and word processor puts one beside the HTML) that is what is imported; HTML alone is
 * sent to main as an `.html` file, for main's importers to read.
 */
import { MAX_FILE_BYTES, type UploadFile } from '../../../src-main/contract/article';
import { api } from '../../bridge';
import type { ReadoutDB } from '../../db/db';
import { storeReport, type ImportOutcome } from './importer';

/** What a paste offers, read from its DataTransfer. */
export interface Clipboard {
  text: string;
  html: string;
  files: File[];
}

/** Reads the parts of a paste event's clipboard that Readout imports. */
export function readClipboard(data: DataTransfer): Clipboard {
  return {
    text: data.getData('text/plain'),
    html: data.getData('text/html'),
    files: Array.from(data.files),
  };
}

const two = (n: number) => String(n).padStart(2, '0');

/** "Pasted 2026-12-01 14:32", in local time, as the analyst's clock shows it. */
export function pastedName(now: Date): string {
  const day = `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
  return `Pasted ${day} ${two(now.getHours())}:${two(now.getMinutes())}`;
}

/**
 * The upload a paste of text or HTML makes, or null when there is nothing to import (an empty
 * or blank clipboard). Text too large for an article is sent by its size alone, so main answers
 * with its usual "too large" error and the report says so.
 */
export function pastedUpload(clip: Pick<Clipboard, 'text' | 'html'>, now: Date): UploadFile | null {
  const useText = clip.text.trim() !== '';
  if (!useText && clip.html.trim() === '') return null;
  const bytes = new TextEncoder().encode(useText ? clip.text : clip.html);
  const name = `${pastedName(now)}.${useText ? 'txt' : 'html'}`;
  if (bytes.byteLength > MAX_FILE_BYTES) {
    return { name, size: bytes.byteLength, bytes: new Uint8Array(0) };
  }
  return { name, size: bytes.byteLength, bytes };
}

/** What a paste import did, and the article to open (new or already in the library). */
export interface PasteOutcome {
  outcome: ImportOutcome;
  articleId: string | null;
}

/**
 * Imports one pasted upload through `import:files` and stores it as any import does. The
 * article's id is looked up by content, so pasting text already in the library opens that one.
 */
export async function importPasted(db: ReadoutDB, upload: UploadFile): Promise<PasteOutcome> {
  const result = await api.importFiles([upload]);
  if (!result.ok) {
    return {
      outcome: { added: 0, updated: 0, unchanged: 0, errors: [], failure: result.error.message },
      articleId: null,
    };
  }
  const outcome = await storeReport(db, result.value);
  const contentId = result.value.articles[0]?.id;
  const stored = contentId
    ? await db.articles.where('contentHash').equals(contentId).first()
    : undefined;
  return { outcome, articleId: stored?.id ?? null };
}

/** True when a paste lands in a field, where it must stay the field's own. */
export function pastesIntoField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || typeof el.closest !== 'function') return false;
  return el.isContentEditable || el.closest('input, textarea, select, [contenteditable]') !== null;
}
