/**
 * Who was at a gathering its own clause only counts: "Several Asian ministers gathered in Geneva
 * on Wednesday to prepare the summit. The group was welcomed by the Secretary-General of the
 * United Nations, Ana Torres. Vietnam's Linh Tran was present, as was …". The meeting
 * clause names no one; the sentences after it, which report no meeting of their own, say who
 * attended or who received the attendees. They seat those people (with their countries) at the
 * gathering when they follow its last mention directly: the story goes on sentence by sentence.
 */
import type { Person } from '../contract/meeting';

/**
 * "was present", "were in attendance", "took part", "was greeted by": who was there; and, of a
 * gathering still ahead, who will be: "will attend", "are expected to take part". Whether an
 * expected attendee is hedged is `hedged-attendance.ts`'s to say, as for any other clause.
 */
const ATTENDED =
  /\b(?:(?:was|were)\s+(?:also\s+)?(?:present|in attendance|there|among (?:those|the leaders|the guests) present)|attended|took part|participated|(?:was|were)\s+(?:greeted|welcomed|joined)\s+by|(?:will|would)\s+(?:also\s+)?(?:attend|take part|participate|be (?:present|in attendance))|(?:is|are)\s+(?:also\s+)?(?:expected|due|set|scheduled|invited)\s+to\s+(?:attend|take part|participate))\b/i;

/**
 * "a summit of Andean leaders", "a meeting of regional foreign ministers": an event named by its
 * attendees' rank alone, right after its word. Its clause seats no one (but the host, who is one
 * of them), so the sentences after it may say who they are. "The meeting of the foreign
 * ministers" is of ministers the story has named already, so it is no such event.
 */
const RANKED_ATTENDEES_AFTER =
  /^\s+of\s+(?!the\b|its\b|their\b|his\b|her\b)(?:[\p{L}\d-]+\s+){0,2}(?:leaders|heads\s+of\s+(?:state|government)|presidents|prime\s+ministers|(?:foreign|defen[cs]e|finance|trade|energy|interior)\s+ministers|ministers|envoys)\b/iu;

/** Whether the meeting word ending at `end` is followed by its attendees' rank alone. */
export function namesAttendeesByRank(sentence: string, end: number): boolean {
  return RANKED_ATTENDEES_AFTER.test(sentence.slice(end, end + 80));
}

/** Whether a sentence says who attended, or who greeted those attending. */
export function reportsAttendance(sentence: string): boolean {
  return ATTENDED.test(sentence);
}

/**
 * "the Secretary-General of the United Nations, Ana Torres": a person named after the office of a
 * body, set off by a comma. The office is the role; a body's office gives no country.
 */
const OFFICE_OF_BODY =
  /\bthe\s+((?:President|Vice[- ]President|Secretary[- ]General|Chair(?:man|woman|person)?|Head|Chief|High Representative|Commissioner)\s+of\s+the\s+(?:\p{Lu}[\p{L}'’-]+\s+){0,4}\p{Lu}[\p{L}'’-]+),\s+((?:\p{Lu}[\p{Ll}'’-]+\s+){1,3}\p{Lu}[\p{Ll}'’-]+)/gu;

/** People a sentence names after the office of a body, with that office as their role. */
export function officeHolders(sentence: string): Person[] {
  const out: Person[] = [];
  OFFICE_OF_BODY.lastIndex = 0;
  for (let m = OFFICE_OF_BODY.exec(sentence); m; m = OFFICE_OF_BODY.exec(sentence))
    out.push({ name: m[2], role: m[1], country: null });
  return out;
}

/** What a meeting needs for the rule: its last mention. */
export interface OpenGathering {
  lastSentence: number;
}

/**
 * The gathering an attendance sentence at `index` goes on with: of the gatherings whose clause
 * named no attendee, the one mentioned in the sentence just before. Null when none, or when two
 * could be meant.
 */
export function gatheringAttended<M extends OpenGathering>(
  open: Iterable<M>,
  index: number,
): M | null {
  let found: M | null = null;
  for (const m of open) {
    if (m.lastSentence !== index - 1) continue;
    if (found) return null;
    found = m;
  }
  return found;
}
