/**
 * The actor dictionary's data files (see README.md here), parsed at the border with zod. Kept apart
 * from `../../actors.ts`, which reads names, so the format and its checks live beside the data.
 */
import { z } from 'zod';
import africa from './africa.json';
import americas from './americas.json';
import asiaPacific from './asia-pacific.json';
import eurasia from './eurasia.json';
import europe from './europe.json';
import middleEast from './middle-east.json';
import organizations from './organizations.json';
import southAsia from './south-asia.json';

/** The fixed vocabulary of roles; the extractor maps them to meeting levels. */
export const ACTOR_ROLES = [
  'head-of-state',
  'head-of-government',
  'foreign-minister',
  'defence-minister',
  'envoy',
  'org-head',
  'deputy-head-of-state',
  'deputy-head-of-government',
  'deputy-foreign-minister',
  'deputy-org-head',
] as const;

/** When two offices of one person cover the date, the earlier role in this list wins. */
export const ROLE_RANK = new Map<string, number>(ACTOR_ROLES.map((r, i) => [r, i]));

/** YYYY, YYYY-MM or YYYY-MM-DD. */
export const DATE = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;

const OfficeSchema = z.string().transform((s, ctx) => {
  const parts = s.split('|');
  const [where, role, from, to] = parts;
  const bad = (message: string): typeof z.NEVER => {
    ctx.addIssue({ code: 'custom', message: `office "${s}": ${message}` });
    return z.NEVER;
  };
  if (parts.length !== 4) return bad('expected WHERE|role|from|to');
  const org = where.startsWith('@') ? where.slice(1) : null;
  if (org === null && !/^[A-Z]{2}$/.test(where)) return bad('country must be ISO alpha-2');
  if (org === '') return bad('empty organisation');
  if (!ROLE_RANK.has(role)) return bad(`unknown role ${role}`);
  if (!DATE.test(from)) return bad(`bad from date ${from}`);
  if (to !== '-' && !DATE.test(to)) return bad(`bad to date ${to}`);
  const end = to === '-' ? null : to;
  if (end !== null && lowBound(end) < lowBound(from)) return bad('to is before from');
  return { country: org === null ? where : null, org, role, from, to: end };
});

/** One person as the data files write them (see the README for the fields). */
export const ActorEntrySchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(2),
  aka: z.array(z.string().min(2)).optional(),
  short: z.array(z.string().min(2)).optional(),
  offices: z.array(OfficeSchema).min(1),
});
export type ActorEntry = z.infer<typeof ActorEntrySchema>;

/** Every data file by its name, for the validity test and for error messages. */
export const ACTOR_FILES: Record<string, unknown> = {
  'africa.json': africa,
  'americas.json': americas,
  'asia-pacific.json': asiaPacific,
  'eurasia.json': eurasia,
  'europe.json': europe,
  'middle-east.json': middleEast,
  'organizations.json': organizations,
  'south-asia.json': southAsia,
};

/** The first day a partial date covers, so "2009" starts on 2009-01-01. */
export function lowBound(date: string): string {
  return date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date;
}

/** The last day a partial date covers (a month ends on its "31st"); null is an open term. */
export function highBound(date: string | null): string {
  if (date === null) return '9999-12-31';
  return date.length === 4 ? `${date}-12-31` : date.length === 7 ? `${date}-31` : date;
}

/**
 * Parses every data file; throws naming the file and entry when one is malformed, since a broken
 * dictionary is a build defect rather than bad user input.
 */
export function loadActorEntries(): ActorEntry[] {
  const entries: ActorEntry[] = [];
  for (const [file, data] of Object.entries(ACTOR_FILES)) {
    const parsed = z.array(ActorEntrySchema).safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`actors/${file} [${issue.path.join('.')}]: ${issue.message}`);
    }
    entries.push(...parsed.data);
  }
  return entries;
}
