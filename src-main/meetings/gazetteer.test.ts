import { describe, expect, it } from 'vitest';
import { findCountryTerms, findOrganizations, findRoles } from './gazetteer';

describe('findCountryTerms', () => {
  it('finds names, demonyms and capitals with their offsets', () => {
    const text = 'The Kenyan envoy flew from Nairobi to Ghana.';
    expect(findCountryTerms(text).map(t => [t.code, t.kind, text.slice(t.start, t.end)])).toEqual([
      ['KE', 'demonym', 'Kenyan'],
      ['KE', 'capital', 'Nairobi'],
      ['GH', 'name', 'Ghana'],
    ]);
  });

  it('skips a country word joined to the word before it, and finds the next one', () => {
    // "pro-Kenyan" and "xGhana" are not the country; the plain "Ghana" after them is.
    const text = 'A pro-Kenyan crowd, the xGhana label and Ghana itself.';
    const hits = findCountryTerms(text);
    expect(hits.map(t => text.slice(t.start, t.end))).toEqual(['Ghana']);
    expect(hits[0].start).toBe(text.lastIndexOf('Ghana'));
  });

  it('reads a name after an astral character as standing on its own', () => {
    const text = '🙂 Ghana and 𝐀Ghana';
    expect(findCountryTerms(text).map(t => t.start)).toEqual([3]);
  });
});

describe('findRoles', () => {
  it('matches titles in any case and keeps the text as written', () => {
    const hits = findRoles('The FOREIGN MINISTER met two deputy foreign ministers.');
    expect(hits.map(h => [h.title, h.level])).toEqual([
      ['FOREIGN MINISTER', expect.any(String)],
      ['deputy foreign ministers', expect.any(String)],
    ]);
  });

  it('keeps offsets right in a text whose lower case is longer than itself', () => {
    // "İ" lower-cases to two characters: the offsets must still point into the text as given.
    const text = 'İİİ said the Defence Minister arrived.';
    const [hit] = findRoles(text);
    expect(text.slice(hit.start, hit.end)).toBe('Defence Minister');
  });

  it('reads a bloc\'s "defence chiefs" as its military chiefs, a named defence chief as a minister', () => {
    const level = (t: string) => findRoles(t).map(r => r.level);
    expect(level('The bloc’s defence chiefs met in Quito.')).toEqual(['military chiefs']);
    expect(level('The chiefs of staff met in Quito.')).toEqual(['military chiefs']);
    expect(level('Chile’s defence chief Rosa Vidal met him.')).toEqual(['defence ministers']);
  });

  it('reads a bloc\'s "foreign policy chief" as its foreign minister', () => {
    const level = (t: string) => findRoles(t).map(r => r.level);
    expect(level('The Andean bloc’s foreign policy chief, Maria Lenz, arrived.')).toEqual([
      'foreign ministers',
    ]);
    expect(level('Its foreign affairs chief met him.')).toEqual(['foreign ministers']);
  });

  it('does not match a title inside a longer word', () => {
    expect(findRoles('The presidential palace and the presidency.').map(r => r.title)).toEqual([]);
    // "ex-president" is the title, held no longer (former-titles.ts), not part of a longer word.
    expect(findRoles('The ex-president spoke.').map(r => r.title)).toEqual(['president']);
  });

  it('does not read a title joined by a hyphen to a capitalised name ("Amir-Rahimi")', () => {
    expect(findRoles('She met Karim Amir-Rahimi in Doha.')).toEqual([]);
  });
});

describe('findOrganizations', () => {
  it('finds an organisation by its alias, not inside a longer word', () => {
    const names = findOrganizations('NATO allies met; the xNATO brand did not.').map(o => o.name);
    expect(names).toHaveLength(1);
  });

  it('tells OPEC+ (the cartel with its allies) from OPEC itself', () => {
    const names = (t: string) => findOrganizations(t).map(o => o.name);
    expect(names('Ministers of OPEC+ will meet in Vienna.')).toEqual(['OPEC+']);
    expect(names('The OPEC Plus group met.')).toEqual(['OPEC+']);
    expect(names('OPEC members met (without OPEC+ allies).')).toEqual(['OPEC', 'OPEC+']);
  });
});
