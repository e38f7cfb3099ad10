/**
 * A note's Markdown as the words a reader sees, for search snippets: `**Check** the [envoy](…)`
 * shows as "Check the envoy", not with its asterisks and brackets. Parsed with markdown-it (the
 * parser the notes are rendered with) into tokens and never into HTML, so nothing in a note can
 * become markup in the result list.
 */
import MarkdownIt from 'markdown-it';
import { MARKDOWN_LIMIT, MARKDOWN_MAX_NESTING } from '../features/notes/markdown';

const parser = new MarkdownIt('default', {
  html: false,
  linkify: false,
  breaks: true,
  maxNesting: MARKDOWN_MAX_NESTING,
});
parser.validateLink = () => true;

type Token = ReturnType<typeof parser.parse>[number];

function inlineText(children: readonly Token[]): string {
  let out = '';
  for (const t of children) {
    if (t.type === 'text' || t.type === 'code_inline' || t.type === 'html_inline') out += t.content;
    else if (t.type === 'softbreak' || t.type === 'hardbreak') out += ' ';
    else if (t.type === 'image') out += inlineText(t.children ?? []);
  }
  return out;
}

/**
 * The visible text of a Markdown note, one line a block. Notes longer than MARKDOWN_LIMIT are
 * shown as plain text in the app too, so they come back as written.
 */
export function noteText(markdown: string): string {
  if (markdown.length > MARKDOWN_LIMIT) return markdown;
  const lines: string[] = [];
  for (const t of parser.parse(markdown, {})) {
    if (t.type === 'inline') lines.push(inlineText(t.children ?? []));
    else if (t.type === 'code_block' || t.type === 'fence') lines.push(t.content.trimEnd());
  }
  return lines.filter(l => l.trim() !== '').join('\n');
}
