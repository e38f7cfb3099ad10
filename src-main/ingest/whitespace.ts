/**
 * Whitespace as the regex class `\s` defines it, tested per UTF-16 code unit, so that hot scans
 * (paragraph spans and word counts at import, furniture lines in extraction) need not make a
 * string per character or run a regex per line.
 */
export function isSpace(c: number): boolean {
  // Printable ASCII first: nearly every character tested is one, and none of them is a space.
  if (c > 0x20 && c < 0x7f) return false;
  return (
    (c >= 0x09 && c <= 0x0d) ||
    c === 0x20 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
