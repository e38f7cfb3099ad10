import { describe, expect, it } from 'vitest';
import { borrowedReferences, resolveWithReference } from './borrow';
import type { MergeItem } from './merge';
import { report as baseReport } from './test-merge-item';

const UNDATED = { start: null, end: null, precision: 'unknown', text: null } as const;

/** A report as build.test's, but held: these tests borrow dates for meetings that took place. */
function report(file: string, published: string | null, over: Partial<MergeItem> = {}): MergeItem {
  return baseReport(file, published, { status: 'held', ...over });
}

describe('resolveWithReference', () => {
  const ref = { ref: '2024-06-20', via: 'dated.txt' };

  it('reads every relative date of the article as of the borrowed day and says through whom', () => {
    const earlier = report('u.txt', null, {
      date: { ...UNDATED, text: 'Earlier this month' },
      unresolved: { dates: [{ text: 'Earlier this month', tense: 'past' }], host: null },
    });
    const out = resolveWithReference([earlier], ref).get(earlier);
    expect(out?.date).toMatchObject({ start: '2024-06-01', end: '2024-06-19' });
    expect(out?.dateResolvedVia).toBe('dated.txt');
    expect(out?.confidence?.date).toEqual({ confidence: 'medium', basis: 'merge' });
    expect(earlier.date.start).toBeNull();
  });

  it('keeps the narrowest of a meeting’s readings and leaves meetings with none alone', () => {
    const twice = report('u.txt', null, {
      date: { ...UNDATED, text: 'early June' },
      unresolved: {
        dates: [
          { text: 'early June', tense: 'past' },
          { text: 'earlier this month', tense: 'past' },
        ],
        host: null,
      },
    });
    const plain = report('u.txt', null, { order: 1, date: UNDATED });
    const out = resolveWithReference([twice, plain], ref);
    expect(out.get(twice)?.date).toMatchObject({ start: '2024-06-01', end: '2024-06-10' });
    expect(out.has(plain)).toBe(false);
  });

  it('gives a meeting the date of the meeting it was held at', () => {
    const host = report('u.txt', null, {
      date: { ...UNDATED, text: 'on Monday' },
      unresolved: { dates: [{ text: 'on Monday', tense: 'past' }], host: null },
    });
    const side = report('u.txt', null, {
      order: 1,
      date: UNDATED,
      unresolved: { dates: [], host: 0 },
    });
    const out = resolveWithReference([host, side], ref);
    expect(out.get(side)?.date.start).toBe('2024-06-17');
    expect(out.get(side)?.date).toEqual(out.get(host)?.date);
  });

  it('reads a "held" meeting whose relative date falls after the borrowed day as planned', () => {
    const next = report('u.txt', null, {
      date: { ...UNDATED, text: 'next week' },
      unresolved: { dates: [{ text: 'next week', tense: null }], host: null },
    });
    const out = resolveWithReference([next], ref).get(next);
    expect(out?.status).toBe('scheduled');
    expect(out?.date).toMatchObject({ start: '2024-06-24', end: '2024-06-30' });
  });
});

describe('borrowedReferences', () => {
  it('lends an undated article the day of the source that agrees best with it', () => {
    const undated = report('u.txt', null, { date: UNDATED });
    const close = report('close.txt', '2024-06-02');
    const loose = report('loose.txt', '2024-05-30', { countries: ['KE', 'TZ', 'UG'], city: null });
    const groups = [[undated, close, loose]];
    expect(borrowedReferences(groups).get('u.txt')).toEqual({
      ref: '2024-06-02',
      via: 'close.txt',
    });
    expect(borrowedReferences([[loose, close, undated]])).toEqual(borrowedReferences(groups));
  });

  it('lends nothing through a source that names another city or other countries', () => {
    const undated = report('u.txt', null, { date: UNDATED });
    const elsewhere = report('b.txt', '2024-06-02', { city: 'Nairobi' });
    const others = report('c.txt', '2024-06-02', { countries: ['UG', 'RW'] });
    expect(borrowedReferences([[undated, elsewhere, others]]).size).toBe(0);
  });

  it('passes over a source under which the article’s own words name another day', () => {
    const undated = report('u.txt', null, {
      date: { ...UNDATED, text: 'on Monday' },
      unresolved: { dates: [{ text: 'on Monday', tense: 'past' }], host: null },
    });
    // Read as of June 12 "on Monday" is June 10, not the meeting's June 3; as of June 5 it fits.
    const late = report('late.txt', '2024-06-12', { people: [] });
    const early = report('early.txt', '2024-06-05', { city: null });
    expect(borrowedReferences([[undated, late, early]]).get('u.txt')?.via).toBe('early.txt');
  });
});
