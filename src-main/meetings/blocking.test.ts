import { describe, expect, it } from 'vitest';
import {
  BlockIndex,
  BlockKeys,
  dayNumber,
  lookupTimes,
  registerTimes,
  sameSurname,
  surname,
  withLevels,
  yearOfDay,
} from './blocking';

describe('yearOfDay', () => {
  it('gives the calendar year of every day around leap years and the epoch', () => {
    for (const iso of [
      '1969-12-31',
      '1970-01-01',
      '2000-02-29',
      '2023-12-31',
      '2024-01-01',
      '2100-03-01',
    ])
      expect(yearOfDay(dayNumber(iso))).toBe(Number(iso.slice(0, 4)));
  });
});

describe('BlockKeys', () => {
  const keys = new BlockKeys();
  const of = (countries: string[], people: string[] = []) =>
    keys.parties({ countries, people: people.map(name => ({ name })), organizations: [] });

  it('finds a meeting of three countries by any two of them, whatever their order', () => {
    const trilateral = of(['UG', 'KE', 'TZ']);
    const pair = of(['TZ', 'KE']);
    // An undated report of two of them looks up their pair, under which the meeting is listed.
    expect(trilateral.near).toEqual(expect.arrayContaining(pair.undated));
    expect(pair.undated).toHaveLength(1);
  });

  it('gives an undated report of one country only its people to look up, never the country', () => {
    const alone = of(['KE'], ['William Ruto']);
    expect(alone.undated).toEqual(of(['TZ'], ['Ruto']).undated);
    expect(of(['KE']).undated).toEqual([]);
  });

  it('numbers levels as bits that two reports share only when they share a level', () => {
    const a = keys.levels(['foreign ministers']);
    const b = keys.levels(['heads of state', 'foreign ministers']);
    const c = keys.levels(['trade ministers']);
    expect(a.bits & b.bits).not.toBe(0);
    expect(a.bits & c.bits).toBe(0);
  });
});

describe('withLevels', () => {
  it('keeps the same time apart for different levels', () => {
    const [t] = registerTimes([19_000, 19_000]);
    expect(withLevels([t], [0])).not.toEqual(withLevels([t], [1]));
    expect(withLevels([t], [0, 1])).toHaveLength(2);
  });
});

describe('BlockIndex', () => {
  it('visits each meeting once however many of its keys a lookup shares', () => {
    const index = new BlockIndex<{ seen: number; name: string }>();
    const a = { seen: 0, name: 'a' };
    const b = { seen: 0, name: 'b' };
    const week = lookupTimes([19_000, 19_013]);
    index.add([1, 2], week, a);
    index.add([2], week.slice(0, 1), b);
    const seen: string[] = [];
    index.lookup([1, 2, 3], week, v => seen.push(v.name));
    expect(seen.sort()).toEqual(['a', 'b']);
    const none: string[] = [];
    index.lookup([3], week, v => none.push(v.name));
    expect(none).toEqual([]);
  });
});

describe('surname and sameSurname', () => {
  it('reads a name with or without its diacritics as one surname', () => {
    expect(surname('Recep Tayyip Erdoğan')).toBe(surname('Erdogan'));
    expect(surname('Ilham Aliyev')).toBe('aliyev');
  });

  it('takes two transliterations of one name as the same person, and different names apart', () => {
    expect(sameSurname('zelensky', 'zelenskyy')).toBe(true);
    expect(sameSurname('tiani', 'tchiani')).toBe(true);
    expect(sameSurname('aliyev', 'aliev')).toBe(true);
    expect(sameSurname('lavrov', 'bayramov')).toBe(false);
    expect(sameSurname('putin', 'pashinyan')).toBe(false);
    // Short names must be spelt alike: "Abe" and "Abi" are two people.
    expect(sameSurname('abe', 'abi')).toBe(false);
    // A different first letter is a different name, however close the rest.
    expect(sameSurname('mason', 'jason')).toBe(false);
  });

  it('registers under the same keys with addLevelled as with add and withLevels', () => {
    const times = [...registerTimes([19_000, 19_010]), ...lookupTimes([19_100, 19_100])];
    const levels = [0, 3, 40];
    const a = new BlockIndex<{ seen: number }>();
    const b = new BlockIndex<{ seen: number }>();
    const va = { seen: 0 };
    const vb = { seen: 0 };
    a.add([5, 9], withLevels(times, levels), va);
    b.addLevelled([5, 9], times, levels, vb);
    for (const t of times)
      for (const l of [0, 1, 3, 31, 40]) {
        const found = (index: BlockIndex<{ seen: number }>): number => {
          let n = 0;
          index.lookup([9], withLevels([t], [l]), () => n++);
          return n;
        };
        expect(found(b)).toBe(found(a));
      }
  });
});
