/**
 * Analysts write notes in Markdown-ish plain text. The briefing prints them as plain paragraphs:
 * emphasis markers and link targets go, list items and headings become paragraphs of their own.
 */

/**
 * Called for each link `[text](address)`; returns what to print after the link's text (a
 * citation such as " [3]"), so the address can go in the sources list instead of the prose.
 */
export type LinkCiter = (text: string, address: string) => string;

/**
 * Private-use characters that mark where bold and italic begin and end inside a paragraph's
 * text, so emphasis survives clipping and cutting (it travels with its words) until the drawing
 * code sets each run in its face. They are never printed.
 */
export const BOLD = '\uE000';
/** What a bulleted line of a note starts with once plain: the plan makes it a list item. */
export const BULLET_MARK = '• ';
export const ITALIC = '\uE001';

/** Splits text holding emphasis marks into runs, each with the styles in force. */
export function emphasisRuns(text: string): { text: string; bold: boolean; italic: boolean }[] {
  const runs: { text: string; bold: boolean; italic: boolean }[] = [];
  let bold = false;
  let italic = false;
  for (const part of text.split(/([\uE000\uE001])/)) {
    if (part === BOLD) bold = !bold;
    else if (part === ITALIC) italic = !italic;
    else if (part) runs.push({ text: part, bold, italic });
  }
  return runs;
}

/**
 * Paragraphs of plain text from a Markdown-ish note; blank paragraphs are dropped. With
 * `emphasis`, bold and italic are kept as BOLD / ITALIC marks around their words.
 */
export function plainParagraphs(
  text: string,
  onLink: LinkCiter = () => '',
  emphasis = false,
): string[] {
  const inline = (line: string) => inlineText(line, onLink, emphasis);
  const paragraphs: string[] = [];
  let current: string[] = [];
  const flush = () => {
    const joined = current.join(' ').replace(/\s+/g, ' ').trim();
    if (joined) paragraphs.push(joined);
    current = [];
  };
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    if (!line || /^([-*_])\1{2,}$/.test(line)) {
      flush();
      continue;
    }
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    const item = /^(?:[-*+]|\d{1,3}[.)])\s+(.*)$/.exec(line);
    if (heading) {
      flush();
      current.push(inline(heading[1]));
      flush();
    } else if (item) {
      flush();
      const marker = /^\d/.test(line) ? `${line.split(/[.)]/)[0]}. ` : BULLET_MARK;
      current.push(marker + inline(item[1]));
    } else {
      current.push(inline(line.replace(/^>\s?/, '')));
    }
  }
  flush();
  return paragraphs;
}

function inlineText(text: string, onLink: LinkCiter, emphasis: boolean): string {
  const b = emphasis ? BOLD : '';
  const i = emphasis ? ITALIC : '';
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\(\s*([^)\s]*)[^)]*\)/g, (_, label: string, address: string) =>
      address ? `${label}${onLink(label, address)}` : label,
    )
    .replace(/<(https?:\/\/[^>\s]+)>/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, `${b}$2${b}`)
    .replace(/(^|[\s(])([*_])(?=\S)(.+?)(?<=\S)\2(?=$|[\s).,;:!?])/g, `$1${i}$3${i}`);
}
