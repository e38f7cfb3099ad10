/**
 * Relative dates inside an earlier report: "Radio stations had earlier said the envoy would fly to
 * Dakar next week." The "next week" counts from the day of that report, which
 * the article does not give, not from the article's own date. The report came before the
 * article, taken as at most a week before it (the news cycle such a back-reference spans; an
 * older report is usually dated by the text), so the date is the window from the reading
 * counted a week before the article to the reading counted from the article itself.
 */
import type { MeetingDate } from '../contract/meeting';
import { addDays, resolveDate, type DateHit, type Tense } from './dates';

/** How far before the article an undated earlier report is taken to go. */
const LOOKBACK_DAYS = 7;

/** A report in the pluperfect, or one said to be earlier: "had earlier said", "previously reported". */
const EARLIER_REPORT_BEFORE =
  /\b(?:had\s+(?:previously\s+|earlier\s+|already\s+)?(?:reported|said|announced|stated|indicated|revealed|written)|(?:previously|earlier)\s+(?:reported|said|announced|stated))\b[^.;:]*$/i;

/** Dates that count from the day they are said: "next week", "on Friday", "tomorrow". */
const RELATIVE = new Set(['weekday', 'relday', 'relweek', 'relmonth']);

/**
 * The window a relative date of an earlier report stands for, or null when `hit` is not a
 * relative date inside such a report (or there is no reference date to count from).
 */
export function earlierReportDate(
  sentence: string,
  hit: DateHit,
  ref: string | null,
  tense: Tense | null,
): MeetingDate | null {
  if (!ref || !RELATIVE.has(hit.spec.type)) return null;
  if (!EARLIER_REPORT_BEFORE.test(sentence.slice(0, hit.start))) return null;
  const latest = resolveDate(hit, ref, tense);
  const earliest = resolveDate(hit, addDays(ref, -LOOKBACK_DAYS), tense);
  if (!latest.start || !earliest.start) return null;
  const end = latest.end ?? latest.start;
  if (earliest.start >= end) return null;
  return { start: earliest.start, end, precision: 'range', text: hit.text };
}
