/**
 * The dates of one clause that can be its meeting's: a day a statement was made ("said on
 * Monday") is left out, and of several the nearest to the meeting word, or a narrower one inside
 * it, is the meeting's.
 */
import { dateWidth, findDates, resolveDate, type DateHit, type Tense } from './dates';

const SPEECH_BEFORE =
  /\b(?:said|says|told|announced|stated|noted|added|reported|declared|confirmed|wrote|tweeted|posted|statement|remarks|interview|briefing|press conference|revealed|disclosed|explained|stressed|emphasi[sz]ed|according to [^,]{0,40})\s+(?:\w+\s+){0,3}$/i;
const SPEECH_AFTER_INITIAL =
  /^,?\s+(?:[A-Z][\p{L}'’-]+\s+){0,5}(?:said|told|announced|stated|noted|confirmed|declared)\b/u;

/** Date hits of a clause that are not the date of a statement ("said on Monday"). */
export function meetingDates(text: string, from: number, to: number): DateHit[] {
  return findDates(text.slice(from, to))
    .map(h => ({ ...h, start: h.start + from, end: h.end + from }))
    .filter(h => {
      // "Friday's meeting": the day names the meeting itself.
      if (/^(?:'s|’s)\s/.test(text.slice(h.end, h.end + 3))) return true;
      const before = text.slice(Math.max(0, h.start - 50), h.start);
      if (SPEECH_BEFORE.test(before)) return false;
      if (
        /^\s*(?:on\s+)?$/i.test(text.slice(0, h.start)) &&
        SPEECH_AFTER_INITIAL.test(text.slice(h.end, h.end + 60))
      )
        return false;
      return true;
    });
}

/** The item nearest `at`, one before it counting a little nearer than one after. */
export function nearest<T extends { start: number; end: number }>(
  items: T[],
  at: number,
): T | null {
  let best: T | null = null;
  let dist = Infinity;
  for (const it of items) {
    const d = it.end <= at ? at - it.end + 5 : it.start - at;
    if (d < dist) {
      dist = d;
      best = it;
    }
  }
  return best;
}

/**
 * "this year's summit, which will be held on April 13": of the clause's dates, a narrower one
 * that lies inside the nearest one's window says more about the same meeting, so it wins.
 */
export function preciser(
  hits: DateHit[],
  chosen: DateHit | null,
  ref: string | null,
  tense: Tense | null,
): DateHit | null {
  if (!chosen || hits.length < 2) return chosen;
  const wide = resolveDate(chosen, ref, tense);
  if (!wide.start) return chosen;
  let best = chosen;
  let width = dateWidth(wide);
  for (const h of hits) {
    if (h === chosen) continue;
    const d = resolveDate(h, ref, tense);
    if (!d.start || !wide.end || d.start < wide.start || (d.end ?? d.start) > wide.end) continue;
    if (dateWidth(d) < width) {
      best = h;
      width = dateWidth(d);
    }
  }
  return best;
}

/** The month a day or month expression names, for telling undated mentions apart. */
export function monthOf(hit: DateHit | null): number | null {
  if (!hit) return null;
  return hit.spec.type === 'day' || hit.spec.type === 'month' ? hit.spec.m : null;
}
