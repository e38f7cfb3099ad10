/**
 * Meetings held around another on one occasion. "The host is to see each guest alone, ahead of
 * a three-way meeting in the afternoon": the one-on-one meetings say neither day nor place, but
 * they are the side meetings of the meeting the clause after them names, so they take its day
 * and city. Only when that meeting seats every party of the side meeting, and
 * never over a date or city the side meeting states itself; the fields are marked as carried.
 */
import type { ArticleMeeting } from './extract';

/** A clause that opens on the event the clause before it is held around. */
const AROUND_RE =
  /^\s*,?\s*(?:before|after|following|ahead of|prior to|then)\s+(?:(?:holding|attending|joining|hosting|the|a|an|their|his|her)\s+)*/i;

/** Whether the clause starting at `text` (its words up to the meeting word) opens on "before …". */
export function opensOnOccasion(text: string): boolean {
  return AROUND_RE.test(text);
}

const surname = (name: string): string => name.split(/\s+/).pop()?.toLowerCase() ?? '';

/** Whether `host` seats every country and every named person of `side`. */
function seatsAll(side: ArticleMeeting, host: ArticleMeeting): boolean {
  if (side.countries.length === 0) return false;
  const people = new Set(host.people.map(p => surname(p.name)));
  return (
    side.countries.every(c => host.countries.includes(c)) &&
    side.people.every(p => people.has(surname(p.name)))
  );
}

/**
 * Gives each undated side meeting of `sides` the day, and when it has none the city, of the
 * first of `hosts` (the meeting the next clause names, then the article's others, latest first)
 * that is dated to the day and seats all its parties: the meeting they are held around.
 */
export function shareOccasion(sides: ArticleMeeting[], hosts: ArticleMeeting[]): void {
  for (const side of sides) {
    if (side.date.start || side.monthHint) continue;
    const host = hosts.find(
      h => h !== side && h.date.start && h.date.precision === 'day' && seatsAll(side, h),
    );
    if (!host) continue;
    side.date = host.date;
    side.confidence.date = { confidence: 'medium', basis: 'context' };
    if (
      !side.city &&
      host.city &&
      (!side.placeCountry || side.placeCountry === host.placeCountry)
    ) {
      side.city = host.city;
      side.placeCountry = host.placeCountry;
      side.confidence.place = { confidence: 'medium', basis: 'context' };
    }
  }
}
