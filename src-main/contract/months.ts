/**
 * English month names, shared by everything that prints dates (briefings, meeting cards,
 * timelines, benchmarks): one fixed form so output is the same on every machine and locale.
 */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** "Jan" … "Dec". */
export const MONTH_ABBREVIATIONS = MONTH_NAMES.map(m => m.slice(0, 3));
