/**
 * Which meetings the analyst most likely wants to merge into the open one: the merge picker
 * proposes them first, so a duplicate the extractor missed is one or two keys away instead of a
 * hunt through every meeting in the library. The signals are the ones the merge engine itself
 * blocks on (participants and a date window), plus place and people.
 */
import { currentValues, type ShownMeeting } from './decisions';
import { dateSpan } from './timeline';

const DAY = 86_400_000;
/** Dates further apart than this say nothing for a merge. */
const WINDOW_DAYS = 30;

export interface MergeCandidate {
  meeting: ShownMeeting;
  score: number;
  /** Same participants and a near date (or no date to contradict it). */
  likely: boolean;
  /** Days between the two dates (0 when they overlap), null when either is undated. */
  daysApart: number | null;
  sharedCountries: string[];
  /** Both meetings name exactly the same countries. */
  sameCountries: boolean;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let both = 0;
  for (const x of a) if (b.has(x)) both++;
  return both / (a.size + b.size - both);
}

function daysBetween(a: ShownMeeting, b: ShownMeeting): number | null {
  const x = dateSpan(currentValues(a).date);
  const y = dateSpan(currentValues(b).date);
  if (!x || !y) return null;
  // From the last day of one to the first day of the other: 25 and 27 April are 2 days apart.
  const gap = Math.max(x.from - (y.to - DAY), y.from - (x.to - DAY), 0);
  return Math.round(gap / DAY);
}

const surname = (name: string) => name.trim().split(/\s+/).at(-1)?.toLowerCase() ?? '';

/** How alike two meetings are, with the reasons the picker shows. */
export function mergeCandidate(meeting: ShownMeeting, other: ShownMeeting): MergeCandidate {
  const v = currentValues(meeting);
  const w = currentValues(other);
  const mine = new Set(v.countries.map(c => c.code));
  const theirs = new Set(w.countries.map(c => c.code));
  const countries = jaccard(mine, theirs);
  const daysApart = daysBetween(meeting, other);
  const near = daysApart === null ? 0.25 : Math.max(0, 1 - daysApart / WINDOW_DAYS);
  const people = new Set(v.people.map(p => surname(p.name)));
  const sharedPeople = w.people.filter(p => people.has(surname(p.name))).length;
  const sameCity = !!v.place.city && v.place.city.toLowerCase() === w.place.city?.toLowerCase();
  const score = 3 * countries + 2 * near + Math.min(sharedPeople, 2) * 0.75 + (sameCity ? 0.75 : 0);
  return {
    meeting: other,
    score,
    likely: countries >= 0.5 && (daysApart === null || daysApart <= WINDOW_DAYS),
    daysApart,
    sharedCountries: w.countries.filter(c => mine.has(c.code)).map(c => c.name),
    sameCountries: mine.size > 0 && countries === 1,
  };
}

/**
 * The meetings `meeting` could be merged with, likeliest first: same participants and near
 * dates at the top, then the rest by how much they share, then by title.
 */
export function rankMergeCandidates(
  meeting: ShownMeeting,
  others: ShownMeeting[],
): MergeCandidate[] {
  return others
    .filter(o => o.id !== meeting.id && !o.deleted)
    .map(o => mergeCandidate(meeting, o))
    .sort(
      (a, b) =>
        Number(b.likely) - Number(a.likely) ||
        b.score - a.score ||
        a.meeting.fields.title.value.localeCompare(b.meeting.fields.title.value),
    );
}

/** "same countries · 2 days apart", "shares Iran · same dates": why a meeting is proposed. */
export function describeCandidate(c: MergeCandidate): string {
  const parts: string[] = [];
  if (c.sameCountries) parts.push('same countries');
  else if (c.sharedCountries.length > 0) parts.push(`shares ${c.sharedCountries.join(', ')}`);
  if (c.daysApart !== null)
    parts.push(
      c.daysApart === 0
        ? 'same dates'
        : `${c.daysApart} ${c.daysApart === 1 ? 'day' : 'days'} apart`,
    );
  return parts.join(' · ');
}
