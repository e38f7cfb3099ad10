import { describe, expect, it } from 'vitest';
import { combineNeeds, decisionConflicts } from './needs-decision';
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
