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
 *
 * When the team's revision is one this build cannot read (written by a newer build, or malformed
 * by a hostile member), there is nothing to merge into and nothing it may overwrite: the edit is
 * set aside (`held:<docId>` in `syncState` names that revision), kept in the outbox and on the
 * desk, and not tried again until the team's copy changes; the sync chip counts it as "cannot
 * send". Writing it without the team's revision would be refused (409) on every round forever.
 */
import { canonicalJson, mergeFields } from './field-merge';
import {
  COLOUR_MEANINGS_KEY,
  dataOf,
  docIdOf,
  parseDoc,
  toDoc,
  type DocRef,
  type SyncDoc,
  type SyncedTable,
} from './documents';
import { conflictRows, needsFromRows, combineNeeds, mergeNeeds } from './needs-decision';
import { markSyncWrite } from './outbox-capture';
import { readData, readDataMany, tablesOf, writeDataMany, type SyncDexie } from './sync-db';
import {
  heldKey,
  HELD_PREFIX,
  PUSHED_KEY,
  revKey,
  type SyncConflictRow,
  type SyncOutboxRow,
} from './sync-stores';

/**
 * Queues every synced record once: what a desk does when it joins a team. Articles are queued by
 * key alone (one small row each, read from the primary-key index, never their text), so the
 * transaction stays small at 10,000 articles; the pump reads their text a batch at a time.
 */
export async function queueAll(db: SyncDexie, me: string): Promise<number> {
  return db.transaction(
    'rw',
    [
      db.highlights,
      db.articleNotes,
      db.meetingDecisions,
      db.briefings,
      db.meta,
      db.articles,
      db.syncOutbox,
    ],
    async () => {
      const refs: DocRef[] = [
        // Articles first: a teammate's desk then has the text before the highlights that name it.
        ...(await db.articles.toCollection().primaryKeys()).map(key => ({
          table: 'articles' as const,
          key,
        })),
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

/**
 * Documents with edits not yet on the team server: what the sync chip counts as pending. Counted
 * by document, not by outbox row (a note saved five times is one), and an edit stays pending after
 * the pump has moved it from the outbox into the desk's PouchDB until a push has sent it: the
 * replica's changes since the last completed push (`PUSHED_KEY`, written by session.ts) count
 * too. While a round runs, documents it has just pulled count until its closing push.
 *
 * Dexie reads come first: in a `liveQuery` only they are watched, and they must run before the
 * PouchDB call leaves Dexie's zone.
 */
export async function pendingDocuments(
  db: SyncDexie,
  replica?: ReadoutPouch.Database,
): Promise<number> {
  const pushed = (await db.syncState.get(PUSHED_KEY))?.value ?? 0;
  const queued = new Set((await db.syncOutbox.orderBy('docId').uniqueKeys()) as string[]);
  const held = await setAsideIds(db);
  if (replica) {
    const since = await replica.changes({ since: pushed });
    for (const change of since.results) {
      if (!change.id.startsWith('_')) queued.add(change.id);
    }
  }
  for (const docId of held) queued.delete(docId);
  return queued.size;
}

/** The documents whose edits are set aside because the team's copy cannot be read here. */
async function setAsideIds(db: SyncDexie): Promise<Set<string>> {
  const keys = (await db.syncState.where('key').startsWith(HELD_PREFIX).primaryKeys()) as string[];
  return new Set(keys.map(key => key.slice(HELD_PREFIX.length)));
}

/**
 * Documents with edits this desk cannot send: the team holds a revision of them this build
 * cannot read (a newer build's, or a malformed one). What the sync chip shows as "cannot send".
 */
export async function setAsideDocuments(db: SyncDexie): Promise<number> {
  return db.syncState.where('key').startsWith(HELD_PREFIX).count();
}

export interface PumpReport {
  /** Documents written to PouchDB. */
  written: number;
  /** Of those, documents where the desk's edit was merged into a newer team revision. */
  merged: number;
  /** Edits PouchDB would not take (e.g. a change to a decision, which is immutable). */
  refused: number;
  /** Documents set aside: the team's copy cannot be read here, so nothing was written. */
  setAside: number;
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

/** Whether this build can read a team document as the record `ref` names (envelope and data). */
function readable(ref: DocRef, raw: unknown): boolean {
  const doc = parseDoc(raw);
  return doc !== null && dataOf(ref, doc) !== null;
}

function same(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/** Documents the pump reads and writes per PouchDB call and Dexie transaction. */
export const PUMP_BATCH = 250;

/** One document's step of a pump batch: what to write, and what Dexie records after. */
interface PumpStep {
  docId: string;
  ref: DocRef;
  seqs: number[];
  ours: Record<string, unknown> | null;
  next: Record<string, unknown> | null;
  needs: ReturnType<typeof needsFromRows>;
  merged: boolean;
  rev: string | undefined;
  write: ReadoutPouch.Doc | null;
  /** False when PouchDB refused the write or the step is held: the rows stay. */
  settled: boolean;
  /** The unreadable team revision this document's edits wait behind; undefined when none. */
  held?: string;
  /** The revision the document was set aside behind before this batch, if it was. */
  heldBefore: string | undefined;
}

/**
 * Writes every queued edit to PouchDB, oldest first, a batch of documents at a time: one
 * `allDocs` to read the team's current revisions, one `bulkDocs` to write, one Dexie transaction
 * to clear the rows with the revisions written.
 */
export async function pumpOutbox(
  db: SyncDexie,
  pouch: ReadoutPouch.Database,
  context: { me: string; now: () => number },
): Promise<PumpReport> {
  const report: PumpReport = { written: 0, merged: 0, refused: 0, setAside: 0 };
  const rows = await db.syncOutbox.orderBy('seq').toArray();
  const groups = new Map<string, SyncOutboxRow[]>();
  for (const row of rows) {
    const group = groups.get(row.docId);
    if (group) group.push(row);
    else groups.set(row.docId, [row]);
  }
  const entries = [...groups];
  for (let start = 0; start < entries.length; start += PUMP_BATCH) {
    await pumpBatch(db, pouch, context, entries.slice(start, start + PUMP_BATCH), report);
  }
  return report;
}

async function pumpBatch(
  db: SyncDexie,
  pouch: ReadoutPouch.Database,
  context: { me: string; now: () => number },
  batch: [string, SyncOutboxRow[]][],
  report: PumpReport,
): Promise<void> {
  const docIds = batch.map(([docId]) => docId);
  const refs = batch.map(([, group]) => ({
    table: group[0].table as SyncedTable,
    key: group[0].key,
  }));
  const ours = await readDataMany(db, refs);
  const baseRevs = await db.syncState.bulkGet(docIds.map(revKey));
  const heldRevs = await db.syncState.bulkGet(docIds.map(heldKey));
  const stored = await pouch.allDocs({ keys: docIds, include_docs: true });
  const conflictRowsOf = new Map<string, SyncConflictRow[]>();
  for (const row of await db.syncConflicts.where('docId').anyOf(docIds).toArray()) {
    conflictRowsOf.set(row.docId, [...(conflictRowsOf.get(row.docId) ?? []), row]);
  }
  const steps: PumpStep[] = [];
  for (let i = 0; i < batch.length; i++) {
    const [docId, group] = batch[i];
    const ref = refs[i];
    const mine = ours[i];
    const baseRev = baseRevs[i]?.value as string | undefined;
    const row = stored.rows[i];
    const exists = Boolean(row?.doc && !row.value?.deleted);
    const teamRev = exists ? row.value?.rev : undefined;
    // Still the revision this edit was set aside for: no need to read it again.
    // A deletion of an article writes nothing anyway (outbox-capture.ts KEPT_ON_DELETE).
    const unreadable =
      teamRev !== undefined &&
      !(mine === null && ref.table === 'articles') &&
      (heldRevs[i]?.value === teamRev || !readable(ref, row.doc));
    if (unreadable) {
      report.setAside++;
      steps.push({
        docId,
        ref,
        seqs: [],
        ours: mine,
        next: mine,
        needs: [],
        merged: false,
        rev: undefined,
        write: null,
        settled: false,
        held: teamRev,
        heldBefore: heldRevs[i]?.value as string | undefined,
      });
      continue;
    }
    const current = exists ? parseDoc(row.doc) : null;
    let next: Record<string, unknown> | null = mine;
    let needs = needsFromRows(conflictRowsOf.get(docId) ?? []);
    let merged = false;
    if (current && baseRev !== current._rev) {
      const base = baseRev ? await docAt(pouch, docId, baseRev) : null;
      if (mine) {
        const result = mergeFields(
          base?.data ?? {},
          { fields: current.data, by: current.editedBy, at: current.updatedAt },
          { fields: mine, by: context.me, at: context.now() },
        );
        next = result.fields;
        // Against the revision the desk's list reflects: an entry decided here since stays
        // decided unless the team's copy of it changed too.
        needs = combineNeeds(
          mergeNeeds(base?.needsDecision ?? [], needs, current.needsDecision ?? []),
          result.conflicts,
        );
        merged = true;
      } else {
        // Deleted here while the team edited it: the team's edit stays and comes back to Dexie.
        next = current.data;
        needs = current.needsDecision ?? [];
      }
    }
    let write: ReadoutPouch.Doc | null = null;
    if (next === null) {
      // Articles are never deleted from the team (see outbox-capture.ts KEPT_ON_DELETE).
      if (current && ref.table !== 'articles')
        write = { _id: docId, _rev: current._rev, _deleted: true };
    } else if (!current || !same(current.data, next) || !same(current.needsDecision ?? [], needs)) {
      if (ref.table === 'meetingDecisions' && current) {
        report.refused++;
      } else {
        write = toDoc(ref, next, {
          me: context.me,
          now: context.now(),
          existing: current,
          needsDecision: needs,
        }) as ReadoutPouch.Doc;
      }
    }
    steps.push({
      docId,
      ref,
      seqs: group.map(r => r.seq!),
      ours: mine,
      next,
      needs,
      merged,
      rev: current?._rev,
      write,
      settled: true,
      heldBefore: heldRevs[i]?.value as string | undefined,
    });
  }
  const writing = steps.filter(step => step.write);
  if (writing.length > 0) {
    const answers = await pouch.bulkDocs(writing.map(step => step.write!));
    answers.forEach((answer, i) => {
      const step = writing[i];
      if ('ok' in answer && answer.ok) {
        step.rev = answer.rev;
        report.written++;
        if (step.merged && step.next !== null) report.merged++;
      } else {
        // Someone wrote the document in between (a pull): the next round merges against it.
        step.settled = false;
      }
    });
  }
  await settleBatch(db, steps);
}

/**
 * Records a pumped batch in one Dexie transaction, a few bulk calls for the whole batch: the
 * outbox rows written are deleted, the revisions written are kept, the merged content goes back
 * to Dexie unless the analyst edited the record again meanwhile (a newer outbox row), and each
 * document's "Needs your decision" rows are replaced. Steps PouchDB refused keep their rows.
 */
async function settleBatch(db: SyncDexie, steps: PumpStep[]): Promise<void> {
  const settled = steps.filter(step => step.settled);
  const marks = steps.filter(step => step.held !== step.heldBefore);
  if (settled.length === 0 && marks.length === 0) return;
  const tables = new Set(settled.flatMap(step => tablesOf(db, step.ref)));
  const docIds = settled.map(step => step.docId);
  await db.transaction(
    'rw',
    [db.syncOutbox, db.syncState, db.syncConflicts, ...tables],
    async () => {
      markSyncWrite();
      // A held step names the revision it waits behind; one no longer held is free again.
      await db.syncState.bulkPut(
        marks.flatMap(step => (step.held ? [{ key: heldKey(step.docId), value: step.held }] : [])),
      );
      await db.syncState.bulkDelete(
        marks.filter(step => !step.held).map(step => heldKey(step.docId)),
      );
      if (settled.length === 0) return;
      await db.syncOutbox.bulkDelete(settled.flatMap(step => step.seqs));
      await db.syncState.bulkPut(
        settled.flatMap(step => (step.rev ? [{ key: revKey(step.docId), value: step.rev }] : [])),
      );
      const newer = new Set(
        (await db.syncOutbox.where('docId').anyOf(docIds).toArray()).map(row => row.docId),
      );
      await writeDataMany(
        db,
        settled
          .filter(step => !newer.has(step.docId) && !same(step.next, step.ours))
          .map(step => ({ ref: step.ref, data: step.next })),
      );
      await db.syncConflicts.where('docId').anyOf(docIds).delete();
      await db.syncConflicts.bulkPut(settled.flatMap(step => conflictRows(step.docId, step.needs)));
    },
  );
}
