/**
 * A reference back in the present tense means a meeting still current: "The visit gives both
 * sides a chance to …", "The talks aim to …". In an article that recalls an earlier meeting
 * ("It comes a year after the president's trip to Lomé"), such a sentence
 * is about the meeting the article reports now, not the one it recalls, even when the recalled
 * one was mentioned last.
 */
import type { MeetingDate } from '../contract/meeting';
import { addDays } from './dates';

/** The verb right after the reference, in the present: "The visits provide", "The talks aim". */
const PRESENT_AFTER =
  /^\s+(?:is|are|provides?|offers?|aims?|seeks?|gives?|marks?|opens?|represents?|comes?|focus(?:es)?|centres?|centers?|underlines?|reflects?|signals?)\b/i;

/** How long ago a meeting may have ended and still be "current" for a present-tense reference. */
const CURRENT_DAYS = 7;

/** Whether the reference ending at `end` of `sentence` is followed by a present-tense verb. */
export function presentReference(sentence: string, end: number): boolean {
  return PRESENT_AFTER.test(sentence.slice(end, end + 40));
}

/** Whether a meeting's date leaves it current on `ref`: undated, later, or ended days ago. */
export function stillCurrent(date: MeetingDate, ref: string | null): boolean {
  const last = date.end ?? date.start;
  if (!ref || !last) return true;
  return last >= addDays(ref, -CURRENT_DAYS);
}
