/**
 * Page furniture: the first stage of extraction. Web pages saved as text keep their headline,
 * byline, photo captions and credits, "READ MORE" and related-article lines and comment
 * counters. Those lines restate or advertise stories rather than report them, so a meeting word
 * in them makes a false meeting and a date in them a false date. They are recognised here by
 * their shape alone (length, closing punctuation, caption and credit patterns, repetition), never
 * by their wording in a particular outlet, and extraction reads only the lines that remain.
 */
import { isSpace } from '../ingest/whitespace';

/** A line of the article that extraction should not read, with its offsets in the text. */
export interface FurnitureLine {
  start: number;
  end: number;
  kind: 'headline' | 'chrome' | 'caption' | 'byline' | 'repeat';
}

/** A line shorter than this many words without closing punctuation is a heading or label. */
const MAX_HEADING_WORDS = 30;

const CHROME_RE =
  /^(?:\d+\s+comments?\b|comments?\s*\(\d+\)|read more\b|read also\b|also read\b|related\b|see also\b|more on this\b|recommended\b|watch\b|listen\b|share\b|subscribe\b|advertisement\b|sponsored\b|click here\b|sign up\b|follow us\b|tags?:|topics?:|updated:?\s|published:?\s|posted:?\s|last updated\b)/i;
const BYLINE_RE = /^[Bb]y\s+(?:[A-Z][\p{L}'’.-]*\s*){1,5}(?:[,|/–-].*)?$/u;
/** Photo credits and captions: "Image: NAME/Agency", "(L)", "NAME/Reuters", a "(02/24/2017)" stamp. */
const CAPTION_RE =
  /^(?:image|photo|photograph|picture|file photo|caption|credit)s?\s*:|\((?:L|R|C|left|right|centre|center)\)|\(\s*\d{1,2}\/\d{1,2}\/\d{2,4}\s*\)|\/[A-Z][\p{L}'’-]*(?:\s+[A-Z][\p{L}'’-]*)*\s*$|(?:^|\s)(?:file|archive)\s+(?:photo|picture|image)\b/iu;
const MAX_FURNITURE_CHARS = 400;

/**
 * Whether `line` ends a sentence: `/[.!?…]["'”’)\]]*$/`, read backwards from the end. The regex
 * has no anchor at its start, so it was tried at every point of every line.
 */
export function closesSentence(line: string): boolean {
  let i = line.length - 1;
  while (i >= 0 && isCloser(line.charCodeAt(i))) i--;
  const c = line.charCodeAt(i); // NaN before the start: no point, no sentence end
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x2026;
}

/** `["'”’)\]]`: what may follow a sentence's closing point. */
function isCloser(c: number): boolean {
  return c === 0x22 || c === 0x27 || c === 0x201d || c === 0x2019 || c === 0x29 || c === 0x5d;
}

/**
 * Whether `line` has at most `max` words (runs of non-whitespace). Counted in place and stopped
 * past `max`: splitting every body line into an array of words was a tenth of extraction's time
 * on long plain-text articles, for an answer that needs only the first few words.
 */
export function wordsAtMost(line: string, max: number): boolean {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    if (isSpace(line.charCodeAt(i))) inWord = false;
    else if (!inWord) {
      inWord = true;
      if (++count > max) return false;
    }
  }
  return true;
}

function normal(line: string): string {
  return (
    line
      .toLowerCase()
      .replace(/[“”"‘’']/g, '')
      // Only runs and non-space blanks are rewritten: replacing every single space cost a copy.
      .replace(/\s{2,}|[^\S ]/g, ' ')
      .trim()
  );
}

/**
 * The furniture lines of `text`, in order. A line is furniture when it is a comment counter or
 * similar page chrome, a byline, a photo caption or credit, a heading (short, no closing
 * punctuation) or a repeat of an earlier line. Body paragraphs always end in punctuation, so a
 * heading-shaped line that is really prose is rare; when it happens the meeting is usually
 * reported again in the body.
 */
export function findFurniture(text: string): FurnitureLine[] {
  const out: FurnitureLine[] = [];
  const seen = new Set<string>();
  const lineRe = /[^\n]+/g;
  for (let m = lineRe.exec(text); m; m = lineRe.exec(text)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const line = raw.trim();
    if (line.length === 0) continue;
    const start = m.index + lead;
    const end = start + line.length;
    const key = normal(line);
    let kind: FurnitureLine['kind'] | null = null;
    // Furniture lines are short; long paragraphs are body text and skip the shape tests.
    const short = line.length <= MAX_FURNITURE_CHARS;
    if (!short) kind = null;
    else if (CHROME_RE.test(line)) kind = 'chrome';
    else if (BYLINE_RE.test(line) && wordsAtMost(line, 8)) kind = 'byline';
    else if (CAPTION_RE.test(line)) kind = 'caption';
    else if (!closesSentence(line) && wordsAtMost(line, MAX_HEADING_WORDS)) kind = 'headline';
    if (kind === null && key.length > 20 && seen.has(key)) kind = 'repeat';
    seen.add(key);
    if (kind) out.push({ start, end, kind });
  }
  return out;
}

/** Whether the span [start, end) lies inside one of the furniture lines (sorted by offset). */
export function inFurniture(lines: FurnitureLine[], start: number, end: number): boolean {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const l = lines[mid];
    if (l.end <= start) lo = mid + 1;
    else if (l.start > start) hi = mid - 1;
    else return end <= l.end;
  }
  return false;
}
