/**
 * "Needs your decision": the fields two analysts changed differently, and the meeting fields two
 * analysts decided differently. Both are read from synced data only — conflicting fields travel
 * inside the merged document, decisions are documents of their own — so every desk of the team
 * shows the same list, whichever desk resolved the replication conflict.
 */
import { canonicalJson, type FieldConflict } from './field-merge';
import type { SyncDoc } from './documents';
import type { SyncDexie, SyncedDecision } from './sync-db';
import type { ConflictValue, SyncConflictRow } from './sync-stores';

export type NeedsDecision = NonNullable<SyncDoc['needsDecision']>;

/** One entry of the list: a document field or a meeting field, with every value, author and time. */
export interface DecisionNeeded {
  id: string;
  /** `doc` for a field of a synced record, `meeting` for a meeting field decided twice. */
  source: 'doc' | 'meeting';
  /** The document id, or the meeting id. */
  subject: string;
  field: string;
  values: ConflictValue[];
}

function dedupeValues(values: ConflictValue[]): ConflictValue[] {
  const seen = new Set<string>();
  return values.filter(v => {
    const key = canonicalJson([v.value, v.by, v.at]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Adds `more` to `needs`, one entry per field, values de-duplicated; sorted by field. */
export function combineNeeds(
  needs: NeedsDecision,
  more: NeedsDecision | FieldConflict[],
): NeedsDecision {
  const byField = new Map<string, ConflictValue[]>();
  for (const entry of [...needs, ...more]) {
    byField.set(entry.field, dedupeValues([...(byField.get(entry.field) ?? []), ...entry.values]));
  }
  return [...byField.entries()]
    .filter(([, values]) => values.length > 1)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([field, values]) => ({ field, values }));
}

/** One entry's values as a set, so that equal entries compare equal whatever their order. */
function valuesKey(entry: NeedsDecision[number] | undefined): string | undefined {
  if (!entry) return undefined;
  return canonicalJson(entry.values.map(v => canonicalJson([v.value, v.by, v.at])).sort());
}

/**
 * The three-way merge of two sides' lists against their common ancestor's, field by field, as
 * the record's own fields merge: an entry one side left as the ancestor had it takes the other
 * side's (so an entry one desk decided, and so removed, stays decided while the other desk
 * carried it along unchanged); an entry both sides changed keeps the values of both. A plain
 * union instead brings back every conflict an analyst decided while a colleague's unrelated
 * edit of the same record was in flight.
 */
export function mergeNeeds(
  ancestor: NeedsDecision,
  a: NeedsDecision,
  b: NeedsDecision,
): NeedsDecision {
  const byField = (needs: NeedsDecision) => new Map(needs.map(entry => [entry.field, entry]));
  const [o, x, y] = [byField(ancestor), byField(a), byField(b)];
  const merged: NeedsDecision = [];
  for (const field of new Set([...x.keys(), ...y.keys()])) {
    const [was, left, right] = [o.get(field), x.get(field), y.get(field)];
    if (valuesKey(left) === valuesKey(was)) {
      if (right) merged.push(right);
    } else if (valuesKey(right) === valuesKey(was)) {
      if (left) merged.push(left);
    } else {
      merged.push(...(left ? [left] : []), ...(right ? [right] : []));
    }
  }
  return combineNeeds([], merged);
}

export function conflictRows(docId: string, needs: NeedsDecision): SyncConflictRow[] {
  return needs.map(n => ({ id: `${docId}|${n.field}`, docId, field: n.field, values: n.values }));
}

export function needsFromRows(rows: SyncConflictRow[]): NeedsDecision {
  return combineNeeds(
    [],
    rows.map(r => ({ field: r.field, values: r.values })),
  );
}

/**
 * Meeting fields with more than one current decision: decisions on the same meeting, kind and
 * field that no later decision supersedes and that disagree on the value.
 */
export function decisionConflicts(decisions: SyncedDecision[]): DecisionNeeded[] {
  const superseded = new Set(decisions.flatMap(d => d.supersedes ?? []));
  const groups = new Map<string, SyncedDecision[]>();
  for (const d of decisions) {
    if (superseded.has(d.id)) continue;
    const key = canonicalJson([d.meetingId, d.kind, d.field ?? null]);
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  const out: DecisionNeeded[] = [];
  for (const heads of groups.values()) {
    const distinct = new Set(heads.map(h => canonicalJson(h.value ?? null)));
    if (distinct.size < 2) continue;
    const sorted = [...heads].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
    const first = sorted[0];
    out.push({
      id: `meeting:${first.meetingId}|${first.kind}|${first.field ?? ''}`,
      source: 'meeting',
      subject: first.meetingId,
      field: first.field ?? first.kind,
      values: sorted.map(d => ({ value: d.value ?? null, by: d.authorId ?? '', at: d.createdAt })),
    });
  }
  return out;
}

/** The whole list, sorted by id: what the "Needs your decision" view shows. */
export async function needsYourDecision(db: SyncDexie): Promise<DecisionNeeded[]> {
  const rows = await db.syncConflicts.toArray();
  const fromDocs: DecisionNeeded[] = rows.map(r => ({
    id: r.id,
    source: 'doc',
    subject: r.docId,
    field: r.field,
    values: r.values,
  }));
  const fromMeetings = decisionConflicts(await db.meetingDecisions.toArray());
  return [...fromDocs, ...fromMeetings].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
