import { describe, expect, it } from 'vitest';
import { prng } from '../../src-main/testing/prng';
import { canonicalJson, mergeFields, type MergeSide } from './field-merge';

const side = (fields: Record<string, unknown>, by: string, at = 1): MergeSide => ({
  fields,
  by,
  at,
});

describe('mergeFields', () => {
  it('keeps a change made on one side only, whichever side made it', () => {
    const base = { note: '', colour: 1 };
    const merged = mergeFields(
      base,
      side({ note: 'call back', colour: 1 }, 'ana'),
      side({ note: '', colour: 4 }, 'ben'),
    );
    expect(merged).toEqual({ fields: { note: 'call back', colour: 4 }, conflicts: [] });
  });

  it('merges tag lists as sets: additions on both sides kept, a removal honoured', () => {
    const base = { tags: ['energy', 'gas'] };
    const merged = mergeFields(
      base,
      side({ tags: ['energy', 'gas', 'visit'] }, 'ana'),
      side({ tags: ['energy', 'summit'] }, 'ben'),
    );
    expect(merged.fields.tags).toEqual(['energy', 'visit', 'summit']);
    expect(merged.conflicts).toEqual([]);
  });

  it('reports a field both sides changed differently, with both values, authors and times', () => {
    const merged = mergeFields(
      { note: 'a' },
      side({ note: 'b' }, 'ana', 5),
      side({ note: 'c' }, 'ben', 7),
    );
    expect(merged.fields.note).toBe('b');
    expect(merged.conflicts).toEqual([
      {
        field: 'note',
        values: [
          { value: 'b', by: 'ana', at: 5 },
          { value: 'c', by: 'ben', at: 7 },
        ],
      },
    ]);
  });

  it('takes the later updatedAt and the earlier createdAt instead of asking anyone', () => {
    const merged = mergeFields(
      {},
      side({ updatedAt: 5, createdAt: 3 }, 'ana'),
      side({ updatedAt: 9, createdAt: 4 }, 'ben'),
    );
    expect(merged).toEqual({ fields: { createdAt: 3, updatedAt: 9 }, conflicts: [] });
  });

  it('keeps a record both desks trashed in the trash as the earlier trash has it, unasked', () => {
    const base = { note: 'x', updatedAt: 1 };
    const ana = side({ note: 'x', trashedAt: 50, trashedBy: 'ana', updatedAt: 50 }, 'ana', 50);
    const ben = side(
      { note: 'x', trashedAt: 40, trashedBy: 'ben', trashedWithArticle: 'a1', updatedAt: 40 },
      'ben',
      40,
    );
    const expected = {
      fields: {
        note: 'x',
        trashedAt: 40,
        trashedBy: 'ben',
        trashedWithArticle: 'a1',
        updatedAt: 50,
      },
      conflicts: [],
    };
    expect(mergeFields(base, ana, ben)).toEqual(expected);
    expect(mergeFields(base, ben, ana)).toEqual(expected);
    // The same minute on both desks: one of them, the same whichever side won.
    const tieA = side({ trashedAt: 7, trashedBy: 'ana' }, 'ana');
    const tieB = side({ trashedAt: 7, trashedBy: 'ben' }, 'ben');
    expect(mergeFields({}, tieA, tieB)).toEqual(mergeFields({}, tieB, tieA));
    expect(mergeFields({}, tieA, tieB).conflicts).toEqual([]);
  });

  it('still asks when one desk restored a trashed record and the other trashed it again', () => {
    const base = { trashedAt: 10, trashedBy: 'ana' };
    const merged = mergeFields(
      base,
      side({}, 'ana', 20),
      side({ trashedAt: 30, trashedBy: 'ben' }, 'ben', 30),
    );
    expect(merged.conflicts.map(c => c.field)).toEqual(['trashedAt', 'trashedBy']);
  });

  it('treats an empty ancestor as knowing nothing: every disagreement is a conflict', () => {
    const merged = mergeFields(
      {},
      side({ note: 'x', colour: 2 }, 'ana'),
      side({ note: 'y', colour: 2 }, 'ben'),
    );
    expect(merged.conflicts.map(c => c.field)).toEqual(['note']);
  });

  it('drops a field one side removed and the other left alone', () => {
    const merged = mergeFields(
      { field: 'date', note: '' },
      side({ note: '' }, 'ana'),
      side({ field: 'date', note: '' }, 'ben'),
    );
    expect(merged.fields).toEqual({ note: '' });
  });

  it('is deterministic and agrees with itself whichever side is the winner (random records)', () => {
    const random = prng(13);
    const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)];
    const values = () =>
      pick<unknown>(['', 'a', 'b', 1, 2, null, { x: 1 }, ['t1'], ['t1', 't2'], ['t3']]);
    const record = (from: Record<string, unknown>) => {
      const out: Record<string, unknown> = { ...from };
      for (const key of ['note', 'colour', 'tags', 'field'])
        if (random() < 0.4) out[key] = values();
      if (random() < 0.1) delete out.note;
      return out;
    };
    for (let run = 0; run < 300; run++) {
      const base = record({});
      const left = record(base);
      const right = record(base);
      const one = mergeFields(base, side(left, 'ana'), side(right, 'ben'));
      const again = mergeFields(base, side(left, 'ana'), side(right, 'ben'));
      expect(canonicalJson(again)).toBe(canonicalJson(one));
      const swapped = mergeFields(base, side(right, 'ben'), side(left, 'ana'));
      // The same fields conflict either way; elsewhere the result does not depend on the order.
      const conflicted = new Set(one.conflicts.map(c => c.field));
      expect(swapped.conflicts.map(c => c.field)).toEqual([...conflicted]);
      for (const key of new Set([...Object.keys(one.fields), ...Object.keys(swapped.fields)])) {
        if (conflicted.has(key)) continue;
        const a = one.fields[key];
        const b = swapped.fields[key];
        // Tag sets may list the same tags in another order.
        if (Array.isArray(a) && Array.isArray(b)) expect([...a].sort()).toEqual([...b].sort());
        else expect(canonicalJson(b)).toBe(canonicalJson(a));
      }
      // Merging a side with itself, or with the ancestor, changes nothing.
      expect(canonicalJson(mergeFields(base, side(left, 'ana'), side(left, 'ben')).fields)).toBe(
        canonicalJson(left),
      );
      expect(canonicalJson(mergeFields(base, side(base, 'ana'), side(right, 'ben')).fields)).toBe(
        canonicalJson(right),
      );
    }
  });
});

describe('canonicalJson', () => {
  it('ignores key order and undefined fields', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: undefined } })).toBe(
      canonicalJson({ a: { d: 2 }, b: 1 }),
    );
  });
});
