/**
 * Lookup of countries (names, demonyms, capitals, major cities), titles of office and
 * international organisations in English news text. The data are hand-written JSON files in
 * `./data` (see its README for sources and licence); this module compiles them once into
 * case-sensitive regular expressions so a sentence is scanned in one pass per kind.
 */
import countriesData from './data/countries.json';
import rolesData from './data/roles.json';
import orgsData from './data/organizations.json';
import type { CountryRef } from '../contract/meeting';
import { openExPrefixes } from './former-titles';

export interface CountryEntry {
  code: string;
  name: string;
  aliases: string[];
  demonyms: string[];
  capital: string;
  cities: string[];
}

export type TermKind = 'name' | 'demonym' | 'capital' | 'city';

/** One occurrence of a country-related word in a string. */
export interface CountryTerm {
  code: string;
  kind: TermKind;
  /** For capitals and cities, the city's name as the text spells it. */
  city: string | null;
  start: number;
  end: number;
}

export interface RoleHit {
  title: string;
  level: string;
  start: number;
  end: number;
}

export interface OrgHit {
  name: string;
  start: number;
  end: number;
}

const countries = countriesData as CountryEntry[];
const byCode = new Map(countries.map(c => [c.code, c]));

interface Surface {
  code: string;
  kind: TermKind;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Longest alternatives first so "Guinea-Bissau" wins over "Guinea". */
export function alternation(words: Iterable<string>): string {
  return [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|');
}

const surfaces = new Map<string, Surface>();
function addSurface(text: string, s: Surface): void {
  if (!surfaces.has(text)) surfaces.set(text, s);
}
for (const c of countries) {
  addSurface(c.name, { code: c.code, kind: 'name' });
  for (const a of c.aliases) addSurface(a, { code: c.code, kind: 'name' });
  for (const d of c.demonyms) addSurface(d, { code: c.code, kind: 'demonym' });
}
// Longer phrases that contain a country word but name no country; matched and then dropped.
const BLOCKERS = [
  'Latin America',
  'South America',
  'North America',
  'Central America',
  'Indian Ocean',
  'Persian Gulf',
  'South China Sea',
  'East China Sea',
  'New Mexico',
  'Jordan River',
  'Korean Peninsula',
  'Indo-Pacific',
  'American Samoa',
  'Guinea pig',
];
for (const b of BLOCKERS) addSurface(b, { code: '', kind: 'name' });
for (const c of countries) {
  addSurface(c.capital, { code: c.code, kind: 'capital' });
  for (const city of c.cities) addSurface(city, { code: c.code, kind: 'city' });
}
// "US" and "UK" are matched only in capitals; the names themselves are case-sensitive anyway.
const countryRe = new RegExp(
  `(?:${alternation(surfaces.keys())})(?![\\p{L}\\p{N}]|-(?!based))`,
  'gu',
);
const WORD_OR_NUMBER = /^[\p{L}\p{N}-]$/u;
const WORD = /^[\p{L}-]$/u;

/** The character (a whole code point) just before `at` in `text`, or '' at the start. */
function charBefore(text: string, at: number): string {
  if (at === 0) return '';
  const code = text.charCodeAt(at - 1);
  return code >= 0xdc00 && code <= 0xdfff && at >= 2 ? text.slice(at - 2, at) : text[at - 1];
}

/**
 * Calls `hit` for each match of the global `re` in `scanned` that does not follow a character
 * matching `joined` in `text` (the same string, or its same-length lower-case form). The test
 * stands for a leading lookbehind: in the regex, a lookbehind before a long alternation runs at
 * every offset and keeps V8 from skipping to the alternatives' first characters, which made
 * these scans four times slower. A rejected match retries one character on, as the regex did.
 */
function scanBounded(
  re: RegExp,
  scanned: string,
  text: string,
  joined: RegExp,
  hit: (m: RegExpExecArray) => void,
): void {
  re.lastIndex = 0;
  for (let m = re.exec(scanned); m; m = re.exec(scanned)) {
    if (joined.test(charBefore(text, m.index))) {
      const code = scanned.charCodeAt(m.index);
      re.lastIndex = m.index + (code >= 0xd800 && code <= 0xdbff ? 2 : 1);
      continue;
    }
    hit(m);
  }
}

let lastCountryText = '';
let lastCountryHits: CountryTerm[] = [];
let lastRoleText = '';
let lastRoleHits: RoleHit[] = [];

/** Every country name, demonym, capital or listed city in `text`, left to right. */
export function findCountryTerms(text: string): CountryTerm[] {
  // Extraction asks several times about one sentence; the last answer is kept.
  if (text === lastCountryText) return lastCountryHits;
  const hits: CountryTerm[] = [];
  lastCountryText = text;
  lastCountryHits = hits;
  scanBounded(countryRe, text, text, WORD_OR_NUMBER, m => {
    const s = surfaces.get(m[0]);
    if (!s || s.code === '') return;
    hits.push({
      code: s.code,
      kind: s.kind,
      city: s.kind === 'capital' || s.kind === 'city' ? m[0] : null,
      start: m.index,
      end: m.index + m[0].length,
    });
  });
  return hits;
}

/** The gazetteer entry for an ISO code, or null for a code we do not list. */
export function countryByCode(code: string): CountryEntry | null {
  return byCode.get(code) ?? null;
}

export function countryRef(code: string): CountryRef {
  const c = byCode.get(code);
  return { code, name: c ? c.name : code };
}

/** Canonical city name: capitals keep their listed spelling, variants map to the first form. */
export function capitalOf(code: string): string | null {
  return byCode.get(code)?.capital ?? null;
}

const roleLevels = new Map<string, string>();
for (const l of rolesData.levels) for (const t of l.titles) roleLevels.set(t, l.level);
// Titles are lower case and matched in the lower-cased sentence: a case-insensitive Unicode
// regex over this alternation was the costliest scan of extraction.
const roleRe = new RegExp(
  `(?:${alternation([...roleLevels.keys()].flatMap(t => [t, pluralTitle(t)]))})(?![\\p{L}])`,
  'gu',
);
const roleReAnyCase = new RegExp(roleRe.source, 'giu');

function pluralTitle(t: string): string {
  if (t.endsWith('s')) return t;
  // "foreign minister" -> "foreign ministers", "minister of defence" -> "ministers of defence"
  const words = t.split(' ');
  const headIdx = words.findIndex(w => w === 'of' || w === 'for' || w === 'to');
  const head = headIdx > 0 ? headIdx - 1 : words.length - 1;
  const w = words[head];
  words[head] =
    w.endsWith('y') && !/[aeiou]y$/.test(w)
      ? `${w.slice(0, -1)}ies`
      : w.endsWith('ss') || w.endsWith('ch')
        ? `${w}es`
        : `${w}s`;
  return words.join(' ');
}

const pluralToTitle = new Map<string, string>();
for (const t of roleLevels.keys()) pluralToTitle.set(pluralTitle(t), t);

/** Titles of office ("Defense Minister", "deputy foreign ministers") with their level. */
export function findRoles(text: string): RoleHit[] {
  if (text === lastRoleText) return lastRoleHits;
  const hits: RoleHit[] = [];
  lastRoleText = text;
  lastRoleHits = hits;
  const lowered = text.toLowerCase();
  // A few letters lower-case to two ("İ"): offsets would shift, so such a text keeps its case.
  const same = lowered.length === text.length;
  // "ex-Vice President": the hyphen after "ex" does not join the title to a name.
  const bounds = openExPrefixes(text);
  scanBounded(same ? roleRe : roleReAnyCase, same ? lowered : text, bounds, WORD, m => {
    const lower = m[0].toLowerCase();
    const title = roleLevels.has(lower) ? lower : (pluralToTitle.get(lower) ?? lower);
    const level = roleLevels.get(title);
    if (!level) return;
    const end = m.index + m[0].length;
    // "Amir-Rahimi": a title joined by a hyphen to a capitalised word is part of a name.
    if (text[end] === '-' && /^\p{Lu}/u.test(text.slice(end + 1, end + 2))) return;
    hits.push({ title: text.slice(m.index, end), level, start: m.index, end });
  });
  return hits;
}

const orgSurfaces = new Map<string, string>();
for (const o of orgsData as { name: string; aliases: string[] }[]) {
  orgSurfaces.set(o.name, o.name);
  for (const a of o.aliases) orgSurfaces.set(a, o.name);
}
const orgRe = new RegExp(`(?:${alternation(orgSurfaces.keys())})(?![\\p{L}\\p{N}])`, 'gu');

/** International organisations named in `text`, by their canonical name. */
export function findOrganizations(text: string): OrgHit[] {
  const hits: OrgHit[] = [];
  scanBounded(orgRe, text, text, WORD_OR_NUMBER, m => {
    const name = orgSurfaces.get(m[0]);
    if (name) hits.push({ name, start: m.index, end: m.index + m[0].length });
  });
  return hits;
}
