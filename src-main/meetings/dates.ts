/**
 * Finds date expressions in a sentence and resolves them against the article's publication date,
 * read with the tense of the meeting ("met on Tuesday" looks back, "will meet on Tuesday" looks
 * ahead). Written by hand rather than with chrono-node because resolution depends on the
 * meeting's tense, not the sentence's first verb, and because partial forms ("in early April",
 * "earlier this month", "yesterday (23)") need their precision kept as a range; it also keeps
 * extraction well above the 2 MB/s target.
 */
import type { MeetingDate } from '../contract/meeting';

export type Tense = 'past' | 'future';

type Part = 'early' | 'mid' | 'late' | 'earlier' | 'later' | null;

export type DateSpec =
  | { type: 'day'; y: number | null; m: number; d: number; m2: number; d2: number }
  | { type: 'month'; y: number | null; yOffset: number | null; m: number; part: Part }
  | {
      type: 'weekday';
      wd: number;
      mod: 'last' | 'next' | 'this' | null;
      hint: number | null;
      /** Days the span runs past its first day: "on Monday and Tuesday" is 1. */
      extra: number;
    }
  | { type: 'relday'; offset: number; hint: number | null }
  | { type: 'relweek'; offset: number; part: Part }
  | { type: 'relmonth'; offset: number; part: Part }
  | {
      type: 'year';
      y: number | null;
      yOffset: number | null;
      /** "later this year": only the part of the year after (or before) the reference day. */
      part?: 'earlier' | 'later';
    };

/** One date expression: where it sits in the sentence and what it says. */
export interface DateHit {
  start: number;
  end: number;
  text: string;
  spec: DateSpec;
}

const MONTHS: Record<string, number> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sept: 9,
  sep: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};
const WEEKDAYS: Record<string, number> = {
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
};
const M =
  '(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
const D = '(\\d{1,2})(?:st|nd|rd|th)?';
const SEP = '\\s*(?:-|–|—|to|and|until|till|through)\\s*';
const Y = '(?:,?\\s+(\\d{4}))?';
const WD = '(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';

/**
 * `gate`, when given, is a cheap test every match of `re` passes (a word any match contains):
 * a sentence that fails it skips the rule, so most sentences run two or three of the ten rules.
 */
type Rule = { re: RegExp; make: (m: RegExpExecArray) => DateSpec | null; gate?: RegExp };

/** Each of these rules needs a month's name (case aside: the rule for "early April" ignores it). */
const MONTH_GATE = /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i;
const WEEKDAY_GATE = /(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day/;

const month = (s: string): number => MONTHS[s.toLowerCase().replace('.', '')];
const num = (s: string | undefined): number | null => (s ? Number(s) : null);
const partOf = (s: string | undefined): Part => {
  if (!s) return null;
  const l = s.toLowerCase();
  if (l.startsWith('early') || l.includes('beginning') || l.includes('start')) return 'early';
  if (l.startsWith('mid') || l.includes('middle')) return 'mid';
  if (l.startsWith('late') || l.includes('end')) return 'late';
  return null;
};
const yOffsetOf = (s: string | undefined): number | null =>
  !s ? null : /last|previous|past/i.test(s) ? -1 : /next|coming/i.test(s) ? 1 : 0;

// Ordered: the first rule to claim a span wins, longer forms first.
const RULES: Rule[] = [
  {
    gate: MONTH_GATE,
    // April 25 to May 2, 2023
    re: new RegExp(`\\b${M}\\s+${D}${SEP}${M}\\s+${D}${Y}\\b`, 'g'),
    make: m => ({
      type: 'day',
      y: num(m[5]),
      m: month(m[1]),
      d: Number(m[2]),
      m2: month(m[3]),
      d2: Number(m[4]),
    }),
  },
  {
    gate: MONTH_GATE,
    // April 25, April 25-26, April 25, 2023
    re: new RegExp(`\\b${M}\\s+${D}(?:${SEP}${D})?${Y}\\b(?!\\s*(?:%|per|billion|million))`, 'g'),
    make: m => {
      const d = Number(m[2]);
      const d2 = m[3] ? Number(m[3]) : d;
      return { type: 'day', y: num(m[4]), m: month(m[1]), d, m2: month(m[1]), d2 };
    },
  },
  {
    gate: MONTH_GATE,
    // 25 April, 3-5 May 2023, 25th of April
    re: new RegExp(`\\b${D}(?:${SEP}${D})?\\s+(?:of\\s+)?${M}${Y}\\b`, 'g'),
    make: m => {
      const d = Number(m[1]);
      const d2 = m[2] ? Number(m[2]) : d;
      return { type: 'day', y: num(m[4]), m: month(m[3]), d, m2: month(m[3]), d2 };
    },
  },
  {
    gate: MONTH_GATE,
    // early April, in mid-May 2023, the end of June, late December last year
    re: new RegExp(
      `\\b(early|mid|late|the end of|end of|the beginning of|beginning of|the start of|the middle of|the first half of|the second half of)[-\\s]+${M}(?:\\s+(\\d{4})|\\s+(last|this|next) year)?\\b`,
      'gi',
    ),
    make: m => {
      const part = /first half/i.test(m[1])
        ? 'early'
        : /second half/i.test(m[1])
          ? 'late'
          : partOf(m[1]);
      return { type: 'month', y: num(m[3]), yOffset: yOffsetOf(m[4]), m: month(m[2]), part };
    },
  },
  {
    gate: MONTH_GATE,
    // December last year, last December, in April, in May 2023
    re: new RegExp(
      `\\b(?:(last|next|this|past)\\s+${M}|(?:in|since|during|until|by|from|of)\\s+${M}(?:\\s+(\\d{4})|\\s+(last|this|next) year)?|${M}\\s+(\\d{4})|${M}\\s+(last|this|next) year)\\b`,
      'g',
    ),
    make: m => {
      if (m[1])
        return {
          type: 'month',
          y: null,
          yOffset: yOffsetOf(m[1]) === 0 ? 0 : null,
          m: month(m[2]),
          part:
            m[1].toLowerCase() === 'last' || m[1].toLowerCase() === 'past'
              ? 'earlier'
              : m[1].toLowerCase() === 'next'
                ? 'later'
                : null,
        };
      if (m[3])
        return {
          type: 'month',
          y: num(m[4]),
          yOffset: yOffsetOf(m[5]),
          m: month(m[3]),
          part: null,
        };
      if (m[6])
        return { type: 'month', y: Number(m[7]), yOffset: null, m: month(m[6]), part: null };
      return { type: 'month', y: null, yOffset: yOffsetOf(m[9]), m: month(m[8]), part: null };
    },
  },
  {
    gate: WEEKDAY_GATE,
    // on Tuesday, last Friday, next Monday (May 1), Tuesday (25), Monday and Tuesday,
    // from Wednesday to Friday: two weekdays joined into one span are the days of one event.
    re: new RegExp(
      `\\b(?:(last|next|this|coming|past)\\s+)?${WD}(?:\\s*\\((?:${M}\\s+)?(\\d{1,2})\\))?(?:${SEP}${WD}\\b)?`,
      'g',
    ),
    make: m => ({
      type: 'weekday',
      extra: m[5] ? (WEEKDAYS[m[5].toLowerCase()] - WEEKDAYS[m[2].toLowerCase()] + 7) % 7 : 0,
      wd: WEEKDAYS[m[2].toLowerCase()],
      mod: !m[1]
        ? null
        : /last|past/i.test(m[1])
          ? 'last'
          : /next|coming/i.test(m[1])
            ? 'next'
            : 'this',
      hint: num(m[4]),
    }),
  },
  {
    gate: /day|morning|afternoon|evening/i,
    // A part of the day of publication: "later today", "this afternoon", "in the second half
    // of the day" (a report written on the day of the meeting it announces).
    re: /\b(?:(?:later|earlier) (?:today|in the day)|this (?:morning|afternoon|evening)|(?:in )?the (?:first|second) half of the day)\b/gi,
    make: () => ({ type: 'relday', offset: 0, hint: null }),
  },
  {
    gate: /day|tonight|tomorrow/i,
    // yesterday (23), today, tomorrow, the day before yesterday
    re: /\b(the day before yesterday|the day after tomorrow|yesterday|today|tonight|tomorrow)(?:\s*\((\d{1,2})\))?/gi,
    make: m => {
      const w = m[1].toLowerCase();
      const offset = w.includes('before')
        ? -2
        : w.includes('after')
          ? 2
          : w === 'yesterday'
            ? -1
            : w === 'tomorrow'
              ? 1
              : 0;
      return { type: 'relday', offset, hint: num(m[2]) };
    },
  },
  {
    gate: /week|month/i,
    // earlier this month, later this week, last week, next month, the coming week
    re: /\b(?:(earlier|later|early|late|the end of|end of|the beginning of|the middle of)\s+)?(this|last|next|the past|the previous|the coming|the following|the current)\s+(week|month)\b/gi,
    make: m => {
      const rel = m[2].toLowerCase();
      const offset = /last|past|previous/.test(rel)
        ? -1
        : /next|coming|following/.test(rel)
          ? 1
          : 0;
      const p = m[1]?.toLowerCase();
      const part: Part = p === 'earlier' ? 'earlier' : p === 'later' ? 'later' : partOf(p);
      return m[3].toLowerCase() === 'week'
        ? { type: 'relweek', offset, part }
        : { type: 'relmonth', offset, part };
    },
  },
  {
    gate: /\d{4}|year/i,
    // in 2022, last year, next year, earlier this year
    re: /\b(?:(?:in|since|during|of|by|early|late)\s+(\d{4})|(?:(earlier|later)\s+)?(last|next|this) year)\b/gi,
    make: m => {
      if (m[1]) {
        const y = Number(m[1]);
        return y >= 1950 && y <= 2100 ? { type: 'year', y, yOffset: null } : null;
      }
      const yOffset = yOffsetOf(m[3]);
      const part = m[2] && yOffset === 0 ? (m[2].toLowerCase() as 'earlier' | 'later') : undefined;
      return part ? { type: 'year', y: null, yOffset, part } : { type: 'year', y: null, yOffset };
    },
  },
];

/** Every date expression in `sentence`, left to right, never two on one span. */
export function findDates(sentence: string): DateHit[] {
  // Extraction asks several times about one sentence (its clauses, the next sentence's context).
  if (sentence === lastSentence) return lastHits;
  const hits: DateHit[] = [];
  const taken = (s: number, e: number): boolean => hits.some(h => s < h.end && e > h.start);
  // Five rules share the month gate: each gate is tested once per sentence.
  const gates = new Map<RegExp, boolean>();
  for (const rule of RULES) {
    if (rule.gate) {
      let open = gates.get(rule.gate);
      if (open === undefined) gates.set(rule.gate, (open = rule.gate.test(sentence)));
      if (!open) continue;
    }
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(sentence); m; m = rule.re.exec(sentence)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken(start, end)) continue;
      const spec = rule.make(m);
      if (!spec || !valid(spec)) continue;
      // "May" alone is usually the modal verb; a bare "May" needs a day or "in".
      hits.push({ start, end, text: m[0], spec });
    }
  }
  hits.sort((a, b) => a.start - b.start);
  lastSentence = sentence;
  lastHits = hits;
  return hits;
}
let lastSentence: string | null = null;
let lastHits: DateHit[] = [];

function valid(spec: DateSpec): boolean {
  if (spec.type === 'day') return spec.d >= 1 && spec.d <= 31 && spec.d2 >= 1 && spec.d2 <= 31;
  return true;
}

// ---- calendar arithmetic on UTC day numbers ----
const DAY = 86_400_000;
const isoParsed = new Map<string, number>();
function parseIso(s: string): number {
  let day = isoParsed.get(s);
  if (day === undefined) {
    day = Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10))) / DAY;
    if (isoParsed.size > 100_000) isoParsed.clear();
    isoParsed.set(s, day);
  }
  return day;
}
/** Day numbers already formatted: extraction formats the same few hundred days again and again. */
const isoDays = new Map<number, string>();
function iso(day: number): string {
  let out = isoDays.get(day);
  if (out === undefined) {
    out = new Date(day * DAY).toISOString().slice(0, 10);
    if (isoDays.size > 100_000) isoDays.clear();
    isoDays.set(day, out);
  }
  return out;
}
function ymd(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d) / DAY;
}
function lastDay(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}
function parts(day: number): { y: number; m: number; d: number; wd: number } {
  const dt = new Date(day * DAY);
  return {
    y: dt.getUTCFullYear(),
    m: dt.getUTCMonth() + 1,
    d: dt.getUTCDate(),
    wd: dt.getUTCDay(),
  };
}

function range(
  a: number,
  b: number,
  precision: MeetingDate['precision'],
  text: string,
): MeetingDate {
  return {
    start: iso(a),
    end: iso(Math.max(a, b)),
    precision: a === b && precision === 'range' ? 'day' : precision,
    text,
  };
}

/** The year that puts month `m` (day `d`) on the tense's side of the reference day. */
function yearFor(ref: number, m: number, d: number, tense: Tense | null): number {
  const r = parts(ref);
  const same = ymd(r.y, m, d);
  if (tense === 'past') return same <= ref + 2 ? r.y : r.y - 1;
  if (tense === 'future') return same >= ref - 2 ? r.y : r.y + 1;
  const prev = ymd(r.y - 1, m, d);
  const next = ymd(r.y + 1, m, d);
  const best = [prev, same, next].reduce((a, b) => (Math.abs(b - ref) < Math.abs(a - ref) ? b : a));
  return parts(best).y;
}

function monthWindow(y: number, m: number, part: Part): [number, number] {
  const last = lastDay(y, m);
  if (part === 'early') return [ymd(y, m, 1), ymd(y, m, 10)];
  if (part === 'mid') return [ymd(y, m, 11), ymd(y, m, 20)];
  if (part === 'late') return [ymd(y, m, 21), ymd(y, m, last)];
  return [ymd(y, m, 1), ymd(y, m, last)];
}

/**
 * Resolves a date expression. `ref` is the publication date (YYYY-MM-DD); without it only
 * expressions that carry their year resolve, and the rest keep their text with precision
 * `unknown`. `tense` is the meeting's: past for held meetings, future for planned ones.
 */
export function resolveDate(hit: DateHit, ref: string | null, tense: Tense | null): MeetingDate {
  const unknown: MeetingDate = { start: null, end: null, precision: 'unknown', text: hit.text };
  const spec = hit.spec;
  const r = ref ? parseIso(ref) : null;
  switch (spec.type) {
    case 'day': {
      let y = spec.y;
      if (y === null) {
        if (r === null) return unknown;
        y = yearFor(r, spec.m, spec.d, tense);
      }
      const a = ymd(y, spec.m, spec.d);
      let b = ymd(y, spec.m2, spec.d2);
      if (b < a) b = ymd(y + 1, spec.m2, spec.d2);
      return a === b ? range(a, a, 'day', hit.text) : range(a, b, 'range', hit.text);
    }
    case 'month': {
      let y = spec.y;
      if (y === null && spec.yOffset !== null && r !== null) y = parts(r).y + spec.yOffset;
      if (y === null) {
        if (r === null) return unknown;
        const rp = parts(r);
        if (spec.part === 'earlier') y = spec.m < rp.m ? rp.y : rp.y - 1;
        else if (spec.part === 'later') y = spec.m > rp.m ? rp.y : rp.y + 1;
        else
          y = yearFor(
            r,
            spec.m,
            spec.part === 'late' ? 25 : spec.part === 'mid' ? 15 : spec.part === 'early' ? 5 : 15,
            tense,
          );
      }
      const part = spec.part === 'earlier' || spec.part === 'later' ? null : spec.part;
      const [a, b] = monthWindow(y, spec.m, part);
      return range(a, b, part ? 'range' : 'month', hit.text);
    }
    case 'weekday': {
      if (r === null) return unknown;
      const rp = parts(r);
      let day: number;
      const back = (rp.wd - spec.wd + 7) % 7;
      const fwd = (spec.wd - rp.wd + 7) % 7;
      if (spec.mod === 'last') day = r - (back === 0 ? 7 : back);
      else if (spec.mod === 'next') day = r + (fwd === 0 ? 7 : fwd);
      else if (tense === 'future') day = r + fwd;
      else day = r - back;
      if (spec.hint !== null) {
        for (let k = -7; k <= 7; k++)
          if (parts(r + k).d === spec.hint && parts(r + k).wd === spec.wd) day = r + k;
      }
      return range(day, day + spec.extra, 'range', hit.text);
    }
    case 'relday': {
      if (r === null) return unknown;
      let day = r + spec.offset;
      if (spec.hint !== null) {
        for (let k = -3; k <= 3; k++) if (parts(r + k).d === spec.hint) day = r + k;
      }
      return range(day, day, 'day', hit.text);
    }
    case 'relweek': {
      if (r === null) return unknown;
      const monday = r - ((parts(r).wd + 6) % 7) + spec.offset * 7;
      let a = monday;
      let b = monday + 6;
      if (spec.offset === 0 && spec.part === 'earlier') b = Math.max(a, r - 1);
      if (spec.offset === 0 && spec.part === 'later') a = Math.min(b, r + 1);
      return range(a, b, 'range', hit.text);
    }
    case 'relmonth': {
      if (r === null) return unknown;
      const rp = parts(r);
      const mIndex = rp.y * 12 + (rp.m - 1) + spec.offset;
      const y = Math.floor(mIndex / 12);
      const m = (mIndex % 12) + 1;
      if (spec.offset === 0 && spec.part === 'earlier')
        return range(ymd(y, m, 1), Math.max(ymd(y, m, 1), r - 1), 'range', hit.text);
      if (spec.offset === 0 && spec.part === 'later')
        return range(
          Math.min(r + 1, ymd(y, m, lastDay(y, m))),
          ymd(y, m, lastDay(y, m)),
          'range',
          hit.text,
        );
      const part = spec.part === 'earlier' || spec.part === 'later' ? null : spec.part;
      const [a, b] = monthWindow(y, m, part);
      return range(a, b, part ? 'range' : 'month', hit.text);
    }
    case 'year': {
      let y = spec.y;
      if (y === null) {
        if (r === null || spec.yOffset === null) return unknown;
        y = parts(r).y + spec.yOffset;
      }
      const [first, last] = [ymd(y, 1, 1), ymd(y, 12, 31)];
      // "later this year" is read, as the annotation guide reads it, from the month after
      // publication to the year's end; "earlier this year" from January to the month before.
      if (r !== null && spec.part && r >= first && r <= last) {
        const rp = parts(r);
        if (spec.part === 'later')
          return rp.m === 12
            ? range(Math.min(r + 1, last), last, 'range', hit.text)
            : range(ymd(y, rp.m + 1, 1), last, 'range', hit.text);
        return rp.m === 1
          ? range(first, Math.max(first, r - 1), 'range', hit.text)
          : range(first, ymd(y, rp.m, 1) - 1, 'range', hit.text);
      }
      return range(first, last, 'year', hit.text);
    }
  }
}

/** True when two resolved dates can describe the same meeting (windows overlap, or one is unknown). */
export function datesCompatible(a: MeetingDate, b: MeetingDate, slackDays = 0): boolean {
  if (!a.start || !b.start) return true;
  const a0 = parseIso(a.start);
  const a1 = parseIso(a.end ?? a.start);
  const b0 = parseIso(b.start);
  const b1 = parseIso(b.end ?? b.start);
  return a0 <= b1 + slackDays && b0 <= a1 + slackDays;
}

/** Width of a resolved date in days; Infinity when unresolved. */
export function dateWidth(d: MeetingDate): number {
  if (!d.start) return Infinity;
  return parseIso(d.end ?? d.start) - parseIso(d.start) + 1;
}

/** The ISO date `days` days after `date` (before it when negative). */
export function addDays(date: string, days: number): string {
  return iso(parseIso(date) + days);
}

/** The last day of the month `date` falls in. */
export function endOfMonth(date: string): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  return iso(ymd(y, m, lastDay(y, m)));
}

/** Days between two ISO dates (b - a). */
export function daysBetween(a: string, b: string): number {
  return parseIso(b) - parseIso(a);
}

export const NO_DATE: MeetingDate = { start: null, end: null, precision: 'unknown', text: null };
