/**
 * The outbox and its pump. Every edit of a synced record adds an outbox row in the same Dexie
 * transaction as the edit (outbox-capture.ts), so an edit is never saved without being queued. The pump
 * writes queued records to the desk's PouchDB and only then deletes their rows, in one Dexie
 * transaction with the revision it wrote; if the desk stops in between, the next pump finds the
 * row again, sees that PouchDB already holds that content and writes nothing — nothing is lost and
 * nothing is written twice.
 *
 * When the team changed a record since Dexie last reflected it, the pump does not overwrite the
 * team's revision: it merges the desk's edit into it against the revision the edit started from.
 */
import { canonicalJson, mergeFields } from './field-merge';
import {
  COLOUR_MEANINGS_KEY,
  docIdOf,
  parseDoc,
  toDoc,
  type DocRef,
  type SyncDoc,
  type SyncedTable,
} from './documents';
import { conflictRows, needsFromRows, combineNeeds } from './needs-decision';
import { markSyncWrite } from './outbox-capture';
import { readData, writeData, type SyncDexie } from './sync-db';
import { revKey, type SyncOutboxRow } from './sync-stores';

/** Queues every synced record once: what a desk does when it joins a team. */
export async function queueAll(db: SyncDexie, me: string): Promise<number> {
  return db.transaction(
    'rw',
    [db.highlights, db.articleNotes, db.meetingDecisions, db.briefings, db.meta, db.syncOutbox],
    async () => {
      const refs: DocRef[] = [
        ...(await db.highlights.toCollection().primaryKeys()).map(key => ({
          table: 'highlights' as const,
          key,
        })),
        ...(await db.articleNotes.toCollection().primaryKeys()).map(key => ({
          table: 'articleNotes' as const,
          key,
        })),
        ...(await db.meetingDecisions.toCollection().primaryKeys()).map(key => ({
          table: 'meetingDecisions' as const,
          key,
        })),
        ...(await db.briefings.toCollection().primaryKeys()).map(key => ({
          table: 'briefings' as const,
          key,
        })),
      ];
      if (await readData(db, { table: 'colourMeanings', key: COLOUR_MEANINGS_KEY })) {
        refs.push({ table: 'colourMeanings', key: COLOUR_MEANINGS_KEY });
      }
      await db.syncOutbox.bulkAdd(
        refs.map(ref => ({ docId: docIdOf(ref, me), table: ref.table, key: ref.key })),
      );
      return refs.length;
    },
  );
}

export interface PumpReport {
  /** Documents written to PouchDB. */
  written: number;
  /** Of those, documents where the desk's edit was merged into a newer team revision. */
  merged: number;
  /** Edits PouchDB would not take (e.g. a change to a decision, which is immutable). */
  refused: number;
}

/** The current winning revision of a document; null when it does not exist or is deleted. */
export async function currentDoc(
  pouch: ReadoutPouch.Database,
  docId: string,
): Promise<SyncDoc | null> {
  try {
    return parseDoc(await pouch.get(docId));
  } catch (error) {
    if ((error as { status?: number }).status === 404) return null;
    throw error;
  }
}

/** A document's body at an older revision; null when PouchDB no longer holds it. */
export async function docAt(
  pouch: ReadoutPouch.Database,
  docId: string,
  rev: string,
): Promise<SyncDoc | null> {
  try {
    return parseDoc(await pouch.get(docId, { rev }));
  } catch {
    return null;
  }
}

function same(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/** Writes every queued edit to PouchDB, oldest first, one document at a time. */
export async function pumpOutbox(
  db: SyncDexie,
  pouch: ReadoutPouch.Database,
  context: { me: string; now: () => number },
): Promise<PumpReport> {
  const report: PumpReport = { written: 0, merged: 0, refused: 0 };
  const rows = await db.syncOutbox.orderBy('seq').toArray();
  const groups = new Map<string, SyncOutboxRow[]>();
  for (const row of rows) groups.set(row.docId, [...(groups.get(row.docId) ?? []), row]);
  for (const [docId, group] of groups) {
    const ref: DocRef = { table: group[0].table as SyncedTable, key: group[0].key };
    const ours = await readData(db, ref);
    const baseRev = (await db.syncState.get(revKey(docId)))?.value as string | undefined;
    const current = await currentDoc(pouch, docId);
    const rows = await db.syncConflicts.where('docId').equals(docId).toArray();
    let next: Record<string, unknown> | null = ours;
    let needs = needsFromRows(rows);
    let merged = false;
    if (current && baseRev !== current._rev) {
      const base = baseRev ? await docAt(pouch, docId, baseRev) : null;
      if (ours) {
        const result = mergeFields(
          base?.data ?? {},
          { fields: current.data, by: current.editedBy, at: current.updatedAt },
          { fields: ours, by: context.me, at: context.now() },
        );
        next = result.fields;
        needs = combineNeeds(combineNeeds(needs, current.needsDecision ?? []), result.conflicts);
        merged = true;
      } else {
        // Deleted here while the team edited it: the team's edit stays and comes back to Dexie.
        next = current.data;
        needs = current.needsDecision ?? [];
      }
    }
    let rev: string | undefined = current?._rev;
    if (next === null) {
      if (current) {
        rev = (await pouch.remove(docId, current._rev)).rev;
        report.written++;
      }
    } else if (!current || !same(current.data, next) || !same(current.needsDecision ?? [], needs)) {
      if (ref.table === 'meetingDecisions' && current) {
        report.refused++;
      } else {
        const doc = toDoc(ref, next, {
          me: context.me,
          now: context.now(),
          existing: current,
          needsDecision: needs,
        });
        rev = (await pouch.put(doc as ReadoutPouch.Doc)).rev;
        report.written++;
        if (merged) report.merged++;
      }
    }
    const seqs = group.map(row => row.seq!);
    await db.transaction(
      'rw',
      [
        db.syncOutbox,
        db.syncState,
        db.syncConflicts,
        db[ref.table === 'colourMeanings' ? 'meta' : ref.table],
      ],
      async () => {
        markSyncWrite();
        await db.syncOutbox.bulkDelete(seqs);
        if (rev) await db.syncState.put({ key: revKey(docId), value: rev });
        const newer = await db.syncOutbox.where('docId').equals(docId).count();
        if (newer === 0 && !same(next, ours)) await writeData(db, ref, next);
        await db.syncConflicts.where('docId').equals(docId).delete();
        await db.syncConflicts.bulkPut(conflictRows(docId, needs));
      },
    );
  }
  return report;
}
