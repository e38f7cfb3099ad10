/**
 * Generated hostile texts for linear-time tests: each builds about n characters of the shape that
 * makes a backtracking regex quadratic (long runs a pattern scans and then rejects, cues repeated
 * so that every one starts a scan, clauses that never end). PDF-extracted articles carry such runs
 * routinely. Written here, not copied from any article, so any parser's tests can share them.
 */

const repeatTo = (unit: string, n: number): string =>
  unit.repeat(Math.max(1, Math.ceil(n / unit.length)));

/** Name → generator of a text of about n characters. */
export const HOSTILE_TEXTS: Record<string, (n: number) => string> = {
  'a run of spaces inside a line': n => 'Talks ' + ' '.repeat(n) + 'ended',
  'a run of spaces and tabs': n => 'Talks' + repeatTo(' \t', n) + 'ended',
  'lines holding only a space': n => 'Talks' + repeatTo('\n ', n) + 'ended',
  'a run of empty lines': n => 'Talks' + '\n'.repeat(n) + 'ended',
  'a run of carriage returns': n => 'Talks' + '\r'.repeat(n) + 'ended',
  'no-break spaces after a full stop': n => 'It ended.' + repeatTo('\u00a0 ', n) + 'x',
  'a header line with a long gap': n => 'Title: Talks' + ' '.repeat(n) + 'resume',
  'a date cue followed by spaces': n => 'date' + ' '.repeat(n) + 'x',
  'a source cue followed by spaces': n => 'x\nSource:' + ' '.repeat(n) + 'y z',
  'source lines repeated': n => repeatTo('Source: a\n \n', n),
  'a copyright year followed by spaces': n => '© 2020' + ' '.repeat(n) + 'x',
  'copyright signs repeated': n => repeatTo('© (c) Copyright ', n),
  'licence cues repeated': n => repeatTo('All Content by ', n),
  'a clause that never ends': n => repeatTo('the ministers, ', n),
  'sentence ends with double spaces': n => repeatTo('A.  ', n),
  'an upper-case run': n => repeatTo('TEHRAN ', n) + '- x',
  'quotation marks': n => repeatTo('“”’"', n),
  'repeated dates': n => repeatTo('2023-04-24 ', n),
  'a word that never ends': n => 'a' + repeatTo("b'-.", n),
};
