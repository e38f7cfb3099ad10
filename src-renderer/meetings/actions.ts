/**
 * The analyst's decisions, written to `meetingDecisions`. Each takes the meeting as shown
 * (`ShownMeeting`), records the sentences it was made on as anchors, and replaces the decisions
 * it supersedes in the same transaction, so the table holds one current decision per question.
 * In a team, decisions are immutable (the team server refuses edits and deletions of them): there
 * a new decision names the ones it replaces in `supersedes`, and taking a decision back is a
 * `retract` decision that supersedes it, so every desk sees the same change of mind.
 */
import type { Mention } from '../../src-main/contract/meeting';
import type { MeetingDecision, ReadoutDB } from '../db/db';
import {
  anchorsOf,
  type FieldDecisionKind,
  type ManualValue,
  type ShownMeeting,
} from './decisions';
import type { FieldName, FieldValues } from './fields';
import { syncIdentity } from '../sync/outbox-capture';

const newId = () => crypto.randomUUID();

function decision(
  meeting: Pick<ShownMeeting, 'id' | 'mentions'>,
  kind: string,
  rest: Partial<MeetingDecision> = {},
  now = Date.now(),
): MeetingDecision {
  return {
    id: newId(),
    meetingId: meeting.id,
    kind,
    anchors: anchorsOf(meeting.mentions),
    createdAt: now,
    updatedAt: now,
    ...rest,
  };
}

/** A decision that only takes back the ones it supersedes (applyDecisions skips its kind). */
export const RETRACT_KIND = 'retract';

/**
 * Replaces the decisions `old` with `next`, or with nothing: on a solo desk by deleting them, in
 * a team by superseding them (with `next`, or with a retract decision on `about`). Call inside a
 * transaction on `meetingDecisions` when it is one step of several.
 */
async function replaceDecisions(
  db: ReadoutDB,
  old: string[],
  next: MeetingDecision | null,
  about: Pick<ShownMeeting, 'id' | 'mentions'>,
  now = Date.now(),
): Promise<void> {
  if (syncIdentity(db) === null) {
    await db.meetingDecisions.bulkDelete(old);
    if (next) await db.meetingDecisions.add(next);
    return;
  }
  if (next) await db.meetingDecisions.add({ ...next, supersedes: [...old] });
  else if (old.length > 0) {
    await db.meetingDecisions.add(decision(about, RETRACT_KIND, { supersedes: [...old] }, now));
  }
}

/** Confirms, edits or rejects one field; replaces the field's earlier decisions. */
export async function decideField<K extends FieldName>(
  db: ReadoutDB,
  meeting: ShownMeeting,
  field: K,
  kind: FieldDecisionKind,
  value?: FieldValues[K],
): Promise<void> {
  const d = decision(meeting, kind, {
    field,
    value: kind === 'reject' ? undefined : (value ?? meeting.fields[field].value),
  });
  await db.transaction('rw', db.meetingDecisions, () =>
    replaceDecisions(db, meeting.decisionIds.fields[field], d, meeting),
  );
}

/** Takes back the analyst's word on a field: it is a machine suggestion again. */
export async function resetField(db: ReadoutDB, meeting: ShownMeeting, field: FieldName) {
  await replaceDecisions(db, meeting.decisionIds.fields[field], null, meeting);
}

/** Confirms every field still marked as a suggestion. */
export async function confirmAll(db: ReadoutDB, meeting: ShownMeeting): Promise<void> {
  const now = Date.now();
  const suggested = (Object.keys(meeting.fields) as FieldName[]).filter(
    f => meeting.fields[f].state === 'suggested',
  );
  await db.transaction('rw', db.meetingDecisions, async () => {
    for (const field of suggested) {
      const d = decision(meeting, 'confirm', { field, value: meeting.fields[field].value }, now);
      await replaceDecisions(db, meeting.decisionIds.fields[field], d, meeting, now);
    }
  });
}

/** Hides a false meeting; it stays listed under "Deleted" and can be restored. */
export async function deleteMeeting(db: ReadoutDB, meeting: ShownMeeting): Promise<void> {
  await db.meetingDecisions.add(decision(meeting, 'delete'));
}

export async function restoreMeeting(db: ReadoutDB, meeting: ShownMeeting): Promise<void> {
  await replaceDecisions(db, meeting.decisionIds.delete, null, meeting);
}

/** Shows `meeting` and `into` as one meeting from now on, `into`'s fields first. */
export async function mergeMeetings(
  db: ReadoutDB,
  meeting: ShownMeeting,
  into: ShownMeeting,
): Promise<void> {
  if (meeting.id === into.id) return;
  await db.meetingDecisions.add(
    decision(meeting, 'merge', {
      value: { into: into.id, intoAnchors: anchorsOf(into.mentions) },
    }),
  );
}

/** Takes a merged meeting apart into the meetings it was made of. */
export async function undoMerge(db: ReadoutDB, meeting: ShownMeeting): Promise<void> {
  await replaceDecisions(db, meeting.decisionIds.merge, null, meeting);
}

/**
 * Moves one source out into a meeting of its own. A source that is the only one of a meeting
 * merged into this one takes that whole meeting out of the merge instead.
 */
export async function splitMention(
  db: ReadoutDB,
  meeting: ShownMeeting,
  index: number,
): Promise<void> {
  const mention = meeting.mentions[index];
  const member = meeting.mentionMember[index];
  if (!mention || meeting.mentions.length < 2) return;
  const fromMember = meeting.mentionMember.filter(m => m === member).length;
  if (fromMember > 1) {
    const id = newId();
    await db.meetingDecisions.add({
      ...decision({ id: `split:${id}`, mentions: [mention] }, 'split', { value: { from: member } }),
      id,
    });
    return;
  }
  // Re-merge everything but that member, anchored on the sentences of each.
  const own = (id: string) => meeting.mentions.filter((_, i) => meeting.mentionMember[i] === id);
  const [into, ...joining] = [...new Set(meeting.mentionMember.filter(m => m !== member))];
  const now = Date.now();
  await db.transaction('rw', db.meetingDecisions, async () => {
    await replaceDecisions(db, meeting.decisionIds.merge, null, meeting, now);
    for (const id of joining) {
      const value = { into, intoAnchors: anchorsOf(own(into)) };
      await db.meetingDecisions.add(decision({ id, mentions: own(id) }, 'merge', { value }, now));
    }
  });
}

/** Puts a split-off source back into the meeting it came from. */
export async function undoSplit(db: ReadoutDB, meeting: ShownMeeting): Promise<void> {
  const split = meeting.decisionIds.split;
  if (split) await replaceDecisions(db, [split], null, meeting);
}

/** A meeting the analyst adds by hand, with an optional source sentence. Returns its id. */
export async function addManualMeeting(
  db: ReadoutDB,
  values: FieldValues,
  mentions: Mention[] = [],
): Promise<string> {
  const id = newId();
  const meetingId = `manual:${id}`;
  const value: ManualValue = { values, mentions };
  await db.meetingDecisions.add({
    ...decision({ id: meetingId, mentions }, 'manual', { value }),
    id,
  });
  return meetingId;
}

/** Removes a hand-added meeting and every decision made on it. */
export async function removeManualMeeting(db: ReadoutDB, meeting: ShownMeeting): Promise<void> {
  await db.transaction('rw', db.meetingDecisions, async () => {
    const ids = await db.meetingDecisions.where('meetingId').equals(meeting.id).primaryKeys();
    await replaceDecisions(db, ids, null, meeting);
  });
}
