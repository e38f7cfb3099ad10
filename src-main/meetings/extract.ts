/**
 * Per-article extraction: finds the sentences that report meetings, reads each meeting's
 * participants, place, date and status from the clause around its meeting word, and folds the
 * several mentions of one meeting within an article into one candidate. Sentences that only
 * refer back ("the meeting", "these talks") join the meeting they most plausibly mean and add
 * their date, venue or purpose to it.
 */
import type { Article } from '../contract/article';
import type { MeetingConfidence, MeetingDate, MeetingOutcome, Person } from '../contract/meeting';
import { dayShiftAfter, shiftedDate } from './anchored-dates';
import { splitBilaterals } from './bilaterals';
import { splitMetBoth } from './met-both';
import {
  continuedSpan,
  continuesStory,
  countedDay,
  dayOfEvent,
  endedAfterLength,
  eventSpan,
} from './event-days';
import { carriedDate, carriesStoryDate, carryPlaces } from './carry';
import { carryWhereabouts } from './whereabouts';
import { fillCountedSides } from './counted-sides';
import { meetingDates, monthOf, nearest, preciser } from './clause-dates';
import {
  findTriggers,
  QUICK_TRIGGER_RE,
  statusAt,
  unconfirmed,
  type Status,
  type Trigger,
} from './cues';
import { dateWidth, datesCompatible, NO_DATE, resolveDate, type Tense } from './dates';
import { levelsFromPeople, ownLevels, relateCounterparts } from './counterparts';
import { buildCast, dictionaryLookup, resolvePeople, type ActorLookup, type Cast } from './context';
import { datelineEnd } from './dateline';
import { earlierReportDate } from './earlier-report';
import {
  formatPrior,
  likenedBefore,
  reformatByCity,
  type Borrowed,
  type FormatCue,
} from './formats';
import { takersNamed } from './facilitators';
import { armedGroups } from './armed-groups';
import { seatDelegationHeads } from './delegation-heads';
import { markHedged } from './hedged-attendance';
import { findFurniture, inFurniture } from './furniture';
import { foldHostedTalks, HOSTED_EVENT_AFTER, hostOf, hostsEvent } from './hosted-talks';
import { namedFormatMembers } from './named-formats';
import { continuedBy, possessiveNames } from './next-sentence';
import {
  gatheringAttended,
  namesAttendeesByRank,
  officeHolders,
  reportsAttendance,
} from './attendance';
import { findCountryTerms } from './gazetteer';
import { pageDate } from './reference-date';
import { readParticipants, readPurpose, type Participants, type PlaceFound } from './participants';
import { mayJoin, partiesAgreement, referBackOf, withoutTellers } from './refer-back';
import { capSentences, splitSentences, type Sentence } from './sentences';
import { opensOnOccasion, shareOccasion } from './occasion';
import { findLeg, legParties } from './onward';
import { findPreparation, preparedAfter } from './preparatory';
import { presentReference, stillCurrent } from './present-reference';
import { quoteFrame } from './quote-frame';
import { addTitledReferences, titledAt } from './titled-references';
import { hostsOf } from './host-named';
import {
  eventMeant,
  isSidelineHost,
  organizationsIn,
  sidelineEvent,
  withoutEventOrganizations,
} from './sidelines';
import {
  daysFromSideMeetings,
  eventOfStay,
  lengthInPhrase,
  stayIn,
  type Length,
} from './event-length';

export interface EvidenceSpan {
  sentence: string;
  start: number;
  end: number;
}

/** What one clause says of a meeting, before it is matched to the article's other mentions. */
export interface Candidate {
  status: Status;
  date: MeetingDate;
  monthHint: number | null;
  countries: string[];
  people: Person[];
  organizations: string[];
  levels: string[];
  city: string | null;
  placeCountry: string | null;
  venue: string | null;
  separate: boolean;
  /** Cancelled, postponed or failed, when the clause says so; `status` keeps what was planned. */
  outcome: MeetingOutcome | null;
  /** Fields not read in the meeting's own sentence, and how they were found. */
  confidence: MeetingConfidence;
}

/**
 * A relative date an article without a reference date could not resolve ("on Tuesday",
 * "earlier this month"): its words and the tense it was read in (null when the clause had none
 * and the meeting's status followed from the date). Kept so that the merge can resolve it
 * against a dated source's publication date without the article's text.
 */
export interface RelativeDate {
  text: string;
  tense: Tense | null;
}

/** What a meeting of an undated article leaves to resolve once a reference date is known. */
export interface UnresolvedDates {
  /** Every relative date its clauses gave it, in article order. */
  dates: RelativeDate[];
  /** `order` of the meeting whose date it takes when it has none ("attended the talks, met …"). */
  host: number | null;
}

/** One meeting as one article reports it: what its clauses said, merged, plus its evidence. */
export interface ArticleMeeting extends Candidate {
  articleId: string;
  file: string;
  published: string | null;
  /** Where the reference date came from when the article has none (a merged source's file). */
  dateResolvedVia: string | null;
  mentions: EvidenceSpan[];
  purpose: string | null;
  /** Index of the last sentence that mentioned it, for resolving "the meeting". */
  lastSentence: number;
  /** Index in the article, for stable ids. */
  order: number;
  /** Only for an article without a reference date, when it gave relative dates. */
  unresolved?: UnresolvedDates;
  /** Names of its people whose attendance the article hedges (`hedged-attendance.ts`). */
  hedged?: string[];
}

const BOUNDARY_RE =
  /(?:,\s+and\s+|;\s+|,\s+(?:but|while|whereas)\s+|\s+(?:to discuss|to prepare(?: for)?|preparing for|in the run-up to|to plan|ahead of|prelude to|in preparation for|before|after|following)\s+)/gi;
const ALSO_MET_RE =
  /\balso\s+(?:met|meets|held talks|holds talks|had talks|received|hosted|sat down|talked|conferred)\b/i;
/** A clause that opens on an event still ahead of the one before it. */
const LATER_EVENT_RE =
  /^\s*(?:ahead of|prelude to|in preparation for|to prepare(?: for)?|preparing for|in the run-up to)\s+(?:[\p{L}\d’'-]+\s+){0,7}$/iu;
const INHERIT_BEFORE =
  /\b(?:to attend|attend(?:ed|ing|s)?|at|on the sidelines of|on the margins of|at the margins of|during|in the framework of|within the framework of|as part of|on the fringes of)\s+(?:the\s+|a\s+)?(?:[\p{L}\d’'-]+\s+){0,3}$/iu;

const OUTCOMES: [MeetingOutcome, RegExp][] = [
  [
    'cancelled',
    /\b(?:cancel(?:l)?ed|cancel(?:l)?ation|called off|scrapped|axed|shelved|abandoned)\b/i,
  ],
  [
    'postponed',
    /\b(?:postponed|postponement|put off|pushed back|deferred|rescheduled|put on hold|delayed)\b/i,
  ],
  ['failed', /\b(?:collapsed|broke down|ended without an? (?:agreement|deal|breakthrough))\b/i],
];

/**
 * "was called off on Thursday", "was shelved last week": the day of the decision, not the
 * meeting's ("postponed to Friday" still gives the new day).
 */
const CALLED_OFF_BEFORE =
  /\b(?:cancel(?:l)?ed|called off|scrapped|axed|shelved|abandoned|postponed|put off|put on hold|delayed|deferred)\s+(?:on\s+)?$/i;

/** What became of a meeting, when its clause says: "the summit was called off". */
export function outcomeOf(clause: string): MeetingOutcome | null {
  for (const [outcome, re] of OUTCOMES) if (re.test(clause)) return outcome;
  return null;
}

const RECENT_MEETINGS = 40;
const REMOTE_EVENT_RE =
  /\b(?:tele-?conference|video ?conference|video call|video link|phone call|telephone (?:call|conversation)|held virtually|virtual (?:meeting|summit|talks))\b/i;
const FELL_THROUGH_RE =
  /\b(?:supposed to|meant to|tried and failed|failed to|did not|didn't|never) (?:meet|hold|attend|visit)\b/i;

/** "the next round of talks": another meeting of a format the article has reported. */
const NEXT_ROUND_BEFORE = /\b(?:next|new|another|fresh|further)\s+round\s+of\s+(?:the\s+)?$/i;

/** Verbs of an encounter that are not meeting words by themselves. */
const STORY_EVENT_RE = /\b(?:discussed|greeted|welcomed|arrived|hosted|received|held)\b/i;
const SPEECH_VERB = /\b(?:said|says|told|announced|stated|added|confirmed)\b/;

function tenseOf(status: Status | null): Tense | null {
  return status === 'held' ? 'past' : status === null ? null : 'future';
}

interface Group {
  triggers: Trigger[];
  segment: [number, number];
}

/** Splits the non-anaphoric meeting words of a sentence into clauses, one per meeting. */
function groupTriggers(text: string, primaries: Trigger[], anaphors: Trigger[]): Group[] {
  const groups: Group[] = [];
  for (const t of primaries) {
    const prev = groups[groups.length - 1];
    if (!prev) {
      // "These meetings would be held ..., and direct talks between A and B": the clause of the
      // meeting word starts after the last boundary that follows a reference back.
      let start = 0;
      const lastAnaphor = anaphors.filter(a => a.end <= t.phraseStart).pop();
      if (lastAnaphor) {
        const between = text.slice(lastAnaphor.end, t.phraseStart);
        BOUNDARY_RE.lastIndex = 0;
        for (let m = BOUNDARY_RE.exec(between); m; m = BOUNDARY_RE.exec(between))
          start = lastAnaphor.end + m.index;
      }
      groups.push({ triggers: [t], segment: [start, text.length] });
      continue;
    }
    const last = prev.triggers[prev.triggers.length - 1];
    const between = text.slice(last.end, t.phraseStart);
    let cut = -1;
    BOUNDARY_RE.lastIndex = 0;
    for (let m = BOUNDARY_RE.exec(between); m; m = BOUNDARY_RE.exec(between))
      cut = last.end + m.index;
    if (cut < 0) {
      prev.triggers.push(t);
      continue;
    }
    prev.segment[1] = cut;
    groups.push({ triggers: [t], segment: [cut, text.length] });
  }
  return groups;
}

function jaccard(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const sb = new Set(b);
  const inter = a.filter(x => sb.has(x)).length;
  return inter / (a.length + b.length - inter);
}

function subset(a: string[], b: string[]): boolean {
  const sb = new Set(b);
  return a.length > 0 && a.every(x => sb.has(x));
}

function surnames(people: Person[]): string[] {
  return people.map(p => p.name.split(/\s+/).pop()?.toLowerCase() ?? '');
}

/** Whether a new clause can be another mention of `m` in the same article; a score or -1. */
function sameArticleScore(
  m: ArticleMeeting,
  c: Candidate,
  another = false,
  referBack = false,
): number {
  if (m.separate !== c.separate) return -1;
  // A reference back ("said the talks with …", "would meet her") keeps the tense of its telling,
  // and the level words of its teller ("a spokesman said").
  if (!referBack && (m.status === 'held') !== (c.status === 'held')) return -1;
  if (!datesCompatible(m.date, c.date)) return -1;
  if (m.monthHint && c.monthHint && m.monthHint !== c.monthHint && (!m.date.start || !c.date.start))
    return -1;
  if (
    !referBack &&
    m.levels.length > 0 &&
    c.levels.length > 0 &&
    !c.levels.some(l => m.levels.includes(l))
  )
    return -1;
  if (m.city && c.city && m.city !== c.city) return -1;
  // "X also met Y": the clause adds an encounter, so a new counterpart makes a new meeting.
  if (another) {
    const known = surnames(m.people);
    if (surnames(c.people).some(n => !known.includes(n))) return -1;
    if (c.countries.some(x => !m.countries.includes(x))) return -1;
    if (c.organizations.some(o => !m.organizations.includes(o))) return -1;
  }
  let score = 0;
  if (c.countries.length > 0 && m.countries.length > 0) {
    const j = jaccard(m.countries, c.countries);
    // "The meeting was held in Kuwait. … The Omani sultan held talks in Kuwait City": both
    // clauses sit in one host country, so the host counts among each side's parties.
    const host = m.placeCountry && m.placeCountry === c.placeCountry ? [m.placeCountry] : [];
    const mc = [...new Set([...m.countries, ...host])];
    const cc = [...new Set([...c.countries, ...host])];
    if (j < 0.5 && !subset(cc, mc) && !subset(mc, cc)) return -1;
    score += j;
  } else if (c.people.length > 0 && surnames(c.people).some(s => surnames(m.people).includes(s)))
    score += 0.5;
  // A reference back that names no party of its own ("he said the meeting of the ministers")
  // means a meeting already reported, like "the meeting" does.
  else if (referBack && c.countries.length === 0 && c.people.length === 0) score += 0;
  else if (c.countries.length > 0 || m.countries.length > 0) return -1;
  if (m.city && c.city === m.city) score += 0.3;
  if (m.date.start && c.date.start) score += 0.3;
  return score;
}

function absorb(m: ArticleMeeting, c: Candidate): void {
  const countriesBefore = m.countries.length;
  const peopleBefore = m.people.length;
  for (const x of c.countries) if (!m.countries.includes(x)) m.countries.push(x);
  const known = new Set(surnames(m.people));
  for (const p of c.people) if (!known.has(surnames([p])[0])) m.people.push(p);
  for (const o of c.organizations) if (!m.organizations.includes(o)) m.organizations.push(o);
  for (const l of c.levels) if (!m.levels.includes(l)) m.levels.push(l);
  if (!m.city && c.city) {
    m.city = c.city;
    m.placeCountry = c.placeCountry;
  } else if (!m.placeCountry && c.placeCountry) m.placeCountry = c.placeCountry;
  if (!m.venue && c.venue) m.venue = c.venue;
  const before = m.date;
  mergeDate(m, c.date, c.monthHint);
  if (m.date !== before) m.confidence.date = c.confidence.date;
  if (c.confidence.place && m.city === c.city) m.confidence.place ??= c.confidence.place;
  // A later mention that adds no one ("Vidal and Ortega met …" after their titled first mention)
  // found its names weaker, but says nothing new: the field keeps how it was first found.
  if (c.confidence.people && m.people.length > peopleBefore)
    m.confidence.people ??= c.confidence.people;
  if (c.confidence.countries && m.countries.length > countriesBefore)
    m.confidence.countries ??= c.confidence.countries;
  if (!m.outcome && c.outcome) m.outcome = c.outcome;
  if (m.status === 'proposed' && c.status === 'scheduled') m.status = 'scheduled';
}

function mergeDate(m: ArticleMeeting, date: MeetingDate, monthHint: number | null): void {
  if (date.start && (!m.date.start || dateWidth(date) < dateWidth(m.date))) m.date = date;
  else if (!m.date.start && !m.date.text && date.text) m.date = date;
  if (!m.monthHint && monthHint) m.monthHint = monthHint;
}

/** Picks the meeting an anaphor ("the meeting", "the Tuesday meeting") most plausibly means. */
function resolveAnaphor(
  meetings: ArticleMeeting[],
  sentenceIndex: number,
  status: Status | null,
  levels: string[],
  counted: number | null,
  date: MeetingDate,
  exclude: ArticleMeeting | null,
  named: string[] = [],
): ArticleMeeting | null {
  let best: ArticleMeeting | null = null;
  let bestScore = -Infinity;
  for (const m of meetings) {
    if (m === exclude) continue;
    let s = -0.1 * (sentenceIndex - m.lastSentence) - (m.separate ? 0.5 : 0);
    s += partiesAgreement(named, m.countries);
    if (status) s += (status === 'held') === (m.status === 'held') ? 1 : -1;
    if (levels.length > 0 && m.levels.length > 0)
      s += levels.some(l => m.levels.includes(l)) ? 1 : -0.5;
    if (counted) s += m.countries.length === counted ? 1 : -0.5;
    if (!datesCompatible(m.date, date)) s -= 3;
    if (s > bestScore) {
      bestScore = s;
      best = m;
    }
  }
  return best;
}

function addMention(m: ArticleMeeting, s: Sentence, index: number): void {
  m.lastSentence = index;
  // Sentences come in order, so a repeat can only be the last mention (a constant-time check).
  if (m.mentions[m.mentions.length - 1]?.start !== s.start)
    m.mentions.push({ sentence: s.text, start: s.start, end: s.end });
}

/**
 * Meetings one article reports. `given` overrides the publication date used for relative dates
 * (for undated articles resolved through a merged source); `via` names that source.
 */
export function extractArticle(
  article: Article,
  given: string | null = article.published,
  via: string | null = null,
  lookup: ActorLookup | null = dictionaryLookup,
): ArticleMeeting[] {
  const meetings: ArticleMeeting[] = [];
  const dl = datelineEnd(article);
  const furniture = findFurniture(article.text);
  // Without a publication date, the date the page printed in its furniture.
  const ref = given ?? pageDate(article.text, furniture);
  const sentences = capSentences(splitSentences(article.text));
  // Without any reference date, what each meeting leaves to resolve once the merge lends one.
  const pending = new Map<ArticleMeeting, UnresolvedDates>();
  const pendingOf = (m: ArticleMeeting): UnresolvedDates => {
    let p = pending.get(m);
    if (!p) pending.set(m, (p = { dates: [], host: null }));
    return p;
  };
  const keepRelative = (m: ArticleMeeting, d: MeetingDate, tense: Tense | null): void => {
    if (ref === null && !d.start && d.text) pendingOf(m).dates.push({ text: d.text, tense });
  };
  // One dictionary answer per name and date within an article: names recur from clause to clause.
  // Keyed by name, then date: a joined key cost a string built and hashed on every word.
  const memo = new Map<string, Map<string | null, ReturnType<ActorLookup>>>();
  const cachedLookup: ActorLookup | null = lookup
    ? (name, onDate) => {
        let byDate = memo.get(name);
        if (!byDate) memo.set(name, (byDate = new Map()));
        let answer = byDate.get(onDate);
        if (answer === undefined) byDate.set(onDate, (answer = lookup(name, onDate)));
        return answer;
      }
    : null;
  // The cast is read once, and only for an article that reports a meeting.
  let cast: Cast | null = null;
  const castOf = (): Cast =>
    (cast ??= buildCast(sentences, x => inFurniture(furniture, x.start, x.end)));
  const breaks: number[] = [];
  for (const m of article.text.matchAll(/\n[^\S\n]*\n/g)) breaks.push(m.index);
  const paragraphOf = (at: number): number => {
    let lo = 0;
    let hi = breaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (breaks[mid] < at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const storyDateBefore = (index: number) => {
    const prev = sentences[index - 1];
    if (!prev || inFurniture(furniture, prev.start, prev.end)) return null;
    // Only a day the story sets for an encounter it reports: "On Monday the president received".
    if (!QUICK_TRIGGER_RE.test(prev.text) && !STORY_EVENT_RE.test(prev.text)) return null;
    const hit = meetingDates(prev.text, 0, prev.text.length).find(
      h => h.spec.type === 'weekday' || h.spec.type === 'relday',
    );
    if (!hit) return null;
    return {
      date: resolveDate(hit, ref, 'past'),
      sentence: index - 1,
      paragraph: paragraphOf(prev.start),
    };
  };
  // Days on which the article reports a call or a video conference: talks it mentions on such a
  // day with no place of their own are that remote encounter, not a meeting.
  const remoteDays = new Set<string>();
  // People a reference back says ran or joined a meeting ("facilitated by …"), not its parties.
  const facilitators = new Set<Person>();
  // Meetings whose parties came from an earlier meeting of their format ("the next trilateral").
  const borrowed: Borrowed[] = [];
  // The summit each sideline clause introduced, by the bilateral it was read from.
  const sideEvents = new Map<ArticleMeeting, ArticleMeeting>();
  // Meetings first read from "X is hosting talks", by the host's country (`hosted-talks.ts`).
  const hosting = new Map<ArticleMeeting, string>();
  // Events whose length the text states ("the two-day summit", "were there for two days").
  const lengths = new Map<ArticleMeeting, Length>();
  // "met on the second day of the ministerial" before the ministerial has days to count from.
  const countedLater: { target: ArticleMeeting; host: ArticleMeeting; nth: number | 'last' }[] = [];
  // Gatherings whose clause counts its attendees without naming them ("a number of African
  // leaders gathered …"): the sentences after it may say who was there (`attendance.ts`).
  const unnamed = new Set<ArticleMeeting>();
  // Of those, events known by their attendees' rank alone ("a summit of African leaders"): one
  // whose attendees the story never names is not a meeting anyone can check, and is dropped.
  const unattended = new Set<ArticleMeeting>();
  sentences.forEach((s, index) => {
    if (inFurniture(furniture, s.start, s.end)) return;
    if (REMOTE_EVENT_RE.test(s.text))
      for (const h of meetingDates(s.text, 0, s.text.length)) {
        const d = resolveDate(h, ref, 'past');
        if (d.start && d.precision === 'day') remoteDays.add(d.start);
      }
    const quick = QUICK_TRIGGER_RE.test(s.text);
    const triggers = quick ? findTriggers(s.text) : [];
    if (triggers.length === 0) {
      // "They started today and will end on Friday": the span of the event just reported.
      if (!quick && meetings.length > 0 && continuesStory(s.text)) {
        spanOfStory(meetings, s, index, ref);
      }
      // "APEC trade ministers were in Lima for two days to talk about …": the length of the
      // event the story is about, and what it was for.
      const stay = meetings.length > 0 ? stayIn(s.text) : null;
      const stayed = stay && eventOfStay(meetings, s.text, stay, index);
      if (stay && stayed) {
        if (!lengths.has(stayed)) lengths.set(stayed, stay);
        stayed.purpose ??= readPurpose(s.text);
        addMention(stayed, s, index);
      }
      // "Senegal's Macky Sall was present, as was …": who attended the gathering just reported.
      const attended =
        unnamed.size > 0 && reportsAttendance(s.text) ? gatheringAttended(unnamed, index) : null;
      if (attended) {
        seatAttendees(attended, s, index, castOf(), cachedLookup, ref);
        return;
      }
      // "…, Peruvian Foreign Minister Tomás Ortega and … also spoke about": the people the
      // meeting of the sentence before left unnamed.
      const more = continuedBy(meetings, s.text, index);
      if (more) {
        more.meeting.people.push(...more.people);
        more.meeting.confidence.people ??= { confidence: 'medium', basis: 'context' };
      }
      return;
    }
    const dlInSentence = s.start < dl ? Math.min(dl - s.start, s.text.length) : 0;
    let anaphors = triggers.filter(t => t.anaphoric);
    let primaries = triggers.filter(t => !t.anaphoric);
    // "met on Monday ahead of the summit on Thursday": the summit is a meeting of its own.
    const prep = findPreparation(s.text, triggers);
    if (prep) {
      const others = (t: Trigger): boolean =>
        t.start !== prep.event.start && t.start !== prep.gathering?.start;
      anaphors = anaphors.filter(others);
      primaries = [...(prep.gathering ? [prep.gathering] : []), ...primaries.filter(others)];
      primaries = [...primaries, prep.event].sort((a, b) => a.start - b.start);
    }
    // "discussed various topics at their meeting today" as the story's first mention: there is
    // nothing to refer back to, so the reference introduces the meeting.
    if (primaries.length === 0 && anaphors.length > 0 && meetings.length === 0) {
      primaries = [{ ...anaphors[0], anaphoric: false }];
      anaphors = anaphors.slice(1);
    }
    let handled = false;
    // The date of the sentence's previous clause: "arrived on Monday ahead of the summit on
    // Thursday" reads Thursday forward from Monday.
    let clauseDate: MeetingDate | null = null;
    let placeOfAnaphor: { place: PlaceFound; meetingsBefore: number } | null = null;
    const sidelines: { bilateral: ArticleMeeting; event: Trigger }[] = [];
    // The meetings of the clause before, for "…, ahead of a three-way meeting in the afternoon".
    let previousTargets: ArticleMeeting[] = [];
    // Where the clause before starts and where its meeting word is, for the traveller of a leg.
    let previousClause: [number, number] | null = null;
    // "gathered … to prepare the summit in February": the purpose is the gathering's; the summit
    // is what it prepares, and its own purpose can only come after its noun.
    const prepared = prep ? primaries.indexOf(prep.event) : -1;
    const preparer = prepared > 0 ? primaries[prepared - 1] : null;
    for (const group of groupTriggers(s.text, primaries, anaphors)) {
      const head = group.triggers[0];
      const purposeSpan: [number, number] =
        prep && group.triggers.includes(prep.event)
          ? [prep.event.end, group.segment[1]]
          : preparer && group.triggers.includes(preparer)
            ? [group.segment[0], s.text.length]
            : group.segment;
      const isVisit = group.triggers.some(t => t.kind === 'visit' || t.kind === 'host');
      const parts = readParticipants(s.text, group.segment, dlInSentence, head.start, isVisit);
      // A place named inside "the Moscow talks" belongs to the talks referred to, not this one.
      const named = parts.place;
      const namer = named && anaphors.find(a => named.at >= a.phraseStart && named.at < a.end);
      if (named && namer) {
        placeOfAnaphor ??= { place: named, meetingsBefore: meetings.length };
        parts.place = null;
      }
      let status = statusAt(s.text, head, group.segment);
      const outcome = outcomeOf(s.text.slice(group.segment[0], group.segment[1]));
      // A called-off or postponed meeting was planned, whatever the tense of the report, and
      // its day is read forward: "postponed to Friday".
      if (status !== 'proposed' && (outcome === 'cancelled' || outcome === 'postponed'))
        status = 'scheduled';
      // "Briefing reporters on Monday, the spokesman said the talks ...": Monday is the briefing's.
      // The dateline's day is the filing's ("Niamey, (Agency - 20th Aug) :"), not the meeting's.
      const hits = meetingDates(s.text, group.segment[0], group.segment[1]).filter(
        h =>
          h.start >= dlInSentence &&
          !(h.end <= head.start && SPEECH_VERB.test(s.text.slice(h.end, head.start))) &&
          !CALLED_OFF_BEFORE.test(s.text.slice(Math.max(0, h.start - 30), h.start)),
      );
      const hit = preciser(hits, nearest(hits, head.start), ref, tenseOf(status));
      // "this evening" inside a quotation counts from the day it was said, when the text says.
      const frame =
        (hit && quoteFrame(s.text, sentences[index - 1]?.text ?? null, hit, ref)) ?? ref;
      let date = hit ? resolveDate(hit, frame, tenseOf(status)) : NO_DATE;
      const readTense = tenseOf(status);
      if (status === null) {
        status = date.start && ref && date.start > ref ? 'scheduled' : 'held';
        if (hit) date = resolveDate(hit, frame, tenseOf(status));
      }
      if (status === 'held' && date.start && ref && date.start > ref && hit?.spec.type !== 'day') {
        status = 'scheduled';
      }
      // "had previously reported that she would travel next week": counted from that report.
      const told = hit && earlierReportDate(s.text, hit, ref, tenseOf(status));
      if (told) date = told;
      // "ahead of the summit on Thursday": the event prepared for comes after the clause before
      // it, whatever that clause's tense; it is still to come if it falls after publication.
      const anchor = clauseDate?.end ?? clauseDate?.start ?? null;
      if (anchor && hit && LATER_EVENT_RE.test(s.text.slice(group.segment[0], head.start))) {
        date = resolveDate(hit, anchor, 'future');
        if (date.start && ref) status = date.start > ref ? 'scheduled' : 'held';
      }
      // "The meeting comes six days after the ministers met": the clause's day is that distance
      // from the day of the meeting referred to.
      const anchorRef = anaphors.filter(a => a.end <= head.phraseStart).pop();
      const shift = anchorRef ? dayShiftAfter(s.text, anchorRef.end) : null;
      let anchored = false;
      if (shift && shift.end <= head.phraseStart) {
        const anchorMeeting = resolveAnaphor(meetings, index, null, [], null, NO_DATE, null);
        const shifted =
          anchorMeeting &&
          shiftedDate(anchorMeeting.date, shift, s.text.slice(shift.start, shift.end));
        if (shifted) {
          anchored = true;
          date = shifted;
          if (ref && shifted.start) status = shifted.start > ref ? 'scheduled' : 'held';
        }
      }
      // "…, and from there she will fly on to Oslo", "After the summit, she visits Hanoi": the next
      // leg of a trip, in the days after the event it follows, by that event's traveller.
      const before = previousTargets[previousTargets.length - 1];
      const leg =
        hit || anchored
          ? null
          : findLeg(
              s.text,
              group.segment[0],
              head,
              group.triggers,
              anaphors,
              before && previousClause ? { meeting: before, clause: previousClause } : null,
              a => resolveAnaphor(meetings, index, null, [], countedOf(s.text, a), NO_DATE, null),
            );
      if (leg?.date) {
        date = leg.date;
        anchored = true;
      }
      // "began on Monday and will run until Friday": the event's end, read forward from its start.
      const span =
        eventSpan(s.text, group.segment[0], group.segment[1], ref, date) ??
        endedAfterLength(s.text.slice(group.segment[0], group.segment[1]), date);
      if (span) date = span;
      if (date.start) clauseDate = date;
      const confidence: MeetingConfidence = {};
      if (leg?.date) confidence.date = { confidence: 'medium', basis: 'context' };
      // The relative date this clause could not resolve for want of a reference date.
      let relative: { date: MeetingDate; tense: Tense | null } | null = hit
        ? { date, tense: readTense }
        : null;
      if (!hit && !anchored) {
        const story = storyDateBefore(index);
        const carried = carriedDate(story, index, paragraphOf(s.start), status === 'held');
        if (carried) {
          date = carried;
          confidence.date = { confidence: 'medium', basis: 'context' };
        } else if (story && carriesStoryDate(story, index, paragraphOf(s.start), status === 'held'))
          relative = { date: story.date, tense: 'past' };
      }
      if (
        status === 'proposed' &&
        date.precision === 'day' &&
        !/\b(?:could|might|may|possible|possibly|likely|proposed|propose)\b/.test(s.text) &&
        !unconfirmed(s.text)
      ) {
        status = 'scheduled';
      }
      const who = resolvePeople(
        s.text,
        group.segment,
        parts.people,
        castOf(),
        cachedLookup,
        date.start ?? ref,
      );
      // "met her Peruvian counterpart": the counterpart holds the office of the one they meet.
      who.people = relateCounterparts(who.people, cachedLookup, date.start ?? ref);
      // "The emir and the sultan held talks": the story's people, named by their titles alone.
      addTitledReferences(who, s.text, group.segment, castOf());
      let countries = [...parts.countries];
      // The traveller a leg's pronoun stands for, and the country the leg goes to.
      const onward = leg && legParties(leg, who.people, parts.countries);
      if (onward && onward.people.length > 0) {
        who.people = [...who.people, ...onward.people];
        if (who.basis === 'sentence') who.basis = 'context';
        for (const c of onward.countries) if (!who.countries.includes(c)) who.countries.push(c);
      }
      for (const c of who.countries) if (!countries.includes(c)) countries.push(c);
      // The host of a reception or a visit is a participant: "X received Y in Hanoi".
      const hostCountry = parts.place?.code;
      if (
        hostCountry &&
        group.triggers.some(
          t =>
            t.kind === 'visit' ||
            (t.kind === 'host' && !HOSTED_EVENT_AFTER.test(s.text.slice(t.end, t.end + 40))),
        ) &&
        !countries.includes(hostCountry)
      ) {
        countries = [...countries, hostCountry];
      }
      // "the next trilateral meeting in Brussels": the parties of that format reported before.
      const format: FormatCue = {
        countries,
        counted: parts.countedParties,
        city: parts.place?.city ?? null,
        similar:
          likenedBefore(s.text.slice(Math.max(0, head.phraseStart - 2), head.start)) ||
          NEXT_ROUND_BEFORE.test(
            s.text.slice(Math.max(0, head.phraseStart - 40), head.phraseStart),
          ),
      };
      const prior = formatPrior(meetings, format);
      if (prior) countries = [...new Set([...countries, ...prior.countries])];
      // "the top diplomats of the Astana format": the members of a format known by name.
      const members = namedFormatMembers(s.text, group.segment[0], group.segment[1]);
      const implied = members.filter(c => !countries.includes(c));
      countries = [...countries, ...implied];
      // "Several Asian ministers gathered … to prepare the summit", "Peru will host a summit of
      // Andean leaders": a gathering its clause names by its attendees' rank alone is a meeting
      // still, whose attendees come later.
      const gathers = head === prep?.gathering;
      const countsOnly =
        parts.levels.length > 0 &&
        (gathers || group.triggers.some(t => namesAttendeesByRank(s.text, t.end)));
      if (countries.length + who.people.length + parts.organizations.length === 0 && !countsOnly)
        continue;
      if (
        status === 'held' &&
        !parts.place &&
        !parts.venue &&
        date.start &&
        date.precision === 'day' &&
        remoteDays.has(date.start)
      )
        continue;
      const separate = group.triggers.some(t => t.separate);
      // "met … on the sidelines of the summit", "met on the second day of the summit": the
      // meeting is beside the summit, not part of it, and "the NATO summit" names the summit's
      // organisation, not a party to the meeting held beside it.
      const besideRefs = anaphors.filter(
        a =>
          a.start >= group.segment[0] &&
          (isSidelineHost(s.text, a) || onCountedDay(s.text, a, head)),
      );
      const organizations =
        besideRefs.length === 0
          ? parts.organizations
          : withoutEventOrganizations(s.text, group.segment, besideRefs, parts.organizations);
      const cand: Candidate = {
        status,
        date,
        monthHint: monthOf(hit),
        countries,
        people: who.people,
        organizations,
        levels: ownLevels(parts.levels, s.text.slice(group.segment[0], group.segment[1])),
        city: parts.place?.city ?? null,
        placeCountry: parts.place?.code ?? onward?.destination ?? null,
        venue: parts.venue,
        separate,
        outcome,
        confidence,
      };
      if (who.basis !== 'sentence')
        cand.confidence.people = {
          confidence: who.basis === 'dictionary' ? 'low' : 'medium',
          basis: who.basis === 'dictionary' ? 'dictionary' : 'context',
        };
      if (who.countries.some(c => !parts.countries.includes(c)) && who.basis !== 'sentence')
        cand.confidence.countries = cand.confidence.people;
      if (implied.length > 0)
        cand.confidence.countries = { confidence: 'low', basis: 'dictionary' };
      const another = ALSO_MET_RE.test(s.text.slice(group.segment[0], group.segment[1]));
      const beside = besideRefs.map(a =>
        eventMeant(
          resolveAnaphor(meetings, index, status, [], countedOf(s.text, a), NO_DATE, null),
          sideEvents,
        ),
      );
      // "said the talks with the rebels began", "would meet her": a meeting already reported.
      const back = referBackOf(s.text, head, group.segment);
      // "held meetings with his Finnish and Greek counterparts": one meeting per counterpart.
      const targets: ArticleMeeting[] = [];
      // "met both A and B": one encounter with each.
      const each =
        splitBilaterals(s.text, head, group.segment[1], cand) ??
        splitMetBoth(s.text, group.triggers, group.segment[1], cand, parts.place?.at ?? null);
      for (const one of each ?? [cand]) {
        let target: ArticleMeeting | null = null;
        let bestScore = -1;
        let joinedBack = false;
        // A reference back adds what it says of the meeting, not the people who tell of it.
        const bare = back ? withoutTellers(s.text, head.start, one) : null;
        // Only the latest meetings: an article's mentions of one meeting sit near each other, and a
        // bounded search keeps a pathological article linear.
        for (const m of meetings.slice(-RECENT_MEETINGS)) {
          // One encounter of a split clause is never another's mention ("met both A and B").
          if (beside.includes(m) || targets.includes(m)) continue;
          let own = sameArticleScore(m, one, another);
          let viaBack = false;
          if (own < 0 && bare && back && mayJoin(back, one.date, m.status)) {
            own = sameArticleScore(m, bare, another, true);
            viaBack = own >= 0;
          }
          const sc = own - 0.05 * (index - m.lastSentence);
          if (own >= 0 && sc > bestScore) {
            bestScore = sc;
            target = m;
            joinedBack = viaBack;
          }
        }
        if (target) absorb(target, joinedBack && bare ? bare : one);
        else {
          target = {
            articleId: article.id,
            file: article.source,
            // A page date stands in for a missing publication date, so merging need not borrow one.
            published: article.published ?? (via === null ? ref : null),
            dateResolvedVia: via,
            mentions: [],
            ...one,
            countries: [...one.countries],
            people: [...one.people],
            organizations: [...one.organizations],
            levels: [...one.levels],
            confidence: { ...one.confidence },
            purpose: null,
            lastSentence: index,
            order: meetings.length,
          };
          meetings.push(target);
          // Waiting for its attendees: none seated but the host of the summit.
          if (
            countsOnly &&
            target.people.length === 0 &&
            target.countries.every(c => c === one.placeCountry)
          ) {
            unnamed.add(target);
            if (!gathers && target.countries.length + target.organizations.length === 0)
              unattended.add(target);
          }
          if (prior) borrowed.push({ meeting: target, cue: format, from: prior });
          const host = hostsEvent(s.text, group.triggers) ? hostOf(one) : null;
          if (host) hosting.set(target, host);
        }
        if (relative) keepRelative(target, relative.date, relative.tense);
        // "traveled to attend the four-way meeting, met separately": same date and place.
        for (const a of anaphors) {
          const before = s.text.slice(Math.max(0, a.phraseStart - 60), a.phraseStart);
          // "met on the second day of the summit": that day of the summit's dates.
          const nth = countedDay(before);
          if (!INHERIT_BEFORE.test(before) && nth === null) continue;
          const host = resolveAnaphor(
            meetings,
            index,
            status,
            [],
            countedOf(s.text, a),
            NO_DATE,
            target,
          );
          if (!host) {
            // "met … on the sidelines of the NATO summit", the summit's first mention: it is an
            // encounter of its own, which the bilateral's parties attended.
            if (isSidelineHost(s.text, a)) sidelines.push({ bilateral: target, event: a });
            continue;
          }
          // "on the second day of the APEC ministerial meeting in Lima" names the
          // event held beside: it is evidence of that event too, with its organisation.
          if (besideRefs.includes(a) && host !== target) {
            for (const o of organizationsIn(s.text, a))
              if (!host.organizations.includes(o)) host.organizations.push(o);
            const length = lengthInPhrase(s.text.slice(a.phraseStart, a.end));
            if (length && !lengths.has(host)) lengths.set(host, length);
            addMention(host, s, index);
          }
          const day = nth === null ? null : dayOfEvent(host.date, nth);
          if (nth !== null && !day && !host.date.start) countedLater.push({ target, host, nth });
          // A day counted within the event beats one carried from the sentence before.
          if (day && (!target.date.start || target.confidence.date?.basis === 'context')) {
            target.date = day;
            target.confidence.date = { confidence: 'medium', basis: 'context' };
          } else if (!target.date.start && host.date.start) target.date = host.date;
          else if (!target.date.start && ref === null) pendingOf(target).host ??= host.order;
          if (!target.city && host.city) {
            target.city = host.city;
            target.placeCountry = host.placeCountry;
          }
        }
        target.purpose ??= readPurpose(s.text.slice(...purposeSpan));
        addMention(target, s, index);
        targets.push(target);
      }
      if (opensOnOccasion(s.text.slice(group.segment[0], head.phraseStart)))
        shareOccasion(previousTargets, [...targets, ...[...meetings].reverse()]);
      previousTargets = targets;
      previousClause = [group.segment[0], head.phraseStart];
      handled = true;
    }
    for (const { bilateral, event: named } of sidelines.splice(0))
      if (bilateral.mentions.length === 1) {
        const phrase: [number, number] = [named.phraseStart, named.end];
        const event = sidelineEvent(bilateral, meetings.length, organizationsIn(s.text, named));
        const length = lengthInPhrase(s.text.slice(phrase[0], phrase[1]));
        if (length) lengths.set(event, length);
        meetings.push(event);
        sideEvents.set(bilateral, event);
      }
    // "The Vienna meeting prepares a summit": the new clause is the summit's, but
    // the meeting it refers back to was in Quebec City, which an earlier mention may not have said.
    if (handled && placeOfAnaphor) {
      const { place, meetingsBefore } = placeOfAnaphor;
      const earlier = meetings.slice(0, meetingsBefore);
      const meant = resolveAnaphor(earlier, index, null, [], null, NO_DATE, null);
      if (
        meant &&
        place.city &&
        !meant.city &&
        (!meant.placeCountry || meant.placeCountry === place.code)
      ) {
        meant.city = place.city;
        meant.placeCountry = place.code;
        meant.confidence.place ??= { confidence: 'medium', basis: 'context' };
      }
    }
    if (handled || anaphors.length === 0 || meetings.length === 0) return;
    // "were supposed to meet …, but X cancelled the summit": the summit is the plan that fell
    // through, not a meeting already reported.
    if (FELL_THROUGH_RE.test(s.text)) return;
    // Only references back: attach to the meeting meant, adding what the sentence says of it.
    const a = anaphors[0];
    const seg: [number, number] = [0, s.text.length];
    // "The talks were mostly about preparations for the summit": the wording of the event
    // prepared ("preparations for") says nothing of the discussions' own tense.
    const cue = preparedAfter(s.text, triggers, a);
    const status = statusAt(s.text, a, cue === null ? seg : [0, cue]);
    const parts: Participants = readParticipants(s.text, seg, dlInSentence, a.start, false);
    const hits = meetingDates(s.text, 0, s.text.length).filter(h => h.start >= dlInSentence);
    const hit = preciser(hits, nearest(hits, a.start), ref, tenseOf(status));
    const date = hit ? resolveDate(hit, ref, tenseOf(status)) : NO_DATE;
    // "The visit provides …": a meeting still current, not one the article only recalls.
    const current = presentReference(s.text, a.end)
      ? meetings.filter(m => stillCurrent(m.date, ref))
      : [];
    const target = resolveAnaphor(
      current.length > 0 ? current : meetings,
      index,
      status,
      parts.levels,
      countedOf(s.text, a),
      date,
      null,
      parts.countries,
    );
    if (!target) return;
    // "The talks are being facilitated by …": the people who took part in the meeting meant.
    const known = new Set(surnames(target.people));
    const takers = takersNamed(s.text).filter(p => !known.has(surnames([p])[0]));
    if (takers.length > 0) {
      target.people.push(...takers);
      for (const p of takers) facilitators.add(p);
      target.confidence.people ??= { confidence: 'medium', basis: 'context' };
    }
    // "said the talks were the first between the government and the Front": the group the
    // reference names as a party sits at the talks meant.
    for (const g of armedGroups(s.text, a.start))
      if (!target.organizations.includes(g.name)) target.organizations.push(g.name);
    // "she thanked the summit host, Chile's President X": the host sits at the summit.
    const hosts = hostsOf(target, s.text);
    if (hosts.length > 0) {
      target.people.push(...hosts);
      target.confidence.people ??= { confidence: 'medium', basis: 'context' };
    }
    // "The emir and the sultan led the talks": its parties, by title alone.
    const titled = titledAt(target, s.text, castOf());
    if (titled.length > 0) {
      target.people.push(...titled);
      target.confidence.people ??= { confidence: 'medium', basis: 'context' };
    }
    if (hit && datesCompatible(target.date, date)) mergeDate(target, date, monthOf(hit));
    if (hit) keepRelative(target, date, tenseOf(status));
    if (!target.venue && parts.venue) target.venue = parts.venue;
    const outcome = outcomeOf(s.text);
    if (outcome) {
      target.outcome = outcome;
      if (target.status === 'held' && outcome !== 'failed') target.status = 'scheduled';
    }
    // "The Vienna meeting": the reference names the meeting's city.
    if (!target.city && parts.place?.city) {
      target.city = parts.place.city;
      target.placeCountry = parts.place.code;
    }
    target.purpose ??= readPurpose(s.text);
    addMention(target, s, index);
  });
  foldHostedTalks(meetings, hosting, facilitators);
  reformatByCity(meetings, borrowed);
  carryPlaces(meetings);
  carryWhereabouts(meetings, ref);
  // An event the text gives a length but no days: the days of its attendees' side meetings.
  for (const [event, length] of lengths) {
    const days = daysFromSideMeetings(event, length, meetings);
    if (!days) continue;
    event.date = days;
    event.confidence.date = { confidence: 'medium', basis: 'context' };
  }
  for (const { target, host, nth } of countedLater) {
    const day = dayOfEvent(host.date, nth);
    if (day && (!target.date.start || target.confidence.date?.basis === 'context')) {
      target.date = day;
      target.confidence.date = { confidence: 'medium', basis: 'context' };
    }
  }
  // "a five-sided meeting" that lists four: the side the story's other meetings all seat.
  fillCountedSides(meetings);
  // "The delegation is led by X. … The delegation met …": the head of the delegation meant.
  seatDelegationHeads(
    meetings,
    article.text,
    sentences,
    x => inFurniture(furniture, x.start, x.end),
    castOf,
  );
  // People whose attendance is hedged ("without saying if they included …") set no level either.
  for (const p of markHedged(meetings, sentences)) facilitators.add(p);
  levelsFromPeople(meetings, facilitators);
  for (const [m, p] of pending) if (p.dates.length > 0 || p.host !== null) m.unresolved = p;
  // A hosting clause folded into the talks it hosts is gone already (`foldHostedTalks`).
  for (const m of unattended) {
    const at = meetings.indexOf(m);
    if (at >= 0 && m.countries.length + m.people.length + m.organizations.length === 0)
      meetings.splice(at, 1);
  }
  return meetings;
}

/**
 * Seats at a gathering the people an attendance sentence names: with a title, after a country's
 * possessive ("Senegal's Macky Sall"), after a body's office ("the President of the European
 * Council, Charles Michel") or known to the cast or the dictionary, with their countries
 * (medium confidence, from context, or low from the dictionary). The sentence is its evidence.
 */
function seatAttendees(
  m: ArticleMeeting,
  s: Sentence,
  index: number,
  cast: Cast,
  lookup: ActorLookup | null,
  ref: string | null,
): void {
  const terms = findCountryTerms(s.text);
  const parts = readParticipants(s.text, [0, s.text.length], 0, 0, false);
  const known = new Set(parts.people.map(p => p.name));
  const found = [...parts.people];
  for (const p of [...possessiveNames(s.text, terms, parts.people), ...officeHolders(s.text)])
    if (!known.has(p.name)) {
      known.add(p.name);
      found.push(p);
    }
  const who = resolvePeople(s.text, [0, s.text.length], found, cast, lookup, m.date.start ?? ref);
  const seated = new Set(surnames(m.people));
  const added = who.people.filter(p => !seated.has(surnames([p])[0]));
  m.people.push(...added);
  for (const c of [...who.countries, ...parts.countries])
    if (!m.countries.includes(c)) m.countries.push(c);
  if (added.length > 0)
    m.confidence.people ??= {
      confidence: who.basis === 'dictionary' ? 'low' : 'medium',
      basis: who.basis === 'dictionary' ? 'dictionary' : 'context',
    };
  if (m.countries.length > 0) m.confidence.countries ??= m.confidence.people;
  addMention(m, s, index);
}

/** Gives the meeting mentioned in the sentence before the span a sentence continuing it sets. */
function spanOfStory(
  meetings: ArticleMeeting[],
  s: Sentence,
  index: number,
  ref: string | null,
): void {
  for (const m of meetings.slice(-RECENT_MEETINGS)) {
    if (m.lastSentence !== index - 1) continue;
    const span = continuedSpan(s.text, ref, m.date);
    if (!span) continue;
    m.date = span;
    addMention(m, s, index);
    return;
  }
}

/** "X met Y on the second day of the summit": a meeting verb before a day counted in an event. */
function onCountedDay(text: string, a: Trigger, head: Trigger): boolean {
  return (
    head.kind === 'verb' &&
    head.end <= a.phraseStart &&
    countedDay(text.slice(Math.max(0, a.phraseStart - 60), a.phraseStart)) !== null
  );
}

function countedOf(text: string, a: Trigger): number | null {
  const phrase = text.slice(a.phraseStart, a.end).toLowerCase();
  if (/four-way|quadrilateral|quadripartite/.test(phrase)) return 4;
  if (/three-way|trilateral|tripartite/.test(phrase)) return 3;
  if (/bilateral|two-way/.test(phrase)) return 2;
  return null;
}
