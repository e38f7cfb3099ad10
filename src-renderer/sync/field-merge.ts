/**
 * The three-way field merge two desks use to resolve a replication conflict. Pure and
 * deterministic: given the same ancestor and the same two sides (the winner PouchDB picks is the
 * same on every desk), every desk computes the same merged record and the same conflicts, so two
 * desks resolving one conflict write identical revisions and agree.
 *
 * - A field changed on one side only takes that side's value.
 * - A list of strings (tags) changed on both sides merges as a set: what either side added is
 *   kept, what either side removed is gone.
 * - `updatedAt` changed on both sides takes the later time, `createdAt` the earlier: they record
 *   when the record changed and began, which both sides agree on, not a choice of the analyst's.
 * - An article's `content` (its text and file metadata, one version of a file) changed on both
 *   sides takes the version stored later (`storedAt`, then the content hash): two imports of a
 *   file are not an analyst's judgement to weigh, and a text is never mixed from two versions.
 * - A record both sides put in the trash stays in the trash as the earlier trash has it
 *   (`trashedAt`, `trashedBy`, `trashedWithArticle` together): both analysts wanted it gone, and
 *   which minute it went is no choice to ask either of them about.
 * - Any other field changed on both sides to different values keeps the winner's value for now
 *   and is reported, with both values, so the analyst can decide.
 */

/** One side of a merge: its fields and who wrote them, when. */
export interface MergeSide {
  fields: Record<string, unknown>;
  by: string;
  at: number;
}

export interface FieldConflict {
  field: string;
  /** Both values, the winner's first. */
  values: { value: unknown; by: string; at: number }[];
}

export interface MergeResult {
  fields: Record<string, unknown>;
  conflicts: FieldConflict[];
}

/** JSON with object keys sorted, so that equal values compare equal whatever their key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/** Bookkeeping times: when both sides changed one, the later wins without asking anyone. */
const LATEST_FIELDS = new Set(['updatedAt']);
const EARLIEST_FIELDS = new Set(['createdAt']);
/** Versions of a file: the later stored one wins (article-docs.ts). */
const NEWEST_VERSION_FIELDS = new Set(['content']);

function storedAtOf(value: unknown): number | null {
  const at = (value as { storedAt?: unknown } | null)?.storedAt;
  return typeof at === 'number' ? at : null;
}

/** The later stored of two versions; ties go to the larger canonical JSON, the same everywhere. */
function newestVersion(w: unknown, o: unknown): unknown {
  const wAt = storedAtOf(w) ?? -Infinity;
  const oAt = storedAtOf(o) ?? -Infinity;
  if (wAt !== oAt) return wAt > oAt ? w : o;
  return canonicalJson(w) >= canonicalJson(o) ? w : o;
}

function same(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every(v => typeof v === 'string');
}

/** Set merge of string lists: the winner's order first, then what the other side added, sorted. */
function mergeSets(base: string[], winner: string[], other: string[]): string[] {
  const keep = (tag: string) => {
    const inBase = base.includes(tag);
    const inWinner = winner.includes(tag);
    const inOther = other.includes(tag);
    return inBase ? inWinner && inOther : inWinner || inOther;
  };
  const fromWinner = [...new Set(winner)].filter(keep);
  const added = [...new Set(other)].filter(t => !winner.includes(t) && keep(t)).sort();
  return [...fromWinner, ...added];
}

/** The fields of a trash, taken together from one side. */
const TRASH_FIELDS = new Set(['trashedAt', 'trashedBy', 'trashedWithArticle']);

/**
 * When both sides trashed the record (each with its own time), the side whose trash came first;
 * ties go to the larger canonical JSON of the trash fields, the same on every desk. Null when
 * at most one side trashed it since the ancestor, or both identically: the ordinary rules apply.
 */
function earlierTrash(
  base: Record<string, unknown>,
  winner: MergeSide,
  other: MergeSide,
): MergeSide | null {
  const w = winner.fields.trashedAt;
  const o = other.fields.trashedAt;
  if (typeof w !== 'number' || typeof o !== 'number') return null;
  if (base.trashedAt === w || base.trashedAt === o) return null;
  if (w !== o) return w < o ? winner : other;
  const trashOf = (side: MergeSide) =>
    canonicalJson([...TRASH_FIELDS].map(key => side.fields[key] ?? null));
  const wt = trashOf(winner);
  const ot = trashOf(other);
  return wt === ot ? null : wt > ot ? winner : other;
}

/**
 * Merges `winner` and `other` against their common ancestor `base` (empty when no ancestor is
 * known: then every field the sides disagree on is a conflict). Fields absent from a side are
 * treated as removed there.
 */
export function mergeFields(
  base: Record<string, unknown>,
  winner: MergeSide,
  other: MergeSide,
): MergeResult {
  const fields: Record<string, unknown> = {};
  const conflicts: FieldConflict[] = [];
  const keys = [...new Set([...Object.keys(winner.fields), ...Object.keys(other.fields)])].sort();
  const trash = earlierTrash(base, winner, other);
  for (const key of keys) {
    const b = base[key];
    const w = winner.fields[key];
    const o = other.fields[key];
    let value: unknown;
    if (trash && TRASH_FIELDS.has(key)) {
      value = trash.fields[key];
    } else if (same(w, o) || same(o, b)) {
      value = w;
    } else if (same(w, b)) {
      value = o;
    } else if (LATEST_FIELDS.has(key) && typeof w === 'number' && typeof o === 'number') {
      value = Math.max(w, o);
    } else if (EARLIEST_FIELDS.has(key) && typeof w === 'number' && typeof o === 'number') {
      value = Math.min(w, o);
    } else if (NEWEST_VERSION_FIELDS.has(key) && storedAtOf(w) !== null && storedAtOf(o) !== null) {
      value = newestVersion(w, o);
    } else if (isStringList(w) && isStringList(o) && (b === undefined || isStringList(b))) {
      value = mergeSets(b ?? [], w, o);
    } else {
      value = w;
      conflicts.push({
        field: key,
        values: [
          { value: w, by: winner.by, at: winner.at },
          { value: o, by: other.by, at: other.at },
        ],
      });
    }
    if (value !== undefined) fields[key] = value;
  }
  return { fields, conflicts };
}
