import { describe, expect, it } from 'vitest';
import type { Meeting } from '../../../src-main/contract/meeting';
import type { BriefingRecord, StoredArticle } from '../../db/db';
import { buildDigestInput, inRange, tickRange } from './digest-input';

function meeting(id: string, start: string | null, end = start): Meeting {
  return {
    id,
    title: `Talks ${id}`,
    status: 'held',
    date: { start, end, precision: start === end ? 'day' : 'range', text: null },
    place: { city: 'Vienna', country: { code: 'AT', name: 'Austria' }, venue: null },
    level: null,
    participants: { countries: [], people: [], organizations: [] },
    purpose: null,
    mentions: [
      {
        file: `${id}.txt`,
        articleId: `a-${id}`,
        sentence: `The delegations met for talks ${id}.`,
        start: 0,
        end: 30,
        status: 'held',
        date: { start, end, precision: 'day', text: null },
      },
    ],
  };
}

describe('inRange', () => {
  const range = { from: '2023-04-01', to: '2023-04-30' };

  it('holds meetings that touch the range, including ones that run over its ends', () => {
    expect(inRange(meeting('a', '2023-04-10'), range)).toBe(true);
    expect(inRange(meeting('b', '2023-03-30', '2023-04-02'), range)).toBe(true);
    expect(inRange(meeting('c', '2023-05-01'), range)).toBe(false);
    expect(inRange(meeting('d', '2023-03-31'), range)).toBe(false);
  });

  it('leaves undated meetings out of any range but keeps every meeting when there is none', () => {
    expect(inRange(meeting('e', null), range)).toBe(false);
    expect(inRange(meeting('e', null), { from: null, to: null })).toBe(true);
    expect(inRange(meeting('f', '2023-06-01'), { from: '2023-05-01', to: null })).toBe(true);
  });
});

describe('tickRange', () => {
  const ids = ['m1', 'm2', 'm3', 'm4', 'm5'];

  it('ticks one meeting on a plain click and a whole run on a Shift-click', () => {
    const one = tickRange(ids, new Set(), 1, true, null, false);
    expect([...one]).toEqual(['m2']);
    const run = tickRange(ids, one, 4, true, 1, true);
    expect([...run].sort()).toEqual(['m2', 'm3', 'm4', 'm5']);
  });

  it('unticks a run backwards with Shift, leaving the others as they were', () => {
    const all = new Set(ids);
    const out = tickRange(ids, all, 0, false, 2, true);
    expect([...out]).toEqual(['m4', 'm5']);
  });
});

describe('buildDigestInput', () => {
  it('carries the bottom line the analyst wrote for each meeting, and its sources with their addresses', () => {
    const a = meeting('a', '2023-04-10');
    const b = meeting('b', '2023-04-12');
    const record: BriefingRecord = {
      id: 'a',
      anchors: [],
      bottomLine: 'Both sides agreed to meet again in May.',
      keyPoints: null,
      excludedHighlights: [],
      handling: null,
      paper: 'A4',
      updatedAt: 1,
    };
    const article = {
      id: 'a-a',
      title: 'Vienna talks end',
      publisher: 'Wire Service',
      published: '2023-04-11',
      file: 'a.txt',
      url: 'https://wire.example/vienna-talks-end',
    } as StoredArticle;
    const input = buildDigestInput({
      meetings: [a, b],
      articles: new Map([['a-a', article]]),
      records: [record],
      range: { from: null, to: null },
      options: { paper: 'A4', handling: null, generatedAt: '2024-05-01T09:30:00Z' },
    });
    expect(input.entries.map(e => e.bottomLine)).toEqual([
      'Both sides agreed to meet again in May.',
      null,
    ]);
    expect(input.entries[0].sources).toEqual([
      {
        articleId: 'a-a',
        title: 'Vienna talks end',
        publisher: 'Wire Service',
        published: '2023-04-11',
        file: 'a.txt',
        url: 'https://wire.example/vienna-talks-end',
      },
    ]);
    // An article not in the library is no source (main still cites its mention by file).
    expect(input.entries[1].sources).toEqual([]);
  });
});
