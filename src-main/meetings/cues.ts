/**
 * Words that report a meeting ("met", "talks", "summit", "official visit") and the look-alikes
 * that do not (phone calls, press conferences, a mountain's summit, "meet the demand"), and
 * whether a meeting word refers back to a meeting already named ("the meeting", "these talks").
 */
import { purposeCopula } from './purpose-copula';
import { failedAttempt } from './attempts';
import { ongoingProcess } from './ongoing';
import { anyFormat } from './any-format';

export type TriggerKind = 'noun' | 'verb' | 'visit' | 'host';

/** One word or phrase that reports a meeting, with offsets in the sentence. */
export interface Trigger {
  start: number;
  end: number;
  /** Start of the noun phrase around a noun trigger ("the upcoming meeting"). */
  phraseStart: number;
  word: string;
  kind: TriggerKind;
  /** "the meeting", "these talks": refers to a meeting named elsewhere. */
  anaphoric: boolean;
  /** Bilateral meetings reported together: "met separately with A, B and C". */
  separate: boolean;
}

const TRIGGER_RE =
  /\b(meetings?|meet|meets|met|talks|summits?|ministerials?|visits?|visited|visiting|consultations|negotiations|discussions|conference|dialogue|courtesy call|audience|tête-à-tête|tete-a-tete|received|receives|hosted|hosts|will host|to host|sat down with|trilateral|quadrilateral|bilateral|travel to|gathered|gather|convened|convene|assembled)\b/gi;

/** A cheap test run on every sentence before the full analysis. */
export const QUICK_TRIGGER_RE =
  /\b(?:meet|meets|met|meetings?|talks|summits?|ministerial|visit|visits|visited|consultations|negotiations|discussions|conference|dialogue|courtesy call|audience|received|receives|hosted|hosts|host|sat down|travel to|gathered|gather|convened|convene|assembled)\b/i;

const REMOTE_BEFORE =
  /\b(?:phone|telephone|video|virtual|online|tele-?conference|zoom|remote)\W+(?:\w+\W+){0,2}$/i;
const REMOTE_AFTER =
  /^\W*(?:\w+\W+){0,4}?(?:by (?:tele)?phone|over the (?:tele)?phone|via video|by video|virtually|online|via videoconference|by videoconference|via a video link|through a video link)\b/i;
const PRESS_BEFORE = /\b(?:press|news|media|video|tele)[\s-]*$/i;
const MOUNTAIN =
  /\b(?:mountain|mount|mt\.?|peak|climb(?:ed|ing|ers?)?|everest|kilimanjaro|hik(?:e|ed|ing|ers?)|altitude|summited)\b/i;
const SUMMIT_OF_MOUNTAIN_AFTER =
  /^\s+of\s+(?:mount|mt\.?|the mountain|the peak|everest|kilimanjaro|[A-Z][a-z]+ (?:peak|mountain))/i;
const MEET_ABSTRACT_AFTER =
  /^\s+(?:the |its |their |our |his |her |all |these |those |such |growing |rising |increasing |a |an |basic |local |domestic |energy |market |food |financing |funding |those )*(?:demands?|needs?|targets?|goals?|expectations?|requirements?|obligations?|criteria|deadlines?|standards?|challenges?|conditions?|commitments?|costs?|payments?|quotas?|thresholds?|shortfalls?|debts?|budgets?|aspirations|interests|the press|reporters|journalists|the media)\b/i;
/** "tried and failed to meet", "refused to meet", "did not meet": no meeting took place. */
const NO_MEETING_BEFORE =
  /\b(?:fail(?:ed|s)?|unable|refus(?:ed|es)|declin(?:ed|es)|did not|didn't|never|not)\s+(?:to\s+)?(?:\w+\s+)?$/i;
/**
 * "told a government meeting", "a cabinet meeting on Monday": a domestic body's own sitting, not
 * an encounter between governments ("a government-to-government meeting" still is one).
 */
const DOMESTIC_BEFORE =
  /(?<![\p{L}-])(?:government|cabinet|party|board|staff|shareholders?'?|caucus|faculty)\s+$/iu;
const SERIES_BEFORE = /\b(?:series|string|number|flurry) of\s+(?:[\p{L}-]+\s+){0,2}$/iu;
/** "were supposed to meet ..., but": the plan is reported only as having fallen through. */
const SUPPOSED_BEFORE = /\b(?:supposed|meant)\s+to\s+$/i;
/** Sport: "meet ... in the final", a tournament, a match. A team meeting a team is no diplomacy. */
const SPORT =
  /\b(?:football|soccer|rugby|cricket|tournament|cup of nations|world cup|in the final|semi-?finals?|quarter-?finals?|kick-?off|stadium|striker|goalkeeper|championship)\b/i;
const VISIT_NON_DIPLOMATIC_AFTER =
  /^\s+(?:the |a |an )?(?:site|website|museum|factory|plant|hospital|school|areas?|villages?|exhibition|farms?|flood|camps?|families|victims|troops|shrine|temple|mosque|church|market|stands?|booths?|pavilion|construction)\b/i;
const RECEIVED_OBJECT_AFTER =
  /^\s+(?:(?:the |a |an )?(?:visiting|delegation|credentials|envoy|ambassador|minister|president|prime minister|foreign minister|defen[cs]e minister|counterpart|leader|head)|his |her |their |[A-Z][\p{L}'’-]+)/iu;
const RECEIVED_NON_MEETING_AFTER =
  /^\s+(?:a |an |the |its |his |her |their )?(?:letters?|calls?|phone calls?|messages?|support|approval|reports?|information|news|aid|assistance|shipment|delivery|deliveries|funds?|funding|vaccines?|doses?|weapons?|award|honorary|invitation|complaints?|requests?|votes?|backing|applications?|briefings?|threats?|criticism|attention|\d)/i;
const GATHERING_VERB = /^(?:gathered|gather|convened|convene|assembled)$/;
/** The officials a gathering verb needs as its subject, with nothing but their names between. */
const OFFICIALS_GATHER_BEFORE =
  /\b(?:ministers|leaders|officials|envoys|diplomats|negotiators|delegates|delegations|heads of (?:state|government)|presidents|premiers|prime ministers|chiefs|representatives|mediators)\b(?:(?!\b(?:said|says|who|which|that|after|as|when|while)\b)[^.;:!?])*$/i;
const HOST_OBJECT_AFTER =
  /^\s+(?:the |a |an |his |her |their |its )?(?:talks|meetings?|summit|congress|forum|counterpart|visiting|delegation|leaders?|ministers?|president|prime minister|foreign|defen[cs]e|deputy|heads?|officials?|[A-Z][\p{L}'’-]+)/u;

/**
 * "The Summit of the Andes began in 1994", "the dialogue was founded": the history of a series of
 * meetings, not a report of one of them ("the talks began on Monday" still reports one).
 */
const HISTORY_AFTER =
  /^(?:\s+of\s+(?:the\s+)?[\p{Lu}][\p{L}'’-]*(?:\s+(?:of\s+|and\s+|the\s+)*[\p{Lu}][\p{L}'’-]*){0,4})?\s+(?:(?:began|started|originated)\s+(?:during|under|as|in\s+(?:\d{4}|the\s+(?:\d{4}s|late|early|mid)))|dates back|was (?:founded|established|created|first held|conceived)|has been held (?:every|each|annually|since)|is held (?:every|each|annually))\b/u;

const POSSESSIVE_NAME_BEFORE = /(?:^|[^\p{L}])\p{Lu}[\p{L}-]+(?:'s|’s)\s+$/u;
const POSSESSIVE_COMPLEMENT_AFTER =
  /^\s+(?:to|in|with|between|among|of|on|at|for|last|next|this)\b/i;
/**
 * The nearest determiner: "the sidelines of the summit" is read from the second "the". A day's
 * possessive is written with either apostrophe ("today’s meeting" in most news copy).
 */
const DETERMINER_BEFORE =
  /^.*\b(the|this|that|these|those|such|said|its|their|his|her|both|(?:to|yester|mon|tues|wednes|thurs|fri|satur|sun)day['’]s)\s+((?:[\p{L}\d’'-]+\s+){0,3})$/iu;
/**
 * Words that make "the … summit" a meeting of its own rather than one named before: "the next
 * summit", "the annual talks", and numbered editions ("the 12th round", "the eighth summit").
 */
export const NEW_REFERENT_MODIFIER =
  /\b(next|upcoming|previous|last|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,3}(?:st|nd|rd|th)|planned|proposed|possible|prospective|future|forthcoming|follow-up|another|new|annual|inaugural|similar)\b/i;
const COMPLEMENT_AFTER =
  /^\s+(?:between|among|with|involving|of (?:the )?(?:[\p{Lu}]|heads|leaders|foreign|defen[cs]e|deputy|presidents|prime|ministers|top|senior|two|three|four|five|security|national|joint))/u;
/**
 * Up to four words before a meeting word. Determiners and possessives ("the", "its", "Monday's")
 * are words like any other here (the phrase is cut at a verb or preposition below), so one
 * letter class serves: the former list of them inside a case-insensitive Unicode alternation
 * matched the same spans at several times the cost.
 */
const PHRASE_WORDS_BEFORE = /(?:\b[\p{L}\d’'-]+\s+){0,4}$/u;
const STOP_PHRASE_WORD =
  /^(?:to|of|in|at|on|for|with|and|or|after|before|during|discuss|held|hold|holds|attend|attended|will|would|was|were|is|are|be|been|has|have|had|that|which|who|as|by|from|ahead|following|since|amid|into|said)$/i;

function phraseStart(sentence: string, at: number): number {
  const before = sentence.slice(Math.max(0, at - 60), at);
  const m = PHRASE_WORDS_BEFORE.exec(before);
  if (!m || m[0].length === 0) return at;
  // Cut the phrase at the last verb or preposition.
  const words = m[0].trim().split(/\s+/);
  let keep = words.length;
  for (let i = words.length - 1; i >= 0; i--) {
    if (STOP_PHRASE_WORD.test(words[i])) {
      keep = words.length - 1 - i;
      break;
    }
  }
  if (keep === 0) return at;
  const kept = words.slice(words.length - keep).join(' ');
  const idx = sentence.lastIndexOf(kept.split(' ')[0], at);
  return idx >= 0 ? idx : at;
}

const COMMA_BUT = /,\s*but\b/gi;

/** Meeting words in `sentence`, with the look-alikes already removed. */
export function findTriggers(sentence: string): Trigger[] {
  const out: Trigger[] = [];
  // Whole-sentence tests run once, not once per cue, so repeated cues stay linear.
  const sport = SPORT.test(sentence);
  const mountain = MOUNTAIN.test(sentence);
  let lastBut = -1;
  // An exec loop on one regex: `matchAll` cloned the regex and built an iterator per sentence.
  COMMA_BUT.lastIndex = 0;
  for (let m = COMMA_BUT.exec(sentence); m; m = COMMA_BUT.exec(sentence)) lastBut = m.index;
  TRIGGER_RE.lastIndex = 0;
  for (let m = TRIGGER_RE.exec(sentence); m; m = TRIGGER_RE.exec(sentence)) {
    const word = m[1].toLowerCase();
    const start = m.index;
    const end = start + m[0].length;
    const before = sentence.slice(Math.max(0, start - 40), start);
    const after = sentence.slice(end, end + 80);
    if (REMOTE_BEFORE.test(before) || REMOTE_AFTER.test(after)) continue;
    let kind: TriggerKind = 'noun';
    if (word === 'conference') {
      if (PRESS_BEFORE.test(before)) continue;
      // Only named or explicitly diplomatic conferences ("Munich Security Conference").
      if (
        !/(?:[A-Z][\p{L}-]*\s+|international\s+|peace\s+|ministerial\s+|donors?'?\s+|regional\s+)$/u.test(
          before,
        )
      )
        continue;
    }
    if (
      word === 'dialogue' &&
      !/\b(?:strategic|security|political|ministerial|2\+2|annual|defen[cs]e)\s+$/i.test(before)
    )
      continue;
    if (
      word === 'audience' &&
      !/\b(?:granted|gave|received|held|an)\s+(?:an\s+)?$/i.test(before) &&
      !/^\s+(?:with|to)\b/.test(after)
    )
      continue;
    if (/^summits?$/.test(word) && (SUMMIT_OF_MOUNTAIN_AFTER.test(after) || mountain)) continue;
    // "at the ministerial level", "of ministerial rank": the adjective of a rank, no meeting.
    if (/^ministerials?$/.test(word) && /^[\s-]+(?:level|rank)\b/i.test(after)) continue;
    if (HISTORY_AFTER.test(after)) continue;
    // "negotiations … have been ongoing since 2017": a years-long process, no one meeting.
    if (ongoingProcess(sentence, word, end)) continue;
    // "would accept talks in any format": talks as a kind, no meeting.
    if (anyFormat(sentence, word, start, end)) continue;
    if (/^meetings?$/.test(word) && DOMESTIC_BEFORE.test(before)) continue;
    // "a series of upcoming meetings": several meetings, each reported (or not) on its own.
    if (/s$/.test(word) && SERIES_BEFORE.test(before)) continue;
    // "failed to enter the capital to meet", "tried to meet … but were turned away".
    if (failedAttempt(sentence, start, end)) continue;
    if (/^(?:meet|meets|met|meeting|visit|visits|visited)$/.test(word)) {
      // "the first president not to have visited", "never visited": no visit took place.
      if (NO_MEETING_BEFORE.test(before) && !/\bnot (?:only|just|merely)\s+$/i.test(before))
        continue;
      if (SUPPOSED_BEFORE.test(before) && lastBut > end) continue;
    }
    if (/^(?:meet|meets|met|summits?)$/.test(word) && sport) continue;
    if (/^(?:meet|meets|met)$/.test(word)) {
      if (MEET_ABSTRACT_AFTER.test(after)) continue;
      if (
        /\b(?:to|will|could|can|must|should)\s+$/i.test(before) &&
        /^\s+(?:the|its|their)\s+[a-z]+\s*(?:[.,;]|$)/.test(after)
      )
        continue;
      kind = 'verb';
    }
    if (word === 'meeting' && /\b(?:is|are|was|were|be|been)\s+$/i.test(before)) {
      if (MEET_ABSTRACT_AFTER.test(after)) continue;
      kind = 'verb';
    }
    // "would travel to Beirut next week": a trip to a capital or a country is a visit; a trip
    // "to attend the summit" or "for talks" is the event it goes to, read from that word.
    if (word === 'travel to') {
      if (!/^\s+\p{Lu}/u.test(after) || QUICK_TRIGGER_RE.test(after)) continue;
      if (!/\b(?:will|would|to|is due to|are due to|plans to|set to)\s+$/i.test(before)) continue;
      kind = 'visit';
    }
    if (/^visit/.test(word)) {
      if (word === 'visiting') continue; // "the visiting minister": the visit is named elsewhere
      if (VISIT_NON_DIPLOMATIC_AFTER.test(after)) continue;
      kind = 'visit';
    }
    if (word === 'received' || word === 'receives') {
      if (RECEIVED_NON_MEETING_AFTER.test(after) || !RECEIVED_OBJECT_AFTER.test(after)) continue;
      if (/\b(?:was|were|been|is|are)\s+$/i.test(before) && !/^\s+by\b/.test(after)) continue;
      kind = 'host';
    }
    if (/^(?:hosted|hosts|will host|to host)$/.test(word)) {
      if (!HOST_OBJECT_AFTER.test(after)) continue;
      kind = 'host';
    }
    if (word === 'sat down with') kind = 'verb';
    if (GATHERING_VERB.test(word)) {
      // "foreign ministers from the region gathered in Amman": officials who gather meet;
      // crowds, mourners and reporters who gather do not.
      if (!OFFICIALS_GATHER_BEFORE.test(sentence.slice(Math.max(0, start - 120), start))) continue;
      kind = 'verb';
    }
    if (/^(?:trilateral|quadrilateral|bilateral)$/.test(word)) {
      // Only as a noun: "a trilateral in Jakarta"; the adjective is caught with its noun.
      if (
        /^\s+(?:meetings?|talks|summits?|visits?|consultations|negotiations|discussions|dialogue|conference)\b/i.test(
          after,
        )
      )
        continue;
      if (!/\b(?:a|the)\s+$/i.test(before)) continue;
    }
    let anaphoric = false;
    let ps = start;
    if (kind === 'noun' || (kind === 'visit' && /^visits?$/.test(word))) {
      ps = phraseStart(sentence, start);
      const det = DETERMINER_BEFORE.exec(before);
      if (
        det &&
        !(det[2] ?? '')
          .split(/\s+/)
          .some(w => STOP_PHRASE_WORD.test(w) || /^(?:through|via|into|about|over|under)$/i.test(w))
      ) {
        const mods = det[2] ?? '';
        // "said a five-sided meeting": an indefinite article introduces a new meeting.
        const newReferent = NEW_REFERENT_MODIFIER.test(mods) || /^(?:a|an)\s/i.test(mods);
        const complement = COMPLEMENT_AFTER.test(after);
        anaphoric = !newReferent && !complement;
        if (/^(?:such|these|those)$/i.test(det[1])) anaphoric = true;
      } else if (POSSESSIVE_NAME_BEFORE.test(before) && !POSSESSIVE_COMPLEMENT_AFTER.test(after)) {
        // "Zelensky's visit is the first …": a person's visit with nothing new said of it is
        // the one already reported; "X's visit to Kyiv in June" still introduces one.
        anaphoric = true;
      }
    }
    const separate =
      /^\s*(?:separately|individually|one-on-one|on the sidelines)\b/i.test(after) ||
      /\bseparate (?:bilateral )?$/i.test(before);
    out.push({ start, end, phraseStart: ps, word, kind, anaphoric, separate });
  }
  return out;
}

export type Status = 'held' | 'scheduled' | 'proposed';

const PROPOSED_CUES =
  /\b(?:upcoming|proposed|proposal|propos(?:e|es|ing)|on the agenda|could|might|would like|hopes? to|hoping to|seeks? to|seeking|plans? to|planning to|planned|possible|possibility|likely|invit(?:ed|ation|es|ing)|being arranged|arrange|in the near future|soon|agreed to (?:hold|meet|visit)|call(?:ed|s|ing)? for|offered to host|(?:an|the|his|her|their) offer|offers? to|intends? to|willing(?:ness)? to|ready to|prepar(?:ing|ations?) for|prospect|expected to|expects|later this (?:year|month))\b/gi;
/** "may" as a verb only: case-sensitive, so the month ("May 14") never reads as a hedge. */
const MAY_CUE = /\b(?:may|May(?= (?:be|have|meet|visit|hold|take|attend)\b))\b(?!\s+\d)/g;
const FUTURE_CUES =
  /\b(?:will|shall|is due|are due|is scheduled|are scheduled|scheduled (?:to|for)|set to|due to|is to|are to|to be held|slated|would be held|would take place|would meet|would hold|would visit|would travel|would go|would attend|'ll|to take place|next week|tomorrow|is going to|are going to)\b/gi;
const PAST_CUES =
  /\b(?:met|(?<!\b(?:be|been|being)\s)held|hosted|visited|received|took place|concluded|wrapped up|discussed|attended|signed|started|began|opened|convened|chaired|co-chaired|welcomed|paid|sat down|exchanged|ended|agreed|talked|addressed|gathered|assembled|was attended|has met|have met|had met|after (?:the|their|his|her|a) |following (?:the|their|his|her|a) |during (?:the|their|his|her|a) |on the sidelines|yesterday|last week|earlier|previously|ago|is visiting|are visiting|is on an? (?:official |state |working )?visit|meets|holds|follows|comes after|came after)\b/gi;

interface Cue {
  at: number;
  status: Status;
}

function cuesIn(text: string, offset: number): Cue[] {
  const out: Cue[] = [];
  for (const [re, status] of [
    [PROPOSED_CUES, 'proposed'],
    [MAY_CUE, 'proposed'],
    [FUTURE_CUES, 'scheduled'],
    [PAST_CUES, 'held'],
  ] as const) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      // "the aim of the talks is to …": a purpose, not a plan.
      if (status === 'scheduled' && purposeCopula(text, m.index)) continue;
      out.push({ at: offset + m.index, status });
    }
  }
  return out;
}

const UNCONFIRMED_BEFORE =
  /\b(?:(?:has|have|had) yet to (?:be )?confirm(?:ed)?|(?:has|have|had|was|were|is|are) not (?:yet )?(?:been )?confirmed|unconfirmed|(?:did|does|would) not confirm|neither confirmed nor denied|would neither confirm nor deny)\b/i;
/** Whether `text` says a plan is not confirmed: its date does not make it scheduled. */
export function unconfirmed(text: string): boolean {
  return UNCONFIRMED_BEFORE.test(text);
}

const TRAVEL_WINDOW = 160;
const TRAVEL_FOR =
  /\b(?:(arrived|landed|travel(?:l)?ed|flew|headed|left for|set off|departed)|arriv(?:es|ing)|lands|travel(?:l)?(?:s|ing)|flies|heads|is in|are in)\b[^.;]*?\b(?:(to (?:attend|take part in|participate in|join|hold))|for)\s+(?:the |a |an )?(?:[\p{L}\d’'-]+\s+){0,3}$/iu;
/** "for talks due on Friday", "for a summit that opens on Monday": the talks are still ahead. */
const STILL_AHEAD =
  /^\s+(?:[\p{L}\d’'-]+\s+){0,6}?(?:due|set|scheduled|slated|expected|planned|(?:that|which)\s+(?:begins?|starts?|opens?))\b/iu;

/**
 * The status a sentence gives the meeting at `trigger`: the tense or wording nearest to it wins,
 * so "held a meeting to discuss the next meeting" reads as held. `segment` limits the words
 * looked at to the trigger's own clause.
 */
export function statusAt(
  sentence: string,
  trigger: Trigger,
  segment: [number, number],
): Status | null {
  // A bounded window: the travel verb sits within a few words of the meeting word.
  const before = sentence.slice(Math.max(segment[0], trigger.start - TRAVEL_WINDOW), trigger.start);
  // "arrived to attend a meeting" is ahead of the meeting; "arrived for a state visit" starts it.
  const travel = TRAVEL_FOR.exec(before);
  if (travel) {
    if (trigger.kind === 'visit') return 'held';
    // "flew to Beijing on Tuesday for talks": a trip reported as made brought the talks it was
    // for, unless the words after them still put them ahead ("for talks due on Friday").
    // "arrived to attend a meeting" is the trip ahead of the meeting.
    const made = travel[1] !== undefined && travel[2] === undefined;
    const rest = sentence.slice(trigger.end, segment[1]);
    const ahead = STILL_AHEAD.test(rest) || cuesIn(rest, 0).some(c => c.status !== 'held');
    if (made && !ahead) return 'held';
    return 'scheduled';
  }
  // "it is not yet confirmed whether the envoys will meet": an unconfirmed plan is proposed.
  if (UNCONFIRMED_BEFORE.test(sentence.slice(segment[0], trigger.start))) return 'proposed';
  const immediate = sentence.slice(Math.max(segment[0], trigger.phraseStart - 2), trigger.start);
  if (
    /\b(?:upcoming|proposed|planned|possible|prospective|forthcoming|next|future)\b/i.test(
      immediate,
    )
  )
    return 'proposed';
  const cues = cuesIn(sentence.slice(segment[0], segment[1]), segment[0]);
  if (cues.length === 0) return null;
  let best: Cue | null = null;
  let bestDist = Infinity;
  for (const c of cues) {
    // Words after the trigger weigh a little less: "met ... and will" is about something else.
    const dist = c.at < trigger.start ? trigger.start - c.at : c.at - trigger.end + 15;
    const adj = c.status === 'proposed' ? dist - 10 : dist;
    if (adj < bestDist) {
      bestDist = adj;
      best = c;
    }
  }
  return best ? best.status : null;
}
