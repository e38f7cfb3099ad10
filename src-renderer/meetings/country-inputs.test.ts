import { describe, expect, it, vi } from 'vitest';
import type { CountryRef } from '../../src-main/contract/meeting';
import { resolveCountryInputs, type CountryResolver } from './country-inputs';
import { fromInputs } from './editing';

const TABLE: Record<string, CountryRef> = {
  germany: { code: 'DE', name: 'Germany' },
  german: { code: 'DE', name: 'Germany' },
  de: { code: 'DE', name: 'Germany' },
  'iran (ir)': { code: 'IR', name: 'Iran' },
  polish: { code: 'PL', name: 'Poland' },
};
/** Stands in for main's gazetteer, which the lookup tests in src-main cover. */
const resolver: CountryResolver = async terms => ({
  ok: true,
  value: { countries: terms.map(t => TABLE[t.toLowerCase()] ?? null) },
});

describe('resolveCountryInputs', () => {
  it('accepts a name, a demonym and a code in the countries list', async () => {
    for (const term of ['Germany', 'German', 'DE']) {
      const out = await resolveCountryInputs('countries', { countries: term }, resolver);
      expect(out.ok && fromInputs('countries', out.value)).toEqual({
        ok: true,
        value: [{ code: 'DE', name: 'Germany' }],
      });
    }
  });

  it('resolves a mixed list, the place and people’s countries', async () => {
    const list = await resolveCountryInputs(
      'countries',
      { countries: 'Iran (IR), Polish; de' },
      resolver,
    );
    expect(list).toEqual({
      ok: true,
      value: { countries: 'Iran (IR), Poland (PL), Germany (DE)' },
    });
    const place = await resolveCountryInputs(
      'place',
      { city: 'Berlin', country: 'german', venue: '' },
      resolver,
    );
    expect(place.ok && place.value.country).toBe('Germany (DE)');
    const people = await resolveCountryInputs(
      'people',
      { people: 'Anna Nowak, foreign minister, Polish\nJan Kowalski' },
      resolver,
    );
    expect(people.ok && fromInputs('people', people.value)).toEqual({
      ok: true,
      value: [
        { name: 'Anna Nowak', role: 'foreign minister', country: 'PL' },
        { name: 'Jan Kowalski', role: null, country: null },
      ],
    });
  });

  it('names the term it cannot resolve, and says how to write it', async () => {
    const out = await resolveCountryInputs('countries', { countries: 'Germany, Germny' }, resolver);
    expect(out.ok).toBe(false);
    if (!out.ok) {
      expect(out.error).toContain('“Germny”');
      expect(out.error).toContain('(Germany)');
      expect(out.error).not.toContain('Iran');
    }
  });

  it('passes on main’s error instead of losing the edit silently', async () => {
    const failing: CountryResolver = async () => ({
      ok: false,
      error: { code: 'io', message: 'no answer' },
    });
    const out = await resolveCountryInputs('countries', { countries: 'Germany' }, failing);
    expect(out).toEqual({ ok: false, error: 'The countries could not be checked: no answer' });
  });

  it('does not ask main about fields without countries', async () => {
    const spy = vi.fn(resolver);
    const out = await resolveCountryInputs('level', { level: 'ministers' }, spy);
    expect(out).toEqual({ ok: true, value: { level: 'ministers' } });
    expect(spy).not.toHaveBeenCalled();
  });
});
