/**
 * Reported speech keeps its speaker's clock: in `"We met the minister this evening," the aide
 * said on Saturday`, "this evening" is Saturday evening, not the evening of the day the article
 * came out. A relative day ("today", "this evening", "yesterday") inside a quotation is read from
 * the day the words were spoken, when the sentence or the one before it gives that day; otherwise
 * from the reference date as before.
 */
import { findDates, resolveDate, type DateHit } from './dates';

/** Whether `at` lies inside a quotation of `sentence` (curly or straight marks). */
export function insideQuote(sentence: string, at: number): boolean {
  const before = sentence.slice(0, at);
  const opened = (before.match(/“/g) ?? []).length;
  const closed = (before.match(/”/g) ?? []).length;
  if (opened > closed) return true;
  return (before.match(/"/g) ?? []).length % 2 === 1;
}

/** "said on Saturday evening", "posted online on Monday", "told reporters on Friday". */
const SPEECH_BEFORE =
  /\b(?:said|says|told|announced|stated|wrote|posted|tweeted|added|declared|confirmed)\s+(?:[\p{L}’'-]+\s+){0,6}$/iu;

/** A sentence that attributes a quotation: `…," the aide said` or `The aide said: "…"`. */
const ATTRIBUTES = /\b(?:said|says|told|added|wrote|posted|stated|declared)\b/i;

/** The day, a hit outside any quotation, on which a sentence says its words were spoken. */
function spokenOn(sentence: string): DateHit | null {
  for (const h of findDates(sentence)) {
    if (insideQuote(sentence, h.start)) continue;
    if (SPEECH_BEFORE.test(sentence.slice(Math.max(0, h.start - 80), h.start))) return h;
  }
  return null;
}

/**
 * The day a relative date inside a quotation counts from: the day the quotation was spoken, read
 * in this sentence or, when this one only attributes it, in the one before; null when the hit is
 * not a relative day inside a quotation or no such day is given.
 */
export function quoteFrame(
  sentence: string,
  previous: string | null,
  hit: DateHit,
  ref: string | null,
): string | null {
  if (hit.spec.type !== 'relday' || !ref || !insideQuote(sentence, hit.start)) return null;
  const said =
    spokenOn(sentence) ?? (previous && ATTRIBUTES.test(sentence) ? spokenOn(previous) : null);
  if (!said || said.spec.type === 'relday') return null;
  const day = resolveDate(said, ref, 'past');
  return day.start && day.precision !== 'unknown' && day.start === day.end ? day.start : null;
}
