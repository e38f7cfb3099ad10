/**
 * Who, where and at what level, read from the clause around a meeting word: participant
 * countries (names, demonyms, capitals standing for governments), people with role and country,
 * organisations, the place (never the dateline, never a capital used for its government), the
 * venue, the level and the purpose.
 */
import type { Person } from '../contract/meeting';
import {
  capitalOf,
  findCountryTerms,
  findOrganizations,
  findRoles,
  type CountryTerm,
} from './gazetteer';
import { apposedNames, pairCountries } from './apposed-names';
import { CARDINALS } from './number-words';
import { onlyNear } from './vicinity';
import { formerMarker, leftOffice } from './former-titles';
import { armedGroups } from './armed-groups';
import { purposeSpan } from './purpose-level';
import { namesAttendeesByRank } from './attendance';

export interface PlaceFound {
  city: string | null;
  code: string | null;
  /** Offset in the sentence, to prefer the place nearest the meeting word. */
  at: number;
  /** Read from a building's name ("Hyderabad House"): any other city named beats it. */
  inName?: boolean;
}

export interface Participants {
  countries: string[];
  people: Person[];
  organizations: string[];
  levels: string[];
  place: PlaceFound | null;
  venue: string | null;
  /** "the four countries", "both sides": a count to resolve against earlier meetings. */
  countedParties: number | null;
}

const AGENCY_AFTER =
  /^(?:'s|’s)?\s+(?:(?:official|state|state-run|state-owned|semi-official|private|public|daily|news)\s+)*(?:[A-Z][\p{L}-]*\s+){0,3}(?:news agency|agency|media|newspaper|daily|outlet|television|TV|broadcaster|radio|Independent|Times|Post|Tribune|Herald|Gazette|Journal|News|Press)\b/u;
const TOPIC_BEFORE =
  /\b(?:situation|developments?|crisis|war|conflict|fighting|tensions?|peace|ceasefire|cease-fire|reconstruction|invasion|attacks?|sanctions|aggression|occupation|issue|question|problem|refugees|elections?|coup|stability|settlement|humanitarian|aid|support|assistance|offensive|operations?|presence|withdrawal|troops|events|future|sovereignty|integrity|independence|reforms?|debt|investment|exports?|imports?)\s+(?:in|on|of|against|to|for|from|over|about|regarding|concerning|inside|across|within)\s+(?:the\s+)?$/i;
const ABOUT_BEFORE =
  /\b(?:on|about|over|regarding|concerning|against|toward|towards|into)\s+(?:the\s+)?$/i;
const PAIR_TOPIC_BEFORE =
  /\b(?:war|conflict|ceasefire|cease-fire|tensions?|dispute|border|relations|ties|normali[sz]ation|normali[sz]ing|normali[sz]e|reconciliation|rapprochement|peace|mediat\w+|differences|rift|standoff)\s+(?:\w+\s+){0,2}between\s+(?:the\s+)?$/i;
const DEMONYM_TOPIC_AFTER =
  /^\s+(?:crisis|conflict|war|issue|question|file|situation|settlement|peace process|refugees|people|territory|territories|border|economy|market|nuclear|drones?|weapons|missiles|forces|troops|army|military|invasion|aggression|offensive|opposition|rebels|news|media|press|state media|agency|outlet|company|companies|firms?|businesses|investors|products|goods|exports|imports|oil|gas|grain|language|culture|lira|rouble|ruble|dollar|yuan|authorities said|officials said|citizens|nationals|workers|students|tourists|soil|airspace|waters|coast|revolution|constitution|elections?|parliament(?:ary)? elections?)\b/i;
/** "to end Russia's war in Ukraine": a country's own war or offensive is what talks are about. */
/**
 * "the next round of Syrian talks": a process named for the country it is about; its parties
 * are the format's, named elsewhere ("Armenian-Azerbaijani talks" still seats both).
 */
const ROUND_OF_BEFORE = /\bround\s+of\s+(?:the\s+)?$/i;
const PROCESS_AFTER = /^\s+(?:peace\s+)?(?:talks|negotiations|consultations)\b/i;
const POSSESSIVE_TOPIC_AFTER =
  /^(?:'s|’s)\s+(?:(?:full-scale|ongoing|brutal|illegal|unprovoked|military|nuclear|continuing)\s+)?(?:war|invasion|aggression|offensive|occupation|annexation|blockade|attacks?|strikes|bombardment|nuclear programme|nuclear program)\b/i;
/**
 * "the Iranian Foreign Ministry spokesperson … announced": a spokesman speaks of the talks; the
 * country his title names is not seated by it.
 */
const SPOKESMAN_TITLE_AFTER = /^\s+(?:[A-Z][\p{L}-]*\s+){0,3}[Ss]pokes(?:man|woman|person)\b/u;
/** "the South African presidency announced": the country speaks of the talks, it is not at them. */
const SPEAKER_AFTER =
  /^(?:'s|’s)?\s+(?:(?:presidency|presidential|government|foreign|ministry|state|officials?|spokes\w+|sources?|authorities|embassy|office)\s+){1,3}(?:said|says|announced|told|reported|confirmed|stated|added)\b|^\s+(?:views?|viewed|sees|saw|believes|hopes|welcomed|welcomes|supports|condemned|urged)\b/;
/** Words after which named countries are what the meeting is about: "to discuss Syria and Libya". */
const SUBJECT_CUE =
  /\b(?:to discuss|discuss(?:ed|es|ing)|to review|to address|on the agenda|focus(?:ed|ing)? on|including|such as|regarding|concerning)\b/i;
/** "South Africa is hosting peace talks": the host of talks between others is not at the table. */
const HOSTS_TALKS_AFTER =
  /^(?:,[^,]{0,80},)?\s+(?:is |was |will be |has been |had been )?(?:hosting|hosted|hosts|will host|to host|played host to|plays host to)\s+(?:the\s+|a\s+|an\s+)?(?:[\p{L}-]+\s+){0,2}(?:talks|negotiations|consultations|conference|summit|meetings?)\b/iu;
/** "warring sides in the conflict in X": X's parties are at the table, X is no mere topic. */
const WARRING_SIDES_BEFORE =
  /\b(?:warring|rival|opposing|conflicting)\s+(?:sides|parties|factions)\s+(?:in|of|to)\b/i;
/**
 * "peace talks between X and Y", "mediators said talks between X": the talks' own sides, not the
 * pair a "peace" or "mediation" before them is about (which PAIR_TOPIC_BEFORE reads as a topic).
 */
const TALKS_SIDES_BEFORE =
  /\b(?:talks|negotiations|meetings?|dialogue|consultations|discussions|summit|contacts)\s+(?:(?:direct|indirect|face-to-face|bilateral|formal|informal|new|fresh|first|latest)\s+)?between\s+(?:the\s+)?$/i;
/** "every country in the region but Cuba": an excluded country is not a participant. */
const EXCLUDED_BEFORE =
  /\b(?:except(?:\s+for)?|but(?:\s+not)?|excluding|other than|apart from|save for|without)\s+(?:the\s+|for\s+)?$/i;
const UNKNOWN_CITY_BEFORE = /\b(?:in|at)\s+([\p{Lu}][\p{L}'’-]+(?:\s+[\p{Lu}][\p{L}'’-]+)?),\s*$/u;
const LOCATIVE_BEFORE =
  /\b(?:in|at|inside|hosted in|held in|venue in|near|outside)\s+(?:the\s+)?(?:(?:capital|city|town|resort|port city|coastal city|northern|southern|eastern|western|central)\s+(?:city\s+)?(?:of\s+)?)?$/i;
const DESTINATION_BEFORE =
  /\b(?:visit(?:s|ed|ing)?|trip|travel(?:l)?(?:ed|s|ing)?|arriv(?:ed|es|ing)|came|comes|flew|flies|went|go|goes|journey|tour|headed|heads|left|leaves|departed|departs|set off|sets off)\s+(?:\w+\s+){0,3}?(?:to|in|for)\s+(?:the\s+)?$/i;
const VISIT_OBJECT_BEFORE = /\bvisit(?:s|ed|ing)?\s+(?:to\s+)?$/i;
const CITY_COMPOUND_AFTER =
  /^(?:'s|’s)?\s+(?:talks|meeting|meetings|summit|consultations|negotiations|conference|ministerial|session)\b/i;
/**
 * "will host a summit of Andean leaders": the host of a gathering of its peers is one of them;
 * talks it hosts for others it only houses.
 */
function hostsPeers(after: string): boolean {
  const hosted = HOSTS_TALKS_AFTER.exec(after);
  return (
    hosted !== null &&
    /(?:summit|conference|meetings?)$/i.test(hosted[0]) &&
    namesAttendeesByRank(after, hosted[0].length)
  );
}
const HOSTS_AFTER = /^\s+(?:hosted|hosts|will host|is hosting|to host|played host)\b/i;
const CAPITAL_AFTER = /^\s+capital\b/i;
/** Between a city and its country: "Granada, Spain", "Riyadh, the capital of Saudi Arabia". */
const CITY_LOCATOR_BETWEEN =
  /^,\s*(?:(?:the|a)\s+(?:\p{L}+\s+)?(?:capital|city|port|town|resort|seat)\s+(?:city\s+)?of\s+(?:the\s+)?)?$/iu;
const COORD_BETWEEN = /^\s*(?:,\s*(?:and\s+)?|and\s+|&\s+|as well as\s+)(?:the\s+)?$/;
const COUNTED =
  /\b(?:the|both|all)\s+(two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:countries|nations|states|sides|parties|governments|leaders|ministers|presidents|neighbou?rs)\b|\bboth (?:countries|sides|nations|leaders|parties|governments)\b|\bthe two sides\b|\b(bilateral|trilateral|tripartite|three-way|four-way|quadrilateral|quadripartite|five-way)\b/i;
const NUMBER_WORDS: Record<string, number> = {
  ...CARDINALS,
  bilateral: 2,
  trilateral: 3,
  tripartite: 3,
  'three-way': 3,
  'four-way': 4,
  quadrilateral: 4,
  quadripartite: 4,
  'five-way': 5,
};

const NAME_TOKEN =
  "(?:\\p{Lu}[\\p{Ll}\\p{Lu}'’.-]+|al-\\p{Lu}[\\p{L}'’-]+|bin|ibn|al|el|de|da|van|von|dos|del|der|di|la|le)";
const NAME_RE = new RegExp(`^\\s+(${NAME_TOKEN}(?:\\s+${NAME_TOKEN}){0,4})`, 'u');
const NOT_NAME_WORD =
  /^(?:The|A|An|His|Her|Their|Its|This|That|These|In|On|At|For|With|And|But|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Minister|President|Prime|Foreign|Defen[cs]e|Deputy|Vice|Secretary|General|Ministry|Affairs|State|News|Agency|Council|Security|National|Republic|Kingdom|Union|United|Nations|Office|Minister's|January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Earlier|Later|According|Following|After|During|However|Meanwhile|Speaking|Also|Both|Turkish|Russian|Iranian|Syrian|Chinese|American|Korean)$/;
const LOWER_TITLE_WORDS = /^(?:bin|ibn|al|el|de|da|van|von|dos|del|der|di|la|le)$/;

function cleanName(raw: string, terms: CountryTerm[], offset: number): string | null {
  const tokens = raw.split(/\s+/);
  const kept: string[] = [];
  let pos = offset;
  for (const t of tokens) {
    const at = pos;
    pos += t.length + 1;
    const isCountry = terms.some(term => term.start <= at && term.end > at);
    if (NOT_NAME_WORD.test(t.replace(/[,.]$/, '')) || isCountry) {
      if (kept.length === 0) continue;
      break;
    }
    kept.push(t.replace(/[,.]$/, ''));
  }
  while (kept.length > 0 && LOWER_TITLE_WORDS.test(kept[kept.length - 1])) kept.pop();
  if (
    kept.length < 2 &&
    !(kept.length === 1 && kept[0].length > 3 && /^\p{Lu}/u.test(kept[0]) && /^al-/.test(kept[0]))
  ) {
    return kept.length >= 2 ? kept.join(' ') : null;
  }
  return kept.join(' ');
}

function countryNear(terms: CountryTerm[], from: number, to: number): string | null {
  const t = terms.find(
    x => x.start >= from && x.end <= to && (x.kind === 'demonym' || x.kind === 'name'),
  );
  return t ? t.code : null;
}

/** People named with a title: "Turkish Defense Minister Hulusi Akar", "Ali Khaji, senior advisor to the Iranian foreign minister". */
export function findPeople(
  sentence: string,
  terms: CountryTerm[],
  from: number,
  to: number,
): Person[] {
  const roles = findRoles(sentence).filter(r => r.start >= from && r.end <= to);
  const people: Person[] = [];
  const seen = new Set<string>();
  const add = (name: string | null, role: string | null, country: string | null): void => {
    if (!name) return;
    const key = name.toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    people.push({ name, role, country });
  };
  for (const r of roles) {
    if (
      /^(?:official|officials|delegations?|leaders|ministers|spokesman|spokesperson)$/i.test(
        r.title,
      )
    )
      continue;
    // Title then name: "Defense Minister Hulusi Akar"
    const after = sentence.slice(r.end, Math.min(to, r.end + 60));
    const m = NAME_RE.exec(after);
    if (m && /^[A-Z]/.test(r.title) === /^[A-Z]/.test(r.title)) {
      const name = cleanName(m[1], terms, r.end + m.index + m[0].indexOf(m[1]));
      const country =
        countryNear(terms, Math.max(from, r.start - 30), r.start) ??
        countryNear(terms, r.end, r.end + 15);
      // "former President X" no longer holds the office: the role says so.
      const former = formerMarker(sentence.slice(Math.max(from, r.start - 40), r.start));
      const role = (former ? `${former} ` : '') + titleCase(r.title);
      if (name && !/^[a-z]/.test(r.title.slice(0, 1))) add(name, role, country);
      else if (name && /^\s+\p{Lu}/u.test(after)) add(name, role, country);
    } else addApposed(sentence, terms, r, from, to, add);
    // Name then appositive title: "Ali Asghar Khaji, senior advisor to the Iranian foreign minister"
    const before = sentence.slice(Math.max(from, r.start - 90), r.start);
    // The appositive's comma is the last one before the title, with only words after it: a
    // cheap test that spares most titles the costly pattern.
    const app =
      APPOSITIVE_TAIL.test(before.slice(before.lastIndexOf(',') + 1)) &&
      /((?:\p{Lu}[\p{L}'’-]+\s+){0,4}\p{Lu}[\p{L}'’-]+)((?:\s+and\s+(?:\p{Lu}[\p{L}'’-]+\s+){0,3}\p{Lu}[\p{L}'’-]+)?),\s+(?:the\s+|a\s+|an\s+|who is\s+)?((?:[\p{L}-]+\s+){0,4})$/u.exec(
        before,
      );
    if (app && !/[,;]/.test(app[3])) {
      const roleEnd = /^[^,;.]*/.exec(sentence.slice(r.end, Math.min(to, r.end + 100)))?.[0] ?? '';
      const roleText = (
        app[3] +
        sentence.slice(r.start, r.end) +
        roleEnd.replace(/\s+(?:who|which|said|told|met|has|had|was|is|will)\b.*$/, '')
      ).trim();
      const roleFrom = r.start - app[3].length;
      const countries = terms.filter(
        t => t.start >= roleFrom && t.end <= r.end + roleEnd.length && t.kind !== 'city',
      );
      const firstStart = Math.max(from, r.start - 90) + app.index;
      const name1 = cleanName(app[1], terms, firstStart);
      const pair = app[2]
        ? cleanName(
            app[2].replace(/^\s+and\s+/, ''),
            terms,
            firstStart + app[1].length + app[2].indexOf(app[2].trim().split(' ')[1] ?? ''),
          )
        : null;
      if (pair && countries.length >= 2) {
        add(name1, titleCase(r.title), countries[0].code);
        add(pair, titleCase(r.title), countries[1].code);
      } else {
        add(name1, roleText, countries.length > 0 ? countries[0].code : null);
        if (pair) add(pair, roleText, countries.length > 0 ? countries[0].code : null);
      }
    }
  }
  return people;
}

/** "his Chilean counterpart, Rosa Vidal": the name apposed after the title (`apposed-names.ts`). */
function addApposed(
  sentence: string,
  terms: CountryTerm[],
  r: { title: string; start: number; end: number },
  from: number,
  to: number,
  add: (name: string | null, role: string | null, country: string | null) => void,
): void {
  const names = apposedNames(
    sentence,
    r.end,
    sentence.slice(Math.max(from, r.start - 60), r.start),
  );
  if (names.length === 0 || names.some(n => n.at + n.raw.length > to)) return;
  const role = titleCase(r.title.replace(/s$/i, ''));
  if (names.length === 2) {
    const pair = pairCountries(terms, r.start, sentence);
    names.forEach((n, i) => add(cleanName(n.raw, terms, n.at), role, pair ? pair[i] : null));
    return;
  }
  const country = countryNear(terms, Math.max(from, r.start - 30), r.start);
  add(cleanName(names[0].raw, terms, names[0].at), role, country);
}

const APPOSITIVE_TAIL = /^\s+(?:[\p{L}-]+\s+){0,6}$/u;

const SPOKESMAN = /\bspokes(?:man|woman|person)\b/i;

/** "X, spokesman for President Y": X speaks and Y is only named; neither is at the table. */
function isSpokesman(sentence: string, name: string): boolean {
  const at = sentence.indexOf(name);
  if (at < 0) return false;
  const before = sentence.slice(Math.max(0, at - 40), at);
  const after = sentence.slice(at + name.length, at + name.length + 40);
  return (
    /\bspokes(?:man|woman|person)\s+(?:for|of|to)\s+(?:the\s+)?(?:[\p{L}-]+\s+){0,2}$/iu.test(
      before,
    ) ||
    /^,?\s+(?:the\s+|a\s+|an\s+)?(?:[\p{L}-]+\s+){0,3}spokes(?:man|woman|person)\b/iu.test(after) ||
    (SPOKESMAN.test(before) && /(?:spokes(?:man|woman|person)|,)\s*$/i.test(before))
  );
}

function titleCase(s: string): string {
  // Titles of office are few and recur in every article: each is cased once (bounded).
  let cased = titleCases.get(s);
  if (cased === undefined) {
    cased = s
      .replace(/\b\p{Ll}/gu, c => c.toUpperCase())
      .replace(/\b(Of|To|For|The|And)\b/g, w => w.toLowerCase());
    if (titleCases.size > 10_000) titleCases.clear();
    titleCases.set(s, cased);
  }
  return cased;
}
const titleCases = new Map<string, string>();

/**
 * Reads the participants and place of the meeting whose clause is `segment` in `sentence`.
 * `datelineEnd` is the end of the dateline within the sentence (0 when none); `triggerAt` is the
 * meeting word's offset, to pick the nearest place.
 */
export function readParticipants(
  sentence: string,
  segment: [number, number],
  datelineEnd: number,
  triggerAt: number,
  isVisit: boolean,
): Participants {
  const [from, to] = segment;
  const allTerms = findCountryTerms(sentence);
  // "talks between the government and the Front for the Liberation of Andea": a party that is no
  // country; a country its name holds is not seated by it.
  const groups = armedGroups(sentence, Math.max(from, datelineEnd), to, allTerms);
  const terms = allTerms.filter(
    t =>
      t.start >= Math.max(from, datelineEnd) &&
      t.end <= to &&
      !groups.some(g => t.start >= g.start && t.end <= g.end),
  );
  const countries: string[] = [];
  const places: PlaceFound[] = [];
  const cue = SUBJECT_CUE.exec(sentence.slice(triggerAt, to));
  const subjectsFrom = cue ? triggerAt + cue.index : Infinity;
  let prevFate: 'participant' | 'skip' | 'place' | null = null;
  let prevEnd = -1;
  let prevTerm: CountryTerm | null = null;
  for (const t of terms) {
    const before = sentence.slice(Math.max(0, t.start - 60), t.start);
    const after = sentence.slice(t.end, t.end + 60);
    let fate: 'participant' | 'skip' | 'place';
    const coordinated = prevEnd >= 0 && COORD_BETWEEN.test(sentence.slice(prevEnd, t.start));
    if (
      AGENCY_AFTER.test(after) ||
      SPEAKER_AFTER.test(after) ||
      POSSESSIVE_TOPIC_AFTER.test(after) ||
      SPOKESMAN_TITLE_AFTER.test(after)
    )
      fate = 'skip';
    else if (
      t.kind === 'name' &&
      prevTerm &&
      (prevTerm.kind === 'city' || prevTerm.kind === 'capital') &&
      prevTerm.code === t.code &&
      CITY_LOCATOR_BETWEEN.test(sentence.slice(prevTerm.end, t.start))
    )
      // "in Granada, Spain", "in Riyadh, the capital of Saudi Arabia": the country only locates
      // the city; the host of talks between others is not at the table.
      fate = prevFate ?? 'skip';
    else if (HOSTS_TALKS_AFTER.test(after)) {
      const city = t.kind === 'capital' || t.kind === 'city' ? t.city : null;
      places.push({ city, code: t.code, at: t.start });
      fate =
        t.kind !== 'capital' && t.kind !== 'city' && hostsPeers(after) ? 'participant' : 'place';
    } else if (CAPITAL_AFTER.test(after) && (t.kind === 'demonym' || t.kind === 'name')) {
      const city = capitalOf(t.code);
      places.push({ city, code: t.code, at: t.start });
      fate = 'place';
    } else if ((t.kind === 'capital' || t.kind === 'city') && VENUE_NAME_AFTER.test(after)) {
      // "at Hyderabad House in New Delhi": the city word names the building; it is the place only
      // when no other city is named ("at the Kigali Convention Centre").
      places.push({ city: t.city, code: t.code, at: t.start, inName: true });
      fate = 'place';
    } else if ((t.kind === 'capital' || t.kind === 'city') && onlyNear(before)) {
      // "at a retreat outside Washington": the meeting is in the city's country, not in it.
      places.push({ city: null, code: t.code, at: t.start });
      fate = 'place';
    } else if (t.kind === 'capital' || t.kind === 'city') {
      const asPlace =
        LOCATIVE_BEFORE.test(before) ||
        DESTINATION_BEFORE.test(before) ||
        VISIT_OBJECT_BEFORE.test(before) ||
        CITY_COMPOUND_AFTER.test(after) ||
        HOSTS_AFTER.test(after) ||
        /\b(?:to|from)\s+$/i.test(before);
      if (asPlace && !/\bfrom\s+$/i.test(before)) {
        places.push({ city: t.city, code: t.code, at: t.start });
        fate = 'place';
      } else if (t.kind === 'capital' && !/\bfrom\s+$/i.test(before)) fate = 'participant';
      else fate = 'skip';
    } else if (t.kind === 'demonym') {
      fate =
        DEMONYM_TOPIC_AFTER.test(after) ||
        (ROUND_OF_BEFORE.test(before) && PROCESS_AFTER.test(after))
          ? 'skip'
          : 'participant';
    } else {
      // A country name.
      const unknownCity = UNKNOWN_CITY_BEFORE.exec(before);
      if (EXCLUDED_BEFORE.test(before)) fate = 'skip';
      else if (unknownCity) {
        // "in Granada, Spain": a town the gazetteer lacks, located by its country.
        places.push({ city: unknownCity[1], code: t.code, at: t.start - unknownCity[0].length });
        fate = 'place';
      } else if (WARRING_SIDES_BEFORE.test(before) || TALKS_SIDES_BEFORE.test(before))
        fate = 'participant';
      else if (coordinated && prevFate === 'skip') fate = 'skip';
      else if (TOPIC_BEFORE.test(before) || PAIR_TOPIC_BEFORE.test(before)) fate = 'skip';
      else if (
        LOCATIVE_BEFORE.test(before) ||
        DESTINATION_BEFORE.test(before) ||
        VISIT_OBJECT_BEFORE.test(before)
      ) {
        // City-states: "in Singapore" names the city too.
        const same = capitalOf(t.code) === sentence.slice(t.start, t.end);
        places.push({ city: same ? capitalOf(t.code) : null, code: t.code, at: t.start });
        fate =
          isVisit && !LOCATIVE_BEFORE.test(before)
            ? 'participant'
            : isVisit
              ? 'participant'
              : 'place';
      } else if (ABOUT_BEFORE.test(before) && !/\bwith\s+$/i.test(before)) fate = 'skip';
      else fate = 'participant';
    }
    if (coordinated && prevFate === 'skip' && fate === 'participant' && t.kind !== 'demonym')
      fate = 'skip';
    if (fate === 'participant' && t.start > subjectsFrom && t.kind !== 'demonym') fate = 'skip';
    if (fate === 'participant' && !countries.includes(t.code)) countries.push(t.code);
    prevFate = fate;
    prevEnd = t.end;
    prevTerm = t;
  }
  const people = findPeople(
    sentence,
    allTerms.filter(t => t.start >= datelineEnd),
    from,
    to,
  ).filter(p => !isSpokesman(sentence, p.name));
  for (const p of people)
    if (p.country && !countries.includes(p.country)) countries.push(p.country);
  const organizations = [
    ...new Set([
      ...findOrganizations(sentence.slice(from, to)).map(o => o.name),
      ...groups.map(g => g.name),
    ]),
  ];
  // "met to plan an operation to restore the president": whom the meeting is for sets no level.
  const aim = purposeSpan(sentence, triggerAt, to);
  const roleHits = findRoles(sentence).filter(
    r => r.start >= from && r.end <= to && !(aim && r.start >= aim[0] && r.end <= aim[1]),
  );
  const levels: string[] = [];
  for (const r of roleHits) {
    const before = sentence.slice(Math.max(0, r.start - 40), r.start);
    if (/\b(?:according to|announcement from|said|statement from|told)\b[^,.;]*$/i.test(before))
      continue;
    // "former Nigerian leader X" led the envoys: an office no longer held sets no level.
    if (leftOffice(before)) continue;
    if (!levels.includes(r.level)) levels.push(r.level);
  }
  const specific = levels.filter(l => l !== 'ministers' && l !== 'senior officials');
  const place = pickPlace(places, triggerAt);
  const venueMatch = VENUE_RE.exec(sentence.slice(from, to));
  const counted = COUNTED.exec(sentence.slice(from, to));
  let countedParties: number | null = null;
  if (counted) {
    const w = (counted[1] ?? counted[2] ?? '').toLowerCase();
    countedParties = w ? (NUMBER_WORDS[w] ?? (Number(w) || null)) : 2;
  }
  return {
    countries,
    people,
    organizations,
    levels: specific.length > 0 ? specific : levels,
    place,
    venue: venueMatch ? venueMatch[1].trim() : null,
    countedParties,
  };
}

const VENUE_RE =
  /\bat\s+(?:the\s+)?((?:headquarters|residence|seat|offices?|premises|building)\s+of\s+(?:the\s+)?[A-Z][^,.;]{2,70}|(?:[A-Z][\p{L}'’-]+\s+){0,5}(?:Palace|House|Hall|Centre|Center|Hotel|Building|Residence|Complex|Villa|Castle|Headquarters|Secretariat|Palais|Kremlin)\b|Kremlin|White House|Élysée|Elysee)/u;

/** A city's name used in a building's ("Hyderabad House", "the Kigali Convention Centre"). */
const VENUE_NAME_AFTER =
  /^\s+(?:State\s+|Conference\s+|Convention\s+|International\s+)?(?:House|Palace|Hall|Hotel|Centre|Center|Building|Stadium|Airport|Square|Towers?)\b/;

function pickPlace(places: PlaceFound[], triggerAt: number): PlaceFound | null {
  if (places.length === 0) return null;
  // A city beats a bare country; then the nearest to the meeting word.
  const withCity = places.filter(p => p.city);
  const outright = withCity.filter(p => !p.inName);
  const pool = outright.length > 0 ? outright : withCity.length > 0 ? withCity : places;
  return pool.reduce((a, b) => (Math.abs(b.at - triggerAt) < Math.abs(a.at - triggerAt) ? b : a));
}

const PURPOSE_RE =
  /\b(?:(?:is |are |was |were )?aimed (?:at|to)|aims? (?:at|to)|focus(?:ed|ing)? on|dedicated to|devoted to|(?=to (?:discuss|review|address|normali[sz]e|strengthen|boost|finali[sz]e|negotiate|explore|resolve|deepen|expand|prepare|promote)\b)to)\s+([^.;]{3,140}?)(?=,\s+(?:according|said|the|as|which|while)|[.;]|$)/i;

/**
 * What the meeting is for, when the sentence says it: the words after the cue ("to discuss the
 * border" → "discuss the border"; "is aimed at normalizing ties" → "normalizing ties").
 */
export function readPurpose(sentence: string): string | null {
  const m = PURPOSE_RE.exec(sentence);
  return m ? m[1].trim() : null;
}
