/**
 * Offices no longer held: "former President", "the ousted president", "ex-Vice President". News
 * names facilitators, envoys and delegation heads by the office they once held; read as the
 * office itself, they make a former deputy a president and a meeting of envoys a summit. So a
 * title after such a word keeps the word in its role ("Former Vice President"), and a title
 * left behind ("former", "ex-") gives the meeting no level: the level is that of the offices
 * held at the table. An ousted or exiled leader keeps the level: those who meet them often
 * still hold them to be in office ("visited President Bazoum").
 */

/** The marker right before a title ("former", "ousted", "deposed", "ex-"). */
const FORMER_BEFORE =
  /(?:\b(former|ousted|deposed|exiled|erstwhile)\s+(?:\p{Lu}[\p{L}-]*\s+){0,2}|\b(ex)-(?:\p{Lu}[\p{L}]*-)?)$/iu;

/**
 * The word that says the title ending the text before it is no longer held, as it should open
 * the role ("Former", "Ousted"), or null. `before` is the text right before the title.
 */
export function formerMarker(before: string): string | null {
  const m = FORMER_BEFORE.exec(before);
  if (!m) return null;
  const word = (m[1] ?? 'former').toLowerCase();
  return word[0].toUpperCase() + word.slice(1);
}

/**
 * The text with each "ex-" before a letter opened to "ex " (same length, same offsets), so that
 * a title joined to it by the hyphen ("ex-Vice President") is found as a title at all: a title
 * joined to a word by a hyphen is otherwise taken for part of a name.
 */
export function openExPrefixes(text: string): string {
  return text.includes('ex-') || text.includes('Ex-')
    ? text.replace(/\b([Ee]x)-(?=\p{L})/gu, '$1 ')
    : text;
}

/** Whether the title after `before` is one its holder has left ("former", "ex-"). */
export function leftOffice(before: string): boolean {
  const word = formerMarker(before);
  return word === 'Former' || word === 'Erstwhile';
}
