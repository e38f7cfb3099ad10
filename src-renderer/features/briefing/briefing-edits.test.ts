import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Meeting } from '../../../src-main/contract/meeting';
import { ReadoutDB, type Highlight } from '../../db/db';
import { UndoStack } from '../undo/UndoStack';
import {
  defaultKeyPoints,
  editsOf,
  emptyBriefing,
  findBriefing,
  keyPointsOf,
  linkedNext,
  movePoint,
  saveBriefing,
} from './briefing-edits';

/** A meeting with two sources, as the extractor gives it. */
function seedMeeting(): Meeting {
  return {
    id: 'm-2023-04-25-moscow',
    title: 'Quadrilateral meeting of defence ministers',
    status: 'held',
    date: { start: '2023-04-25', end: '2023-04-25', precision: 'day', text: 'Tuesday' },
    place: { city: 'Moscow', country: { code: 'RU', name: 'Russia' }, venue: null },
    level: 'defence ministers',
    participants: {
      countries: [
        { code: 'IR', name: 'Iran' },
        { code: 'RU', name: 'Russia' },
        { code: 'TR', name: 'Türkiye' },
      ],
      people: [{ name: 'Hulusi Akar', role: 'Defence Minister', country: 'TR' }],
      organizations: [],
    },
    purpose: null,
    mentions: [
      {
        file: 'a.txt',
        articleId: '46ab9c03f578ed2c',
        sentence: 'The ministers met in the Russian capital on Tuesday.',
        start: 9,
        end: 60,
        status: 'held',
        date: { start: '2023-04-25', end: '2023-04-25', precision: 'day', text: 'Tuesday' },
      },
      {
        file: 'b.txt',
        articleId: '5e147edb248d0a50',
        sentence: 'Defence chiefs are due to meet in Moscow on April 25.',
        start: 16,
        end: 70,
        status: 'scheduled',
        date: { start: '2023-04-25', end: '2023-04-25', precision: 'day', text: 'April 25' },
      },
    ],
  };
}

function highlight(id: string, colour: number, quote: string, note = ''): Highlight {
  return {
    id,
    articleId: '46ab9c03f578ed2c',
    colour,
    quote: { exact: quote, prefix: '', suffix: '' },
    position: { start: 0, end: quote.length },
    articleVersion: 'v',
    note,
    tags: [],
    createdAt: 1,
    updatedAt: 1,
  };
}

describe('findBriefing', () => {
  it('finds the edits of a meeting re-extracted under a new id by its anchors', () => {
    const record = { ...emptyBriefing(seedMeeting()), bottomLine: 'Kept' };
    const renamed: Meeting = { ...seedMeeting(), id: 'm-new-id' };
    expect(findBriefing([record], renamed)?.bottomLine).toBe('Kept');
    const other: Meeting = {
      ...seedMeeting(),
      id: 'm-other',
      mentions: [{ ...seedMeeting().mentions[0], articleId: 'elsewhere', start: 1, sentence: 'x' }],
    };
    expect(findBriefing([record], other)).toBeNull();
  });
});

describe('defaultKeyPoints', () => {
  it('offers the Key-point highlights with their notes, else the evidence sentences', () => {
    const meeting = seedMeeting();
    const points = defaultKeyPoints(meeting, [
      highlight('a', 0, 'Talks were frank', 'Check tone'),
      highlight('b', 2, 'Context only'),
    ]);
    expect(points.map(p => p.text)).toEqual(['“Talks were frank” — Check tone']);
    expect(defaultKeyPoints(meeting, []).map(p => p.key)).toEqual([
      'm:46ab9c03f578ed2c:9',
      'm:5e147edb248d0a50:16',
    ]);
  });
});

describe('keyPointsOf', () => {
  it('drops the key point of a highlight the analyst excluded from the page', () => {
    const defaults = defaultKeyPoints(seedMeeting(), [
      highlight('a', 0, 'First'),
      highlight('b', 0, 'Second'),
    ]);
    const record = { ...emptyBriefing(seedMeeting()), excludedHighlights: ['a'] };
    expect(keyPointsOf(record, defaults).map(p => p.text)).toEqual(['“Second”']);
  });
});

describe('editsOf', () => {
  it('sends the written bottom line and the points in the analyst’s order', () => {
    const defaults = defaultKeyPoints(seedMeeting(), []);
    const record = {
      ...emptyBriefing(seedMeeting()),
      bottomLine: '  Ankara moves.  ',
      keyPoints: movePoint(defaults, 1, 0),
    };
    const edits = editsOf(record, defaults, []);
    expect(edits.bottomLine).toBe('Ankara moves.');
    expect(edits.keyPoints?.map(p => p.articleId)).toEqual([
      '5e147edb248d0a50',
      '46ab9c03f578ed2c',
    ]);
    expect(editsOf(emptyBriefing(seedMeeting()), defaults, []).bottomLine).toBeNull();
  });
});

describe('movePoint', () => {
  it('moves one item and clamps at the ends', () => {
    expect(movePoint(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
    expect(movePoint(['a', 'b', 'c'], 2, -5)).toEqual(['c', 'a', 'b']);
    expect(movePoint(['a', 'b'], 0, 0)).toEqual(['a', 'b']);
  });
});

describe('linkedNext', () => {
  it('lists later meetings of the same countries, nearest first', () => {
    const base = seedMeeting();
    const later = (
      id: string,
      start: string,
      countries = base.participants.countries,
    ): Meeting => ({
      ...base,
      id,
      title: `Follow-up ${id}`,
      status: 'scheduled',
      date: { start, end: start, precision: 'day', text: null },
      participants: { ...base.participants, countries },
    });
    const next = linkedNext(base, [
      later('far', '2023-09-01'),
      later('near', '2023-05-10'),
      later('before', '2023-01-01'),
      later('fewer', '2023-06-01', base.participants.countries.slice(0, 2)),
    ]);
    expect(next.map(n => n.title)).toEqual(['Follow-up near', 'Follow-up far']);
    expect(next[0]).toMatchObject({
      date: '2023-05-10',
      status: 'Scheduled',
      place: 'Moscow, Russia',
    });
  });
});

describe('saveBriefing', () => {
  it('is undone and redone as one step, folding keystrokes of one field', async () => {
    const db = new ReadoutDB(`b-${Math.random()}`);
    const stack = new UndoStack();
    const first = emptyBriefing(seedMeeting());
    const typed = (text: string) => ({ ...first, bottomLine: text, updatedAt: text.length });
    await stack.execute(saveBriefing(db, null, typed('A'), 'Edit bottom line', 'bl'));
    await stack.execute(saveBriefing(db, typed('A'), typed('AB'), 'Edit bottom line', 'bl'));
    expect((await db.briefings.get(first.id))?.bottomLine).toBe('AB');
    await stack.undo();
    expect(await db.briefings.get(first.id)).toBeUndefined();
    await stack.redo();
    expect((await db.briefings.get(first.id))?.bottomLine).toBe('AB');
    await db.delete();
  });
});
