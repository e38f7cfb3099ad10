/**
 * Cardinal numbers as news writes them in words ("six days after", "the three countries"), for
 * every stage that reads a count from the text. Each stage adds its own words on top (the
 * article "a" for one, "trilateral" for three parties) rather than keeping a second list.
 */
export const CARDINALS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fourteen: 14,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
};
