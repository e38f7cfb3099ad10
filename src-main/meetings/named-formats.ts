/**
 * Formats known by name, whose members are known: "the foreign ministers of the
 * Astana format", "a Normandy format summit". The clause names the format, not its countries, so
 * the members come from a data file (`data/named-formats.json`, sources in the data README).
 * They are inferred, not read, so they carry the dictionary's low confidence. A format named as
 * what a meeting is about or as a mediator ("with the mediation of the Astana format's
 * guarantors") seats no one.
 */
import { z } from 'zod';
import formatsData from './data/named-formats.json';
import { alternation } from './gazetteer';

const NamedFormatSchema = z.object({
  name: z.string().min(3),
  aliases: z.array(z.string().min(3)),
  members: z.array(z.string().regex(/^[A-Z]{2}$/)).min(2),
  note: z.string(),
});

const FORMATS = z.array(NamedFormatSchema).parse(formatsData);

const SURFACES = new Map<string, string[]>();
for (const f of FORMATS)
  for (const s of [f.name, ...f.aliases]) SURFACES.set(s.toLowerCase(), f.members);
const FORMAT_RE = new RegExp(
  `(?<![\\p{L}\\d])(?:${alternation(SURFACES.keys())})(?![\\p{L}\\d])`,
  'giu',
);
/** Words before a format name that make it a mediator or a subject, not the meeting's frame. */
const NOT_SEATED_BEFORE =
  /\b(?:mediation|mediators?|guarantors?|future|fate|revival|collapse|end|discuss(?:ed|es|ing)?|about|on|over|regarding|outside|without|instead of)\s+(?:of\s+)?(?:the\s+)?(?:[\p{L}-]+\s+){0,2}$/iu;

/** The members of the formats the clause `text.slice(from, to)` frames its meeting by. */
export function namedFormatMembers(text: string, from: number, to: number): string[] {
  const clause = text.slice(from, to);
  const members: string[] = [];
  FORMAT_RE.lastIndex = 0;
  for (let m = FORMAT_RE.exec(clause); m; m = FORMAT_RE.exec(clause)) {
    if (NOT_SEATED_BEFORE.test(clause.slice(Math.max(0, m.index - 40), m.index))) continue;
    for (const c of SURFACES.get(m[0].toLowerCase()) ?? [])
      if (!members.includes(c)) members.push(c);
  }
  return members;
}
