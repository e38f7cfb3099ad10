/**
 * Sideline meetings: "X met Y on the sidelines of the NATO summit" reports two encounters, the
 * bilateral and the summit both attended. When the summit has not been reported before, the
 * bilateral's clause is its first mention, so the summit is read from that clause: its parties
 * were there, on the same day and in the same city as far as the clause says.
 */
import type { Trigger } from './cues';
import type { ArticleMeeting } from './extract';
import { findOrganizations } from './gazetteer';

/** The words that put a meeting on the margins of a larger event named right after them. */
const SIDELINES_BEFORE =
  /\b(?:on|at)\s+the\s+(?:sidelines|margins|fringes|sideline|margin)\s+of\s+(?:the\s+|a\s+|an\s+)?(?:[\p{L}\d’'-]+\s+){0,4}$/iu;

/** Whether the reference back `a` names the event that the clause's meeting was held beside. */
export function isSidelineHost(sentence: string, a: Trigger): boolean {
  return SIDELINES_BEFORE.test(sentence.slice(Math.max(0, a.start - 80), a.start));
}

/** The organisations the phrase of an event's noun names: "the NATO summit" names NATO. */
export function organizationsIn(sentence: string, event: Trigger): string[] {
  const found = findOrganizations(sentence.slice(event.phraseStart, event.end)).map(o => o.name);
  return [...new Set(found)];
}

/**
 * The organisations of a clause that are not only named inside the events it was held beside:
 * in "X met Y on the margins of the G20 summit" the G20 is the summit's, not a party to the
 * bilateral; named again outside the phrase ("met the NATO chief …") it stays.
 */
export function withoutEventOrganizations(
  sentence: string,
  segment: [number, number],
  events: readonly Trigger[],
  organizations: readonly string[],
): string[] {
  const outside = new Set<string>();
  for (const o of findOrganizations(sentence.slice(segment[0], segment[1]))) {
    const at = segment[0] + o.start;
    if (!events.some(e => at >= e.phraseStart && at < e.end)) outside.add(o.name);
  }
  return organizations.filter(o => outside.has(o));
}

/**
 * The event a sideline meeting was held beside, as a meeting of its own: the bilateral's
 * parties attended it, with the bilateral's status, day and city, and the organisations its name
 * gives (`named`); `order` numbers it in the article. Nothing else is known of it yet; later
 * references back add what they say.
 */
export function sidelineEvent(
  bilateral: ArticleMeeting,
  order: number,
  named: readonly string[] = [],
): ArticleMeeting {
  return {
    ...bilateral,
    countries: [...bilateral.countries],
    people: [...bilateral.people],
    organizations: [...new Set([...bilateral.organizations, ...named])],
    levels: [...bilateral.levels],
    confidence: { ...bilateral.confidence },
    separate: false,
    outcome: null,
    purpose: null,
    mentions: [...bilateral.mentions],
    order,
    unresolved: undefined,
  };
}

/**
 * The meeting a reference to a larger event means, given the events that sideline clauses
 * introduced (keyed by their bilateral). The event starts as a copy of its bilateral, so a later
 * "they met on the summit's second day" cannot tell the two apart by their fields; but the
 * words name the summit, so the reference is the event's, and the encounter is the bilateral's.
 */
export function eventMeant(
  meant: ArticleMeeting | null,
  events: ReadonlyMap<ArticleMeeting, ArticleMeeting>,
): ArticleMeeting | null {
  return (meant && events.get(meant)) ?? meant;
}
