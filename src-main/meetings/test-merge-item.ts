/**
 * One report of a meeting as the merge sees it, for merge-stage tests: a Kenya–Tanzania
 * foreign ministers' meeting in Arusha on 3 June 2024, with `over` changing what a test needs.
 */
import type { MergeItem } from './merge';

export function report(
  file: string,
  published: string | null,
  over: Partial<MergeItem> = {},
): MergeItem {
  return {
    articleId: file,
    file,
    published,
    dateResolvedVia: null,
    mentions: [{ sentence: `What ${file} says.`, start: 0, end: 12 }],
    purpose: null,
    lastSentence: 0,
    order: 0,
    status: 'scheduled',
    date: { start: '2024-06-03', end: '2024-06-03', precision: 'day', text: 'June 3' },
    monthHint: null,
    countries: ['KE', 'TZ'],
    people: [],
    organizations: [],
    levels: ['foreign ministers'],
    city: 'Arusha',
    placeCountry: 'TZ',
    venue: null,
    separate: false,
    ...over,
  };
}
