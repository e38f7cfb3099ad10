/**
 * Talks a country hosts for others: "Ghana is hosting talks on its neighbour's border dispute", then
 * "the talks between the government and the rebels began in Accra on Monday". The hosting clause
 * names only the host, so it reads as a meeting of the host's own; the later clause names the
 * parties and the city. Both are one meeting, and the host is its place, not a party to it
 * (dev-gold README: "the host of talks on neutral ground is not one"). The hosting clause is
 * folded into the meeting of the same talks that the article places in the host country.
 */
import type { Person } from '../contract/meeting';
import type { Trigger } from './cues';
import { datesCompatible } from './dates';
import type { ArticleMeeting } from './extract';

/** "hosted talks between A and B": the object is an event, so the host need not take part. */
export const HOSTED_EVENT_AFTER =
  /^\s+(?:the\s+|a\s+|an\s+)?(?:[\p{L}-]+\s+){0,2}(?:talks|negotiations|consultations|conference|summit|meetings?)\b/iu;

/** A host verb right before the event word: "is hosting talks", "hosts the peace negotiations". */
const HOSTING_BEFORE = /\bhost(?:s|ed|ing)?\s+(?:the\s+|a\s+|an\s+)?(?:[\p{L}-]+\s+){0,2}$/iu;
const EVENT_WORD = /^(?:talks|negotiations|consultations|conference|summit|meetings?)$/i;

/** Whether the clause reports an event a country hosts: "hosted talks", "is hosting talks". */
export function hostsEvent(sentence: string, triggers: Trigger[]): boolean {
  return triggers.some(
    t =>
      (t.kind === 'host' && HOSTED_EVENT_AFTER.test(sentence.slice(t.end, t.end + 40))) ||
      (EVENT_WORD.test(t.word) &&
        HOSTING_BEFORE.test(sentence.slice(Math.max(0, t.start - 40), t.start))),
  );
}

/**
 * The host a hosting clause names: its one country ("South Africa is hosting talks"), or its
 * place when it names no party ("Ghana, at the AU's request, is hosting talks"). A clause that
 * names the parties too ("hosted talks between A and B") is a meeting of its own.
 */
export function hostOf(c: { countries: string[]; placeCountry: string | null }): string | null {
  if (c.countries.length === 1 && (!c.placeCountry || c.placeCountry === c.countries[0]))
    return c.countries[0];
  return c.countries.length === 0 ? c.placeCountry : null;
}

const surname = (p: Person): string => p.name.split(/\s+/).pop()?.toLowerCase() ?? '';

/** The meeting of the hosted talks: placed in the host country, of the same kind and dates. */
function talksIn(
  meetings: ArticleMeeting[],
  hosting: ArticleMeeting,
  host: string,
): ArticleMeeting | null {
  return (
    meetings.find(
      m =>
        m !== hosting &&
        !m.separate &&
        m.placeCountry === host &&
        !m.countries.includes(host) &&
        m.countries.length > 0 &&
        (m.status === 'held') === (hosting.status === 'held') &&
        datesCompatible(m.date, hosting.date),
    ) ?? null
  );
}

/**
 * Folds each hosting clause's meeting (`hosting`: meeting → host country) into the talks it
 * hosts, when the article reports them; removes it from `meetings`. The talks take its
 * evidence, organisations, venue and purpose, and the people it named of another country
 * than the host's: the host's own officials ("the president agreed to host the talks"), or
 * people of no known country, are left out unless the text says they ran the talks
 * (`facilitators`).
 */
export function foldHostedTalks(
  meetings: ArticleMeeting[],
  hosting: ReadonlyMap<ArticleMeeting, string>,
  facilitators: ReadonlySet<Person>,
): void {
  for (const [h, host] of hosting) {
    const at = meetings.indexOf(h);
    // Later references back may have named parties: then it is a meeting of its own.
    const onlyHost = h.countries.every(c => c === host);
    const talks = at < 0 || !onlyHost ? null : talksIn(meetings, h, host);
    if (!talks) continue;
    meetings.splice(at, 1);
    const starts = new Set(talks.mentions.map(x => x.start));
    talks.mentions = [...talks.mentions, ...h.mentions.filter(x => !starts.has(x.start))].sort(
      (a, b) => a.start - b.start,
    );
    talks.lastSentence = Math.max(talks.lastSentence, h.lastSentence);
    const known = new Set(talks.people.map(surname));
    for (const p of h.people)
      if (!known.has(surname(p)) && (facilitators.has(p) || (p.country && p.country !== host))) {
        talks.people.push(p);
        known.add(surname(p));
      }
    for (const o of h.organizations)
      if (!talks.organizations.includes(o)) talks.organizations.push(o);
    talks.venue ??= h.venue;
    talks.purpose ??= h.purpose;
    if (!talks.date.start && h.date.start) talks.date = h.date;
  }
}
