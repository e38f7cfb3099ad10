/**
 * "Counterpart" names a relation, not an office: "the Chilean minister met her Peruvian
 * counterpart" says the Peruvian holds the same office as the Chilean. So a person titled only
 * "counterpart" takes the office of the person they are the counterpart of (else the actor
 * dictionary's), and a clause whose only title is "counterpart(s)" or none at all takes its
 * meeting level from the offices of its people ("Vidal held talks with colleagues from Peru" is
 * a foreign ministers' meeting when Vidal is a foreign minister), not "senior officials".
 */
import type { MeetingConfidence, Person } from '../contract/meeting';
import type { ActorLookup } from './context';
import { findRoles } from './gazetteer';

const RELATIONAL = /^(?:counterparts?|colleagues?|opposite numbers?|peers?)$/i;

/** Whether a role says only how its holder stands to someone else. */
export function isRelational(role: string | null): boolean {
  return role !== null && RELATIONAL.test(role.trim());
}

/**
 * Gives each counterpart the office of the first person of the clause who holds a real one (the
 * one whose counterpart they are), else the dictionary's office on `onDate`, else none.
 */
export function relateCounterparts(
  people: Person[],
  lookup: ActorLookup | null,
  onDate: string | null,
): Person[] {
  if (!people.some(p => isRelational(p.role))) return people;
  const office = people.find(p => p.role && !isRelational(p.role))?.role ?? null;
  return people.map(p =>
    isRelational(p.role) ? { ...p, role: office ?? lookup?.(p.name, onDate)?.role ?? null } : p,
  );
}

/**
 * The levels a clause gives itself: none when its only title is "counterpart(s)", which says
 * nothing of the office (the "senior officials" it would otherwise count as).
 */
export function ownLevels(levels: string[], clause: string): string[] {
  return findRoles(clause).some(r => !RELATIONAL.test(r.title)) ? levels : [];
}

/**
 * Once the article is read: a meeting whose clauses gave no level takes the levels of its
 * people's offices, in order ("Vidal held talks with colleagues from Peru", Vidal a foreign
 * minister). Done last, so that the level the text did not give never steers which meeting a
 * later reference means. `besides` are people who joined without being parties (facilitators).
 */
export function levelsFromPeople(
  meetings: { levels: string[]; people: Person[]; confidence: MeetingConfidence }[],
  besides: ReadonlySet<Person> = new Set(),
): void {
  for (const m of meetings) {
    if (m.levels.length > 0) continue;
    for (const p of m.people) {
      const role = p.role;
      // A facilitator's office (often a former one) is not the level of the talks.
      if (!role || besides.has(p)) continue;
      const level = findRoles(role).find(r => r.start === 0 && r.end === role.length)?.level;
      if (level && !m.levels.includes(level)) m.levels.push(level);
    }
    // Not read in the meeting's words but from whom it seats.
    if (m.levels.length > 0) m.confidence.level ??= { confidence: 'medium', basis: 'context' };
  }
}
