/**
 * Annotations as Markdown, for pasting into a report or a wiki: per article its title and source,
 * the article note, then each highlight as a block quote with its colour's meaning, note and tags.
 * Notes are the analyst's own Markdown and go out as written; only text Readout did not write in
 * Markdown (titles, sources, quotes from the article) is escaped.
 */
import type { Highlight } from '../db/db';
import type { AnnotatedArticle, AnnotationSet } from './annotations';

/** Escapes characters that would start Markdown constructs inside one line of text. */
function inline(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

/** A note's Markdown, unchanged but for the blank lines around it. */
function asWritten(markdown: string): string {
  return markdown.replace(/^\s*\n|\s+$/g, '');
}

function quote(text: string): string {
  return text
    .split('\n')
    .map(line => (line.trim() ? `> ${inline(line)}` : '>'))
    .join('\n');
}

function tagLine(tags: string[]): string | null {
  return tags.length > 0
    ? `Tags: ${tags.map(t => '`' + t.replace(/`/g, "'") + '`').join(', ')}`
    : null;
}

function highlightBlock(h: Highlight, meanings: string[]): string {
  const meaning = meanings[h.colour] ?? `Colour ${h.colour + 1}`;
  const lines = [quote(h.quote.exact), '', `— **${inline(meaning)}**`];
  if (h.note.trim()) lines.push('', asWritten(h.note));
  const tags = tagLine(h.tags);
  if (tags) lines.push('', tags);
  return lines.join('\n');
}

function articleSection(
  { article, highlights, note }: AnnotatedArticle,
  meanings: string[],
): string {
  const meta = [article.publisher, article.published].filter(Boolean).map(s => inline(String(s)));
  const parts = [`## ${inline(article.title)}`, '', `Source: ${inline(article.source)}`];
  if (meta.length > 0) parts.push(`${meta.join(' · ')}`);
  if (note) {
    parts.push('', '### Article note', '');
    if (note.text.trim()) parts.push(asWritten(note.text));
    const tags = tagLine(note.tags);
    if (tags) parts.push('', tags);
  }
  if (highlights.length > 0) {
    parts.push('', '### Highlights');
    for (const h of highlights) parts.push('', highlightBlock(h, meanings));
  }
  if (!note && highlights.length === 0) parts.push('', '_No annotations yet._');
  return parts.join('\n');
}

/** The whole export as one Markdown document. */
export function annotationsToMarkdown(set: AnnotationSet, exportedAt = new Date()): string {
  const highlights = set.articles.reduce((n, a) => n + a.highlights.length, 0);
  const head = [
    '# Readout annotations',
    '',
    `Exported ${exportedAt.toISOString().slice(0, 10)}: ${set.articles.length} article${set.articles.length === 1 ? '' : 's'}, ${highlights} highlight${highlights === 1 ? '' : 's'}.`,
  ].join('\n');
  const body = set.articles.map(a => articleSection(a, set.colourMeanings));
  return [head, ...body].join('\n\n') + '\n';
}
