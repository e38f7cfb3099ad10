/**
 * Article context, the stage between the mentions and the article's meetings: who the people of
 * the story are. News names a person in full with title and country once ("Chilean Foreign
 * Minister Rosa Vidal") and then by surname alone ("Vidal and Ortega met in Arica"), so the
 * people of a meeting sentence, and the countries they stand for, come from the whole article
 * (the cast) and, failing that, from a dated dictionary of office holders (the actor lookup).
 */
import type { Person } from '../contract/meeting';
import { lookupActor, type ACTOR_ROLES } from './actors';
import { findCountryTerms } from './gazetteer';
import { findPeople } from './participants';
import type { Sentence } from './sentences';

type ActorRole = (typeof ACTOR_ROLES)[number];

/** One office holder as the actor dictionary reports them. */
export interface ActorHit {
  name: string;
  /** ISO alpha-2; null for an office in an international organisation. */
  country: string | null;
  role: string;
}

/** Looks a person up by name on a date (YYYY-MM-DD, or null when the date is unknown). */
export type ActorLookup = (name: string, onDate: string | null) => ActorHit | null;

/** The people an article names with a title, by folded surname. */
export type Cast = Map<string, Person>;

/** How a person's country was found, for the meeting's confidence. */
export type PeopleBasis = 'sentence' | 'context' | 'dictionary';

export function fold(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’']/g, "'");
}

/** The surname a later mention uses: the last word of the name, folded. */
export function surnameKey(name: string): string {
  let key = surnameKeys.get(name);
  if (key === undefined) {
    const words = fold(name).replace(/-/g, ' ').split(/\s+/).filter(Boolean);
    key = words[words.length - 1] ?? '';
    // Every capitalised word of a meeting clause is looked up: the answers are kept, bounded.
    if (surnameKeys.size > 50_000) surnameKeys.clear();
    surnameKeys.set(name, key);
  }
  return key;
}
const surnameKeys = new Map<string, string>();

/**
 * Whether the bare word `key` names the dictionary's `name`. The dictionary answers a bare word
 * only with a name it lists that word as a form of: the surname, or a curated short form ("Lula"
 * of "Luiz Inácio Lula da Silva", "Prabowo", "Yoon" of "Yoon Suk Yeol"), never a given name it
 * does not list. A two-letter word (`firstWordOnly`) counts only as the first word of a name
 * written family name first ("Xi" of "Xi Jinping").
 */
function isDictionarySurname(name: string, key: string, firstWordOnly: boolean): boolean {
  if (!firstWordOnly) return true;
  const first = fold(name).split(/[\s-]+/)[0];
  return first === key && name.includes(' ');
}

/** A cheap test for a title of office, so the cast reads only sentences that may name one. */
const TITLE_HINT =
  /\b(?:[Mm]inister|[Pp]resident|[Ss]ecretary|[Cc]hancellor|[Pp]remier|[Pp]rime|[Kk]ing|[Qq]ueen|[Pp]rince|[Ee]mir|[Aa]mir|[Ss]ultan|[Ss]heikh|[Cc]ounterpart|[Cc]hief|[Ee]nvoy|[Aa]mbassador|[Ll]eader|[Hh]ead|[Ss]peaker|[Gg]eneral|[Dd]irector|[Cc]ommissioner|[Cc]hair|[Aa]dvis[eo]r|[Dd]eputy|[Gg]overnor|[Mm]ayor|[Pp]ope|[Cc]ommander|[Ss]pokes)/;

/**
 * Everyone the article names with a title, in any sentence it reads. A later, fuller mention
 * fills what an earlier one lacked (the country, the role); the first name seen is kept.
 */
export function buildCast(sentences: Sentence[], skip: (s: Sentence) => boolean): Cast {
  const cast: Cast = new Map();
  for (const s of sentences) {
    if (!TITLE_HINT.test(s.text) || skip(s)) continue;
    const terms = findCountryTerms(s.text);
    for (const p of findPeople(s.text, terms, 0, s.text.length)) {
      const key = surnameKey(p.name);
      if (key.length < 3) continue;
      const known = cast.get(key);
      if (!known) cast.set(key, { ...p });
      else {
        known.country ??= p.country;
        known.role ??= p.role;
        if (p.name.split(/\s+/).length > known.name.split(/\s+/).length) known.name = p.name;
      }
    }
  }
  return cast;
}

const CAPITALISED = /[\p{Lu}][\p{L}'’-]+/gu;
/** "Vidal's spokesman", "a spokesman for Vidal", "an aide to Vidal": Vidal is not at the table. */
const NOT_PRESENT_AFTER =
  /^(?:'s|’s)\s+(?:spokes\w+|aides?|office|government|adviser|advisor)\b|^,\s+(?:the\s+|a\s+|an\s+)?(?:[\p{L}-]+\s+){0,3}spokes(?:man|woman|person)\b/iu;
const NOT_PRESENT_BEFORE =
  /\b(?:(?:spokes(?:man|woman|person)|aide|adviser|advisor|envoy|representative|office|government)\s+(?:of|for|to)|according to|(?:to|would|could|and)\s+(?:restore|reinstate|free|release|oust|topple|depose|remove|arrest|extradite|prosecute|punish)|(?:restoration|reinstatement|release|ouster|removal|arrest|extradition)\s+of)\s+(?:\w+\s+){0,2}$/i;
/** "Vidal's visit": a possessive names a participant only before a word for the encounter. */
const POSSESSIVE_MEETING_AFTER =
  /^\s+(?:[\p{L}-]+\s+){0,2}(?:visit|trip|tour|talks|meeting|arrival|delegation|counterpart)\b/iu;

export interface ResolvedPeople {
  people: Person[];
  /** Countries the people stand for that the clause itself did not name. */
  countries: string[];
  basis: PeopleBasis;
}

/**
 * The people of a meeting clause: those it names with a title, filled in from the cast (country,
 * role) and from the actor dictionary on `onDate`, plus those it names by surname alone when the
 * article introduced them earlier or the dictionary knows them. `countries` are the countries
 * those people add to the clause's own.
 */
export function resolvePeople(
  sentence: string,
  segment: [number, number],
  found: Person[],
  cast: Cast,
  lookup: ActorLookup | null,
  onDate: string | null,
): ResolvedPeople {
  let basis: PeopleBasis = 'sentence';
  const people: Person[] = found.map(p => ({ ...p }));
  const keys = new Set(people.map(p => surnameKey(p.name)));
  const fill = (p: Person): void => {
    if (p.country) return;
    const known = cast.get(surnameKey(p.name));
    if (known?.country) {
      p.country = known.country;
      p.role ??= known.role;
      if (basis === 'sentence') basis = 'context';
      return;
    }
    const hit = lookup?.(known?.name ?? p.name, onDate);
    if (hit?.country) {
      p.country = hit.country;
      p.role ??= hit.role;
      basis = 'dictionary';
    }
  };
  people.forEach(fill);
  const [from, to] = segment;
  const clause = sentence.slice(from, to);
  CAPITALISED.lastIndex = 0;
  for (let m = CAPITALISED.exec(clause); m; m = CAPITALISED.exec(clause)) {
    // The possessive cut in code: a regex replace per capitalised word was a hot line.
    const possessive = m[0].endsWith("'s") || m[0].endsWith('’s');
    const word = possessive ? m[0].slice(0, -2) : m[0];
    if (word !== m[0] && !POSSESSIVE_MEETING_AFTER.test(clause.slice(m.index + m[0].length)))
      continue;
    const key = surnameKey(word);
    if (keys.has(key)) continue;
    // Two letters are a surname only as the first word of a name written family name first
    // ("Xi" of "Xi Jinping"), never in capitals ("UN", "US" are no one's).
    const short = key.length < 3;
    if (short && (key.length < 2 || word === word.toUpperCase())) continue;
    // The cast keeps no key under three letters, so a two-letter word goes to the dictionary.
    const known = cast.get(key);
    let hit = known ? null : lookup?.(word, onDate);
    if (!known && !(hit?.country && isDictionarySurname(hit.name, key, short))) {
      // "Penny Wong": a name the dictionary lists in full, though its surname alone is too
      // common a word to name anyone ("Wong", "Price", "King").
      const full = possessive
        ? null
        : fullNameAt(clause, m.index + m[0].length, word, lookup, onDate);
      if (!full || keys.has(surnameKey(full.hit.name))) continue;
      hit = full.hit;
      CAPITALISED.lastIndex = full.end;
    }
    if (hit && people.some(p => p.name === hit.name)) continue;
    // Tested only for a word that names a person: most capitalised words do not.
    const at = from + m.index;
    const after = sentence.slice(at + word.length, at + word.length + 30);
    const before = sentence.slice(Math.max(0, at - 40), at);
    if (NOT_PRESENT_AFTER.test(after) || NOT_PRESENT_BEFORE.test(before)) continue;
    let person: Person;
    if (known) {
      person = { ...known };
      if (basis === 'sentence') basis = 'context';
    } else if (hit?.country) {
      person = { name: hit.name, role: hit.role, country: hit.country };
      basis = 'dictionary';
    } else continue;
    keys.add(key);
    fill(person);
    people.push(person);
  }
  const countries: string[] = [];
  for (const p of people)
    if (p.country && !countries.includes(p.country)) countries.push(p.country);
  return { people, countries, basis };
}

const NEXT_NAME_WORD = /^ ([\p{Lu}][\p{L}-]+)((?:'s|’s)?)/u;

/**
 * The office holder named in full by `word` and the capitalised word after it (which starts at
 * `end + 1` of `text`), when the dictionary lists that two-word name, and where the name ends; a
 * full name alone, never a surname. A possessive full name counts as the bare word does: only
 * before a word for the encounter ("Penny Wong's visit").
 */
function fullNameAt(
  text: string,
  end: number,
  word: string,
  lookup: ActorLookup | null,
  onDate: string | null,
): { hit: ActorHit; end: number } | null {
  const next = lookup ? NEXT_NAME_WORD.exec(text.slice(end, end + 40)) : null;
  if (!next) return null;
  const after = end + next[0].length;
  if (next[2] && !POSSESSIVE_MEETING_AFTER.test(text.slice(after))) return null;
  const name = `${word} ${next[1]}`;
  const hit = lookup?.(name, onDate);
  return hit?.country && fold(hit.name) === fold(name) ? { hit, end: after } : null;
}

/**
 * The dictionary's roles as a card and a briefing print them. Spelt out, not cased from the
 * slug, which gave "Head Of State" and "Org Head".
 */
const ROLE_TITLES: Record<ActorRole, string> = {
  'head-of-state': 'Head of State',
  'head-of-government': 'Head of Government',
  'foreign-minister': 'Foreign Minister',
  'defence-minister': 'Defence Minister',
  envoy: 'Envoy',
  'org-head': 'Head of Organisation',
  'deputy-head-of-state': 'Deputy Head of State',
  'deputy-head-of-government': 'Deputy Head of Government',
  'deputy-foreign-minister': 'Deputy Foreign Minister',
  'deputy-org-head': 'Deputy Head of Organisation',
};

/** The printed title of a dictionary role. */
export function roleTitle(role: string): string {
  return ROLE_TITLES[role as ActorRole] ?? role;
}

/** The dated actor dictionary (`actors.ts`) as the lookup extraction uses by default. */
export const dictionaryLookup: ActorLookup = (name, onDate) => {
  const office = lookupActor(name, onDate);
  return office
    ? { name: office.name, country: office.country, role: roleTitle(office.role) }
    : null;
};
