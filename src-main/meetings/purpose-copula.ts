/**
 * "The goal of the meeting is to mend ties", "The aim of the talks was to agree a ceasefire": "is to" after a word of purpose states what the meeting is for, not that it is
 * still to come ("the summit is to take place in May"). Read as a plan, it made a reference back
 * prefer a planned meeting over the held one it meant.
 */

/** A word of purpose and the words up to the copula: "the goal of the meeting ". */
const PURPOSE_BEFORE =
  /\b(?:reasons?|aims?|goals?|purposes?|objectives?|intention|task|mission|idea|point)\b[^.;:]{0,60}$/i;

/** Whether the "is to" / "are to" at `at` in `text` states a purpose rather than a plan. */
export function purposeCopula(text: string, at: number): boolean {
  if (!/^(?:is|are|was|were) to\b/i.test(text.slice(at, at + 8))) return false;
  return PURPOSE_BEFORE.test(text.slice(Math.max(0, at - 80), at));
}
