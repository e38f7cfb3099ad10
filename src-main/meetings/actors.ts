/**
 * A dated dictionary of office holders (heads of state and government, foreign and defence
 * ministers, envoys, heads of international organisations) so that "Fidan and Blinken met in
 * Brussels" yields Türkiye and the United States even though no country is named. The data are
 * hand-written JSON files in `./data/actors` (format, coverage and licence in its README); they are
 * parsed with zod and indexed by token once, on first use, so a sentence is scanned in one pass
 * whatever the number of names.
 */
import commonWords from './data/actors/common-words.json';
import countriesData from './data/countries.json';
import {
  ACTOR_ROLES,
  DATE,
  ROLE_RANK,
  highBound,
  loadActorEntries,
  lowBound,
  type ActorEntry,
} from './data/actors/entries';

/** The fixed vocabulary of `ActorOffice.role`. */
export { ACTOR_ROLES };

/** One office a person held, as `lookupActor` reports it. */
export interface ActorOffice {
  name: string;
  /** ISO 3166-1 alpha-2 (XK for Kosovo); null for an office in an international organisation. */
  country: string | null;
  /** The organisation, named as `data/organizations.json` names it; null for a national office. */
  org: string | null;
  role: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD as precise as the data know it. */
  from: string;
  to: string | null;
}

type Office = ActorEntry['offices'][number];

interface Person {
  name: string;
  offices: Office[];
}

interface Forms {
  /** People for whom this is a full name or an alternative spelling of it. */
  full: Person[];
  /** People for whom this is a short form (usually the surname), matched only if unambiguous. */
  short: Person[];
}

interface Index {
  /** Known forms by their folded words; `null` marks a place name ("Costa Rica") read as no one. */
  forms: Map<string, Forms | null>;
  /** First words of full names ("Mike", "Jonathan"): before a surname they name someone else. */
  givenNames: Set<string>;
  /** Given names and leading surnames ("Wang" of "Wang Yi"): followed by a name, they start one. */
  nameStarts: Set<string>;
  /** Longest form, in tokens, that starts with a given token; bounds the scan at each token. */
  longest: Map<string, number>;
}

/** Lowercase particles of names ("bin Salman", "al-Sisi", "von der Leyen") that texts may not capitalise. */
const PARTICLES = new Set(
  'al el bin ibn bint ben de del der den da das do dos di du la le van von y e ould ag wa'.split(
    ' ',
  ),
);

/** Letters that Unicode does not decompose into a base letter and a mark. */
const SPECIAL_LETTERS: Record<string, string> = Object.fromEntries(
  ['ıi', 'łl', 'øo', 'ßss', 'æae', 'œoe', 'đd', 'ðd', 'þth', 'ħh'].map(p => [p[0], p.slice(1)]),
);

/** Lowercase without diacritics, so "Erdoğan", "ERDOGAN" and "Erdogan" share one key. */
function fold(token: string): string {
  const lower = token.toLowerCase();
  if (/^[a-z0-9]*$/.test(lower)) return lower;
  return lower
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[ıłøßæœđðþħ]/g, c => SPECIAL_LETTERS[c]);
}

/** A word; an apostrophe inside keeps it whole ("O'Brien", "Xi'an"), a final "'s" is dropped. */
const TOKEN = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}\p{M}\p{N}]+)*/gu;
const POSSESSIVE = /['’]s$/;

interface Token {
  key: string;
  start: number;
  end: number;
  capital: boolean;
}

/** What may stand between the words of one name: "Kim Jong-un", "George W. Bush", "O'Brien". */
const JOINER = /^(?:\s+|\.\s*|\s*[-‐‑'’]\s*)$/;

function toToken(word: string, start: number): Token {
  const bare = word.length > 2 && POSSESSIVE.test(word) ? word.slice(0, -2) : word;
  const key = fold(bare);
  return {
    key: key.includes('’') ? key.replace(/’/g, "'") : key,
    start,
    end: start + bare.length,
    capital: bare[0] !== bare[0].toLowerCase(),
  };
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) tokens.push(toToken(m[0], m.index));
  return tokens;
}

function formKey(form: string): string {
  return tokenize(form)
    .map(t => t.key)
    .join(' ');
}

const places = (
  countriesData as { name: string; aliases: string[]; capital: string; cities: string[] }[]
).flatMap(c => [c.name, ...c.aliases, c.capital, ...c.cities]);

/** Titles that may start a full name ("King Charles") but are nobody's given name. */
const NOT_GIVEN = new Set(['king', 'queen', 'prince', 'pope', 'sheikh', 'emperor', 'grand', 'sir']);

/** Patronymic particles: in "Khalid bin Salman" the last word is the father's name, not a surname. */
const PATRONYMIC = new Set(['bin', 'bint', 'ibn']);

/** The surname as a short form: the last word, unless it is a regnal number or a patronym. */
function derivedShortForms(name: string): string[] {
  const tokens = tokenize(name);
  if (tokens.length < 2 || tokens.some(t => PATRONYMIC.has(t.key))) return [];
  const last = name.slice(tokens[tokens.length - 1].start);
  return /^[IVXL]+$/.test(last) ? [] : [last];
}

let index: Index | null = null;

function buildIndex(): Index {
  const forms = new Map<string, Forms | null>();
  const longest = new Map<string, number>();
  const givenNames = new Set<string>();
  const nameStarts = new Set<string>();
  // Single words that never name a person alone: common words ("May", "Price") and places.
  const blocked = new Set([...(commonWords as string[]), ...places].map(formKey));
  const extend = (key: string): void => {
    const words = key.split(' ');
    longest.set(words[0], Math.max(longest.get(words[0]) ?? 0, words.length));
  };
  const add = (form: string, person: Person, kind: keyof Forms): void => {
    const key = formKey(form);
    if (key === '' || (kind === 'short' && blocked.has(key))) return;
    let f = forms.get(key);
    if (!f) forms.set(key, (f = { full: [], short: [] }));
    if (!f[kind].includes(person)) f[kind].push(person);
    extend(key);
  };
  for (const e of loadActorEntries()) {
    const person: Person = { name: e.name, offices: e.offices };
    add(e.name, person, 'full');
    for (const a of e.aka ?? []) add(a, person, 'full');
    const short = e.short ?? derivedShortForms(e.name);
    for (const s of short) add(s, person, 'short');
    // In "Xi Jinping" or "Moon Jae-in" the first word is the surname, not a given name.
    const words = tokenize(e.name);
    const first = words[0].key;
    if (words.length > 1 && !NOT_GIVEN.has(first)) {
      nameStarts.add(first);
      if (!short.some(s => formKey(s) === first)) givenNames.add(first);
    }
  }
  // Multi-word places are read as no one, so "Costa Rica" and "The Hague" hide Costa and Hague.
  for (const place of places) {
    const key = formKey(place);
    if (key.includes(' ') && !forms.has(key)) {
      forms.set(key, null);
      extend(key);
    }
  }
  return { forms, longest, givenNames, nameStarts };
}

function getIndex(): Index {
  return (index ??= buildIndex());
}

function coversDate(o: Office, lo: string, hi: string): boolean {
  return lowBound(o.from) <= hi && lo <= highBound(o.to);
}

/**
 * Whether an office reported by `lookupActor` or `actorsInText` was held on the date; false means
 * the name matched a former or future holder ("Hillary Clinton" in 2016). Partial dates overlap:
 * an office held in part of 2012 was held in "2012".
 */
export function holdsOfficeOn(office: ActorOffice, onDate: string): boolean {
  checkDate(onDate);
  return coversDate(office, lowBound(onDate), highBound(onDate));
}

function byRank(a: Office, b: Office): number {
  return (
    (ROLE_RANK.get(a.role) ?? 99) - (ROLE_RANK.get(b.role) ?? 99) || (a.from < b.from ? 1 : -1)
  );
}

function officeOn(p: Person, onDate: string | null): Office | null {
  if (onDate === null) return null;
  const lo = lowBound(onDate);
  const hi = highBound(onDate);
  const current = p.offices.filter(o => coversDate(o, lo, hi));
  return current.length ? current.sort(byRank)[0] : null;
}

/** The office on the date; else the last one before it, or the first after; with no date, the latest. */
function bestOffice(p: Person, onDate: string | null): Office {
  const current = officeOn(p, onDate);
  if (current) return current;
  const latestFirst = [...p.offices].sort((a, b) => {
    const [x, y] = [lowBound(a.from), lowBound(b.from)];
    return x === y ? byRank(a, b) : x < y ? 1 : -1;
  });
  if (onDate === null) return latestFirst[0];
  const lo = lowBound(onDate);
  return latestFirst.find(o => highBound(o.to) < lo) ?? latestFirst[latestFirst.length - 1];
}

function toActorOffice(p: Person, o: Office): ActorOffice {
  return { name: p.name, country: o.country, org: o.org, role: o.role, from: o.from, to: o.to };
}

function resolve(f: Forms | null | undefined, onDate: string | null): ActorOffice | null {
  if (!f) return null;
  if (f.full.length === 1) return toActorOffice(f.full[0], bestOffice(f.full[0], onDate));
  if (f.full.length > 1) {
    // Two people of one name: only the one in office on the date is meant.
    const inOffice = f.full.filter(p => officeOn(p, onDate));
    return inOffice.length === 1
      ? toActorOffice(inOffice[0], bestOffice(inOffice[0], onDate))
      : null;
  }
  if (onDate === null) {
    return f.short.length === 1 ? toActorOffice(f.short[0], bestOffice(f.short[0], null)) : null;
  }
  let found: ActorOffice | null = null;
  for (const p of f.short) {
    const o = officeOn(p, onDate);
    if (!o) continue;
    if (found) return null; // a bare surname shared by two office holders names neither
    found = toActorOffice(p, o);
  }
  return found;
}

function checkDate(onDate: string | null): void {
  if (onDate !== null && !DATE.test(onDate)) {
    throw new RangeError(`actors: date must be YYYY, YYYY-MM or YYYY-MM-DD, got "${onDate}"`);
  }
}

const TITLES =
  /^(?:(?:President|Vice President|Prime Minister|Premier|Chancellor|Foreign Minister|Defen[cs]e Minister|Secretary(?: of State| of Defense| General)?|Minister|King|Queen|Emir|Sheikh|Crown Prince|Prince|Sultan|Mr|Mrs|Ms|Dr|Gen(?:eral)?)\.?\s+)+/;

/**
 * The office `name` held on `onDate` (YYYY, YYYY-MM or YYYY-MM-DD), or null when the name is not
 * known or is a short form shared by several office holders on that date. A full name or
 * alternative spelling matches at any date and reports the office held then, else the nearest
 * one (so callers compare `from`/`to` with the date); a bare surname matches only a person in
 * office on the date, or with no date only when a single person bears it. Leading titles
 * ("President", "Foreign Minister") are ignored. Throws a RangeError for a malformed date.
 */
export function lookupActor(name: string, onDate: string | null): ActorOffice | null {
  checkDate(onDate);
  // Most names an article gives are not in the dictionary, on any date: remember those.
  if (unknownNames.has(name)) return null;
  const { forms } = getIndex();
  const f = forms.get(formKey(name)) ?? forms.get(formKey(name.trim().replace(TITLES, '')));
  if (!f) {
    if (unknownNames.size >= MAX_UNKNOWN_NAMES) unknownNames.clear();
    unknownNames.add(name);
    return null;
  }
  return resolve(f, onDate);
}

/** Names not in the dictionary, as given; bounded, so a long run's memory stays flat. */
const unknownNames = new Set<string>();
const MAX_UNKNOWN_NAMES = 50_000;

/** One name found by `actorsInText`, with its character offsets in the text. */
export interface ActorMention {
  start: number;
  end: number;
  office: ActorOffice;
}

/**
 * Every known person named in `text`, left to right, resolved on `onDate` as `lookupActor` does.
 * Longest names win ("Kim Jong Un" over "Kim"); names must be capitalised as names are, except
 * particles such as "bin" or "al". Runs in time linear in the text: each token is looked up in a
 * token index, never matched against each name.
 */
export function actorsInText(text: string, onDate: string | null): ActorMention[] {
  checkDate(onDate);
  const index = getIndex();
  const found: ActorMention[] = [];
  // Names are runs of capitalised words and particles; any other word ends a run unread.
  let run: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const word = m[0];
    const capital = word[0] !== word[0].toLowerCase();
    const joined = run.length > 0 && JOINER.test(text.slice(run[run.length - 1].end, m.index));
    if (!joined && run.length > 0) run = matchRun(text, run, index, onDate, found);
    if (!capital && !PARTICLES.has(word)) {
      if (run.length > 0) run = matchRun(text, run, index, onDate, found);
      continue;
    }
    run.push(toToken(word, m.index));
  }
  if (run.length > 0) matchRun(text, run, index, onDate, found);
  return found;
}

/** Longest known forms in one run of words, left to right; returns an empty run to reuse. */
function matchRun(
  text: string,
  run: Token[],
  index: Index,
  onDate: string | null,
  found: ActorMention[],
): Token[] {
  const { forms, longest } = index;
  for (let i = 0; i < run.length; i++) {
    const max = Math.min(longest.get(run[i].key) ?? 0, run.length - i);
    for (let n = max; n >= 1; n--) {
      const span = run.slice(i, i + n);
      if (!span.some(t => t.capital)) continue;
      const key = span.map(t => t.key).join(' ');
      const f = forms.get(key);
      if (f === null) {
        i += n - 1; // a place name: its words are nobody's
        break;
      }
      if (f && f.full.length === 0 && isSomeoneElse(text, run, i, n, index)) continue;
      const office = resolve(f, onDate);
      if (!office) continue;
      found.push({ start: span[0].start, end: span[n - 1].end, office });
      i += n - 1;
      break;
    }
  }
  return [];
}

/**
 * A surname right after a given name ("Mike Johnson"), a surname that starts another name
 * ("Jonathan Smith", "Wang Wenbin") or one joined by "&" names someone the dictionary does not
 * know.
 */
function isSomeoneElse(
  text: string,
  run: Token[],
  i: number,
  n: number,
  { givenNames, nameStarts }: Index,
): boolean {
  if (i > 0 && givenNames.has(run[i - 1].key)) return true;
  // "Johnson & Johnson", "Marks & Spencer": a firm's name.
  if (/&\s*$/.test(text.slice(Math.max(0, run[i].start - 3), run[i].start))) return true;
  if (/^\s*&/.test(text.slice(run[i + n - 1].end, run[i + n - 1].end + 3))) return true;
  return n === 1 && i + 1 < run.length && run[i + 1].capital && nameStarts.has(run[i].key);
}
