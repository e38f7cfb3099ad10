/**
 * PDF articles: the text layer read with pdfjs-dist (Mozilla's PDF.js, legacy build for Node: no
 * worker fetch, no font faces, no eval), lines rebuilt from the positioned text items, paragraphs
 * from the gaps between lines, and the running headers and footers that repeat on every page
 * dropped. Title, author and date come from the document info. A password-protected PDF and a scan
 * without a text layer each get their own error, with what to do about it.
 */
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import { isoDateOf, offer, type FileMeta, type FormatResult } from './extracted';

/** Pages read from one PDF; a briefing source is a few pages, a report a few dozen. */
export const MAX_PDF_PAGES = 400;
/**
 * Longest one PDF may take. pdf.js works in this thread in small asynchronous steps, so a timer
 * can stop a pathological file (its loading task is destroyed) before the worker's own limit,
 * which would cost every other file of the import too.
 */
export const PDF_DEADLINE_MS = 30_000;

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL?: boolean;
}

interface Line {
  text: string;
  y: number;
  size: number;
  /** Where the line's last item ends on the x axis. */
  right: number;
}

type PdfJs = typeof PdfJsModule;
let pdfjs: Promise<PdfJs> | null = null;

/** Loaded on first use: the module is large and most imports hold no PDF. */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs;
}

export async function readPdf(
  bytes: Uint8Array,
  deadlineMs = PDF_DEADLINE_MS,
): Promise<FormatResult> {
  const { getDocument } = await loadPdfJs();
  // pdf.js takes ownership of (and detaches) the buffer it is given: hand it a copy.
  const task = getDocument({
    data: bytes.slice(),
    disableFontFace: true,
    isEvalSupported: false,
    useSystemFonts: false,
    useWorkerFetch: false,
    isOffscreenCanvasSupported: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    void task.destroy();
  }, deadlineMs);
  try {
    const doc = await task.promise;
    const meta: FileMeta = {};
    try {
      const { info } = (await doc.getMetadata()) as unknown as { info: Record<string, unknown> };
      const title = typeof info.Title === 'string' ? info.Title : null;
      if (title && !JUNK_TITLE.test(title.trim())) offer(meta, 'title', title, 'pdf-info');
      offer(meta, 'author', typeof info.Author === 'string' ? info.Author : null, 'pdf-info');
      const created = typeof info.CreationDate === 'string' ? info.CreationDate : null;
      offer(meta, 'published', isoDateOf(created), 'pdf-info');
    } catch {
      // A broken info dictionary costs the metadata, not the text.
    }
    const pages: Line[][] = [];
    for (let n = 1; n <= Math.min(doc.numPages, MAX_PDF_PAGES) && !timedOut; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      pages.push(linesOf(content.items as TextItem[]));
      page.cleanup();
    }
    if (timedOut) throw new Error('timed out');
    const text = paragraphsOf(dropRunningLines(pages));
    if (!/\p{L}/u.test(text)) {
      return {
        code: 'no-text-layer',
        message:
          'This PDF has no text layer (scanned image): its pages are pictures of text. Run it through OCR (for example "Make searchable" in a PDF tool) and import the result.',
      };
    }
    return { format: 'pdf', text, meta };
  } catch (error) {
    if (timedOut) {
      return {
        code: 'corrupt',
        message: `This PDF took longer than ${Math.round(deadlineMs / 1000)} s to read and was stopped; it may be damaged or built to stall readers. Print it to a new PDF and import that.`,
      };
    }
    const name = (error as { name?: string })?.name;
    if (name === 'PasswordException') {
      return {
        code: 'password',
        message:
          'This PDF is protected by a password. Open it in a PDF reader, save or print a copy without the password, and import that.',
      };
    }
    const detail = (error as Error)?.message ?? String(error);
    return {
      code: 'corrupt',
      message: `This PDF is damaged and could not be read (${detail.slice(0, 160)}). Save it again from its source and import the new copy.`,
    };
  } finally {
    clearTimeout(timer);
    await task.destroy();
  }
}

/** Titles that tools write in place of one ("Microsoft Word - draft.docx", "untitled"). */
const JUNK_TITLE =
  /^(?:$|untitled|document\d*|microsoft (?:word|powerpoint) - |.*\.(?:docx?|pdf|indd|rtf|txt)$)/i;

/** Items to lines: a new line where pdf.js marks one or the baseline moves. */
export function linesOf(items: TextItem[]): Line[] {
  const lines: Line[] = [];
  let current: Line | null = null;
  let lastEnd = 0;
  let breakNext = false;
  for (const item of items) {
    if (typeof item.str !== 'string') continue;
    const x = item.transform[4];
    const y = item.transform[5];
    const size = Math.abs(item.height) || Math.abs(item.transform[3]) || 10;
    if (!current || breakNext || Math.abs(current.y - y) > size * 0.5) {
      if (current && current.text.trim()) lines.push(current);
      current = { text: item.str, y, size, right: x + item.width };
    } else {
      const gap = x - lastEnd;
      const needsSpace =
        gap > size * 0.15 && !current.text.endsWith(' ') && !item.str.startsWith(' ');
      current.text += (needsSpace ? ' ' : '') + item.str;
    }
    lastEnd = x + item.width;
    current.right = Math.max(current.right, lastEnd);
    breakNext = item.hasEOL === true;
  }
  if (current && current.text.trim()) lines.push(current);
  for (const line of lines) line.text = line.text.replace(/\s+/g, ' ').trim();
  return lines;
}

/** A line's text with its numbers masked: "Page 3 of 9" and "Page 4 of 9" are the same footer. */
function runningKey(text: string): string {
  return text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

const PAGE_NUMBER = /^(?:page\s*)?#(?:\s*(?:of|\/)\s*#)?$|^[-–—]\s*#\s*[-–—]$/;

/**
 * Drops the first and last two lines of each page where they repeat (numbers aside) on most
 * pages, and bare page numbers: running headers and footers are not the article.
 */
export function dropRunningLines(pages: Line[][]): Line[][] {
  const counts = new Map<string, number>();
  for (const lines of pages) {
    const edge = new Set(
      [...lines.slice(0, 2), ...lines.slice(-2)].flatMap(l => [l.text, runningKey(l.text)]),
    );
    for (const key of edge) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const needed = Math.max(2, Math.ceil(pages.length * 0.6));
  const repeats = (key: string) => pages.length >= 2 && (counts.get(key) ?? 0) >= needed;
  const running = (line: Line) => {
    const key = runningKey(line.text);
    // Numbers are masked only in short lines ("Page 3 of 9", "Digest · 12 May"): a body line
    // that differs from another by its numbers alone is still the article.
    return PAGE_NUMBER.test(key) || repeats(line.text) || (line.text.length <= 60 && repeats(key));
  };
  return pages.map(lines =>
    lines.filter((line, i) => !((i < 2 || i >= lines.length - 2) && running(line))),
  );
}

/**
 * Lines to paragraphs: a gap clearly wider than the usual line spacing (or a change of font size)
 * starts a new paragraph; a word hyphenated at a line's end is joined again.
 */
export function paragraphsOf(pages: Line[][]): string {
  const gaps: number[] = [];
  for (const lines of pages) {
    for (let i = 1; i < lines.length; i++) {
      const gap = lines[i - 1].y - lines[i].y;
      if (gap > 0) gaps.push(gap);
    }
  }
  gaps.sort((a, b) => a - b);
  const usual = gaps.length > 0 ? gaps[Math.floor(gaps.length / 2)] : 0;
  // The right edge of the text block: a line ending a sentence well before it ends a paragraph.
  const rights = pages
    .flat()
    .map(l => l.right)
    .sort((a, b) => a - b);
  const edge = rights.length > 0 ? rights[Math.floor(rights.length * 0.9)] : 0;
  const paragraphs: string[] = [];
  let current = '';
  let previous: Line | null = null;
  for (const lines of pages) {
    for (const line of lines) {
      const gap = previous ? previous.y - line.y : 0;
      const newParagraph =
        !previous ||
        (gap > 0 && usual > 0 && gap > usual * 1.35) ||
        Math.abs(previous.size - line.size) > Math.max(1, previous.size * 0.15) ||
        (/[.!?:"”’)]$/.test(previous.text) && previous.right < edge - previous.size * 4);
      if (newParagraph && current) {
        paragraphs.push(current);
        current = '';
      }
      if (!current) current = line.text;
      else if (/\p{Ll}-$/u.test(current) && /^\p{Ll}/u.test(line.text)) {
        current = current.slice(0, -1) + line.text;
      } else current += ' ' + line.text;
      previous = line;
    }
  }
  if (current) paragraphs.push(current);
  return paragraphs.join('\n\n');
}
