/**
 * The way back: PouchDB's changes feed applied to Dexie. Each batch is applied in one Dexie
 * transaction together with its checkpoint, so a desk that stops mid-way starts again from the
 * last batch it fully applied. A record with an outbox row is left alone — the pump merges the
 * desk's own edit with the team's on its next run — so an unsent edit is never overwritten.
 *
 * Documents that arrive in conflict (both desks edited offline) are resolved first, by the
 * three-way field merge against their common ancestor: the merged body is written as the next
 * revision of PouchDB's winner and the other leaves are deleted. The inputs are the same on every
 * desk, so two desks resolving the same conflict write the same fields; their resolutions differ
 * only in `editedBy` (each desk writes in its own name, which the server checks), meet as one more
 * conflict whose merge changes nothing, and that one is settled by deleting the losing leaf.
 */
import { canonicalJson, mergeFields } from './field-merge';
import { dataOf, parseDoc, refOf, type SyncDoc } from './documents';
import { combineNeeds, conflictRows, mergeNeeds } from './needs-decision';
import { markSyncWrite } from './outbox-capture';
import { syncedTables, writeDataMany, type SyncDexie } from './sync-db';
import { CHECKPOINT_KEY, revKey } from './sync-stores';

export interface ApplyReport {
  applied: number;
  /** Conflicts resolved by the field merge (written back to PouchDB, applied next batch). */
  resolved: number;
  /** Changes left for the pump because the desk has an unsent edit of the same record. */
  deferred: number;
  /** Documents that did not parse: counted, not applied, never fatal. */
  rejected: number;
}

/** Revision ids newest first, e.g. `3-abc`, `2-def`, from a document's `_revisions`. */
function revList(revisions: { start: number; ids: string[] } | undefined): string[] {
  if (!revisions) return [];
  return revisions.ids.map((id, i) => `${revisions.start - i}-${id}`);
}

/** The newest revision both branches descend from; null when they share none. */
export function commonAncestor(
  a: { start: number; ids: string[] } | undefined,
  b: { start: number; ids: string[] } | undefined,
): string | null {
  const other = new Set(revList(b));
  return revList(a).find(rev => other.has(rev)) ?? null;
}

async function body(
  pouch: ReadoutPouch.Database,
  id: string,
  rev: string,
): Promise<ReadoutPouch.Doc | null> {
  try {
    return await pouch.get(id, { rev, revs: true });
  } catch {
    return null;
  }
}

/**
 * Resolves one document's conflicts; false when it has none or its leaves do not parse. When the
 * merge changes the winner's content, the merged body is the next revision of the winner, edited
 * by `me` (the server takes an edit only in its writer's name); when it does not — the losers add
 * nothing, as when two desks resolved the same conflict alike — only the losers are deleted, so
 * desks stop resolving each other's resolutions.
 */
export async function resolveConflicts(
  pouch: ReadoutPouch.Database,
  id: string,
  me: string,
): Promise<boolean> {
  const raw = await pouch.get(id, { conflicts: true, revs: true });
  const losers = [...(raw._conflicts ?? [])].sort();
  if (losers.length === 0) return false;
  const winner = parseDoc(raw);
  if (!winner) return false;
  let fields = winner.data;
  let needs = winner.needsDecision ?? [];
  let updatedAt = winner.updatedAt;
  for (const rev of losers) {
    const loserRaw = await body(pouch, id, rev);
    const loser = loserRaw && parseDoc(loserRaw);
    if (!loser) return false;
    const ancestorRev = commonAncestor(raw._revisions, loserRaw._revisions);
    const ancestorRaw = ancestorRev ? await body(pouch, id, ancestorRev) : null;
    const ancestor = ancestorRaw ? parseDoc(ancestorRaw) : null;
    const result = mergeFields(
      ancestor?.data ?? {},
      { fields, by: winner.editedBy, at: winner.updatedAt },
      { fields: loser.data, by: loser.editedBy, at: loser.updatedAt },
    );
    fields = result.fields;
    needs = combineNeeds(
      mergeNeeds(ancestor?.needsDecision ?? [], needs, loser.needsDecision ?? []),
      result.conflicts,
    );
    updatedAt = Math.max(updatedAt, loser.updatedAt);
  }
  const deletions = losers.map(rev => ({ _id: id, _rev: rev, _deleted: true }));
  const unchanged =
    canonicalJson(fields) === canonicalJson(winner.data) &&
    canonicalJson(needs) === canonicalJson(winner.needsDecision ?? []);
  if (unchanged) {
    await pouch.bulkDocs(deletions);
    return true;
  }
  const merged: Record<string, unknown> = { ...winner, data: fields, updatedAt, editedBy: me };
  delete merged._revisions;
  delete merged._conflicts;
  if (needs.length > 0) merged.needsDecision = needs;
  else delete merged.needsDecision;
  await pouch.bulkDocs([merged as ReadoutPouch.Doc, ...deletions]);
  return true;
}

/** One change ready for Dexie: the record's new fields, or null for a deletion. */
interface Update {
  docId: string;
  rev: string;
  ref: NonNullable<ReturnType<typeof refOf>>;
  doc: SyncDoc | null;
  data: Record<string, unknown> | null;
}

/** Changes per batch of the feed: one `changes` read and one Dexie transaction each. */
export const APPLY_BATCH = 500;

/**
 * The updates whose revision Dexie does not hold yet. The pump records the revision it wrote
 * together with the record (outbox.ts), so the desk's own writes coming back through its PouchDB's
 * changes feed — all of a first push — are recognised by one `bulkGet` and not written again.
 */
async function notYetReflected(db: SyncDexie, updates: Update[]): Promise<Update[]> {
  const held = await db.syncState.bulkGet(updates.map(update => revKey(update.docId)));
  return updates.filter((update, i) => held[i]?.value !== update.rev);
}

/**
 * Writes one batch of updates and its checkpoint in one Dexie transaction, a few bulk calls for
 * the whole batch: one outbox query finds the records with unsent edits (left for the pump), then
 * the records, their revisions and their "Needs your decision" rows are written together.
 */
async function applyBatch(
  db: SyncDexie,
  updates: Update[],
  checkpoint: string | number,
  report: ApplyReport,
): Promise<void> {
  await db.transaction('rw', syncedTables(db), async () => {
    markSyncWrite();
    const docIds = updates.map(update => update.docId);
    const queued = new Set(
      (await db.syncOutbox.where('docId').anyOf(docIds).toArray()).map(row => row.docId),
    );
    // The feed names each document once per batch, at its latest change; keep the last anyway.
    const latest = new Map<string, Update>();
    for (const update of updates) {
      if (queued.has(update.docId)) report.deferred++;
      else latest.set(update.docId, update);
    }
    const applying = await notYetReflected(db, [...latest.values()]);
    await writeDataMany(
      db,
      applying.map(update => ({ ref: update.ref, data: update.data })),
    );
    await db.syncState.bulkPut(
      applying.map(update => ({ key: revKey(update.docId), value: update.rev })),
    );
    const applied = applying.map(update => update.docId);
    await db.syncConflicts.where('docId').anyOf(applied).delete();
    await db.syncConflicts.bulkPut(
      applying.flatMap(update => conflictRows(update.docId, update.doc?.needsDecision ?? [])),
    );
    report.applied += applying.length;
    await db.syncState.put({ key: CHECKPOINT_KEY, value: checkpoint });
  });
}

/** Applies the changes feed to Dexie from the stored checkpoint until it is drained. */
export async function applyChanges(
  db: SyncDexie,
  pouch: ReadoutPouch.Database,
  context: { me: string; batchSize?: number },
): Promise<ApplyReport> {
  const report: ApplyReport = { applied: 0, resolved: 0, deferred: 0, rejected: 0 };
  for (;;) {
    const since = (await db.syncState.get(CHECKPOINT_KEY))?.value ?? 0;
    const feed = await pouch.changes({
      since,
      include_docs: true,
      conflicts: true,
      limit: context.batchSize ?? APPLY_BATCH,
    });
    if (feed.results.length === 0) return report;
    const updates: Update[] = [];
    for (const change of feed.results) {
      const raw = change.doc;
      if (!raw || raw._id.startsWith('_design/')) continue;
      if (raw._conflicts && raw._conflicts.length > 0) {
        if (await resolveConflicts(pouch, raw._id, context.me)) {
          report.resolved++;
          continue;
        }
      }
      const ref = refOf(raw._id, context.me);
      if (!ref) continue;
      if (change.deleted || raw._deleted) {
        updates.push({ docId: raw._id, rev: raw._rev!, ref, doc: null, data: null });
        continue;
      }
      const doc = parseDoc(raw);
      const data = doc && dataOf(ref, doc);
      if (!doc || !data) {
        report.rejected++;
        continue;
      }
      updates.push({ docId: raw._id, rev: doc._rev, ref, doc, data });
    }
    await applyBatch(db, updates, feed.last_seq, report);
  }
}
