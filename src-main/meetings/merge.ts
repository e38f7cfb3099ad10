/**
 * Cross-article merging: mentions of one real-world meeting in different articles become one
 * meeting. Candidates are compared only within blocks of shared countries (pairs of countries,
 * or the single country of one-country meetings), so 10,000 articles merge in near-linear time.
 * Where sources disagree on date, place or status the disagreement is kept, never resolved
 * silently; a later "held" report supersedes an earlier "scheduled" one.
 */
import type { Meeting, MeetingConfidence, MeetingDate } from '../contract/meeting';
import { datesCompatible, daysBetween } from './dates';
import type { ArticleMeeting } from './extract';

export interface Disagreement {
  field: 'date' | 'place' | 'status';
  values: { value: string; file: string }[];
}

function jaccard(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const sb = new Set(b);
  const inter = a.filter(x => sb.has(x)).length;
  return inter / (a.length + b.length - inter);
}

function surname(name: string): string {
  return name.split(/\s+/).pop()?.toLowerCase() ?? '';
}

function sharesPerson(a: ArticleMeeting, b: ArticleMeeting): boolean {
  const s = new Set(a.people.map(p => surname(p.name)));
  return b.people.some(p => s.has(surname(p.name)));
}

/** How well two article meetings match as one real meeting; -1 when they cannot. */
export function crossScore(a: ArticleMeeting, b: ArticleMeeting): number {
  if (a.articleId === b.articleId || a.separate !== b.separate) return -1;
  if (a.levels.length > 0 && b.levels.length > 0 && !a.levels.some(l => b.levels.includes(l)))
    return -1;
  const j = jaccard(a.countries, b.countries);
  const person = sharesPerson(a, b);
  const org = a.organizations.some(o => b.organizations.includes(o));
  if (a.countries.length > 0 && b.countries.length > 0) {
    if (j < 0.5) return -1;
  } else if (!person && !org) return -1;
  const bothDated = Boolean(a.date.start && b.date.start);
  const dateOk = datesCompatible(a.date, b.date);
  const sameCity = Boolean(a.city && a.city === b.city);
  const cityClash = Boolean(a.city && b.city && a.city !== b.city);
  if (!bothDated && a.monthHint && b.monthHint && a.monthHint !== b.monthHint) return -1;
  if (bothDated && !dateOk) {
    // Sources a few days apart on one meeting: keep as a disagreement when all else agrees.
    if (!(j >= 0.75 && sameCity && datesCompatible(a.date, b.date, 7))) return -1;
  }
  if (cityClash && !(bothDated && dateOk && j >= 0.75)) return -1;
  if (!(bothDated && dateOk) && !sameCity && !person) return -1;
  return j + (sameCity ? 0.5 : 0) + (bothDated && dateOk ? 0.5 : 0) + (person ? 0.3 : 0);
}

function blockKeys(m: ArticleMeeting): string[] {
  const cs = [...m.countries].sort();
  const keys: string[] = [];
  if (cs.length <= 2) for (const c of cs) keys.push(`c:${c}`);
  const capped = cs.slice(0, 8);
  for (let i = 0; i < capped.length; i++)
    for (let k = i + 1; k < capped.length; k++) keys.push(`p:${capped[i]}|${capped[k]}`);
  if (cs.length === 0) {
    for (const p of m.people) keys.push(`n:${surname(p.name)}`);
    for (const o of m.organizations) keys.push(`o:${o}`);
  }
  return keys;
}

function monthsTouched(m: ArticleMeeting): string[] {
  if (!m.date.start) return ['none'];
  const a = new Date(Date.parse(m.date.start) - 7 * 86_400_000);
  const b = new Date(Date.parse(m.date.end ?? m.date.start) + 7 * 86_400_000);
  const out: string[] = [];
  for (
    let y = a.getUTCFullYear(), mo = a.getUTCMonth();
    y < b.getUTCFullYear() || (y === b.getUTCFullYear() && mo <= b.getUTCMonth());
    mo === 11 ? (y++, (mo = 0)) : mo++
  ) {
    out.push(`${y}-${mo}`);
  }
  return out;
}

interface Cluster {
  /** The first member: later items must be compatible with it. */
  seed: ArticleMeeting;
  members: ArticleMeeting[];
  articles: Set<string>;
  stamp: number;
}

/**
 * Groups article meetings into real-world meetings; each group has at most one item per article.
 * Items join the best compatible cluster found through their blocks (shared country pairs and
 * the months their dates touch), so the work grows with the number of items, not its square.
 */
export function clusterMeetings(items: ArticleMeeting[]): ArticleMeeting[][] {
  const clusters: Cluster[] = [];
  const index = new Map<string, Cluster[]>();
  const put = (key: string, c: Cluster): void => {
    const list = index.get(key);
    if (!list) index.set(key, [c]);
    else if (list[list.length - 1] !== c) list.push(c);
  };
  let stamp = 0;
  for (const item of items) {
    stamp++;
    const keys = blockKeys(item);
    const months = monthsTouched(item);
    let best: Cluster | null = null;
    let bestScore = -1;
    const visit = (list: Cluster[] | undefined, cap: number): void => {
      if (!list) return;
      for (let i = list.length - 1, seen = 0; i >= 0 && seen < cap; i--, seen++) {
        const c = list[i];
        if (c.stamp === stamp) continue;
        c.stamp = stamp;
        if (c.articles.has(item.articleId)) continue;
        const s = crossScore(item, c.seed);
        if (s > bestScore) {
          bestScore = s;
          best = c;
        }
      }
    };
    for (const k of keys) {
      if (item.date.start) {
        for (const mo of months) visit(index.get(`${k}@${mo}`), 2000);
        visit(index.get(`${k}@none`), 500);
      } else visit(index.get(`${k}@*`), 500);
    }
    let target: Cluster | null = best;
    if (!target) {
      target = { seed: item, members: [], articles: new Set(), stamp };
      clusters.push(target);
    }
    target.members.push(item);
    target.articles.add(item.articleId);
    for (const k of keys) {
      for (const mo of months) put(`${k}@${mo}`, target);
      put(`${k}@*`, target);
    }
  }
  return clusters.map(c => c.members);
}

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

const byPublished = (a: ArticleMeeting, b: ArticleMeeting): number =>
  (a.published ?? '').localeCompare(b.published ?? '') ||
  a.file.localeCompare(b.file) ||
  a.order - b.order;

/** Meeting records in the CLI contract shape, plus `disagreements` and `sources`. */
export function buildMeeting(
  group: ArticleMeeting[],
  countryName: (code: string) => string,
): Meeting {
  const members = [...group].sort(byPublished);
  const latest = members[members.length - 1];
  const disagreements: Disagreement[] = [];
  // Status: the latest report wins ("held" after "scheduled" supersedes it); a held report
  // followed by a later "scheduled" one is a disagreement worth showing.
  const statuses = new Set(members.map(m => m.status));
  let status = latest.status;
  const held = members.filter(m => m.status === 'held');
  if (held.length > 0 && status !== 'held') {
    disagreements.push({
      field: 'status',
      values: members.map(m => ({ value: m.status, file: m.file })),
    });
    status = 'held';
  } else if (statuses.size > 1 && !statuses.has('held')) {
    status = statuses.has('scheduled') ? 'scheduled' : status;
  }
  // Date: the most precise among the sources; distinct non-overlapping dates are a disagreement.
  const dated = members.filter(m => m.date.start);
  const preferred =
    held.filter(m => m.date.start).length > 0 ? held.filter(m => m.date.start) : dated;
  let date: MeetingDate = members.find(m => m.date.text)?.date ?? {
    start: null,
    end: null,
    precision: 'unknown',
    text: null,
  };
  if (preferred.length > 0) {
    date = preferred.reduce((a, b) => (width(b.date) < width(a.date) ? b : a)).date;
    const clash = dated.some(x => !datesCompatible(x.date, date));
    if (clash)
      disagreements.push({
        field: 'date',
        values: dated.map(m => ({ value: dateLabel(m.date), file: m.file })),
      });
  }
  const dateFrom = members.find(m => m.date === date) ?? null;
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
  const placeCountry =
    members.find(m => m.city === city && m.placeCountry)?.placeCountry ??
    members.find(m => m.placeCountry)?.placeCountry ??
    null;
  const countries: string[] = [];
  for (const m of members)
    for (const c of m.countries) if (!countries.includes(c)) countries.push(c);
  const seenPeople = new Set<string>();
  const people = members
    .flatMap(m => m.people)
    .filter(p => !seenPeople.has(surname(p.name)) && Boolean(seenPeople.add(surname(p.name))));
  const organizations = [...new Set(members.flatMap(m => m.organizations))];
  const levels = [...new Set(members.flatMap(m => m.levels))];
  const venue = members.find(m => m.venue)?.venue ?? null;
  const purpose = members.find(m => m.purpose)?.purpose ?? null;
  const id = `m-${fnv(
    members
      .map(m => `${m.articleId}:${m.mentions[0]?.start ?? 0}`)
      .sort()
      .join(','),
  )}`;
  // Confidence: a field's basis is the source it was taken from; people and countries are
  // carried or looked up only when no source read them in the meeting's own sentence.
  const confidence: MeetingConfidence = {};
  const placeFrom = members.find(m => m.city === city) ?? null;
  if (dateFrom?.confidence.date) confidence.date = dateFrom.confidence.date;
  if (city && placeFrom?.confidence.place) confidence.place = placeFrom.confidence.place;
  for (const f of ['people', 'countries'] as const) {
    const c = members[0].confidence[f];
    if (c && members.every(m => m.confidence[f])) confidence[f] = c;
  }
  const outcome = [...members].reverse().find(m => m.outcome)?.outcome ?? null;
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
    purpose,
    ...(Object.keys(confidence).length > 0 ? { confidence } : {}),
    mentions: members.flatMap(m =>
      m.mentions.map(x => ({
        file: m.file,
        articleId: m.articleId,
        sentence: x.sentence,
        start: x.start,
        end: x.end,
        status: m.status,
        ...(m.outcome ? { outcome: m.outcome } : {}),
        date: m.date,
        ...(m.dateResolvedVia ? { dateResolvedVia: m.dateResolvedVia } : {}),
      })),
    ),
    ...(disagreements.length > 0 ? { disagreements } : {}),
  };
}

function width(d: MeetingDate): number {
  return d.start ? daysBetween(d.start, d.end ?? d.start) + 1 : Infinity;
}
