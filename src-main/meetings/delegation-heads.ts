/**
 * The head of a delegation the story introduced: "The delegation is led by Foreign Minister Ana
 * Soto. … The delegation met the president on Monday." The meeting sentence names only "the
 * delegation", so its head was left off the card. A story introduces a delegation, mission or
 * team with its head ("a delegation led by X", "Led by X, the bloc's envoys …", "X, who heads
 * the mission", "the head of the delegation, X"); a later meeting sentence that speaks of "the
 * delegation" refers back to it, and its head takes part (medium confidence, from context).
 *
 * A reference means a delegation of the same kind: "the bloc's delegation" never one the text
 * calls another country's or body's, and "the latest delegation" never the "previous
 * delegation" (an earlier mission, which may have had another head). When the delegations that
 * fit have different heads, no one is added. The head's own country is added only when the
 * delegation is that country's ("the Chilean delegation led by …"): a bloc's envoy speaks for
 * the bloc, not for their country.
 */
import type { MeetingConfidence, Person } from '../contract/meeting';
import { surnameKey, type Cast } from './context';
import { findCountryTerms, findOrganizations, type CountryTerm } from './gazetteer';
import { findPeople } from './participants';
import type { Sentence } from './sentences';

/** What the rule reads and sets of an article meeting. */
export interface DelegationMeeting {
  countries: string[];
  people: Person[];
  mentions: { start: number; sentence: string }[];
  confidence: MeetingConfidence;
}

/** Whose delegation a noun phrase says it is, and whether it is an earlier one. */
interface Kind {
  countries: string[];
  orgs: string[];
  previous: boolean;
}

interface Head {
  person: Person;
  /** Index of the sentence that introduced the head. */
  sentence: number;
  kind: Kind;
}

const NOUN = '(?:delegations?|missions?|team|envoys|representatives|negotiators|negotiating team)';
/** "the delegation, which is led by X", "a team headed by X". */
const LED_BY_AFTER = new RegExp(
  `\\b${NOUN},?\\s+(?:(?:which|that|who)\\s+(?:is|was|are|were|will be)\\s+|is\\s+|was\\s+|are\\s+|were\\s+|will be\\s+)?(?:led|headed)\\s+by\\s+`,
  'g',
);
/** "Led by X, the bloc's envoys": the name sits between "by" and the noun phrase. */
const LED_BY_BEFORE = new RegExp(
  `\\b(?:[Ll]ed|[Hh]eaded)\\s+by\\s+([^,;]{3,90}?),?\\s+((?:the|an?|its|their)\\s+(?:[\\p{L}\\d’'-]+\\s+){0,3}${NOUN})\\b`,
  'gu',
);
/** "X, who heads the mission", "X will lead the delegation". */
const LEADS = new RegExp(
  `(?:,\\s+who\\s+)?(?:leads|led|heads|headed|is leading|was leading|will lead)\\s+((?:the|an?|its|their)\\s+(?:[\\p{L}\\d’'-]+\\s+){0,3}${NOUN})\\b`,
  'gu',
);
/** "the head of the delegation, X", "delegation head X". */
const HEAD_OF = new RegExp(
  `\\b(?:head|leader|chief)\\s+of\\s+((?:the|an?|its|their)\\s+(?:[\\p{L}\\d’'-]+\\s+){0,3}${NOUN}),?\\s+|\\b(${NOUN})\\s+(?:head|leader|chief)\\s+`,
  'gu',
);
/**
 * A reference back to a delegation in a meeting sentence: "the delegation", "the bloc's envoys"
 * ("a delegation" introduces another one).
 */
const REFERENCE = new RegExp(
  `\\b(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts|[Tt]heir)\\s+((?:[\\p{L}\\d’'-]+\\s+){0,3})${NOUN}\\b`,
  'gu',
);
const PREVIOUS = /\b(?:previous|earlier|prior|former|first|past)\b/i;
const QUICK = /\b(?:delegation|mission|team|envoys|representatives|negotiators)\b/;
/**
 * One scan of the article for the words every introduction of a head has, before the patterns
 * run sentence by sentence: most articles introduce no head.
 */
const INTRODUCES_HEAD =
  /\b(?:[Ll]ed|[Hh]eaded) by\b|\b(?:leads|heads|headed|led|lead|leading) (?:the|a|an|its|their)\b|\b(?:head|leader|chief) of (?:the|a|an|its|their)\b|\b(?:delegation|mission|team) (?:head|leader|chief)\b/;
/** A sentence that introduces a head says who leads: run only then the costlier patterns. */
const LEAD_WORD = /\b(?:[Ll]ed|[Hh]eaded|leads|heads|head|leader|chief|leading|lead)\b/;
const BARE_NAME = /^\s*((?:\p{Lu}[\p{L}'’-]+\s+){0,3}\p{Lu}[\p{L}'’-]+)/u;
const BARE_NAME_BEFORE = /((?:\p{Lu}[\p{L}'’-]+\s+){0,3}\p{Lu}[\p{L}'’-]+)\s*$/u;

/** Whose delegation the words before the noun say: "ECOWAS", "Chilean", "previous". */
function kindOf(words: string): Kind {
  return {
    countries: findCountryTerms(words)
      .filter(t => t.kind === 'name' || t.kind === 'demonym')
      .map(t => t.code),
    orgs: findOrganizations(words).map(o => o.name),
    previous: PREVIOUS.test(words),
  };
}

/**
 * The person named at `from`…`to`: titled, or by a name the story gave in full before. `terms`
 * are the country terms of `text`, found once for all its matches.
 */
function personAt(
  text: string,
  terms: CountryTerm[],
  from: number,
  to: number,
  cast: Cast,
  fromEnd = false,
): Person | null {
  const titled = findPeople(text, terms, from, to);
  if (titled.length > 0) return { ...titled[fromEnd ? titled.length - 1 : 0] };
  const span = text.slice(from, to);
  const bare = (fromEnd ? BARE_NAME_BEFORE : BARE_NAME).exec(span)?.[1];
  if (!bare) return null;
  const known = cast.get(surnameKey(bare));
  if (known && surnameKey(known.name) === surnameKey(bare)) return { ...known };
  // An unknown name in full; a lone capitalised word could be anything.
  return bare.includes(' ') && !terms.some(t => span.includes(text.slice(t.start, t.end)))
    ? { name: bare, role: null, country: null }
    : null;
}

/** Every delegation head the story introduces, in order (see the module's comment). */
export function delegationHeads(
  sentences: Sentence[],
  skip: (s: Sentence) => boolean,
  cast: Cast,
): Head[] {
  const heads: Head[] = [];
  sentences.forEach((s, index) => {
    if (!QUICK.test(s.text) || !LEAD_WORD.test(s.text) || skip(s)) return;
    const t = s.text;
    const terms = findCountryTerms(t);
    const add = (person: Person | null, np: string): void => {
      if (person) heads.push({ person, sentence: index, kind: kindOf(np) });
    };
    for (const m of t.matchAll(LED_BY_AFTER)) {
      const from = m.index + m[0].length;
      add(
        personAt(t, terms, from, Math.min(t.length, from + 90), cast),
        determinerPhrase(t, m.index),
      );
    }
    for (const m of t.matchAll(LED_BY_BEFORE)) {
      const from = m.index + m[0].indexOf(m[1]);
      add(personAt(t, terms, from, from + m[1].length, cast), m[2]);
    }
    for (const m of t.matchAll(LEADS)) add(personAt(t, terms, 0, m.index, cast, true), m[1]);
    for (const m of t.matchAll(HEAD_OF)) {
      const from = m.index + m[0].length;
      add(personAt(t, terms, from, Math.min(t.length, from + 90), cast), m[1] ?? m[2]);
    }
  });
  return heads;
}

/** The noun phrase ending at `at`, from its determiner: "A previous ECOWAS delegation". */
function determinerPhrase(text: string, at: number): string {
  const before = text.slice(Math.max(0, at - 50), at);
  const det = /(?:^|\b)(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir)\s+(?:[\p{L}\d’'-]+\s+){0,3}$/u.exec(
    before,
  );
  return det ? det[0] : '';
}

/** Whether a reference of kind `ref` can mean a delegation of kind `head`. */
function fits(ref: Kind, head: Kind): boolean {
  if (ref.previous !== head.previous) return false;
  if (ref.orgs.length > 0 && head.orgs.length > 0 && !ref.orgs.some(o => head.orgs.includes(o)))
    return false;
  if (
    ref.countries.length > 0 &&
    head.countries.length > 0 &&
    !ref.countries.some(c => head.countries.includes(c))
  )
    return false;
  // "the Chilean delegation" is not the bloc's, nor the other way round.
  if (ref.countries.length > 0 && head.orgs.length > 0 && head.countries.length === 0) return false;
  if (ref.orgs.length > 0 && head.countries.length > 0 && head.orgs.length === 0) return false;
  return true;
}

/**
 * Seats the head of the delegation each meeting's sentences refer back to (see the module's
 * comment). `text` is the article's, `sentences` its sentences in order.
 */
export function seatDelegationHeads(
  meetings: DelegationMeeting[],
  text: string,
  sentences: Sentence[],
  skip: (s: Sentence) => boolean,
  cast: () => Cast,
): void {
  if (meetings.length === 0 || !INTRODUCES_HEAD.test(text)) return;
  const heads = delegationHeads(sentences, skip, cast());
  if (heads.length === 0) return;
  const indexOf = new Map(sentences.map((s, i) => [s.start, i]));
  for (const m of meetings) {
    const known = new Set(m.people.map(p => surnameKey(p.name)));
    const meant = new Map<string, Head>();
    for (const mention of m.mentions) {
      const at = indexOf.get(mention.start);
      if (at === undefined) continue;
      for (const r of mention.sentence.matchAll(REFERENCE)) {
        const ref = kindOf(r[1]);
        for (const h of heads)
          if (h.sentence <= at && fits(ref, h.kind)) meant.set(surnameKey(h.person.name), h);
      }
    }
    // Delegations of different heads fit: which one is meant is not said.
    if (meant.size !== 1) continue;
    const [[key, head]] = [...meant];
    if (known.has(key)) continue;
    m.people.push({ ...head.person });
    m.confidence.people ??= { confidence: 'medium', basis: 'context' };
    const own = head.person.country;
    if (own && head.kind.countries.includes(own) && !m.countries.includes(own)) {
      m.countries.push(own);
      m.confidence.countries ??= { confidence: 'medium', basis: 'context' };
    }
  }
}
