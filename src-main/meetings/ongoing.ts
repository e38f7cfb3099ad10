/**
 * A process, not a meeting: "negotiations to end the war, which began in 2001, have been ongoing
 * in Geneva since 2015", "talks have dragged on for years". The words name a series of rounds
 * over years, none of which the sentence reports; the dates in it are the series' history (or,
 * as in the example, the war's). "The talks have been under way since Monday" is one round and
 * still a meeting: only a year or a span of years makes it a process.
 */

/** Process nouns: the plural of a series of rounds. */
const PROCESS_WORD = /^(?:talks|negotiations|consultations|discussions|dialogue)$/i;

/** "have been ongoing … since 2017", "has continued since 2019", "have dragged on for years". */
const ONGOING_AFTER =
  /^[^.;]{0,120}?\b(?:ha(?:ve|s) been (?:ongoing|going on|under ?way|continuing|taking place|held)|ha(?:ve|s) (?:continued|gone on|dragged on|stalled))\b[^.;]{0,60}?\b(?:since (?:(?:early |late |mid-?)?(?:\d{4})|the \d{4}s)|for (?:years|decades|(?:two|three|four|five|six|seven|eight|nine|ten|several|many|\d+) years))\b/i;

/** Whether the meeting word ending at `end` of `sentence` names a years-long process. */
export function ongoingProcess(sentence: string, word: string, end: number): boolean {
  return PROCESS_WORD.test(word) && ONGOING_AFTER.test(sentence.slice(end, end + 240));
}
