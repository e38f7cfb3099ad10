/**
 * People a clause names by their title alone, once the article has named them in full: "the
 * Omani sultan", "Oman's Sultan", "the country's emir", or by title and given name, as Gulf and
 * royal styles do: "Sultan Haitham", "Sheikh Tamim". "Kuwait's Emir, Sheikh Nawaf …, received
 * Oman's Sultan Haitham bin Tariq … The emir and the sultan held talks": the talks' sentence
 * names no one, yet the two are the story's. Each reference resolves to the one person of the
 * article's cast who holds that title (of that country, when the clause says), or to no one when
 * none or several do: a title alone is never guessed at.
 */
import type { Person } from '../contract/meeting';
import { fold, surnameKey, type Cast, type ResolvedPeople } from './context';
import { findCountryTerms, findRoles, type CountryTerm } from './gazetteer';
import { formerMarker } from './former-titles';

/** Titles too common or too vague to stand for one person of the story. */
const VAGUE =
  /^(?:ministers?|secretary|officials?|delegations?|leaders?|spokes\w+|counterparts?|advis[eo]rs?|ambassadors?|envoys?|governors?|mayors?|representatives?|negotiators?)$/i;
/** Spellings of one title. */
const SAME_TITLE: Record<string, string> = { amir: 'emir' };
/** The name after a title: one given name ("Sultan Haitham"), or a full name (found elsewhere). */
const NAME_AFTER = /^\s+([\p{Lu}][\p{Ll}'’-]+)(\s+[\p{Lu}][\p{L}'’-]+)?/u;
/** "President of the European Council": the title heads a phrase, not a reference. */
const OF_AFTER = /^\s+of\b/i;
const HONORIFIC = /^(?:sheikh|sheikha|shaikh|prince|princess|sayyid|emir|amir|king|queen|sultan)$/i;

function titleKey(title: string): string {
  const t = fold(title).replace(/s$/, '');
  return SAME_TITLE[t] ?? t;
}

/** The given name a person is called by after a royal title: the first word after honorifics. */
function givenName(name: string): string {
  const words = fold(name).split(/\s+/);
  return words.find(w => !HONORIFIC.test(w)) ?? '';
}

/** The country a title is qualified by right before it: "Oman's Sultan", "the Omani sultan". */
function qualifier(terms: CountryTerm[], titleStart: number, sentence: string): string | null {
  const t = terms.filter(x => x.end <= titleStart && x.end >= titleStart - 4).pop();
  if (!t || t.kind === 'city' || t.kind === 'capital') return null;
  return /^(?:['’]s)?\s*$/.test(sentence.slice(t.end, titleStart)) ? t.code : null;
}

/**
 * The cast's people the clause `[from, to)` of `sentence` names by title alone or by title and
 * given name. `terms` are the sentence's country terms.
 */
export function titledReferences(
  sentence: string,
  from: number,
  to: number,
  cast: Cast,
  terms: CountryTerm[],
): Person[] {
  const found: Person[] = [];
  for (const r of findRoles(sentence)) {
    if (r.start < from || r.end > to || VAGUE.test(r.title) || /s$/i.test(r.title)) continue;
    const after = sentence.slice(r.end, r.end + 60);
    if (OF_AFTER.test(after) || formerMarker(sentence.slice(Math.max(0, r.start - 40), r.start)))
      continue;
    const name = NAME_AFTER.exec(after);
    // A full name after the title is read as a name where it stands.
    if (name?.[2]) continue;
    const given = name ? fold(name[1]) : null;
    const country = qualifier(terms, r.start, sentence);
    const key = titleKey(r.title);
    const holders = [...cast.values()].filter(
      p =>
        p.role !== null &&
        titleKey(p.role) === key &&
        (country === null || p.country === country) &&
        (given === null || givenName(p.name) === given),
    );
    if (holders.length === 1 && !found.includes(holders[0])) found.push(holders[0]);
  }
  return found.map(p => ({ ...p }));
}

/**
 * Adds to a meeting clause's people (`who`, as `resolvePeople` read them) those it names by title
 * alone, with the countries they stand for; found from the article's context, so marked so.
 */
export function addTitledReferences(
  who: ResolvedPeople,
  sentence: string,
  segment: [number, number],
  cast: Cast,
): void {
  const known = new Set(who.people.map(p => surnameKey(p.name)));
  const more = titledReferences(sentence, segment[0], segment[1], cast, findCountryTerms(sentence));
  for (const p of more) {
    if (known.has(surnameKey(p.name))) continue;
    who.people.push(p);
    if (p.country && !who.countries.includes(p.country)) who.countries.push(p.country);
    if (who.basis === 'sentence') who.basis = 'context';
  }
}

/**
 * The people a sentence that only refers back to `meeting` ("the emir and the sultan chaired a
 * session of talks") names by title alone: only those of a country the meeting already seats,
 * since such a sentence may speak of the meeting without being at it.
 */
export function titledAt(
  meeting: { countries: string[]; people: Person[] },
  sentence: string,
  cast: Cast,
): Person[] {
  const known = new Set(meeting.people.map(p => surnameKey(p.name)));
  return titledReferences(sentence, 0, sentence.length, cast, findCountryTerms(sentence)).filter(
    p => !known.has(surnameKey(p.name)) && p.country && meeting.countries.includes(p.country),
  );
}
