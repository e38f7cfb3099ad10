/**
 * The reference date of an article that came without a publication date: the date its page
 * printed in its furniture ("Updated: 28-12-2022", "Wednesday Feb 24, 2021", "13/03/2018").
 * Relative dates ("on Tuesday", "last month") resolve against it. Only the lines already judged
 * furniture, or the first lines of the text, are read, so a date the story reports is never
 * taken for the day the story was printed. Ingest owns the article's own `published`; this stage
 * only fills the gap inside the meetings pipeline.
 */
import type { FurnitureLine } from './furniture';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';

const FORMS: { re: RegExp; ymd: (m: RegExpExecArray) => [number, number, number] }[] = [
  { re: /\b(\d{4})-(\d{2})-(\d{2})\b/, ymd: m => [+m[1], +m[2], +m[3]] },
  {
    re: new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i'),
    ymd: m => [+m[3], MONTHS.indexOf(m[1].toLowerCase()) + 1, +m[2]],
  },
  {
    re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?\\s+(\\d{4})\\b`, 'i'),
    ymd: m => [+m[3], MONTHS.indexOf(m[2].toLowerCase()) + 1, +m[1]],
  },
  {
    // 13/03/2018, 28-12-2022, 03.04.2021: day first unless that cannot be (a 13th month).
    re: /\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b/,
    ymd: m => (+m[2] > 12 ? [+m[3], +m[1], +m[2]] : [+m[3], +m[2], +m[1]]),
  },
];

function valid(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null;
  return date.toISOString().slice(0, 10);
}

/** The first printed date in `line`, as YYYY-MM-DD, or null. */
export function dateInLine(line: string): string | null {
  for (const f of FORMS) {
    const m = f.re.exec(line);
    if (!m) continue;
    const iso = valid(...f.ymd(m));
    if (iso) return iso;
  }
  return null;
}

/**
 * The page's printed date: from the furniture lines in order, then from the first three lines
 * of the text when they are short (a date line above the headline). null when none.
 */
export function pageDate(text: string, furniture: FurnitureLine[]): string | null {
  for (const l of furniture) {
    const d = dateInLine(text.slice(l.start, l.end));
    if (d) return d;
  }
  for (const line of text.split('\n', 3)) {
    if (line.length > 80) continue;
    const d = dateInLine(line);
    if (d) return d;
  }
  return null;
}
