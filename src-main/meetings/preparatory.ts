/**
 * A preparatory meeting and the event it prepares, in one sentence: "foreign ministers met in
 * Accra on Monday ahead of the summit on Thursday", "leaders gathered in Brussels on Sunday to
 * prepare the summit in February". Two meetings, each with its own date, place and level: the
 * clause before the cue is the preparatory one, the event after it the one prepared. Without
 * this the event's words ("the summit") read as a reference back and its date, level or place
 * landed on the preparatory meeting, or the other way round.
 */
import type { Trigger } from './cues';

/** The cue, then up to six words, then the noun of the event prepared. */
const PREPARES =
  /\b((?:to prepare(?: for)?|in preparation for|preparing for|preparations? for|ahead of|in the run-up to|to lay the groundwork for)\s+)(?:the|a|an|this|next|their|its)\s+(?:[\p{L}\d’'+-]+\s+){0,6}?(summits?|conference|ministerial|meeting|talks|forum)\b/giu;
/** A gathering verb: a meeting of its own only when it comes before such a cue. */
const GATHERED = /\b(?:gathered|gather|gathers|convened|convene|convenes|assembled)\b/gi;
const GATHERED_WORD = /^(?:gathered|gather|gathers|convened|convene|convenes|assembled)$/i;

export interface Preparation {
  /** Where the cue starts: the prepared event's clause begins here. */
  cueAt: number;
  /** The prepared event's noun, as a new meeting rather than a reference back. */
  event: Trigger;
  /** The gathering verb before the cue, when no meeting word reports the preparatory meeting. */
  gathering: Trigger | null;
}

/**
 * The preparation a sentence reports, given its meeting words; null when none: no cue, or no
 * meeting word (or gathering verb) before the cue to report the preparatory meeting.
 */
export function findPreparation(text: string, triggers: Trigger[]): Preparation | null {
  PREPARES.lastIndex = 0;
  for (let m = PREPARES.exec(text); m; m = PREPARES.exec(text)) {
    const nounAt = m.index + m[0].length - m[2].length;
    const event = triggers.find(t => t.start === nounAt);
    if (!event) continue;
    const before = triggers.filter(t => t.end <= m.index && !t.anaphoric);
    let gathering: Trigger | null = null;
    // A gathering verb that is a meeting word already ("ministers gathered"): still the
    // gathering, whose attendees the sentences after it may name.
    if (before.length > 0 && before.every(t => GATHERED_WORD.test(t.word)))
      gathering = before[before.length - 1];
    else if (before.length === 0) {
      GATHERED.lastIndex = 0;
      let g: RegExpExecArray | null = null;
      for (let x = GATHERED.exec(text); x && x.index < m.index; x = GATHERED.exec(text)) g = x;
      if (!g) continue;
      gathering = {
        start: g.index,
        end: g.index + g[0].length,
        phraseStart: g.index,
        word: g[0],
        kind: 'verb',
        anaphoric: false,
        separate: false,
      };
    }
    // The event's phrase starts after the cue, so that the clauses part at the cue.
    const phraseStart = Math.max(event.phraseStart, m.index + m[1].length);
    return { cueAt: m.index, event: { ...event, phraseStart, anaphoric: false }, gathering };
  }
  return null;
}

/**
 * Where a cue for an event prepared begins after the reference back `a` ("The discussions
 * were mostly about preparations for the summit"), when a meeting word of the sentence is that
 * event; null when none. The words from the cue on are the prepared event's, not `a`'s.
 */
export function preparedAfter(text: string, triggers: Trigger[], a: Trigger): number | null {
  PREPARES.lastIndex = a.end;
  for (let m = PREPARES.exec(text); m; m = PREPARES.exec(text)) {
    const nounAt = m.index + m[0].length - m[2].length;
    if (triggers.some(t => t.start === nounAt)) return m.index;
  }
  return null;
}
