/**
 * Untrusted text made safe for a terminal. Titles, file names, sentences and error messages come
 * from files an analyst did not write (and from the command line itself); printed raw, an ESC or
 * CSI starts an escape sequence that can clear the screen, retitle the window or hide lines, a
 * newline forges a line of output, and a bidi override reorders what the reader sees.
 */

/** Control characters, line and paragraph separators, bidi embeddings, overrides and isolates. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Escapes JSON leaves raw (DEL, C1, separators, bidi), so JSON output is terminal-safe too. */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * `text` on one line with every unsafe character shown as an escape (`\n`, `\x1b`, `\u202e`),
 * so that the reader sees what the file holds and nothing it could make the terminal do.
 */
export function printable(text: string): string {
  return text.replace(UNSAFE, c => NAMED[c] ?? escapeCode(c));
}

/** `JSON.stringify(value, null, 2)` with the characters JSON itself leaves raw escaped as `\uXXXX`. */
export function terminalJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(UNSAFE_IN_JSON, c => `\\u${hex(c, 4)}`);
}

function escapeCode(c: string): string {
  const code = c.charCodeAt(0);
  return code < 0x100 ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`;
}

function hex(c: string, width: number): string {
  return c.charCodeAt(0).toString(16).padStart(width, '0');
}
