/**
 * Talks as a kind, not a meeting: "Quito excludes no format of talks", "ready for
 * negotiations in any form", "open to all kinds of dialogue". A statement about which formats a
 * side would accept names no encounter, no parties' plan and no date; read as a meeting word it
 * gave a proposed meeting between the speaker and whoever the sentence named. A quantified kind
 * ("any", "all", "every", "whatever" and "form", "format", "kind", "type", "level") before or
 * after the word takes it out; "the talks in any case resume on Monday" is still a meeting.
 */

/** Words for talks that can stand for the practice rather than one round of it. */
const KIND_WORD =
  /^(?:talks|negotiations|consultations|discussions|dialogue|contacts|meetings?|summits?)$/;

/** "any format of talks", "all kinds of direct negotiations". */
const ANY_KIND_BEFORE =
  /\b(?:any|all|every|whatever)\s+(?:possible\s+|other\s+)?(?:forms?|formats?|kinds?|types?|sorts?|modes?|levels?)\s+of\s+(?:[\p{L}-]+\s+){0,2}$/iu;
/** "talks in any format", "negotiations of any kind", "dialogue at any level". */
const ANY_KIND_AFTER =
  /^\s+(?:in|of|at|on)\s+(?:any|all|every|whatever)\s+(?:possible\s+|other\s+)?(?:forms?|formats?|kinds?|types?|sorts?|shapes?|modes?|levels?)\b/i;

/** Whether the meeting word `word` at `start`…`end` of `sentence` names talks only as a kind. */
export function anyFormat(sentence: string, word: string, start: number, end: number): boolean {
  if (!KIND_WORD.test(word)) return false;
  // A cheap test first: most talks words have no quantifier near them.
  const near = sentence.slice(Math.max(0, start - 60), end + 40);
  if (!/\b(?:any|all|every|whatever)\s/i.test(near)) return false;
  return (
    ANY_KIND_BEFORE.test(sentence.slice(Math.max(0, start - 60), start)) ||
    ANY_KIND_AFTER.test(sentence.slice(end, end + 40))
  );
}
