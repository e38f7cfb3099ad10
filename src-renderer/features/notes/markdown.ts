/**
 * Notes are Markdown, rendered with markdown-it and sanitised with DOMPurify. Only text formatting
 * survives: no images, media or frames (they could fetch from the network, and Readout is
 * offline), no styles, no forms. Links are shown, never followed: a link keeps its text and shows
 * its address on hover, but has no href, so a click neither leaves the app page nor hands an
 * untrusted URL to the system browser.
 *
 * A note is text someone may have pasted from anywhere, and it is rendered on every view that
 * shows it, so rendering must be bounded. markdown-it was chosen after measuring marked 18,
 * markdown-it 15, commonmark 0.31 and micromark 4 on hostile notes (5,000 `>`, `_a` × 20,000,
 * 40,000 spaces, e-mail autolinks, link references, unclosed brackets): marked overflowed the stack
 * on deep quotes and took 2.7–4.5 s on the others, commonmark and micromark took seconds on some,
 * markdown-it stayed linear and has a nesting cap of its own (`maxNesting`). Notes longer than
 * {@link MARKDOWN_LIMIT} are shown as plain text rather than formatted, which keeps the worst case
 * well inside a frame; results are memoised, so a view that re-renders does not parse again.
 */
import DOMPurify from 'dompurify';
import MarkdownIt from 'markdown-it';

/** Notes longer than this many characters are shown as plain text, not formatted. */
export const MARKDOWN_LIMIT = 5_000;

/** How deeply blocks and inline spans may nest before the parser stops nesting them. */
export const MARKDOWN_MAX_NESTING = 20;

const ALLOWED_TAGS = [
  'p',
  'br',
  'strong',
  'em',
  's',
  'del',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'a',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
];

const parser = new MarkdownIt('default', {
  html: false,
  linkify: false,
  breaks: true,
  maxNesting: MARKDOWN_MAX_NESTING,
});
// Every link loses its href below, so none can be followed; letting markdown-it make links of any
// scheme keeps a `javascript:` link visible as a link the analyst can see is not followed, as
// before, rather than as stray brackets.
parser.validateLink = () => true;

let hooked = false;
function hookLinks(): void {
  if (hooked) return;
  DOMPurify.addHook('afterSanitizeAttributes', node => {
    if (node.tagName === 'A') {
      const href = node.getAttribute('href');
      node.removeAttribute('href');
      node.setAttribute('class', 'note-link');
      if (href) node.setAttribute('title', `${href} (not opened: Readout works offline)`);
    }
  });
  hooked = true;
}

/**
 * The HTML markdown-it makes of a note, before sanitising: raw HTML in the note is already
 * escaped, but links and everything else still need {@link renderMarkdown}'s sanitiser. Exported
 * so the parser's cost can be measured apart from the DOM's.
 */
export function markdownToHtml(source: string): string {
  return parser.render(source);
}

const CACHE_SIZE = 200;
const cache = new Map<string, string>();

/**
 * Safe HTML for a note's Markdown, or null when the note is longer than {@link MARKDOWN_LIMIT}
 * and should be shown as plain text. Memoised on the text: the same note shown in the article and
 * in All highlights is parsed once.
 */
export function renderMarkdown(source: string): string | null {
  if (source.length > MARKDOWN_LIMIT) return null;
  const known = cache.get(source);
  if (known !== undefined) {
    cache.delete(source);
    cache.set(source, known);
    return known;
  }
  hookLinks();
  const html = DOMPurify.sanitize(markdownToHtml(source), {
    ALLOWED_TAGS,
    ALLOWED_ATTR: ['href', 'title'],
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|#)/i,
  });
  cache.set(source, html);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return html;
}
