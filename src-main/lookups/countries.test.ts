import { describe, expect, it } from 'vitest';
import { resolveCountries, resolveCountry } from './countries';

describe('resolveCountry', () => {
  it('takes a name, a demonym and a code for the same country', () => {
    for (const term of ['Germany', 'German', 'DE', 'de', 'germany', ' Germany ', 'Germany (DE)'])
      expect(resolveCountry(term)).toEqual({ code: 'DE', name: 'Germany' });
  });

  it('knows names of several words and common aliases', () => {
    expect(resolveCountry('united arab emirates')?.code).toBe('AE');
    expect(resolveCountry('Iranian')?.code).toBe('IR');
  });

  it('refuses what names no country', () => {
    expect(resolveCountry('Germny')).toBeNull();
    expect(resolveCountry('')).toBeNull();
    expect(resolveCountry('QQ')).toBeNull();
    expect(resolveCountry('Nowhere (QQ)')).toBeNull();
    expect(resolveCountry('Austria (AT)')?.name).toBe('Austria');
  });

  it('does not take a capital or a phrase around a name for the country', () => {
    expect(resolveCountry('Moscow')).toBeNull();
    expect(resolveCountry('talks in Germany')).toBeNull();
  });
});

describe('resolveCountries', () => {
  it('answers each term in order, null where it fails', () => {
    expect(resolveCountries(['Russian', 'nowhere', 'TR']).map(c => c?.code ?? null)).toEqual([
      'RU',
      null,
      'TR',
    ]);
  });
});
