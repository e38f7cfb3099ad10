/**
 * The other side of talks with a government: an armed group or movement named as a party ("talks
 * between the government and the Coastal Liberation Front", "the first face-to-face round between the
 * Andean government and the M40 rebels", "Front and government negotiators met"). Such a group is
 * no country and is rarely in `data/organizations.json`, so the card listed only the state's side.
 * It is an organisation taking part, read from the shape of its name where the text makes it a
 * party to the talks: one side of "between A and B" or of "A and B negotiators" whose other side
 * is a government, an army or a country, or the object of "talks with". A group named only as
 * fighting ("fighting between the army and the X") is no party to a meeting, and a state's own
 * forces ("the Andean Armed Forces", "Andea's National Army") are the state, not a group. A few
 * movements are known by one word that has no such shape ("Hamas", "Taliban"): those are listed
 * in `data/movements.json` and read as groups by name, under the same test of being a party.
 */
import movementsData from './data/movements.json';
import {
  alternation,
  findCountryTerms,
  findOrganizations,
  type CountryTerm,
  type OrgHit,
} from './gazetteer';

export interface ArmedGroup {
  /** As the text names it: "Coastal Liberation Front", "M40", "Delta rebels". */
  name: string;
  /** Offsets of the name in the sentence. */
  start: number;
  end: number;
}

/** The last word of a movement's or armed group's own name. */
const HEAD_WORDS =
  'Front|Movement|Army|Forces|Force|Militia|Brigades?|Alliance|Coalition|Party|Organi[sz]ation|Group|Congress|Resistance|Mujahideen|Mujahedeen|Insurgency|Tigers';
const HEAD = new RegExp(`^(?:${HEAD_WORDS})$`);
/** A word after a name that says the name is a group's: "the M40 rebels", "Delta fighters". */
const GROUP_NOUN =
  /^\s+(rebels?|rebel (?:group|movement|alliance|coalition|forces)|militias?|fighters|insurgents|guerrillas?|guerrilla (?:group|movement)|militants|paramilitaries|armed group|movement)\b/;
/** Before a name: "the rebel group X" names a group whatever its words ... */
const DESCRIPTOR_NOUN =
  /(?:^|[^\p{L}])(?:rebel|armed|militant|insurgent|separatist|paramilitary|guerrilla|jihadist|Islamist|opposition)\s+(?:group|movement|alliance|coalition|organi[sz]ation|militia)\s+$/u;
/** ... and "the paramilitary X" does when X has a group's shape. */
const DESCRIPTOR =
  /(?:^|[^\p{L}])(?:rebel|armed|militant|insurgent|separatist|paramilitary|guerrilla|jihadist|Islamist|opposition)\s+$/u;
const CAP = "[\\p{Lu}][\\p{L}\\d'’.-]*";
const CONNECT = '(?:of the|for the|of|for|and|de la|de|del|des|du|al|el)';
/** A run of capitalised words, possibly joined by "of", "for the", "and". */
const NAME_RE = new RegExp(`${CAP}(?:\\s+(?:${CONNECT}\\s+)?${CAP}){0,7}`, 'gu');
const ACRONYM = /^(?=[\p{Lu}\d-]*\p{Lu}[\p{Lu}\d-]*(?:\p{Lu}|\d))[\p{Lu}][\p{Lu}\d-]{1,7}$/u;
const PAREN_ACRONYM = /^\s*\(([\p{Lu}][\p{Lu}\d-]{1,7})\)/u;
const LEADING_WORD =
  /^(?:The|A|An|Its|Their|His|Her|This|That|Both|Talks|Negotiations|Government|President|Prime|Minister|Foreign|Leader|General)$/;

/** The state's side: "the government", "the Andean government", "Andea's army", "the junta". */
const STATE_SIDE = new RegExp(
  `^(?:the\\s+)?(?:${CAP}(?:'s|’s)?\\s+){0,2}(?:(?:federal|central|national|transitional|interim|military|civilian|de facto|Federal|Transitional|Interim|Military)\\s+)?(?:[Gg]overnment|[Aa]uthorities|[Aa]rmy|[Aa]rmed [Ff]orces|[Mm]ilitary|[Jj]unta|[Rr]egime|[Aa]dministration)(?:\\s+of\\s+${CAP}(?:\\s+${CAP})?)?$`,
  'u',
);
/** Talk words the sides of "between A and B" belong to ("talks", "the first direct ones"). */
const TALKS_BETWEEN =
  /(?:^|[^\p{L}])(?:[Tt]alks|[Nn]egotiations|[Mm]eetings?|[Dd]ialogue|[Cc]onsultations|[Dd]iscussions|[Cc]ontacts|[Ss]ummit|ones|one|round)[\s"“”'’]+(?:[\p{L}\d"“”'’-]+\s+){0,3}?between\s+$/u;
/** "talks to end the fighting between A and B": the sides fight; they need not be at the talks. */
const CONFLICT_BETWEEN =
  /(?:^|[^\p{L}])(?:fighting|war|conflict|clashes|violence|hostilities|ceasefire|truce|tensions|dispute|rivalry|battles?|feud)\s+between\s+$/u;
const TALKS_WITH =
  /(?:^|[^\p{L}])(?:[Tt]alks|[Nn]egotiations|[Mm]eetings?|[Dd]ialogue|[Cc]onsultations|[Dd]iscussions|met|meet|meets|meeting|negotiate|negotiated|negotiating)\s+(?:\p{Ll}+\s+){0,2}?with\s+$/u;
/** What follows "A and B" when they are the sides of talks: "… negotiators", "… met". */
const SIDES_AFTER =
  /^(?:'s|’s)?\s+(?:negotiators|delegations?|delegates|representatives|envoys|teams|negotiating teams|(?:have |had |will |would )?(?:met|meet|held talks|hold talks|opened talks|began talks|resumed talks|started talks|sat down))\b/;

/** Each listed movement's names, to the name it is printed under. */
const KNOWN = new Map<string, string>(
  movementsData.flatMap(m => [m.name, ...m.aliases].map(n => [n, m.name] as [string, string])),
);
/** The listed names, longest first, for the quick test and for finding them in a run. */
const KNOWN_ALT = alternation(KNOWN.keys());
const KNOWN_IN = new RegExp(`(?:^|[^\\p{L}-])(${KNOWN_ALT})(?![\\p{L}-])`, 'u');

/**
 * A cheap test run on every meeting clause: a word of a group's name or a run of capitals ("M40")
 * and a word that can set two sides against each other. Plain ASCII capitals: a Unicode class
 * made the test cost more than the rest of the stage.
 */
const QUICK_GROUP = new RegExp(
  `\\b(?:${HEAD_WORDS}|rebels?|militias?|fighters|insurgents|guerrillas?|militants|paramilitar\\w*|armed group|movement|${KNOWN_ALT})\\b|\\b[A-Z][A-Z\\d]+\\b`,
);
const QUICK_SIDES = /\b(?:between|with|and)\b/;

/**
 * Whether the words stand for a state: its government, army or junta, or a country's name; with
 * `demonym`, its adjective too, for "Andean and M40 negotiators", where it qualifies the sides'
 * shared noun.
 */
function isState(words: string, at: number, terms: CountryTerm[], demonym = false): boolean {
  const side = words.replace(/^the\s+/, '');
  const from = at + (words.length - side.length);
  if (STATE_SIDE.test(side)) return true;
  // "between Andea and the M40": a country, or its capital standing for its government.
  return terms.some(
    t => t.start === from && t.end === from + side.length && (demonym || t.kind !== 'demonym'),
  );
}

interface Found extends ArmedGroup {
  /** From the name's words alone (a movement's last word, a group word): enough after "with". */
  strong: boolean;
  /** Where the words that name the group end: after "(ELN)" or "rebels" too. */
  reach: number;
}

const HEAD_IN = new RegExp(`\\b(?:${HEAD_WORDS})\\b`);
const CAPITALS = /(?:^|\s)\p{Lu}[\p{Lu}\d-]+(?:\s|$)/u;

/** A cheap test: a movement's word or a run of capitals in the run, or a group word after it. */
function mayBeGroup(sentence: string, start: number, end: number): boolean {
  const run = sentence.slice(start, end);
  return (
    HEAD_IN.test(run) ||
    CAPITALS.test(run) ||
    KNOWN_IN.test(run) ||
    GROUP_NOUN.test(sentence.slice(end, end + 40)) ||
    /(?:rebel|armed|militant|insurgent|separatist|paramilitary|guerrilla|jihadist|Islamist|opposition)\s+(?:\p{Ll}+\s+)?(?:the\s+)?$/u.test(
      sentence.slice(Math.max(0, start - 40), start),
    )
  );
}

/**
 * A movement's own name: two words or more, one of them a movement's ("Front for the Liberation of
 * Andea", "Coastal Defence Army"); with "and", the words after it hold one too ("Justice and Peace
 * Movement", not "Front and Andean").
 */
function movementName(words: string[]): boolean {
  if (words.length < 2) return false;
  const and = words.lastIndexOf('and');
  return words.slice(and + 1).some(w => HEAD.test(w));
}

/**
 * The group named by the run of capitalised words at `start`…`end` of the sentence, when its
 * shape says it is a group's and it is neither a country's own nor a listed organisation.
 */
function groupAt(
  sentence: string,
  start: number,
  end: number,
  terms: CountryTerm[],
  orgsOf: () => { start: number; end: number }[],
): Found | null {
  let words = sentence.slice(start, end).split(/\s+/);
  while (words.length > 0 && LEADING_WORD.test(words[0])) {
    start += words[0].length + 1;
    words = words.slice(1);
  }
  if (words.length === 0) return null;
  let name = words.join(' ').replace(/[.’']+$/, '');
  end = start + name.length;
  const listed = KNOWN.get(name);
  if (listed !== undefined) {
    // A listed movement is a group by its name alone, printed as the list names it.
    const tail = GROUP_NOUN.exec(sentence.slice(end));
    return { name: listed, start, end, strong: true, reach: tail ? end + tail[0].length : end };
  }
  // A country's own forces ("Andean Armed Forces") or a listed body ("the African Union").
  if (terms.some(t => t.start === start && t.kind !== 'city')) return null;
  if (orgsOf().some(o => o.start < end && o.end > start)) return null;
  // "Andea's National Army": a state's, by its possessive.
  if (/(?:'s|’s)\s+(?:the\s+)?$/.test(sentence.slice(Math.max(0, start - 8), start))) return null;
  const before = sentence.slice(Math.max(0, start - 40), start).replace(/the\s+$/, '');
  const acronym = ACRONYM.test(name);
  const paren = PAREN_ACRONYM.exec(sentence.slice(end));
  const tailAt = end + (paren ? paren[0].length : 0);
  const noun = GROUP_NOUN.exec(sentence.slice(tailAt));
  const movement = movementName(name.split(' '));
  let strong = movement || DESCRIPTOR_NOUN.test(before) || noun !== null;
  if (!strong && !acronym && !DESCRIPTOR.test(before)) return null;
  if (DESCRIPTOR.test(before) && !acronym && !movement && !noun) return null;
  // "the Delta rebels": a region's name says whose rebels, so the group word is kept.
  const reach = noun ? tailAt + noun[0].length : tailAt;
  if (noun && !movement && !acronym) {
    name = `${name} ${noun[1]}`;
    end = reach;
  }
  strong ||= acronym && DESCRIPTOR.test(before);
  return { name, start, end, strong, reach };
}

/**
 * The longest run of words (at most six) at the start or the end of `text` that stands for a
 * state, with its length in characters; `text` sits at `at` in the sentence.
 */
function stateRun(
  text: string,
  at: number,
  terms: CountryTerm[],
  atEnd: boolean,
  demonym = false,
): number {
  const words = text.split(' ');
  for (let k = Math.min(6, words.length); k > 0; k--) {
    const run = (atEnd ? words.slice(words.length - k) : words.slice(0, k)).join(' ');
    const side = run.replace(/(?:'s|’s)?[,;:.]?$/, '');
    const offset = atEnd ? at + text.length - run.length : at;
    if (side.length > 0 && isState(side, offset, terms, demonym))
      return atEnd ? run.length : side.length;
  }
  return 0;
}

const STRIP_DESCRIPTOR =
  /(?:the\s+)?(?:(?:rebel|armed|militant|insurgent|separatist|paramilitary|guerrilla|jihadist|Islamist|opposition)\s+(?:(?:group|movement|alliance|coalition|organi[sz]ation|militia)\s+)?)?$/u;

/**
 * The armed groups or movements the clause `from`…`to` of `sentence` names as parties to talks
 * with a state (see the module's comment), in order. `countryTerms` are the sentence's, when the
 * caller has them.
 */
export function armedGroups(
  sentence: string,
  from = 0,
  to = sentence.length,
  countryTerms: CountryTerm[] | null = null,
): ArmedGroup[] {
  const clause = sentence.slice(from, to);
  if (!QUICK_GROUP.test(clause) || !QUICK_SIDES.test(clause)) return [];
  const terms = countryTerms ?? findCountryTerms(sentence);
  let orgs: OrgHit[] | null = null;
  const orgsOf = (): OrgHit[] => (orgs ??= findOrganizations(sentence));
  const found: ArmedGroup[] = [];
  const take = (start: number, end: number): boolean => {
    // Most capitalised runs are names of people or places: only a run with a group's shape, or
    // a group word after it, is read further.
    if (!mayBeGroup(sentence, start, end)) return false;
    const g = groupAt(sentence, start, end, terms, orgsOf);
    if (!g || !party(sentence, g, from, to, terms)) return false;
    if (!found.some(x => x.name === g.name))
      found.push({ name: g.name, start: g.start, end: g.end });
    return true;
  };
  NAME_RE.lastIndex = 0;
  for (let m = NAME_RE.exec(clause); m; m = NAME_RE.exec(clause)) {
    const at = from + m.index;
    if (take(at, at + m[0].length)) continue;
    // "Front and Andean government negotiators", "M40 and Andea": the run holds two sides; a
    // name keeps its "and" only when it is a group's as a whole ("Justice and Peace Movement").
    let piece = at;
    for (const part of m[0].split(' and ')) {
      if (part.length < m[0].length) take(piece, piece + part.length);
      piece += part.length + 5;
    }
  }
  return found;
}

/** Whether the text around the group makes it a party to talks with a state. */
function party(
  sentence: string,
  g: Found,
  from: number,
  to: number,
  terms: CountryTerm[],
): boolean {
  const leadAt = Math.max(from, g.start - 120);
  // The words before the name, without "the rebel group" that introduces it.
  const bare = sentence.slice(leadAt, g.start).replace(STRIP_DESCRIPTOR, '');
  // "talks with the Coastal Liberation Front": only a name that is a group's by its own words.
  if (g.strong && TALKS_WITH.test(bare)) return true;
  const tail = sentence.slice(g.reach, Math.min(to, g.reach + 160));
  // "… between the government and the Front", "the government and the Front negotiators".
  const and = /\s+and\s+$/.exec(bare);
  if (and) {
    const head = bare.slice(0, and.index);
    const between = head.lastIndexOf('between ');
    if (between >= 0) {
      const side = head.slice(between + 8);
      if (
        isState(side, leadAt + between + 8, terms) &&
        !CONFLICT_BETWEEN.test(head.slice(0, between + 8)) &&
        (TALKS_BETWEEN.test(head.slice(0, between + 8)) || SIDES_AFTER.test(tail))
      )
        return true;
    } else if (stateRun(head, leadAt, terms, true, true) > 0 && SIDES_AFTER.test(tail)) return true;
  }
  // "… between the Front and the government", "the Front and government negotiators".
  const andAfter = /^(?:\s*\([^)]*\))?\s+and\s+/.exec(tail);
  if (!andAfter) return false;
  const rest = tail.slice(andAfter[0].length);
  const run = stateRun(rest, g.reach + andAfter[0].length, terms, false);
  if (run === 0) {
    // "the M40 and Andean negotiators met": an adjective side only before the shared noun.
    const adjective = stateRun(rest, g.reach + andAfter[0].length, terms, false, true);
    return adjective > 0 && !CONFLICT_BETWEEN.test(bare) && SIDES_AFTER.test(rest.slice(adjective));
  }
  if (CONFLICT_BETWEEN.test(bare)) return false;
  return TALKS_BETWEEN.test(bare) || SIDES_AFTER.test(rest.slice(run));
}
