/**
 * Whether a meeting is another kind of occasion than the one reported before it, so that the
 * earlier one's city does not carry to it (`carry.ts`). A bilateral's city says where two
 * parties met; a summit or a conference of a bloc that the text does not place is an occasion
 * of its own, often abroad ("met his counterpart in Kampala …; he also attended the bloc's
 * summit"). The other way round, a bilateral after a summit is usually on its sidelines, and
 * its city carries.
 */

/** What the carry needs of a meeting: its parties. */
export interface OccasionParties {
  countries: string[];
  organizations: string[];
}

/** A meeting of two sides at most, with no organisation among them. */
function twoSided(m: OccasionParties): boolean {
  return m.countries.length <= 2 && m.organizations.length === 0;
}

/** A bloc's or many parties' event: an organisation, or three countries and more. */
function manySided(m: OccasionParties): boolean {
  return m.organizations.length > 0 || m.countries.length >= 3;
}

/** True when `next` is a many-sided event after a two-sided meeting: its place is its own. */
export function otherOccasion(before: OccasionParties, next: OccasionParties): boolean {
  return twoSided(before) && manySided(next);
}
