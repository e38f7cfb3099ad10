import { describe, expect, it } from 'vitest';
import { combineNeeds, decisionConflicts, mergeNeeds, type NeedsDecision } from './needs-decision';
import type { SyncedDecision } from './sync-db';

function decision(id: string, value: string, extra: Partial<SyncedDecision> = {}): SyncedDecision {
  return {
    id,
    meetingId: 'm1',
    kind: 'edit-field',
    field: 'date',
    value,
    anchors: [],
    createdAt: 1,
    updatedAt: 1,
    authorId: 'ana',
    supersedes: [],
    ...extra,
  };
}

describe('decisionConflicts', () => {
  it('lists a meeting field two analysts decided differently, neither superseding the other', () => {
    const found = decisionConflicts([
      decision('d1', '2026-03-04'),
      decision('d2', '2026-03-05', { authorId: 'ben', createdAt: 2 }),
    ]);
    expect(found).toEqual([
      {
        id: 'meeting:m1|edit-field|date',
        source: 'meeting',
        subject: 'm1',
        field: 'date',
        values: [
          { value: '2026-03-04', by: 'ana', at: 1 },
          { value: '2026-03-05', by: 'ben', at: 2 },
        ],
      },
    ]);
  });

  it('is settled by a decision that supersedes both, and never raised by agreeing decisions', () => {
    const settled = [
      decision('d1', 'a'),
      decision('d2', 'b'),
      decision('d3', 'b', { supersedes: ['d1', 'd2'] }),
    ];
    expect(decisionConflicts(settled)).toEqual([]);
    expect(
      decisionConflicts([decision('d1', 'a'), decision('d2', 'a', { authorId: 'ben' })]),
    ).toEqual([]);
  });
});

describe('combineNeeds', () => {
  it('keeps one entry per field with every distinct value, whatever order they arrive in', () => {
    const a = {
      field: 'note',
      values: [
        { value: 'x', by: 'ana', at: 1 },
        { value: 'y', by: 'ben', at: 2 },
      ],
    };
    const b = {
      field: 'note',
      values: [
        { value: 'z', by: 'cy', at: 3 },
        { value: 'x', by: 'ana', at: 1 },
      ],
    };
    expect(combineNeeds([a], [b])).toEqual([{ field: 'note', values: [...a.values, b.values[0]] }]);
  });
});

describe('mergeNeeds', () => {
  const note: NeedsDecision[number] = {
    field: 'note',
    values: [
      { value: 'Ask the embassy', by: 'ana', at: 1 },
      { value: 'They met on Tuesday', by: 'ben', at: 2 },
    ],
  };
  const colour: NeedsDecision[number] = {
    field: 'colour',
    values: [
      { value: 1, by: 'ana', at: 3 },
      { value: 2, by: 'ben', at: 4 },
    ],
  };

  it('keeps an entry decided on one side when the other side carried it unchanged', () => {
    expect(mergeNeeds([note], [], [note])).toEqual([]);
    expect(mergeNeeds([note], [note], [])).toEqual([]);
  });

  it('keeps a conflict either side found since the ancestor, and one neither decided', () => {
    expect(mergeNeeds([note], [note], [note, colour])).toEqual([colour, note]);
    expect(mergeNeeds([], [note], [])).toEqual([note]);
  });

  it('keeps every value when both sides changed the same entry', () => {
    const third = { ...note, values: [...note.values, { value: 'Wednesday', by: 'cem', at: 5 }] };
    const reordered = { ...note, values: [...note.values].reverse() };
    expect(mergeNeeds([note], [reordered], [])).toEqual([]);
    expect(mergeNeeds([note], [third], [])).toEqual([third]);
    expect(mergeNeeds([], [note], [third])).toEqual([third]);
  });
});
