/**
 * Long unbroken words (a pasted hash, a URL, a run of one letter) are the layout's worst case:
 * pdfkit splits a word wider than the line by re-measuring the rest of the word for every line,
 * which is quadratic in its length (an 8,000-character token took seconds, 100,000 ran out of
 * memory). Giving such words break opportunities before layout keeps every measured word short.
 */

/** Words longer than this get a break opportunity after every CHUNK characters. */
export const LONG_TOKEN_CHARS = 30;
const CHUNK = 24;
/** ZERO WIDTH SPACE: a line-break opportunity (UAX #14 class ZW) that prints nothing. */
export const BREAK = '\u200B';

const LONG_WORD = new RegExp(`[^\\s\u200B]{${LONG_TOKEN_CHARS + 1},}`, 'gu');

/**
 * `text` with a zero-width break opportunity inside every word longer than LONG_TOKEN_CHARS,
 * every CHUNK characters (code points, so no surrogate pair is split). Shorter words and all
 * other characters are unchanged, so ordinary text measures and prints exactly as before.
 */
export function breakLongTokens(text: string): string {
  if (text.length <= LONG_TOKEN_CHARS) return text;
  return text.replace(LONG_WORD, word => {
    const chars = Array.from(word);
    const parts: string[] = [];
    for (let i = 0; i < chars.length; i += CHUNK) parts.push(chars.slice(i, i + CHUNK).join(''));
    return parts.join(BREAK);
  });
}
