/**
 * Publication dates written in an article's text, for files that carry no date in metadata:
 * "Published:"/"Updated:" lines, a date line with or without its weekday ("Thursday, 21.11.2012",
 * "October 7, 2019", "Updated: 28-12-2022"), and a dateline with its date ("KATHMANDU, Mar 7"),
 * whose year comes from another date of the same page. Numeric dates are read day-first or
 * month-first as the rest of the page shows ("25/12/2022" settles it), and the article says which.
 */
import { validDate } from './formats/extracted';
import { parseDateText } from './metadata';

export type DateOrder = 'day-first' | 'month-first';

export interface TextDate {
  date: string;
  /** Set when the date was numeric with day and month both 12 or less, or when it settled it. */
  order: DateOrder | null;
}

/** Lines at the start of the text looked at (bylines and date lines come before the story). */
const HEAD_LINES = 40;
/** Characters scanned for numeric dates when deciding their order. */
const ORDER_WINDOW = 20_000;

const WEEKDAY = /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+/i;
const CUE =
  /^(?:(first\s+)?published|posted|updated|last\s+updated|modified|date|dated|issued)(?:\s+on)?\s*[:\-–—]?\s*/i;
const NUMERIC = /(?<![\d.])(\d{1,2})([./-])(\d{1,2})\2(\d{4})(?!\d)/g;

/**
 * How numeric dates in `text` are written: day-first if one has a first number over 12
 * ("21.11.2012"), month-first if one has a second number over 12 ("11/21/2012"); when none
 * settles it, dotted dates are day-first (as everywhere they are used) and others unknown.
 */
export function numericDateOrder(text: string): DateOrder | null {
  let dayFirst = 0;
  let monthFirst = 0;
  let dotted = 0;
  NUMERIC.lastIndex = 0;
  const window = text.slice(0, ORDER_WINDOW);
  for (let m = NUMERIC.exec(window); m; m = NUMERIC.exec(window)) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    if (a > 12 && b <= 12) dayFirst++;
    else if (b > 12 && a <= 12) monthFirst++;
    if (m[2] === '.') dotted++;
  }
  if (dayFirst > monthFirst) return 'day-first';
  if (monthFirst > dayFirst) return 'month-first';
  return dotted > 0 ? 'day-first' : null;
}

/** A numeric date "21.11.2012" in the given order; an unsettled order is tried day-first. */
function numericDate(value: string, order: DateOrder | null): TextDate | null {
  const m = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4})$/.exec(value);
  if (!m) return null;
  const [a, b, y] = [Number(m[1]), Number(m[3]), Number(m[4])];
  const use = a > 12 ? 'day-first' : b > 12 ? 'month-first' : (order ?? 'day-first');
  const date = use === 'day-first' ? validDate(y, b, a) : validDate(y, a, b);
  return date ? { date, order: use } : null;
}

/** The date at the start of `value` (a weekday, a time or a zone may follow or precede it). */
export function dateAtStart(value: string, order: DateOrder | null): TextDate | null {
  const v = value.replace(WEEKDAY, '').trim();
  const numeric = /^(\d{1,2}[./-]\d{1,2}[./-]\d{4})(?=$|[\s,|T])/.exec(v);
  if (numeric) return numericDate(numeric[1], order);
  const iso = /^(\d{4}-\d{2}-\d{2})(?=$|[\s,|T])/.exec(v);
  if (iso) {
    const date = parseDateText(iso[1]);
    return date ? { date, order: null } : null;
  }
  const spelled =
    /^([A-Za-z]{3,9}\.? \d{1,2},? \d{4}|\d{1,2} [A-Za-z]{3,9}\.?,? \d{4})(?=$|[\s,|.;]|\s*[-–—])/.exec(
      v,
    );
  if (spelled) {
    const date = parseDateText(spelled[1]);
    return date ? { date, order: null } : null;
  }
  return null;
}

/**
 * The publication date the text states, looking at its first lines: a "Published:" line first,
 * then a line that is a date, then an "Updated:" line, then a dateline's month and day with the
 * year of another date on the page. Null when the text states none.
 */
export function findTextDate(text: string, dateline: string | null = null): TextDate | null {
  const order = numericDateOrder(text);
  const lines = text.split('\n', HEAD_LINES).map(l => l.trim());
  let updated: TextDate | null = null;
  let plain: TextDate | null = null;
  for (const line of lines) {
    if (line.length > 120 || line.length < 6) continue;
    const cue = CUE.exec(line);
    if (cue) {
      const found = dateAtStart(line.slice(cue[0].length), order);
      if (!found) continue;
      if (/updated|modified/i.test(cue[0])) updated ??= found;
      else return found;
      continue;
    }
    // A line that is only a date (and perhaps a time): the page's date line.
    const found = dateAtStart(line, order);
    if (found && line.replace(WEEKDAY, '').length <= 48) plain ??= found;
  }
  const result = plain ?? updated;
  if (result) return result;
  return datelineDate(text, dateline);
}

/** "KATHMANDU, Mar 7 (Xinhua) --" with the year of the page's only other year, if any. */
function datelineDate(text: string, dateline: string | null): TextDate | null {
  if (!dateline) return null;
  const m = /^[^,\n]{2,60},\s*([A-Z][a-z]{2,8})\.? (\d{1,2})\b/.exec(text.slice(0, 200));
  if (!m) return null;
  const years = new Set(text.slice(0, ORDER_WINDOW).match(/\b(?:19|20)\d{2}\b/g) ?? []);
  if (years.size !== 1) return null;
  const date = parseDateText(`${m[1]} ${m[2]}, ${[...years][0]}`);
  return date ? { date, order: null } : null;
}
