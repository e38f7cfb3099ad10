/**
 * Deciding an entry of "Needs your decision". The analyst's choice is an ordinary edit: the chosen
 * value is written to the record, the entry's row goes, and the edit is queued in the same Dexie
 * transaction, so the outbox pump carries the decision (the document without that
 * `needsDecision` entry) to the team and every desk's list clears the same way. A meeting field
 * decided twice is settled the way decisions are always changed: a new decision that supersedes
 * every current one, since decisions themselves are immutable.
 */
import Dexie from 'dexie';
import type { Result } from '../../../src-main/contract/result';
import type { DecisionAnchor } from '../../db/db';
import { refOf } from '../../sync/documents';
import { canonicalJson } from '../../sync/field-merge';
import { decisionConflicts, type DecisionNeeded } from '../../sync/needs-decision';
import {
  readData,
  tablesOf,
  writeData,
  type SyncDexie,
  type SyncedDecision,
} from '../../sync/sync-db';
import type { ConflictValue } from '../../sync/sync-stores';

/** Who decides and when: the analyst's user name on the team server and the desk's clock. */
export interface Decider {
  me: string;
  now: () => number;
  /** A fresh decision id; the app's ids are random, tests pass a counter. */
  newId?: () => string;
}

/** The values of an entry split into the analyst's own latest one and everybody else's. */
export interface Sides {
  mine: ConflictValue | null;
  theirs: ConflictValue[];
}

/** Splits an entry's values by author; the analyst's latest value is "mine". */
export function sidesOf(item: DecisionNeeded, me: string): Sides {
  const own = item.values.filter(v => v.by === me).sort((a, b) => b.at - a.at);
  const mine = own[0] ?? null;
  return { mine, theirs: item.values.filter(v => v !== mine) };
}

/**
 * Text fields that are not prose: names of records or analysts, a date, an address, a paper
 * size. Their values have a form other desks check, so the analyst keeps one of the values
 * offered instead of typing one (free text in a publication date would be refused elsewhere).
 */
const FORMATTED_FIELDS = new Set([
  'trashedBy',
  'trashedWithArticle',
  'articleId',
  'articleVersion',
  'authorId',
  'editedBy',
  'published',
  'url',
  'paper',
]);

/** True when the field holds prose, so the analyst may write a value of their own (Edit). */
export function isEditable(item: DecisionNeeded): boolean {
  if (FORMATTED_FIELDS.has(item.field)) return false;
  return item.values.every(v => typeof v.value === 'string');
}

function fail(code: string, message: string): Result<void> {
  return { ok: false, error: { code, message } };
}

async function resolveDocField(
  db: SyncDexie,
  decider: Decider,
  item: DecisionNeeded,
  value: unknown,
): Promise<Result<void>> {
  const ref = refOf(item.subject, decider.me);
  if (!ref) return fail('forbidden', 'Only the desk that owns this record can decide it.');
  return db.transaction('rw', [...tablesOf(db, ref), db.syncConflicts], async () => {
    const row = await db.syncConflicts.get(item.id);
    if (!row) return fail('not-found', 'This was decided already, here or by a teammate.');
    const data = await readData(db, ref);
    if (!data) return fail('not-found', 'The record was deleted; there is nothing to decide.');
    const next: Record<string, unknown> = { ...data, [item.field]: value };
    if (typeof data.updatedAt === 'number' && item.field !== 'updatedAt') {
      next.updatedAt = Math.max(decider.now(), data.updatedAt + 1);
    }
    await writeData(db, ref, next);
    await db.syncConflicts.delete(item.id);
    return { ok: true, value: undefined } as Result<void>;
  });
}

function uniqueAnchors(anchors: DecisionAnchor[]): DecisionAnchor[] {
  const seen = new Set<string>();
  return anchors.filter(a => {
    const key = canonicalJson([a.articleId, a.start]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

async function resolveMeetingField(
  db: SyncDexie,
  decider: Decider,
  item: DecisionNeeded,
  value: unknown,
): Promise<Result<void>> {
  return db.transaction('rw', db.meetingDecisions, async () => {
    const decisions = await db.meetingDecisions.where('meetingId').equals(item.subject).toArray();
    if (!decisionConflicts(decisions).some(c => c.id === item.id)) {
      return fail('not-found', 'This was decided already, here or by a teammate.');
    }
    const superseded = new Set(decisions.flatMap(d => d.supersedes ?? []));
    const heads = decisions.filter(
      d => !superseded.has(d.id) && item.id === `meeting:${d.meetingId}|${d.kind}|${d.field ?? ''}`,
    );
    const now = decider.now();
    const first = heads[0];
    const decision: SyncedDecision = {
      id: decider.newId?.() ?? crypto.randomUUID(),
      meetingId: first.meetingId,
      kind: first.kind,
      ...(first.field !== undefined ? { field: first.field } : {}),
      value,
      anchors: uniqueAnchors(heads.flatMap(h => h.anchors)),
      createdAt: now,
      updatedAt: now,
      authorId: decider.me,
      supersedes: heads.map(h => h.id).sort(),
    };
    await db.meetingDecisions.add(decision);
    return { ok: true, value: undefined } as Result<void>;
  });
}

/**
 * Settles `item` with `value` (one of its values, or the analyst's own text for an editable
 * field). Answers an error value, changing nothing, when the entry is gone (a teammate decided
 * first), the record was deleted, or the value is not one the entry may take.
 */
export async function resolveDecision(
  db: SyncDexie,
  decider: Decider,
  item: DecisionNeeded,
  value: unknown,
): Promise<Result<void>> {
  const offered = item.values.some(v => canonicalJson(v.value) === canonicalJson(value));
  if (!offered && !(isEditable(item) && typeof value === 'string')) {
    return fail('invalid-argument', 'Choose one of the values shown, or edit the text.');
  }
  try {
    return item.source === 'doc'
      ? await resolveDocField(db, decider, item, value)
      : await resolveMeetingField(db, decider, item, value);
  } catch (error) {
    if (error instanceof Dexie.DexieError) return fail('io', error.message);
    throw error;
  }
}
