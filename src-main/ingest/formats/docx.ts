/**
 * Word `.docx` articles: text with its paragraphs by mammoth, title, author and date from the
 * document's core properties. The archive is opened by the bounded reader in zip.ts first, so a
 * zip bomb is refused before mammoth inflates anything, and a file that is not a Word document
 * (a broken or renamed archive) gets its own message.
 */
import { isoDateOf, offer, type FileMeta, type FormatResult } from './extracted';
import { linkedom, mammoth } from './libs';
import { unzipBounded, ZipError } from './zip';

export async function readDocx(bytes: Uint8Array): Promise<FormatResult> {
  let files: Map<string, Uint8Array>;
  try {
    files = unzipBounded(bytes);
  } catch (error) {
    if (!(error instanceof ZipError)) throw error;
    return corrupt(`the archive is broken: ${error.message}`);
  }
  if (!files.has('word/document.xml')) {
    return corrupt('it is a ZIP archive without a Word document inside (no word/document.xml)');
  }
  const meta: FileMeta = {};
  const core = files.get('docProps/core.xml');
  if (core) await readCoreProperties(new TextDecoder().decode(core), meta);
  let text: string;
  try {
    const result = await (await mammoth()).extractRawText({ buffer: Buffer.from(bytes) });
    text = result.value;
  } catch (error) {
    return corrupt(
      `its document part does not parse (${String((error as Error)?.message ?? error).slice(0, 160)})`,
    );
  }
  text = text.replace(/\n{3,}/g, '\n\n').trim();
  if (!/\p{L}/u.test(text)) {
    return { code: 'empty', message: 'The Word document has no text (it may hold only images).' };
  }
  return { format: 'docx', text, meta };
}

function corrupt(why: string): FormatResult {
  return {
    code: 'corrupt',
    message: `This Word file cannot be read: ${why}. Open it in Word or LibreOffice, save it again as .docx, and import the new copy.`,
  };
}

/** dc:title, dc:creator and dcterms:created of docProps/core.xml. */
async function readCoreProperties(xml: string, meta: FileMeta): Promise<void> {
  const { DOMParser } = await linkedom();
  const document = new DOMParser().parseFromString(xml, 'text/xml') as unknown as {
    getElementsByTagName(name: string): ArrayLike<{ textContent: string | null }>;
  };
  const first = (name: string) => document.getElementsByTagName(name)[0]?.textContent ?? null;
  offer(meta, 'title', first('dc:title'), 'docx-props');
  offer(meta, 'author', first('dc:creator'), 'docx-props');
  offer(meta, 'published', isoDateOf(first('dcterms:created')), 'docx-props');
}
