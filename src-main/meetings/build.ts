/**
 * One merged meeting from the article meetings grouped by `clusterMeetings`: which source's
 * status, date and place it shows, where sources disagree (kept, never resolved silently), how
 * sure each field is, and the relative dates of undated articles resolved through the meeting.
 */
import type {
  ConfidenceField,
  FieldConfidence,
  Meeting,
  MeetingConfidence,
  MeetingDate,
  MeetingOutcome,
  MeetingStatus,
} from '../contract/meeting';
import { sameSurname, surname } from './blocking';
import { datesCompatible, daysBetween, findDates, resolveDate } from './dates';
import { attends } from './hedged-attendance';
import type { Disagreement, MergeItem } from './merge';

/** proposed → scheduled → held: how far a report says the meeting got. */
const STAGE: Record<MeetingStatus, number> = { proposed: 0, scheduled: 1, held: 2 };

/**
 * Oldest report first; undated articles count as oldest, so they never supersede a dated one.
 * Reports of one day put the furthest stage last: the evening's "held" follows the morning's
 * "scheduled".
 */
const byReport = (a: MergeItem, b: MergeItem): number =>
  (a.published ?? '').localeCompare(b.published ?? '') ||
  STAGE[a.status] - STAGE[b.status] ||
  a.file.localeCompare(b.file) ||
  a.order - b.order;

function fnv(s: string): string {
  let h = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < s.length; i++) {
    h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0;
    h2 = Math.imul(h2 ^ s.charCodeAt(i), 2246822519) >>> 0;
  }
  return h.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0').slice(0, 4);
}

function dateLabel(d: MeetingDate): string {
  if (!d.start) return d.text ?? 'no date';
  return d.end && d.end !== d.start ? `${d.start}/${d.end}` : d.start;
}

function width(d: MeetingDate): number {
  return d.start ? daysBetween(d.start, d.end ?? d.start) + 1 : Infinity;
}

const statusLabel = (m: MergeItem): string => (m.outcome ? `${m.status}, ${m.outcome}` : m.status);

/**
 * Status and outcome follow the latest report. A report that goes back a stage after a later
 * one (scheduled after held), or an outcome the latest report does not repeat, is kept as a
 * status disagreement.
 */
function mergedStatus(reports: MergeItem[]): {
  status: MeetingStatus;
  outcome: MeetingOutcome | null;
  disagreement: Disagreement | null;
} {
  const latest = reports[reports.length - 1];
  const outcome = latest.outcome ?? null;
  let regress = false;
  for (let i = 1; i < reports.length; i++)
    if (STAGE[reports[i].status] < STAGE[reports[i - 1].status]) regress = true;
  const otherOutcome = reports.some(m => (m.outcome ?? null) !== outcome);
  return {
    status: latest.status,
    outcome,
    disagreement:
      regress || otherOutcome
        ? { field: 'status', values: reports.map(m => ({ value: statusLabel(m), file: m.file })) }
        : null,
  };
}

/**
 * Relative dates of an undated article ("on Thursday") resolved against the publication date
 * of a dated source of the same meeting, the first whose reading fits the meeting's date. A
 * reading that fits no source's date is left unresolved rather than guessed.
 */
function borrowDate(
  m: MergeItem,
  meetingDate: MeetingDate,
  sources: MergeItem[],
): { date: MeetingDate; via: string } | null {
  if (m.published || m.date.start || !m.date.text || !meetingDate.start) return null;
  const hit = findDates(m.date.text)[0];
  if (!hit) return null;
  for (const s of sources) {
    if (!s.published) continue;
    const date = resolveDate(hit, s.published, m.status === 'held' ? 'past' : 'future');
    if (date.start && datesCompatible(date, meetingDate)) return { date, via: s.file };
  }
  return null;
}

const fromMerge = (confidence: FieldConfidence['confidence']): FieldConfidence => ({
  confidence,
  basis: 'merge',
});

/**
 * Meeting records in the CLI contract shape, plus `disagreements` and `confidence`. The id is
 * derived from the members' first sentences, so it survives re-extraction; `sharedStarts` lists
 * the `articleId:start` keys of sentences that open two meetings of one article, whose members
 * are then told apart by their order in the article (two meetings must never share an id: the
 * renderer stores meetings by id).
 */
export function buildMeeting(
  group: MergeItem[],
  countryName: (code: string) => string,
  sharedStarts: ReadonlySet<string> = new Set(),
): Meeting {
  const members = [...group].sort(byReport);
  const disagreements: Disagreement[] = [];
  const { status, outcome, disagreement } = mergedStatus(members);
  if (disagreement) disagreements.push(disagreement);
  // Date: the narrowest among the sources, preferring those that report the meeting held.
  const dated = members.filter(m => m.date.start);
  const held = dated.filter(m => m.status === 'held');
  const preferred = held.length > 0 ? held : dated;
  let dateFrom: MergeItem | null = null;
  let date: MeetingDate = members.find(m => m.date.text)?.date ?? {
    start: null,
    end: null,
    precision: 'unknown',
    text: null,
  };
  if (preferred.length > 0) {
    dateFrom = preferred.reduce((a, b) => (width(b.date) < width(a.date) ? b : a));
    date = dateFrom.date;
    if (dated.some(x => !datesCompatible(x.date, date)))
      disagreements.push({
        field: 'date',
        values: dated.map(m => ({ value: dateLabel(m.date), file: m.file })),
      });
  }
  const resolved = new Map<MergeItem, { date: MeetingDate; via: string }>();
  for (const m of members) {
    const b = borrowDate(m, date, dated);
    if (b) resolved.set(m, b);
  }
  const cities = members.filter(m => m.city);
  const cityCount = new Map<string, number>();
  for (const m of cities) cityCount.set(m.city ?? '', (cityCount.get(m.city ?? '') ?? 0) + 1);
  const city =
    [...cityCount.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ??
    null;
  if (cityCount.size > 1)
    disagreements.push({
      field: 'place',
      values: cities.map(m => ({ value: m.city ?? '', file: m.file })),
    });
  const placeFrom =
    members.find(m => m.city === city && m.placeCountry) ??
    members.find(m => m.placeCountry) ??
    null;
  const placeCountry = placeFrom?.placeCountry ?? null;
  const countries: string[] = [];
  for (const m of members)
    for (const c of m.countries) if (!countries.includes(c)) countries.push(c);
  // A summit's host takes part: the country of its city, inferred, so marked for checking.
  const hostAdded = Boolean(
    placeCountry &&
    !countries.includes(placeCountry) &&
    !(city && SEATS.has(city) && members.some(m => m.organizations.length > 0)) &&
    hostsSummit(members),
  );
  if (hostAdded && placeCountry) countries.push(placeCountry);
  // One person spelt two ways by two outlets ("Zelensky", "Zelenskyy") is listed once, as the
  // first report spells them.
  // Two spellings are one person only when no report gives them different countries ("Abbas"
  // and "Abbasi" of two countries are two people).
  const seenPeople: { surname: string; country: string | null }[] = [];
  const people = members
    // A person whose attendance a report hedges is not listed unless another states it.
    .flatMap(m => m.people.filter(p => attends(p, m, members)))
    .filter(p => {
      const s = surname(p.name);
      const same = (x: { surname: string; country: string | null }): boolean =>
        x.surname === s ||
        (sameSurname(x.surname, s) && (!x.country || !p.country || x.country === p.country));
      if (seenPeople.some(same)) return false;
      seenPeople.push({ surname: s, country: p.country });
      return true;
    });
  const organizations = [...new Set(members.flatMap(m => m.organizations))];
  const levels = [...new Set(members.flatMap(m => m.levels))];
  const venue = members.find(m => m.venue)?.venue ?? null;
  const purposeFrom = members.find(m => m.purpose) ?? null;
  const id = `m-${fnv(
    members
      .map(m => {
        const key = `${m.articleId}:${m.mentions[0]?.start ?? 0}`;
        return sharedStarts.has(key) ? `${key}:${m.order}` : key;
      })
      .sort()
      .join(','),
  )}`;

  // Confidence: each field keeps what its own source's extractor said of it; a field made by
  // combining sources, or one the sources disagree on, is marked as inferred through the merge.
  const confidence: MeetingConfidence = {};
  const carry = (field: ConfidenceField, from: MergeItem | null | undefined): void => {
    const c = from?.confidence?.[field];
    if (c) confidence[field] = c;
  };
  carry('date', dateFrom ?? members.find(m => m.date.text));
  carry('place', members.find(m => m.city === city) ?? placeFrom);
  carry('status', members[members.length - 1]);
  carry(
    'countries',
    members.find(m => m.countries.length === countries.length),
  );
  carry(
    'people',
    members.find(m => m.people.length === people.length),
  );
  carry(
    'level',
    members.find(m => m.levels.length > 0),
  );
  carry('purpose', purposeFrom);
  if (members.length > 1) {
    if (countries.length > 0 && !members.some(m => m.countries.length === countries.length))
      confidence.countries = fromMerge('medium');
    if (people.length > 0 && !members.some(m => m.people.length === people.length))
      confidence.people = fromMerge('medium');
    for (const d of disagreements)
      confidence[d.field === 'place' ? 'place' : d.field] = fromMerge('low');
  }
  // The host's country came from the place, not from any report's list of participants.
  if (hostAdded) confidence.countries = { confidence: 'medium', basis: 'context' };

  const names = countries.map(countryName);
  const levelText = levels.length > 0 ? levels.join(' and ') : null;
  const title = `${levelText ? levelText[0].toUpperCase() + levelText.slice(1) : 'Meeting'}${names.length > 0 ? `: ${names.join(', ')}` : ''}${city ? ` (${city})` : ''}`;
  return {
    id,
    title,
    status,
    ...(outcome ? { outcome } : {}),
    date,
    place: {
      city,
      country: placeCountry ? { code: placeCountry, name: countryName(placeCountry) } : null,
      venue,
    },
    level: levelText,
    participants: {
      countries: countries.map(code => ({ code, name: countryName(code) })),
      people,
      organizations,
    },
    purpose: purposeFrom?.purpose ?? null,
    ...(Object.keys(confidence).length > 0 ? { confidence } : {}),
    mentions: members.flatMap(m => {
      const r = resolved.get(m);
      return m.mentions.map(x => ({
        file: m.file,
        articleId: m.articleId,
        sentence: x.sentence,
        start: x.start,
        end: x.end,
        status: m.status,
        ...(m.outcome ? { outcome: m.outcome } : {}),
        date: r ? r.date : m.date,
        ...(r
          ? { dateResolvedVia: r.via }
          : m.dateResolvedVia
            ? { dateResolvedVia: m.dateResolvedVia }
            : {}),
      }));
    }),
    ...(disagreements.length > 0 ? { disagreements } : {}),
  };
}

/**
 * Cities that are the seats of international organisations: a summit an organisation holds at
 * its seat (an EU–AU summit in Brussels) is the organisation's, not the city's country's.
 */
const SEATS = new Set([
  'Brussels',
  'Strasbourg',
  'Addis Ababa',
  'New York',
  'Geneva',
  'Vienna',
  'Jakarta',
  'Abuja',
  'Cairo',
  'Jeddah',
  'Riyadh',
]);

/** "the summit", not "on the sidelines of the summit" nor "to prepare the summit". */
const OWN_SUMMIT_RE =
  /^(?:(?!\b(?:sidelines|margins|fringes|prepar\w*|ahead of|before|after)\b).){0,60}$/i;

/**
 * Whether the meeting is a summit of leaders: a summit's host government takes part in it (it
 * chairs it), so the country of its city is a participant. Talks a country only hosts between
 * others are not summits, and a meeting beside or before a summit is not the summit.
 */
function hostsSummit(members: MergeItem[]): boolean {
  if (!members.some(m => m.levels.some(l => l.startsWith('heads of')))) return false;
  return members.some(m =>
    m.mentions.some(x => {
      for (const hit of x.sentence.matchAll(/\bsummit\b/gi)) {
        const before = x.sentence.slice(Math.max(0, (hit.index ?? 0) - 60), hit.index);
        if (OWN_SUMMIT_RE.test(before)) return true;
      }
      return false;
    }),
  );
}
