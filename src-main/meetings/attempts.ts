/**
 * Failed attempts: "the envoys failed to enter the capital to meet the junta", "were refused
 * entry to attend the talks", "were turned back before they could meet", "tried to meet the
 * president but were turned away". The meeting word is there, but no encounter took place.
 *
 * Policy (dev-gold README: a meeting is an encounter that took place or is planned): a failed
 * attempt is not listed at all. It never happened, and there is no plan left to track; listing
 * it with `outcome: 'failed'` would put on the cards an encounter whose other side the text
 * often gives only as a pronoun ("failed to meet him"). A meeting that was planned and then
 * called off or postponed is still listed, with its planned `status` and its `outcome`.
 */

/** The failure, then a verb of getting there and up to four words: "failed to enter Niamey to". */
const BLOCKED_ARRIVAL_BEFORE =
  /\b(?:fail(?:ed|s)?|unable|could not|couldn't|not allowed|not permitted)\s+to\s+(?:enter|reach|travel to|get (?:in)?to|land in|cross into|fly (?:in)?to|go to|arrive in)\s+(?:[\p{L}’'.-]+\s+){0,4}?(?:to|for)\s+(?:(?:attend|hold|have|join)\s+)?(?:the\s+|a\s+|an\s+|their\s+|its\s+)?(?:[\p{L}-]+\s+){0,2}$/iu;

/** Entry refused: "were refused entry to Niger to meet", "denied visas to attend the summit". */
const ENTRY_REFUSED_BEFORE =
  /\b(?:refused|denied)\s+(?:entry|visas?|access|permission|landing rights)\b[^.;:]{0,60}?\b(?:to|for)\s+(?:(?:attend|hold|have|join)\s+)?(?:the\s+|a\s+|an\s+|their\s+|its\s+)?(?:[\p{L}-]+\s+){0,2}$/iu;

/** Stopped on the way: "were turned back at the border before they could meet". */
const STOPPED_BEFORE =
  /\b(?:turned (?:back|away)|stopped|blocked|held up|refused entry|denied entry)\b[^.;:]{0,80}?\bbefore\s+(?:they|he|she|it|we|the\s+\w+)\s+could\s+(?:(?:attend|hold|have|join)\s+)?(?:the\s+|a\s+)?$/i;

/** Kept from it: "were prevented from meeting", "barred from attending the summit". */
const PREVENTED_BEFORE =
  /\b(?:prevented|barred|blocked|stopped|kept)\s+from\s+(?:(?:attending|holding|joining)\s+)?(?:the\s+|a\s+)?(?:[\p{L}-]+\s+){0,2}$/iu;

/** An attempt: "tried to meet", "sought to hold talks with". */
const TRIED_BEFORE =
  /\b(?:tried|attempted|sought|had hoped|were hoping|was hoping)\s+to\s+(?:(?:hold|have|attend)\s+)?(?:the\s+|a\s+)?$/i;
/** …and the "but" that says it came to nothing: "but were turned away", "but she refused". */
const BUT_FAILED_AFTER =
  /^[^.;]*?\bbut\b[^.;]{0,60}?\b(?:refused|turned (?:away|back)|rebuffed|declined|denied|prevented|blocked|failed|could not|couldn't|was not|were not|did not|didn't|never)\b/i;

/**
 * Whether the meeting word from `start` to `end` of `sentence` reports an attempt that failed.
 */
export function failedAttempt(sentence: string, start: number, end: number): boolean {
  const before = sentence.slice(Math.max(0, start - 140), start);
  if (
    BLOCKED_ARRIVAL_BEFORE.test(before) ||
    ENTRY_REFUSED_BEFORE.test(before) ||
    STOPPED_BEFORE.test(before) ||
    PREVENTED_BEFORE.test(before)
  )
    return true;
  return TRIED_BEFORE.test(before) && BUT_FAILED_AFTER.test(sentence.slice(end, end + 200));
}
