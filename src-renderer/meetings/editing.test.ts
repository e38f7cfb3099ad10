import { describe, expect, it } from 'vitest';
import { fromInputs, toInputs } from './editing';
import { FIELD_NAMES, valuesOf } from './fields';
import { meeting, mention } from './testing';

const values = valuesOf(
  meeting('m1', [mention('a1', 0, 'Ministers met.')], {
    participants: {
      countries: [{ code: 'IR', name: 'Iran' }],
      people: [{ name: 'Hulusi Akar', role: 'Defence Minister', country: 'TR' }],
      organizations: ['NATO', 'UN'],
    },
  }),
);

describe('toInputs and fromInputs', () => {
  it('give back every field unchanged', () => {
    for (const f of FIELD_NAMES) {
      const again = fromInputs(f, toInputs(f, values));
      expect(again, f).toEqual({ ok: true, value: values[f] });
    }
  });

  it('read countries as names with codes, and say what is wrong otherwise', () => {
    expect(fromInputs('countries', { countries: 'Iran (ir), Syria (SY)' })).toEqual({
      ok: true,
      value: [
        { name: 'Iran', code: 'IR' },
        { name: 'Syria', code: 'SY' },
      ],
    });
    expect(fromInputs('countries', { countries: 'Iran' })).toMatchObject({ ok: false });
  });

  it('read people one a line, role and country optional', () => {
    expect(fromInputs('people', { people: 'Sergey Lavrov, Foreign Minister, ru\nAnon' })).toEqual({
      ok: true,
      value: [
        { name: 'Sergey Lavrov', role: 'Foreign Minister', country: 'RU' },
        { name: 'Anon', role: null, country: null },
      ],
    });
  });

  it('refuse an empty title and a range that ends before it starts', () => {
    expect(fromInputs('title', { title: '  ' })).toMatchObject({ ok: false });
    expect(
      fromInputs('date', { start: '2023-04-25', end: '2023-04-01', precision: 'range', text: '' }),
    ).toMatchObject({ ok: false });
  });

  it('treat an empty date as no date', () => {
    expect(fromInputs('date', { start: '', end: '', precision: 'day', text: '' })).toEqual({
      ok: true,
      value: { start: null, end: null, precision: 'unknown', text: null },
    });
  });
});
