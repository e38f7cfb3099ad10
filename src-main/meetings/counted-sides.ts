/**
 * A meeting whose name counts its sides: "a five-sided meeting", "trilateral talks", "the
 * quartet's session". When the text lists fewer sides than the number says, the missing side is
 * most often the story's constant party, named in the article's other meetings but not restated
 * here ("a five-sided meeting with the participation of Michel, Macron and Scholz", in a story
 * of Armenian–Azerbaijani talks). Such a side is added when it takes part in most of the
 * article's other meetings that share a party with this one; a side that cannot be told so is
 * left out. Either way the list was not read whole in the meeting's sentence: the countries are
 * marked low confidence, so the card shows them first to check.
 */
import type { MeetingConfidence, Person } from '../contract/meeting';
import { CARDINALS } from './number-words';

/** What the rule needs of an article meeting. */
export interface SidedMeeting {
  countries: string[];
  people: Person[];
  organizations: string[];
  placeCountry: string | null;
  mentions: { sentence: string; start: number }[];
  confidence: MeetingConfidence;
  hedged?: string[];
}

const LATIN: Record<string, number> = {
  bilateral: 2,
  trilateral: 3,
  tripartite: 3,
  quadrilateral: 4,
  quadripartite: 4,
  quartet: 4,
  quintet: 5,
};
const WORDS = Object.keys(CARDINALS).join('|');
/** A count of sides right before a meeting noun: "five-sided meeting", "trilateral talks". */
const COUNTED_MEETING = new RegExp(
  `\\b(?:(${WORDS}|\\d+)[- ](?:sided|way|party|parties|nation|country|power)|(${Object.keys(LATIN).join('|')}))\\s+(?:(?:[\\p{L}-]+\\s+){0,2})?(?:meetings?|summits?|talks|format|consultations|negotiations|dialogue|sessions?|contacts?)\\b`,
  'giu',
);

/** Every number of sides the sentence's meeting words count, in order. */
export function countedSides(sentence: string): number[] {
  const counts: number[] = [];
  for (const m of sentence.matchAll(COUNTED_MEETING)) {
    const n = m[2] ? LATIN[m[2].toLowerCase()] : (CARDINALS[m[1].toLowerCase()] ?? Number(m[1]));
    if (n) counts.push(n);
  }
  return counts;
}

/**
 * The number of sides a meeting's sentences count, when they agree on one ("bilateral meetings
 * with both, before a trilateral meeting" counts for no single meeting). A sentence that reports
 * other meetings too (`shared`, by start) may be counting theirs: it is not read.
 */
function sidesOf(m: SidedMeeting, shared: ReadonlySet<number>): number | null {
  const found = new Set(
    m.mentions.filter(x => !shared.has(x.start)).flatMap(x => countedSides(x.sentence)),
  );
  return found.size === 1 ? [...found][0] : null;
}

/** The sides a meeting lists: its countries, and people or bodies that stand for no country. */
function sidesListed(m: SidedMeeting): number {
  const stateless = m.people.filter(p => !p.country && !m.hedged?.includes(p.name)).length;
  return m.countries.length + Math.max(stateless, m.organizations.length);
}

/**
 * Completes, as far as the article tells, each meeting whose words count more sides than it
 * lists (see the module's comment). Meetings are taken in article order, so a meeting completed
 * counts as such for the next.
 */
export function fillCountedSides(meetings: SidedMeeting[]): void {
  const seen = new Set<number>();
  const shared = new Set<number>();
  for (const m of meetings)
    for (const x of new Set(m.mentions.map(y => y.start))) (seen.has(x) ? shared : seen).add(x);
  for (const m of meetings) {
    const counted = sidesOf(m, shared);
    if (counted === null || counted <= 2) continue;
    const missing = counted - sidesListed(m);
    if (missing <= 0) continue;
    const others = meetings.filter(o => o !== m && o.countries.some(c => m.countries.includes(c)));
    const times = new Map<string, number>();
    for (const o of others)
      for (const c of o.countries)
        if (!m.countries.includes(c) && c !== m.placeCountry) times.set(c, (times.get(c) ?? 0) + 1);
    const added = [...times.entries()]
      .filter(([, n]) => n * 2 > others.length)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, missing)
      .map(([c]) => c);
    m.countries.push(...added);
    m.confidence.countries = { confidence: 'low', basis: 'context' };
  }
}
