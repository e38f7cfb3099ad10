/**
 * Parties a clause gives only by the format of the meeting: "the next trilateral meeting in
 * Brussels", "a similar five-sided meeting in Granada". Such a clause names a format the article
 * has reported before, so its parties are those of the earlier meeting of that format: the one
 * in the same city first (a format is often named for its city), else the latest with as many
 * countries as counted, else, for "a similar meeting", the latest meeting between governments.
 */
import type { ArticleMeeting } from './extract';

/** What a clause says of its own meeting's format. */
export interface FormatCue {
  /** Its own countries, often fewer than the format has. */
  countries: string[];
  /** "trilateral", "five-sided": how many parties it has; null when not counted. */
  counted: number | null;
  city: string | null;
  /** "a similar meeting", "the same format": like one reported before. */
  similar: boolean;
}

const SIMILAR_BEFORE = /\b(?:similar|same[- ]format|likewise)\s+(?:[\p{L}\d-]+\s+){0,2}$/iu;

/** Whether the words before a meeting word ("a similar five-sided") liken it to another. */
export function likenedBefore(phrase: string): boolean {
  return SIMILAR_BEFORE.test(phrase);
}

const within = (a: string[], b: string[]): boolean => a.every(x => b.includes(x));

/**
 * The earlier meeting whose parties the clause's format stands for, or null when the clause
 * names its parties itself or the article has no such meeting.
 */
export function formatPrior(meetings: ArticleMeeting[], cue: FormatCue): ArticleMeeting | null {
  const { countries, counted, city, similar } = cue;
  if (counted === null && !similar) return null;
  if (counted !== null ? countries.length >= counted : countries.length >= 2) return null;
  const latest = [...meetings].reverse();
  const fits = (m: ArticleMeeting): boolean => within(countries, m.countries);
  if (city) {
    const here = latest.find(
      m =>
        m.city === city &&
        m.countries.length >= 2 &&
        (counted === null || m.countries.length <= counted) &&
        fits(m),
    );
    if (here) return here;
  }
  if (counted !== null) {
    const same = latest.find(m => m.countries.length === counted && fits(m));
    if (same) return same;
  }
  return similar ? (latest.find(m => m.countries.length >= 2 && fits(m)) ?? null) : null;
}

/** A meeting whose parties were read from another meeting's format, and what it said itself. */
export interface Borrowed {
  meeting: ArticleMeeting;
  cue: FormatCue;
  from: ArticleMeeting;
}

/**
 * Once the whole article is read: a meeting that took a format's parties from a meeting in
 * another city takes them instead from a meeting of its own city reported later ("the next
 * three-way meeting in Geneva is planned for July. … met on 14 May for talks in Geneva").
 */
export function reformatByCity(meetings: ArticleMeeting[], borrowed: Borrowed[]): void {
  for (const { meeting, cue, from } of borrowed) {
    if (!cue.city || from.city === cue.city) continue;
    const here = formatPrior(
      meetings.filter(m => m !== meeting && m.city === cue.city),
      cue,
    );
    if (!here || here.city !== cue.city) continue;
    const own = new Set(cue.countries);
    meeting.countries = [
      ...new Set([
        ...meeting.countries.filter(c => own.has(c) || !from.countries.includes(c)),
        ...here.countries,
      ]),
    ];
  }
}
