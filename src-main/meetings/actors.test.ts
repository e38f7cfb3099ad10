import { describe, expect, it } from 'vitest';
import { actorsInText, holdsOfficeOn, lookupActor } from './actors';

const pick = (o: ReturnType<typeof lookupActor>) =>
  o && { country: o.country, org: o.org, role: o.role };

describe('lookupActor', () => {
  it('reads the office a person held on the date', () => {
    expect(pick(lookupActor('Putin', '2023-03-21'))).toEqual({
      country: 'RU',
      org: null,
      role: 'head-of-state',
    });
    expect(lookupActor('Dmitry Medvedev', '2009-06-01')?.role).toBe('head-of-state');
    expect(lookupActor('Medvedev', '2015-06-01')?.role).toBe('head-of-government');
    expect(lookupActor('Vladimir Putin', '2010-01-15')?.role).toBe('head-of-government');
    expect(lookupActor('Boris Johnson', '2017-03-01')?.role).toBe('foreign-minister');
    expect(lookupActor('Boris Johnson', '2021-03-01')?.role).toBe('head-of-government');
  });

  it('accepts a year or a month as the date', () => {
    expect(lookupActor('Medvedev', '2010')?.role).toBe('head-of-state');
    expect(lookupActor('Medvedev', '2013-02')?.role).toBe('head-of-government');
  });

  it('prefers the latest office when the date is unknown', () => {
    const o = lookupActor('Vladimir Putin', null);
    expect(o).toMatchObject({ country: 'RU', role: 'head-of-state', to: null });
    expect(lookupActor('Boris Johnson', null)?.role).toBe('head-of-government');
  });

  it('reports the nearest office of a named person out of office, with its dates', () => {
    const o = lookupActor('Hillary Clinton', '2016-05-01');
    expect(o).toMatchObject({ country: 'US', role: 'foreign-minister', to: '2013-02-01' });
  });

  it('reads a bare surname only when one office holder bears it on the date', () => {
    // Bill Clinton was president in 2000, Hillary Clinton Secretary of State in 2010.
    expect(lookupActor('Clinton', '2000-06-01')?.name).toBe('Bill Clinton');
    expect(lookupActor('Clinton', '2010-06-01')?.name).toBe('Hillary Clinton');
    expect(lookupActor('Clinton', '2016-06-01')).toBeNull();
    // Saudi Arabia's King Abdullah (2005–2015) and Jordan's King Abdullah II reigned together.
    expect(lookupActor('King Abdullah', '2010-06-01')).toBeNull();
    expect(lookupActor('King Abdullah', '2020-06-01')?.country).toBe('JO');
    expect(lookupActor('King Abdullah', '2003-06-01')?.country).toBe('JO');
  });

  it('does not take a father’s name or a regnal number for a surname', () => {
    expect(lookupActor('Khalid bin Salman', '2023-06-01')).toMatchObject({
      country: 'SA',
      role: 'defence-minister',
    });
    expect(lookupActor('Salman', '2023-06-01')).toBeNull();
    expect(lookupActor('Zayed', '2023-06-01')).toBeNull();
    expect(lookupActor('II', '2023-06-01')).toBeNull();
  });

  it('with no date, reads a bare surname only if a single person bears it', () => {
    expect(lookupActor('Lavrov', null)?.country).toBe('RU');
    expect(lookupActor('Clinton', null)).toBeNull();
  });

  it('ignores diacritics, case and titles', () => {
    for (const name of [
      'Erdoğan',
      'Erdogan',
      'ERDOGAN',
      'President Erdogan',
      'Recep Tayyip Erdogan',
    ]) {
      expect(lookupActor(name, '2024-05-01')).toMatchObject({
        country: 'TR',
        role: 'head-of-state',
      });
    }
    expect(lookupActor('Hakan Fidan', '2024-05-01')).toMatchObject({
      country: 'TR',
      role: 'foreign-minister',
    });
    expect(lookupActor('Mevlut Cavusoglu', '2019-01-01')?.country).toBe('TR');
  });

  it('knows alternative spellings and transliterations', () => {
    expect(lookupActor('Sergei Lavrov', '2020-01-01')?.name).toBe('Sergey Lavrov');
    expect(lookupActor('Zelenskyy', '2023-01-01')?.country).toBe('UA');
    expect(lookupActor('MBS', '2023-01-01')).toMatchObject({
      country: 'SA',
      role: 'head-of-government',
    });
    expect(lookupActor('Mohammad bin Salman', '2018-01-01')?.role).toBe('defence-minister');
  });

  it('does not read common words as people, yet matches them as full names', () => {
    for (const word of ['May', 'Rice', 'Price', 'Brown', 'Power']) {
      expect(lookupActor(word, '2017-01-10')).toBeNull();
    }
    expect(lookupActor('Theresa May', '2017-01-10')?.country).toBe('GB');
    expect(lookupActor('Condoleezza Rice', '2006-01-10')?.role).toBe('foreign-minister');
    expect(lookupActor('Gordon Brown', '2008-01-10')?.role).toBe('head-of-government');
    expect(lookupActor('Samantha Power', '2015-01-10')?.country).toBe('US');
    expect(lookupActor('Lula', '2024-01-10')?.country).toBe('BR');
  });

  it('knows heads of international organisations by organisation, without a country', () => {
    expect(lookupActor('Guterres', '2022-01-01')).toMatchObject({
      country: null,
      org: 'United Nations',
      role: 'org-head',
    });
    expect(lookupActor('António Guterres', '2000-06-01')).toMatchObject({
      country: 'PT',
      role: 'head-of-government',
    });
  });

  it('answers null for unknown names and refuses malformed dates', () => {
    expect(lookupActor('Nobody Inparticular', '2020-01-01')).toBeNull();
    expect(lookupActor('', null)).toBeNull();
    expect(() => lookupActor('Putin', '21/03/2023')).toThrow(/YYYY/);
  });
});

describe('actorsInText', () => {
  it('finds the people in a sentence with their offices on the date', () => {
    const text = 'Fidan and Blinken met in Brussels on Thursday.';
    const found = actorsInText(text, '2024-04-04');
    expect(found.map(f => [text.slice(f.start, f.end), f.office.country, f.office.role])).toEqual([
      ['Fidan', 'TR', 'foreign-minister'],
      ['Blinken', 'US', 'foreign-minister'],
    ]);
  });

  it('reads possessives and diacritic-free spellings', () => {
    const text = "Erdogan met with Putin in Sochi; Lavrov's deputy also attended.";
    const found = actorsInText(text, '2021-09-29');
    expect(found.map(f => f.office.name)).toEqual([
      'Recep Tayyip Erdoğan',
      'Vladimir Putin',
      'Sergey Lavrov',
    ]);
  });

  it('prefers the longest name and keeps character offsets', () => {
    const text = 'Crown Prince Mohammed bin Salman received Wang Yi in Riyadh.';
    const found = actorsInText(text, '2023-03-10');
    expect(found.map(f => text.slice(f.start, f.end))).toEqual(['Mohammed bin Salman', 'Wang Yi']);
    expect(found[1].office.country).toBe('CN');
  });

  it('skips lowercase words, common words and ambiguous surnames', () => {
    const text =
      'In May, the price of rice rose; Brown said power cuts continued, and Clinton spoke.';
    expect(actorsInText(text, '2019-05-01')).toEqual([]);
  });

  it('reads place names as places, not as the people whose surnames they contain', () => {
    expect(actorsInText("Envoys met in The Hague, then flew to Xi'an.", '2012-06-01')).toEqual([]);
    expect(actorsInText('Costa Rica sent observers.', '2020-06-01')).toEqual([]);
    const text = "Costa met Xi's envoy.";
    expect(actorsInText(text, '2020-06-01').map(f => text.slice(f.start, f.end))).toEqual([
      'Costa',
      'Xi',
    ]);
  });

  it('does not read a surname that is part of someone else’s name as the office holder', () => {
    const text = 'Mike Johnson and Boris Johnson spoke; Jonathan Smith listened.';
    expect(actorsInText(text, '2020-06-01').map(f => text.slice(f.start, f.end))).toEqual([
      'Boris Johnson',
    ]);
    expect(actorsInText('Johnson spoke.', '2020-06-01')[0]?.office.name).toBe('Boris Johnson');
    expect(actorsInText('Johnson & Johnson shipped vaccines.', '2021-05-01')).toEqual([]);
    // Wang Wenbin, a ministry spokesman, is not Wang Yi; "Wang" alone is.
    expect(actorsInText('Wang Wenbin said Wang would travel.', '2024-05-01')).toMatchObject([
      { start: 17, office: { name: 'Wang Yi' } },
    ]);
  });

  it('does not join words across punctuation into one name', () => {
    const text = 'Speakers: Wang, Yi Wen.';
    expect(actorsInText(text, '2015-01-01').map(f => text.slice(f.start, f.end))).toEqual(['Wang']);
  });

  it('scans long texts in linear time', () => {
    const sentence =
      'Talks between Lavrov and Blinken in Geneva ended without agreement, officials said. ';
    const text = sentence.repeat(20000); // about 1.7 MB
    actorsInText(sentence, '2022-01-21'); // build the index outside the timing
    const t0 = performance.now();
    const found = actorsInText(text, '2022-01-21');
    const ms = performance.now() - t0;
    expect(found).toHaveLength(40000);
    expect(ms).toBeLessThan(5000);
  });
});

describe('holdsOfficeOn', () => {
  it('tells a current office holder from a former one', () => {
    const clinton = lookupActor('Hillary Clinton', '2011-01-01');
    expect(clinton && holdsOfficeOn(clinton, '2011-01-01')).toBe(true);
    expect(clinton && holdsOfficeOn(clinton, '2016-05-01')).toBe(false);
  });

  it('reads a year or month as the whole period and a term as running while open', () => {
    const office = {
      name: 'X',
      country: 'RU',
      org: null,
      role: 'envoy',
      from: '2012-05',
      to: null,
    };
    expect(holdsOfficeOn(office, '2012')).toBe(true);
    expect(holdsOfficeOn(office, '2012-04')).toBe(false);
    expect(holdsOfficeOn(office, '2012-05-31')).toBe(true);
    expect(holdsOfficeOn(office, '2099-01-01')).toBe(true);
    expect(holdsOfficeOn({ ...office, to: '2013' }, '2013-12-31')).toBe(true);
    expect(holdsOfficeOn({ ...office, to: '2013' }, '2014-01-01')).toBe(false);
  });
});
