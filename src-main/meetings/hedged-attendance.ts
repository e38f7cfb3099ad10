/**
 * Attendance the text hedges: "met some of the officers, without saying if they included the coup
 * leader", "Ortiz claims he is coming, but it is not clear whether he will travel", "Mora may
 * also join the talks", "Mora is expected to attend", "Mora was invited". The meeting is reported,
 * but whether that person sits at it is not, so the card does not list the person as attending
 * (the policy makes such a person optional), and an office named only inside the hedge gives the
 * meeting no level. A meeting whose only person is hedged keeps them: then the hedge is about
 * the meeting itself, which its status already says ("is expected to visit"). A country the
 * hedged person alone stood for stays (the text may seat it otherwise) but is marked for
 * checking. The article meeting keeps the person, marked in `hedged`: the merge still needs to
 * know whom its report is about (it tells apart two encounters of one day by the people each
 * report names), and another outlet may state the attendance outright.
 */
import type { MeetingConfidence, Person } from '../contract/meeting';
import { fold, surnameKey } from './context';
import { findRoles } from './gazetteer';
import { leftOffice } from './former-titles';
import type { Sentence } from './sentences';

/** What the rule needs of an article meeting. */
export interface HedgedMeeting {
  people: Person[];
  /** Names of its people whose attendance the article hedges. */
  hedged?: string[];
  countries: string[];
  levels: string[];
  mentions: { start: number; end: number }[];
  confidence: MeetingConfidence;
}

/** A stretch of a sentence whose people the text does not say attend. */
interface Hedge {
  /** Offsets in the sentence. */
  start: number;
  end: number;
  /** The hedge speaks of "he", "she" or "they": someone named before it in the sentence. */
  pronoun: boolean;
}

const ATTEND =
  '(?:attend|go|come|join|take part|participate|be there|be present|make good|show up|turn up|travel)';
/** The hedge comes after whom it is about: "without saying if they included X". */
const AFTER_FRAMES = [
  /\bwithout (?:saying|specifying|confirming|revealing|indicating|stating|disclosing) (?:if|whether) (?:they|these|those|the \w+|it) (?:included|involved|comprised)\s+([^,;:.]+)/gi,
  new RegExp(
    `\\b(?:it is|it's|it was|it remains|it remained|it is still|it was still)\\s+(?:far from |not |un)(?:clear|certain|known)\\s+(?:if|whether)\\s+(he|she|they|[\\p{Lu}][^,;:.]{0,60}?)\\s+(?:will|would|could|can|is going to|was going to)\\s+(?:\\w+\\s+)?${ATTEND}\\b`,
    'giu',
  ),
  new RegExp(
    `\\b(?:unclear|uncertain|not clear|not known|not yet known)\\s+(?:if|whether)\\s+(he|she|they|[\\p{Lu}][^,;:.]{0,60}?)\\s+(?:will|would|could|is going to)\\s+(?:\\w+\\s+)?${ATTEND}\\b`,
    'giu',
  ),
];
/** The hedge comes right after whom it is about: "Mora may join", "Mora was invited". */
const BEFORE_FRAMES = new RegExp(
  `(?:\\s+(?:may|might|could)\\s+(?:also\\s+|still\\s+)?(?:attend|join|take part|participate)|\\s+(?:is|are|was|were)\\s+(?:also\\s+)?expected to\\s+(?:attend|join|take part|participate)|\\s+(?:is|are|was|were|has been|have been|had been)\\s+(?:also\\s+)?invited|\\s+claims?\\s+(?:that\\s+)?(?:he|she|they)(?:'s|’s|'re|’re|\\s+is|\\s+are|\\s+will)?\\s+(?:going|attending|coming))\\b`,
  'giu',
);
/** The name just before a hedge of the second kind: "Mora", "President Luis Mora". */
const NAME_BEFORE = /((?:[\p{Lu}][\p{L}'’-]+\s+){0,3}[\p{Lu}][\p{L}'’-]+)$/u;

const QUICK = /\b(?:without|clear|certain|known|may|might|could|expected|invited|claims?)\b/i;

function hedgesOf(text: string): Hedge[] {
  if (!QUICK.test(text)) return [];
  const hedges: Hedge[] = [];
  for (const re of AFTER_FRAMES) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index + m[0].lastIndexOf(m[1]);
      hedges.push({ start, end: start + m[1].length, pronoun: /^(?:he|she|they)$/i.test(m[1]) });
    }
  }
  BEFORE_FRAMES.lastIndex = 0;
  for (let m = BEFORE_FRAMES.exec(text); m; m = BEFORE_FRAMES.exec(text)) {
    const name = NAME_BEFORE.exec(text.slice(0, m.index));
    if (name) hedges.push({ start: m.index - name[1].length, end: m.index, pronoun: false });
  }
  return hedges;
}

function words(s: string): Set<string> {
  return new Set(
    fold(s)
      .replace(/-/g, ' ')
      .split(/[^\p{L}']+/u)
      .filter(Boolean),
  );
}

/** Whether the hedge is about `key` (a surname): named inside it, or the pronoun's antecedent. */
function about(text: string, h: Hedge, key: string): boolean {
  if (!h.pronoun) return words(text.slice(h.start, h.end)).has(key);
  // "Ortiz claims he is coming, but it is not clear whether he will travel": the last person
  // named before the pronoun in the sentence.
  return words(text.slice(0, h.start)).has(key);
}

/** Whether a title of `level` is read in the sentence outside its hedges, as an office held. */
function levelOutside(text: string, hedges: Hedge[], level: string): boolean {
  return findRoles(text).some(
    r =>
      r.level === level &&
      !hedges.some(h => r.start >= h.start && r.end <= h.end) &&
      !leftOffice(text.slice(Math.max(0, r.start - 40), r.start)),
  );
}

/**
 * Marks the people whose attendance the article hedges in its meetings (see the module's
 * comment) and drops the levels only their hedges gave; returns those people, who give the
 * meeting no level either. `sentences` are the article's.
 */
export function markHedged(meetings: HedgedMeeting[], sentences: Sentence[]): Person[] {
  const hedged = sentences
    .map(s => ({ s, hedges: hedgesOf(s.text) }))
    .filter(x => x.hedges.length > 0);
  const marked: Person[] = [];
  if (hedged.length === 0) return marked;
  for (const m of meetings) {
    if (m.people.length < 2) continue;
    const out = m.people.filter(p => {
      const key = surnameKey(p.name);
      return hedged.some(({ s, hedges }) => hedges.some(h => about(s.text, h, key)));
    });
    // Everyone hedged: the hedge is the meeting's own, which its status says.
    if (out.length === 0 || out.length === m.people.length) continue;
    m.hedged = out.map(p => p.name);
    marked.push(...out);
    const kept = new Set(m.people.filter(p => !out.includes(p)).map(p => p.country));
    if (out.some(p => p.country && !kept.has(p.country)))
      m.confidence.countries = { confidence: 'low', basis: 'context' };
    // A level read only inside the hedges ("if they included the coup leader") is not the table's.
    const own = sentences.filter(s => m.mentions.some(x => x.start === s.start));
    m.levels = m.levels.filter(level =>
      own.some(s => levelOutside(s.text, hedged.find(x => x.s === s)?.hedges ?? [], level)),
    );
  }
  return marked;
}

/**
 * Whether the card lists `p` of the report `m` as attending: unless the report hedges it, and
 * no other report of the meeting (`members`) names the same person without a hedge.
 */
export function attends(
  p: Person,
  m: { hedged?: string[] },
  members: readonly { people: Person[]; hedged?: string[] }[],
): boolean {
  if (!m.hedged?.includes(p.name)) return true;
  const key = surnameKey(p.name);
  return members.some(o =>
    o.people.some(q => surnameKey(q.name) === key && !o.hedged?.includes(q.name)),
  );
}
