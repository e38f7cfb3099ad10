/**
 * A place the meeting is only near: "talks at a retreat outside Washington", "a resort on the
 * outskirts of the capital", "a base north of Kyiv". The city named is a landmark, not where the
 * meeting was, so the meeting keeps the city's country and no city. The annotation policy reads
 * such a meeting as held in that country with its town unknown, and a card that showed the
 * landmark city would say something the text does not.
 */

/**
 * Words just before a city that put the meeting beside it rather than in it. "outside" also
 * ends "outside the city of", so an optional "the city of" follows each cue.
 */
const VICINITY_BEFORE =
  /\b(?:(?:just|right|somewhere)\s+)?(?:outside(?:\s+of)?|near(?:by)?|nearby|close to|not far from|on the (?:outskirts|edge|fringes?) of|in the (?:outskirts|suburbs|countryside|hills|environs) of|(?:\d+|a few|several)\s+(?:km|kilomet(?:er|re)s?|miles?)\s+(?:\w+\s+)?(?:from|of|outside)|(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|south-west)(?:ern)?\s+of)\s+(?:the\s+)?(?:(?:capital|city|town|port)\s+(?:city\s+)?(?:of\s+)?)?$/i;

/** Whether the words before a city (up to 60 characters) place the meeting only near it. */
export function onlyNear(before: string): boolean {
  return VICINITY_BEFORE.test(before);
}
