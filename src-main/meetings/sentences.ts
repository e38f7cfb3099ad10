/**
 * Sentence splitting with offsets. Meeting evidence is quoted by offsets into Article.text, so
 * every sentence keeps `text.slice(start, end) === sentence`. A blank line or a line without end
 * punctuation (a heading) always ends a sentence.
 */
import { isSpace } from '../ingest/whitespace';

const LF = 0x0a;
const DOT = 0x2e;
const BANG = 0x21;
const QUESTION = 0x3f;

export interface Sentence {
  start: number;
  end: number;
  text: string;
}

// Words that end in a full stop without ending a sentence.
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof gen lt col maj capt sgt sen rep gov st jr sr no vs etc jan feb mar apr aug ' +
    'sep sept oct nov dec inc ltd co corp dept est approx fig mt ft adm cmdr gov pres amb hon rev'
  ).split(' '),
);

/** `[A-Za-z.]` for one UTF-16 code unit, without a string or a regex per character. */
function isLetterOrDot(c: number): boolean {
  return c === 0x2e || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** The closing quotes and brackets a sentence takes with it: `["'”’)\]]`. */
function isCloser(c: number): boolean {
  return c === 0x22 || c === 0x27 || c === 0x201d || c === 0x2019 || c === 0x29 || c === 0x5d;
}

function endsWithAbbreviation(text: string, dot: number): boolean {
  let i = dot - 1;
  while (i >= 0 && isLetterOrDot(text.charCodeAt(i))) i--;
  const word = text.slice(i + 1, dot);
  if (word.length === 0) return false;
  // Initials and dotted acronyms: "J.", "U.S.", "a.m."
  if (/^[A-Za-z]$/.test(word) || /^([A-Za-z]\.)+[A-Za-z]$/.test(word)) return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}

/** Splits `text` into trimmed sentences with their offsets. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const push = (from: number, to: number): void => {
    while (from < to && isSpace(text.charCodeAt(from))) from++;
    while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
    if (to > from) out.push({ start: from, end: to, text: text.slice(from, to) });
  };
  const n = text.length;
  // Character codes, not one-character strings and a regex test for each: this loop visits
  // every character of every article.
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) {
      push(start, i);
      start = i + 1;
      continue;
    }
    if (c !== DOT && c !== BANG && c !== QUESTION) continue;
    const ch = text[i];
    // Take closing quotes and brackets with the sentence.
    let j = i + 1;
    while (j < n && isCloser(text.charCodeAt(j))) j++;
    if (j < n && !isSpace(text.charCodeAt(j))) continue;
    let k = j;
    while (k < n && text.charCodeAt(k) !== LF && isSpace(text.charCodeAt(k))) k++;
    if (k >= n) continue;
    const next = text[k];
    if (next !== '\n' && !/[A-Z"“‘'(\d\p{Lu}]/u.test(next)) continue;
    if (ch === '.' && endsWithAbbreviation(text, i) && !/["“]/.test(next)) {
      // "U.S. officials" continues; "in the U.S. The" is rare enough to accept.
      continue;
    }
    push(start, j);
    start = j;
    i = j - 1;
  }
  push(start, n);
  return out;
}

/**
 * Cuts sentences longer than `max` characters at the last space before the limit. Real sentences
 * are far shorter; a run-on "sentence" (a table, a list flattened into one line, hostile input)
 * would otherwise make the per-sentence analysis cost grow with the square of its length.
 */
export function capSentences(sentences: Sentence[], max = MAX_SENTENCE): Sentence[] {
  if (sentences.every(s => s.text.length <= max)) return sentences;
  const out: Sentence[] = [];
  for (const s of sentences) {
    let from = 0;
    while (s.text.length - from > max) {
      const space = s.text.lastIndexOf(' ', from + max);
      const cut = space > from + max / 2 ? space : from + max;
      out.push({ start: s.start + from, end: s.start + cut, text: s.text.slice(from, cut) });
      from = cut;
      while (from < s.text.length && /\s/.test(s.text[from])) from++;
    }
    if (from < s.text.length)
      out.push({ start: s.start + from, end: s.end, text: s.text.slice(from) });
  }
  return out;
}

/** Longest sentence analysed as one; see `capSentences`. */
export const MAX_SENTENCE = 1200;
