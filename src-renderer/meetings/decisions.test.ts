import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Meeting } from '../../src-main/contract/meeting';
import { ReadoutDB } from '../db/db';
import {
  addManualMeeting,
  confirmAll,
  decideField,
  deleteMeeting,
  mergeMeetings,
  resetField,
  restoreMeeting,
  splitMention,
  undoMerge,
  undoSplit,
} from './actions';
import { applyDecisions, shownToMeeting, type ShownMeeting } from './decisions';
import { blankValues } from './fields';
import { meeting, mention } from './testing';

let db: ReadoutDB;
beforeEach(() => {
  db = new ReadoutDB('t-' + Math.random());
});
afterEach(async () => {
  await db.delete();
});

const moscow = mention('a1', 0, 'Ministers met in Moscow on April 25.');
const later = mention('a1', 100, 'The meeting was aimed at normalizing relations.');
const other = mention('a2', 40, 'Defence ministers are scheduled to meet in Moscow on April 25.', {
  status: 'scheduled',
});
const december = mention('a1', 300, 'They first met in Moscow on December 28, 2022.', {
  date: { start: '2022-12-28', end: null, precision: 'day', text: 'on December 28, 2022' },
});

async function shown(machine: Meeting[]): Promise<ShownMeeting[]> {
  return applyDecisions(machine, await db.meetingDecisions.toArray());
}
async function one(machine: Meeting[], id: string): Promise<ShownMeeting> {
  const found = (await shown(machine)).find(m => m.id === id || m.memberIds.includes(id));
  if (!found) throw new Error(`no meeting ${id}`);
  return found;
}

describe('applyDecisions', () => {
  it('marks every machine field as a suggestion until the analyst decides', async () => {
    const m = await one([meeting('m1', [moscow])], 'm1');
    expect(Object.values(m.fields).map(f => f.state)).toEqual(Array(9).fill('suggested'));
  });

  it('shows confirmed, edited and rejected fields with their states', async () => {
    const machine = [meeting('m1', [moscow, later])];
    await decideField(db, await one(machine, 'm1'), 'date', 'confirm');
    await decideField(db, await one(machine, 'm1'), 'level', 'edit', 'deputy foreign ministers');
    await decideField(db, await one(machine, 'm1'), 'purpose', 'reject');
    const m = await one(machine, 'm1');
    expect(m.fields.date.state).toBe('confirmed');
    expect(m.fields.level).toMatchObject({ state: 'edited', value: 'deputy foreign ministers' });
    expect(m.fields.purpose.state).toBe('rejected');
    expect(m.fields.title.state).toBe('suggested');
  });

  it('keeps one decision per field: the latest replaces the earlier one', async () => {
    const machine = [meeting('m1', [moscow])];
    await decideField(db, await one(machine, 'm1'), 'level', 'edit', 'heads of state');
    await decideField(db, await one(machine, 'm1'), 'level', 'confirm');
    expect(await db.meetingDecisions.count()).toBe(1);
    expect((await one(machine, 'm1')).fields.level).toMatchObject({
      state: 'confirmed',
      value: 'heads of state',
    });
    await resetField(db, await one(machine, 'm1'), 'level');
    expect((await one(machine, 'm1')).fields.level).toMatchObject({
      state: 'suggested',
      value: 'defence ministers',
    });
  });

  it('ignores a team decision a later one supersedes, even when its clock ran ahead', () => {
    const machine = [meeting('m1', [moscow])];
    const anchors = [{ articleId: 'a1', start: 0, quote: moscow.sentence }];
    const [m] = applyDecisions(machine, [
      // Ana's desk clock is ahead; Ben replaced her decision after reading it.
      {
        id: 'ana-1',
        meetingId: 'm1',
        kind: 'edit',
        field: 'level',
        value: 'foreign ministers',
        anchors,
        createdAt: 9_000,
        updatedAt: 9_000,
        authorId: 'ana',
        supersedes: [],
      },
      {
        id: 'ben-1',
        meetingId: 'm1',
        kind: 'edit',
        field: 'level',
        value: 'deputy ministers',
        anchors,
        createdAt: 5_000,
        updatedAt: 5_000,
        authorId: 'ben',
        supersedes: ['ana-1'],
      },
    ]);
    expect(m.fields.level).toMatchObject({ state: 'edited', value: 'deputy ministers' });
  });

  it('confirms every suggested field at once, leaving edits as they are', async () => {
    const machine = [meeting('m1', [moscow])];
    await decideField(db, await one(machine, 'm1'), 'level', 'edit', 'heads of state');
    await confirmAll(db, await one(machine, 'm1'));
    const m = await one(machine, 'm1');
    expect(m.fields.level.state).toBe('edited');
    expect(m.fields.place.state).toBe('confirmed');
  });

  it('keeps decisions when re-extraction changes meeting ids, by their sentences', async () => {
    await decideField(
      db,
      await one([meeting('m1', [moscow, later])], 'm1'),
      'level',
      'edit',
      'heads of intelligence',
    );
    await deleteMeeting(db, await one([meeting('m2', [december])], 'm2'));
    // Re-extraction: new ids, and the edited re-import moved the sentences.
    const again = [
      meeting('x9', [{ ...december, start: 310, end: 356 }]),
      meeting('x7', [
        { ...moscow, start: 12 },
        { ...later, start: 112 },
      ]),
    ];
    const list = await shown(again);
    expect(list.find(m => m.id === 'x7')?.fields.level).toMatchObject({
      state: 'edited',
      value: 'heads of intelligence',
    });
    expect(list.find(m => m.id === 'x9')?.deleted).toBe(true);
  });

  it('re-attaches a decision by sentences when an old id now names another meeting', async () => {
    await decideField(db, await one([meeting('m1', [moscow])], 'm1'), 'purpose', 'reject');
    const list = await shown([meeting('m1', [december]), meeting('m2', [moscow])]);
    expect(list.find(m => m.id === 'm1')?.fields.purpose.state).toBe('suggested');
    expect(list.find(m => m.id === 'm2')?.fields.purpose.state).toBe('rejected');
  });

  it('drops nothing it cannot place: a decision whose sentences are gone stays stored', async () => {
    await decideField(db, await one([meeting('m1', [moscow])], 'm1'), 'purpose', 'reject');
    const list = await shown([meeting('other', [december])]);
    expect(list[0].fields.purpose.state).toBe('suggested');
    expect(await db.meetingDecisions.count()).toBe(1);
  });

  it('hides a deleted meeting (kept, marked) and restores it', async () => {
    const machine = [meeting('m1', [moscow])];
    await deleteMeeting(db, await one(machine, 'm1'));
    expect((await one(machine, 'm1')).deleted).toBe(true);
    await restoreMeeting(db, await one(machine, 'm1'));
    expect((await one(machine, 'm1')).deleted).toBe(false);
  });

  it('merges meetings into one, uniting mentions and participants, and keeps disagreements', async () => {
    const machine = [
      meeting('m1', [moscow]),
      meeting('m2', [other], {
        status: 'scheduled',
        place: { city: 'Sochi', country: { code: 'RU', name: 'Russia' }, venue: null },
        participants: {
          countries: [{ code: 'TR', name: 'Turkey' }],
          people: [],
          organizations: ['NATO'],
        },
      }),
    ];
    await mergeMeetings(db, await one(machine, 'm2'), await one(machine, 'm1'));
    const list = await shown(machine);
    expect(list).toHaveLength(1);
    const m = list[0];
    expect(m.id).toBe('m1');
    expect(m.memberIds).toEqual(['m1', 'm2']);
    expect(m.mentions.map(x => x.articleId)).toEqual(['a1', 'a2']);
    expect(m.fields.countries.value.map(c => c.code)).toEqual(['IR', 'RU', 'TR']);
    expect(m.fields.organizations.value).toEqual(['NATO']);
    expect(m.disagreements.map(d => d.field)).toEqual(['status', 'place']);
    expect(m.disagreements[0].values).toEqual([
      { value: 'held', sources: [1] },
      { value: 'scheduled', sources: [2] },
    ]);
    await undoMerge(db, m);
    expect(await shown(machine)).toHaveLength(2);
  });

  it('carries the extractor’s confidence and a reported outcome through a merge', async () => {
    const machine = [
      meeting('m1', [moscow], { confidence: { date: { confidence: 'low', basis: 'context' } } }),
      meeting('m2', [other], { outcome: 'postponed' }),
    ];
    expect((await one(machine, 'm2')).outcome).toBe('postponed');
    expect((await one(machine, 'm2')).confidence).toEqual({});
    await mergeMeetings(db, await one(machine, 'm2'), await one(machine, 'm1'));
    const m = await one(machine, 'm1');
    expect(m.confidence.date).toEqual({ confidence: 'low', basis: 'context' });
    expect(m.outcome).toBe('postponed');
    expect(shownToMeeting(m).outcome).toBe('postponed');
  });

  it('reports dates that differ in precision as a disagreement', async () => {
    const april = mention('a2', 5, 'They met in April.', {
      date: { start: '2023-04-01', end: '2023-04-30', precision: 'month', text: 'in April' },
    });
    const m = await one([meeting('m1', [moscow, april])], 'm1');
    expect(m.disagreements).toEqual([
      {
        field: 'date',
        values: [
          { value: { start: '2023-04-25', end: null, precision: 'day' }, sources: [1] },
          { value: { start: '2023-04-01', end: '2023-04-30', precision: 'month' }, sources: [2] },
        ],
      },
    ]);
  });

  it('shows the disagreements the extractor reports by article', async () => {
    const m = await one(
      [
        meeting('m1', [moscow, other], {
          disagreements: [
            {
              field: 'place',
              values: [
                { value: 'Moscow', file: moscow.file },
                { value: 'Sochi', file: other.file },
              ],
            },
          ],
        }),
      ],
      'm1',
    );
    expect(m.disagreements.find(d => d.field === 'place')?.values).toEqual([
      { value: 'Moscow', sources: [1] },
      { value: 'Sochi', sources: [2] },
    ]);
  });

  it('keeps a merge through re-extraction with new ids', async () => {
    await mergeMeetings(
      db,
      await one([meeting('m2', [other])], 'm2'),
      await one([meeting('m1', [moscow])], 'm1'),
    );
    const list = await shown([meeting('n1', [moscow]), meeting('n2', [other])]);
    expect(list).toHaveLength(1);
    expect(list[0].mentions).toHaveLength(2);
  });

  it('splits a mention out into a meeting of its own, and undoes the split', async () => {
    const machine = [meeting('m1', [moscow, december])];
    await splitMention(db, await one(machine, 'm1'), 1);
    let list = await shown(machine);
    expect(list).toHaveLength(2);
    const split = list.find(m => m.origin === 'split')!;
    expect(split.mentions).toEqual([december]);
    expect(split.fields.date.value.start).toBe('2022-12-28');
    expect(list.find(m => m.id === 'm1')!.mentions).toEqual([moscow]);
    // Decisions on the split-off meeting stick to it, also after re-extraction.
    await decideField(db, split, 'title', 'edit', 'December talks');
    list = await shown([meeting('z1', [moscow, december])]);
    expect(list.find(m => m.origin === 'split')!.fields.title.value).toBe('December talks');
    await undoSplit(
      db,
      list.find(m => m.origin === 'split')!,
    );
    expect(await shown(machine)).toHaveLength(1);
  });

  it('splitting the only source of a merged meeting takes that meeting out of the merge', async () => {
    const machine = [meeting('m1', [moscow]), meeting('m2', [other]), meeting('m3', [december])];
    await mergeMeetings(db, await one(machine, 'm2'), await one(machine, 'm1'));
    await mergeMeetings(db, await one(machine, 'm3'), await one(machine, 'm1'));
    const merged = await one(machine, 'm1');
    expect(merged.mentions).toHaveLength(3);
    await splitMention(db, merged, merged.mentionMember.indexOf('m1'));
    const list = await shown(machine);
    expect(list.map(m => m.memberIds.sort())).toEqual(
      expect.arrayContaining([['m1'], ['m2', 'm3']]),
    );
  });

  it('shows a hand-added meeting with its fields as entered, and a source from a selection', async () => {
    const id = await addManualMeeting(
      db,
      { ...blankValues(), title: 'Quiet talks in Baku', status: 'proposed' },
      [moscow],
    );
    const list = await shown([]);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id, origin: 'manual', mentions: [moscow] });
    expect(list[0].fields.title).toMatchObject({ value: 'Quiet talks in Baku', state: 'entered' });
    await decideField(db, list[0], 'status', 'edit', 'held');
    expect((await shown([]))[0].fields.status).toMatchObject({ value: 'held', state: 'edited' });
    // A hand-added meeting is not taken for the machine meeting that shares its sentence.
    const both = await shown([meeting('m1', [moscow])]);
    expect(both.map(m => m.origin).sort()).toEqual(['machine', 'manual']);
  });
});
