/**
 * What the analyst types in a country field, as a country: a name ("Germany", "germany"), a
 * demonym ("German"), an ISO code ("DE", "de") or the card's own "Germany (DE)". Resolved in main
 * because the gazetteer (names, aliases and demonyms of every country) lives here; the renderer
 * asks over `countries:resolve` instead of bundling a second copy of the table.
 */
import type { CountryRef } from '../contract/meeting';
import { countryByCode, findCountryTerms } from '../meetings/gazetteer';

const WITH_CODE = /^(.*?)\s*\(([A-Za-z]{2})\)$/;

/** "united arab emirates" -> "United Arab Emirates": the gazetteer's names are case-sensitive. */
function titleCase(text: string): string {
  return text.replace(/\p{L}+/gu, w => w[0].toUpperCase() + w.slice(1).toLowerCase());
}

/** The country a whole term names (not one merely inside it), or null. */
function byWords(term: string): CountryRef | null {
  for (const form of new Set([term, titleCase(term)])) {
    const hits = findCountryTerms(form).filter(h => h.kind === 'name' || h.kind === 'demonym');
    const hit = hits.length === 1 ? hits[0] : null;
    if (hit && hit.start === 0 && hit.end === form.length) {
      const entry = countryByCode(hit.code);
      if (entry) return { code: entry.code, name: entry.name };
    }
  }
  return null;
}

/**
 * The country one typed term stands for, or null when the gazetteer knows no such name, demonym
 * or code. A capital ("Moscow") is not taken for its country: a place is not a participant.
 */
export function resolveCountry(text: string): CountryRef | null {
  const term = text.trim().replace(/\s+/g, ' ');
  if (!term) return null;
  const withCode = WITH_CODE.exec(term);
  if (withCode) {
    const entry = countryByCode(withCode[2].toUpperCase());
    return entry ? { code: entry.code, name: entry.name } : null;
  }
  if (/^[A-Za-z]{2}$/.test(term)) {
    const entry = countryByCode(term.toUpperCase());
    if (entry) return { code: entry.code, name: entry.name };
  }
  return byWords(term);
}

/** Each term resolved, in order; null where it names no country. */
export function resolveCountries(terms: string[]): (CountryRef | null)[] {
  return terms.map(resolveCountry);
}
