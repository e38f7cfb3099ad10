/**
 * Markdown articles: a YAML-style front matter block (`title:`, `author:`, `date:`, `source:`,
 * `url:`) for metadata, a leading `# Heading` as the title, and the rest rendered by markdown-it
 * (raw HTML left as text, never rendered) and read back as plain paragraphs, so that emphasis
 * marks, link targets and list bullets do not end up in the text the analyst highlights.
 */
import { domToText, type TextNode } from './dom-text';
import { isoDateOf, offer, type FileMeta, type FormatResult } from './extracted';
import { linkedom, markdownIt } from './libs';

/** Longest front matter block read; real ones are a few lines. */
const MAX_FRONT_MATTER = 8192;

const FRONT_KEYS: Record<string, keyof FileMeta> = {
  title: 'title',
  headline: 'title',
  author: 'author',
  authors: 'author',
  byline: 'author',
  date: 'published',
  published: 'published',
  publishdate: 'published',
  source: 'publisher',
  publisher: 'publisher',
  publication: 'publisher',
  url: 'url',
  link: 'url',
  canonical_url: 'url',
  canonical: 'url',
};

export async function readMarkdown(source: string): Promise<FormatResult> {
  const { parseHTML } = await linkedom();
  const MarkdownIt = await markdownIt();
  const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });
  const meta: FileMeta = {};
  let body = source;
  const front = /^---[^\S\n]*\n([\s\S]*?)\n---[^\S\n]*(?:\n|$)/.exec(
    source.slice(0, MAX_FRONT_MATTER),
  );
  if (front) {
    body = source.slice(front[0].length);
    for (const line of front[1].split('\n')) {
      const kv = /^([A-Za-z_]{1,30})\s*:\s*(.+)$/.exec(line.trim());
      const key = kv ? FRONT_KEYS[kv[1].toLowerCase()] : undefined;
      if (!kv || !key) continue;
      const value = kv[2].trim().replace(/^(["'])(.*)\1$/, '$2');
      offer(meta, key, key === 'published' ? isoDateOf(value) : value, 'header');
    }
  }
  const { document } = parseHTML(
    `<html><body>${markdown.render(body)}</body></html>`,
  ) as unknown as {
    document: { body: TextNode & { firstElementChild: (TextNode & { remove(): void }) | null } };
  };
  const first = document.body.firstElementChild;
  if (first && first.nodeName.toUpperCase() === 'H1') {
    const heading = (first.textContent ?? '').replace(/\s+/g, ' ').trim();
    // The heading is the title unless the front matter named another; either way it is not
    // repeated as the body's first paragraph.
    if (!meta.title || meta.title.value.toLowerCase() === heading.toLowerCase()) {
      offer(meta, 'title', heading, 'text');
      first.remove();
    }
  }
  const text = domToText(document.body);
  if (!text.trim())
    return { code: 'empty', message: 'The Markdown file has no text besides its heading.' };
  return { format: 'markdown', text, meta };
}
