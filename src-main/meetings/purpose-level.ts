/**
 * The level of a meeting comes from who meets, not from whom the meeting is for. "Defence chiefs
 * met in Accra to plan an operation to restore the president if talks with the coup leaders
 * fail": the president and the leaders are in the clause of purpose and of condition, and read as
 * the meeting's titles they made a chiefs' meeting one of "heads of state". So a title after the
 * start of such a clause (an infinitive of purpose after the meeting word, "in order to", "with
 * the aim of", "ahead of", "in preparation for", "if", "unless") sets no level. The people the
 * clause names are read as before; only the level is not taken from them.
 */

/**
 * "to" and a word that is no verb of purpose: a preposition ("to the president", "to Accra"), an
 * office ("to foreign ministers") or the meeting itself going on ("to meet", "to be held").
 */
const NOT_PURPOSE =
  /^(?:the|a|an|his|her|its|their|this|that|these|those|our|my|your|some|all|both|each|every|any|no|one|two|three|four|five|six|seven|eight|nine|ten|be|been|have|meet|hold|attend|visit|host|join|travel|take|sit|arrive|return|come|go|fly|talk|speak|whom|which|date|power|office|foreign|defen[cs]e|prime|deputy|vice|senior|top|military|national|heads?|leaders?|presidents?|ministers?|officials?|counterparts?|dinner|lunch|breakfast)$/;

const PURPOSE_START =
  /\b(?:in order to|so as to|with the aim of|aimed at|aiming to|in a bid to|in an effort to|in the hope of|ahead of|in preparation for|in the run-up to|if|unless|to ([a-z][a-z-]*))\b/g;

/**
 * A finite verb or a new coordinated clause ends the clause of purpose: "Negotiations to mend
 * ties first started in May with the defence ministers present" seats the ministers again.
 */
const PURPOSE_END =
  /\b(?:is|are|was|were|will|would|shall|has|have|had|began|begins|started|starts|opened|opens|ended|ends|took place|takes place|resumed|resumes|concluded|closed|continued|continues|got under way)\b|,\s+(?:and|but|while|whereas)\s/;

/**
 * The clause of purpose or condition after the meeting word at `after` within `sentence` up to
 * `to`, as offsets; null when there is none.
 */
export function purposeSpan(sentence: string, after: number, to: number): [number, number] | null {
  const rest = sentence.slice(after, to);
  // A cheap test first: every cue has "to", "of", "at" or "if" in it.
  if (!/\b(?:to|of|at|if|unless)\b/.test(rest)) return null;
  PURPOSE_START.lastIndex = 0;
  for (let m = PURPOSE_START.exec(rest); m; m = PURPOSE_START.exec(rest)) {
    if (m[1] !== undefined && NOT_PURPOSE.test(m[1])) continue;
    const from = m.index + m[0].length;
    const end = PURPOSE_END.exec(rest.slice(from));
    return [after + m.index, end ? after + from + end.index : to];
  }
  return null;
}
