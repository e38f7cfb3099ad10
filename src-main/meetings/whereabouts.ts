/**
 * Where a story's people are, carried to their meetings that name no place. `carry.ts` carries a
 * city between two meetings of one kind (both held or both planned); two more cases follow the
 * same story:
 * - a place known only as a country ("envoys sent to Togo to talk to its rulers … also met …"):
 *   the next meeting of the same kind and of a day that agrees is in that country too, though no
 *   city is known (an undated plan after it may be anywhere);
 * - one person's meetings of one day, or of a stay still going on when the article was written,
 *   with no country the earlier meeting did not have, whatever their tense: the minister who "will meet his counterparts in Lagos this afternoon"
 *   held his morning talks there too, and the president who "arrived in Lagos for the summit"
 *   and "plans bilateral meetings" plans them in Lagos.
 * The place is marked as carried (medium confidence), never as read in the meeting's sentence.
 */
import type { MeetingDate } from '../contract/meeting';
import { datesCompatible } from './dates';
import type { ArticleMeeting } from './extract';
import { otherOccasion } from './occasion-kind';

const surnameOf = (name: string): string => name.split(/\s+/).pop()?.toLowerCase() ?? '';

function sharePerson(a: ArticleMeeting, b: ArticleMeeting): boolean {
  const names = new Set(a.people.map(p => surnameOf(p.name)));
  return b.people.some(p => names.has(surnameOf(p.name)));
}

function sameDay(a: MeetingDate, b: MeetingDate): boolean {
  return a.precision === 'day' && b.precision === 'day' && a.start !== null && a.start === b.start;
}

/** A stay of at most a week that includes the day the article was written: still going on. */
function ongoingOn(d: MeetingDate, ref: string | null): boolean {
  if (!ref || !d.start) return false;
  const end = d.end ?? d.start;
  if (!(d.start <= ref && ref <= end)) return false;
  return Date.parse(end) - Date.parse(d.start) <= 7 * 86_400_000;
}

/** Whether `m`, which names no place, is where `prev` was, by the rules above. */
function sameWhereabouts(prev: ArticleMeeting, m: ArticleMeeting, ref: string | null): boolean {
  if (otherOccasion(prev, m)) return false;
  // Encounters split from one clause ("met both A and B") were each placed by that clause.
  if (prev.mentions[0]?.start === m.mentions[0]?.start) return false;
  const sameKind = (prev.status === 'held') === (m.status === 'held');
  // A country alone: the kind and the day agree, and the day is given (a city is carried by `carryPlaces`).
  if (sameKind && !prev.city && m.date.start && datesCompatible(prev.date, m.date, 1)) return true;
  if (sameKind || !sharePerson(prev, m)) return false;
  // With no one new: talks the president plans with a third country are another trip.
  const known = new Set([...prev.countries, prev.placeCountry]);
  if (m.countries.some(c => !known.has(c))) return false;
  // Another tense, the same person: the same day, or an undated plan made during a stay.
  return sameDay(prev.date, m.date) || (!m.date.start && ongoingOn(prev.date, ref));
}

/**
 * Gives each meeting with neither a city nor a country the place of the meeting reported just
 * before it in the article, when they share the whereabouts described above. Runs after
 * `carryPlaces`, so it sees the cities that carried.
 */
export function carryWhereabouts(meetings: ArticleMeeting[], ref: string | null): void {
  const byStory = [...meetings].sort(
    (a, b) => (a.mentions[0]?.start ?? 0) - (b.mentions[0]?.start ?? 0),
  );
  let prev: ArticleMeeting | null = null;
  for (const m of byStory) {
    if (!m.city && !m.placeCountry && prev && sameWhereabouts(prev, m, ref)) {
      m.city = prev.city;
      m.placeCountry = prev.placeCountry;
      m.confidence.place = { confidence: 'medium', basis: 'context' };
    }
    // Only the meeting just before: a placeless one in between breaks the thread.
    prev = m;
  }
}
