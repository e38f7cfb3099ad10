import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Meeting } from '../../src-main/contract/meeting';
import { ReadoutDB } from '../db/db';
import {
  addManualMeeting,
  decideField,
  deleteMeeting,
  mergeMeetings,
  splitMention,
} from './actions';
import { applyDecisions, type ShownMeeting } from './decisions';
import { blankValues } from './fields';
import { loadOne, loadShown, mergePool, queryMeetingList } from './meeting-query';
import { toStored } from './sync';
import { meeting, mention } from './testing';
import {
  filterMeetings,
  NO_FILTER,
  sortMeetings,
  type MeetingFilter,
  type MeetingOrder,
} from './timeline';

let db: ReadoutDB;
beforeEach(() => {
  db = new ReadoutDB('q-' + Math.random());
});
afterEach(async () => {
  await db.delete();
});

/** A meeting on `date` ('' for none) of `codes`, reported by one sentence of article `a<n>`. */
function dated(n: number, date: string, codes = ['IR', 'RU'], status: Meeting['status'] = 'held') {
  const day = { start: date || null, end: null, precision: date ? 'day' : 'unknown', text: date };
  return meeting(
    `m${String(n).padStart(3, '0')}`,
    [mention(`a${n}`, 10 * n, `Sentence ${n} about talks.`, { date: day as Meeting['date'] })],
    {
      date: day as Meeting['date'],
      status,
      title: `Talks ${n}`,
      place: { city: null, country: null, venue: null },
      participants: {
        countries: codes.map(code => ({ code, name: code })),
        people: [],
        organizations: [],
      },
    },
  );
}

async function store(meetings: Meeting[]) {
  await db.meetings.bulkPut(meetings.map(toStored));
}

/** Counts the meeting records Dexie hands out (index keys are not records). */
function countReads(): { n: number } {
  const seen = { n: 0 };
  db.meetings.hook('reading', m => {
    if (m) seen.n++;
    return m;
  });
  return seen;
}

/** What the whole-table path shows, to compare the index path with. */
async function reference(filter: MeetingFilter, order: MeetingOrder): Promise<ShownMeeting[]> {
  const all = applyDecisions(await db.meetings.toArray(), await db.meetingDecisions.toArray());
  return sortMeetings(filterMeetings(all, filter), order);
}

const dates = [
  '2023-04-25',
  '2022-12-28',
  '',
  '2024-01-02',
  '2023-04-25',
  '2021-06-30',
  '',
  '2024-05-01',
];

describe('queryMeetingList', () => {
  it('lists newest first with the undated last, reading no meeting record', async () => {
    await store(dates.map((d, i) => dated(i, d)));
    const reads = countReads();
    const list = await queryMeetingList(db, { filter: NO_FILTER, order: 'newest' });
    expect(reads.n).toBe(0);
    expect(list.indexed).toBe(true);
    expect(list.dates).toEqual([
      '2024-05-01',
      '2024-01-02',
      '2023-04-25',
      '2023-04-25',
      '2022-12-28',
      '2021-06-30',
      '',
      '',
    ]);
    expect(new Set(list.ids).size).toBe(8);
  });

  it('lists oldest first with the undated still last', async () => {
    await store(dates.map((d, i) => dated(i, d)));
    const list = await queryMeetingList(db, { filter: NO_FILTER, order: 'oldest' });
    expect(list.dates.slice(0, 2)).toEqual(['2021-06-30', '2022-12-28']);
    expect(list.dates.slice(-2)).toEqual(['', '']);
  });

  it('filters by status and country through their indexes', async () => {
    await store([
      dated(1, '2023-01-01', ['TR', 'RU'], 'held'),
      dated(2, '2023-02-01', ['TR', 'IR'], 'scheduled'),
      dated(3, '2023-03-01', ['DE', 'FR'], 'held'),
    ]);
    const reads = countReads();
    const held = await queryMeetingList(db, {
      filter: { ...NO_FILTER, status: 'held' },
      order: 'newest',
    });
    expect(held.ids).toEqual(['m003', 'm001']);
    const turkey = await queryMeetingList(db, {
      filter: { ...NO_FILTER, country: 'TR' },
      order: 'newest',
    });
    expect(turkey.ids).toEqual(['m002', 'm001']);
    const both = await queryMeetingList(db, {
      filter: { ...NO_FILTER, country: 'TR', status: 'held' },
      order: 'newest',
    });
    expect(both.ids).toEqual(['m001']);
    expect(reads.n).toBe(0);
  });

  it('shows merges, splits, edits, deletions and hand-added meetings as the whole table would', async () => {
    const multi = meeting(
      'm900',
      [
        mention('a900', 0, 'First sentence of the pair.'),
        mention('a901', 0, 'Second sentence of the pair.'),
      ],
      { date: { start: '2022-02-02', end: null, precision: 'day', text: '' } },
    );
    await store([...dates.map((d, i) => dated(i, d)), multi]);
    const first = await reference(NO_FILTER, 'newest');
    const byId = (id: string) => first.find(m => m.id === id)!;
    await mergeMeetings(db, byId('m001'), byId('m004'));
    await deleteMeeting(db, byId('m005'));
    await decideField(db, byId('m007'), 'status', 'edit', 'scheduled');
    await decideField(db, byId('m003'), 'date', 'edit', {
      start: '2020-01-01',
      end: null,
      precision: 'day',
      text: '1 Jan 2020',
    });
    await splitMention(db, byId('m900'), 1);
    await addManualMeeting(db, {
      ...blankValues(),
      title: 'Added by hand',
      date: { start: '2023-06-01', end: null, precision: 'day', text: '' },
    });
    for (const order of ['newest', 'oldest'] as const) {
      for (const filter of [
        NO_FILTER,
        { ...NO_FILTER, status: 'scheduled' as const },
        { ...NO_FILTER, deleted: true },
      ]) {
        const want = await reference(filter, order);
        const got = await queryMeetingList(db, { filter, order });
        expect(got.dates).toEqual(want.map(m => m.fields.date.value.start ?? ''));
        expect([...got.ids].sort()).toEqual(want.map(m => m.id).sort());
      }
    }
    const list = await queryMeetingList(db, { filter: NO_FILTER, order: 'newest' });
    // The merged pair is one row, under the meeting it was merged into.
    expect(list.ids).not.toContain('m001');
    expect(list.known.get('m004')?.memberIds).toEqual(['m004', 'm001']);
  });

  it('reads the whole table for a text search and the orders no index holds', async () => {
    await store([dated(1, '2023-01-01'), dated(2, '2023-02-01'), dated(3, '')]);
    const text = await queryMeetingList(db, {
      filter: { ...NO_FILTER, text: 'sentence 2' },
      order: 'newest',
    });
    expect(text.ids).toEqual(['m002']);
    expect(text.indexed).toBe(false);
    const title = await queryMeetingList(db, { filter: NO_FILTER, order: 'title' });
    expect(title.ids).toEqual(['m001', 'm002', 'm003']);
  });
});

describe('loadShown', () => {
  it('reads only the rows asked for, and leaves out a meeting that is gone', async () => {
    await store(dates.map((d, i) => dated(i, d)));
    const list = await queryMeetingList(db, { filter: NO_FILTER, order: 'newest' });
    const reads = countReads();
    const rows = await loadShown(db, [...list.ids.slice(0, 3), 'gone'], list.known);
    expect(reads.n).toBe(3);
    expect([...rows.keys()]).toEqual(list.ids.slice(0, 3));
    expect(rows.get(list.ids[0])?.fields.title.value).toBe('Talks 7');
  });
});

describe('loadOne', () => {
  it('finds a meeting by the id of one merged into it', async () => {
    await store([dated(1, '2023-01-01'), dated(2, '2023-01-02')]);
    const all = await reference(NO_FILTER, 'newest');
    await mergeMeetings(
      db,
      all.find(m => m.id === 'm001')!,
      all.find(m => m.id === 'm002')!,
    );
    const list = await queryMeetingList(db, { filter: NO_FILTER, order: 'newest' });
    expect((await loadOne(db, 'm001', list.known))?.id).toBe('m002');
    expect(await loadOne(db, 'nothing', list.known)).toBeNull();
  });
});

describe('mergePool', () => {
  it('offers meetings sharing a country or near in date, not the whole of a large library', async () => {
    const many: Meeting[] = [];
    for (let i = 0; i < 450; i++) many.push(dated(i, `2019-0${1 + (i % 9)}-01`, ['BR', 'AR']));
    many.push(dated(500, '2023-04-20', ['IR', 'TR']));
    many.push(dated(501, '2010-01-01', ['RU', 'CN']));
    many.push(dated(502, '2023-05-10', ['FR', 'DE']));
    const open = dated(600, '2023-04-25', ['IR', 'RU']);
    await store([...many, open]);
    const list = await queryMeetingList(db, { filter: NO_FILTER, order: 'newest' });
    const shown = (await loadShown(db, ['m600'], list.known)).get('m600')!;
    const pool = (await mergePool(db, shown, list.known)).map(m => m.id).sort();
    expect(pool).toEqual(['m500', 'm501', 'm502']);
  });
});
