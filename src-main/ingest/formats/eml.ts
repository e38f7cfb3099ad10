/**
 * E-mail (.eml) and saved web archives (.mht/.mhtml, which are MIME too), parsed by postal-mime
 * with bounded nesting and header sizes. For a message: the subject is the title, the sender the
 * publisher, the Date header the date, each marked `email-header`; an HTML body (a newsletter)
 * goes through the HTML path, and attachments that are themselves articles (a PDF, a Word file,
 * a saved page, a forwarded message) are read as articles of their own. For a web archive the
 * page's own metadata comes first and "Saved by Blink" is nobody's publisher.
 */
import type PostalMimeClass from 'postal-mime';
import { MAX_FILE_BYTES } from '../../contract/article';
import { isoDateOf, offer, type FileMeta, type FormatResult } from './extracted';
import { readHtml } from './html';
import { postalMime } from './libs';

/** Deepest forwarded-message nesting read; deeper parts are reported, not parsed. */
export const MAX_MESSAGE_DEPTH = 3;

/** Attachments read as articles, by their file name's extension. */
const ARTICLE_ATTACHMENT = /\.(?:pdf|docx|html?|xhtml|mht|mhtml|eml|txt|text|md|markdown)$/i;
const ARTICLE_TYPES = new Set([
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'message/rfc822',
  'text/html',
  'text/plain',
  'text/markdown',
]);
/** A body this short beside article attachments is a cover note ("Report attached."). */
const COVER_NOTE_WORDS = 40;

/** Reads one attached file the way an imported file is read (formats/index.ts). */
export type ReadAttachment = (
  bytes: Uint8Array,
  name: string,
  depth: number,
) => Promise<FormatResult[]>;

export async function readEml(
  bytes: Uint8Array,
  options: { webArchive: boolean; depth: number; readAttachment: ReadAttachment },
): Promise<FormatResult[]> {
  let email: Awaited<ReturnType<typeof PostalMimeClass.parse>>;
  try {
    const PostalMime = await postalMime();
    email = await PostalMime.parse(bytes, {
      maxNestingDepth: 32,
      maxHeadersSize: 512 * 1024,
      maxRfc822NestingDepth: 0,
      rfc822Attachments: true,
      attachmentEncoding: 'arraybuffer',
    });
  } catch (error) {
    return [
      {
        code: 'corrupt',
        message: `This e-mail cannot be read: ${String((error as Error)?.message ?? error).slice(0, 160)}. Save the message again from your mail program (as .eml) and import the new copy.`,
      },
    ];
  }
  const meta: FileMeta = {};
  const header = (key: string) => email.headers.find(h => h.key === key)?.value ?? null;
  if (!options.webArchive) {
    offer(meta, 'title', email.subject, 'email-header');
    offer(meta, 'publisher', senderOf(email.from), 'email-header');
    offer(meta, 'published', isoDateOf(header('date')), 'email-header');
  }
  let text = '';
  // A body of markup without its text/html label (a broken or hand-made message) is HTML too:
  // its tags must not reach the article as text.
  const html = email.html ?? (email.text && looksLikeMarkup(email.text) ? email.text : null);
  if (html) {
    const page = await readHtml(html);
    if (!('code' in page)) {
      text = page.text;
      for (const key of ['title', 'publisher', 'author', 'published', 'url'] as const) {
        if (page.meta[key]) offer(meta, key, page.meta[key].value, page.meta[key].source);
      }
    }
  }
  if (!text.trim() && email.text && html !== email.text) text = email.text;
  if (options.webArchive) {
    offer(meta, 'title', email.subject, 'email-header');
    offer(
      meta,
      'url',
      header('snapshot-content-location') ?? header('content-location'),
      'email-header',
    );
    offer(meta, 'published', isoDateOf(header('date')), 'email-header');
  }

  const results: FormatResult[] = [];
  let attachedArticles = 0;
  if (!options.webArchive) {
    for (const attachment of email.attachments) {
      const name =
        attachment.filename ?? (attachment.mimeType === 'message/rfc822' ? 'message.eml' : null);
      if (attachment.related || (attachment.disposition === 'inline' && !name)) continue;
      if (!name || !(ARTICLE_ATTACHMENT.test(name) || ARTICLE_TYPES.has(attachment.mimeType)))
        continue;
      const content = attachment.content;
      const data =
        content instanceof ArrayBuffer
          ? new Uint8Array(content)
          : typeof content === 'string'
            ? new TextEncoder().encode(content)
            : content;
      if (data.byteLength > MAX_FILE_BYTES) {
        results.push({
          code: 'too-large',
          message: `The attachment is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB.`,
          part: name,
        });
        continue;
      }
      if (options.depth + 1 > MAX_MESSAGE_DEPTH) {
        results.push({
          code: 'corrupt',
          message: `The attachment is nested more than ${MAX_MESSAGE_DEPTH} messages deep, so it was not read.`,
          part: name,
        });
        continue;
      }
      const named = name.includes('.') ? name : `${name}.eml`;
      for (const result of await options.readAttachment(data, named, options.depth + 1)) {
        if (!('code' in result)) attachedArticles++;
        results.push({ ...result, part: result.part ? `${name}#${result.part}` : name });
      }
    }
  }
  const words = text.split(/\s+/).filter(Boolean).length;
  if (words > 0 && !(attachedArticles > 0 && words < COVER_NOTE_WORDS)) {
    results.unshift({ format: options.webArchive ? 'html' : 'eml', text, meta });
  } else if (results.length === 0) {
    results.push({ code: 'empty', message: 'The message has no text and no article attached.' });
  }
  return results;
}

/** "The Daily Test <news@example.org>" → "The Daily Test"; a bare address if there is no name. */
function senderOf(from: { name: string; address?: string } | undefined): string | null {
  if (!from) return null;
  return from.name.trim() || from.address || null;
}

/** Text with several HTML block tags in it: a page, whatever its part said. */
function looksLikeMarkup(text: string): boolean {
  return (
    (text.slice(0, 65536).match(/<\/?(?:html|head|body|p|div|table|td|br|h[1-6])\b[^>]*>/gi)
      ?.length ?? 0) >= 3
  );
}
