/**
 * Notes are Markdown, rendered with marked and sanitised with DOMPurify. Only text formatting
 * survives: no images, media or frames (they could fetch from the network, and Readout is
 * offline), no styles, no forms. Links are shown, never followed: a link keeps its text and shows
 * its address on hover, but has no href, so a click neither leaves the app page nor hands an
 * untrusted URL to the system browser.
 */
import DOMPurify from 'dompurify';
import { marked } from 'marked';

const ALLOWED_TAGS = [
  'p',
  'br',
  'strong',
  'em',
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

let hooked = false;

/** Safe HTML for a note's Markdown. */
export function renderMarkdown(source: string): string {
  if (!hooked) {
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
  const html = marked.parse(source, { async: false, gfm: true, breaks: true });
  return DOMPurify.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR: ['href', 'title'],
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|#)/i,
  });
}
