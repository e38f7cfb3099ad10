import { describe, expect, it } from 'vitest';
import { addDays, datesCompatible, findDates, resolveDate, type Tense } from './dates';

function resolve(sentence: string, ref: string | null, tense: Tense | null) {
  const hit = findDates(sentence)[0];
  expect(hit).toBeDefined();
  return resolveDate(hit, ref, tense);
}

describe('resolveDate', () => {
  // 2023-04-24 is a Monday.
  const ref = '2023-04-24';
  it('reads two joined weekdays as one span of days', () => {
    expect(
      resolve('The envoys talked in Doha on Tuesday and Wednesday.', ref, 'past'),
    ).toMatchObject({ start: '2023-04-18', end: '2023-04-19', precision: 'range' });
    expect(
      resolve('The forum will run from Thursday to Saturday in Accra.', ref, 'future'),
    ).toMatchObject({ start: '2023-04-27', end: '2023-04-29', precision: 'range' });
    // A week's end wraps into the next: Friday through Monday.
    expect(resolve('Delegates met Friday through Monday.', ref, 'past')).toMatchObject({
      start: '2023-04-21',
      end: '2023-04-24',
    });
  });

  it('keeps a single weekday a single day', () => {
    expect(resolve('They met on Friday and agreed a truce.', ref, 'past')).toMatchObject({
      start: '2023-04-21',
      end: '2023-04-21',
      precision: 'day',
    });
  });

  it('reads a weekday backwards for a held meeting and forwards for a planned one', () => {
    expect(resolve('They met on Tuesday.', ref, 'past').start).toBe('2023-04-18');
    expect(resolve('They will meet on Tuesday.', ref, 'future').start).toBe('2023-04-25');
  });
  it('gives a month and day without a year the year the tense implies', () => {
    expect(resolve('scheduled to meet on April 25', ref, 'future')).toMatchObject({
      start: '2023-04-25',
      precision: 'day',
    });
    expect(resolve('they met on December 2', ref, 'past').start).toBe('2022-12-02');
  });
  it('keeps month precision for "December last year"', () => {
    expect(resolve('had met in December last year', ref, 'past')).toMatchObject({
      start: '2022-12-01',
      end: '2022-12-31',
      precision: 'month',
    });
  });
  it('reads "in early April" as the first ten days', () => {
    expect(resolve('was held in early April', ref, 'past')).toMatchObject({
      start: '2023-04-01',
      end: '2023-04-10',
      precision: 'range',
    });
  });
  it('reads "earlier this month" as the month up to the day before publication', () => {
    expect(resolve('Earlier this month, they met', ref, 'past')).toMatchObject({
      start: '2023-04-01',
      end: '2023-04-23',
    });
  });
  it('uses the day in "yesterday (23)"', () => {
    expect(resolve('The ministers met yesterday (23) in Hanoi', ref, 'past').start).toBe(
      '2023-04-23',
    );
  });
  it('keeps a range with its precision', () => {
    expect(resolve('will visit from May 3 to 5', ref, 'future')).toMatchObject({
      start: '2023-05-03',
      end: '2023-05-05',
      precision: 'range',
    });
  });
  it('reads a part of the day of publication as that day', () => {
    for (const phrase of [
      'The envoys will sit down in Nairobi in the second half of the day.',
      'The ministers meet later today in Lusaka.',
      'Talks open in Maputo this afternoon.',
    ])
      expect(resolve(phrase, ref, 'future')).toMatchObject({
        start: '2023-04-24',
        end: '2023-04-24',
        precision: 'day',
      });
  });
  it('reads "later this year" from the month after publication to December', () => {
    expect(resolve('a summit later this year in Quito', ref, 'future')).toMatchObject({
      start: '2023-05-01',
      end: '2023-12-31',
      precision: 'range',
    });
    expect(resolve('met earlier this year in Lima', ref, 'past')).toMatchObject({
      start: '2023-01-01',
      end: '2023-03-31',
    });
    // Published in December, "later this year" is what is left of December.
    expect(resolve('a summit later this year', '2023-12-10', 'future')).toMatchObject({
      start: '2023-12-11',
      end: '2023-12-31',
    });
    expect(resolve('will meet again this year', ref, 'future')).toMatchObject({
      start: '2023-01-01',
      end: '2023-12-31',
      precision: 'year',
    });
  });
  it('leaves a relative date unresolved when the article has no date', () => {
    expect(resolve('They met on Tuesday.', null, 'past')).toMatchObject({
      start: null,
      precision: 'unknown',
      text: 'Tuesday',
    });
    expect(resolve('on December 28, 2022', null, 'past').start).toBe('2022-12-28');
  });
});

describe('datesCompatible', () => {
  it('accepts a day inside a month and rejects disjoint days', () => {
    const month = {
      start: '2022-12-01',
      end: '2022-12-31',
      precision: 'month' as const,
      text: null,
    };
    const day = { start: '2022-12-28', end: '2022-12-28', precision: 'day' as const, text: null };
    const other = { start: '2023-04-25', end: '2023-04-25', precision: 'day' as const, text: null };
    expect(datesCompatible(month, day)).toBe(true);
    expect(datesCompatible(day, other)).toBe(false);
  });
});

describe('addDays', () => {
  it('counts across month and year ends', () => {
    expect(addDays('2023-05-25', -6)).toBe('2023-05-19');
    expect(addDays('2023-12-30', 3)).toBe('2024-01-02');
  });
});

describe('findDates', () => {
  it('answers each sentence for itself when sentences alternate', () => {
    const a = 'The envoys met on 3 May in Accra.';
    const b = 'No date here at all.';
    expect(findDates(a).map(h => h.text)).toEqual(['3 May']);
    expect(findDates(b)).toEqual([]);
    expect(findDates(a).map(h => h.text)).toEqual(['3 May']);
  });

  it('reads every kind of date a sentence holds, whatever the case of a part of a month', () => {
    const hits = findDates(
      'Talks held in early april, again last Friday and yesterday, resume next week or in 2025.',
    );
    expect(hits.map(h => h.spec.type)).toEqual(['month', 'weekday', 'relday', 'relweek', 'year']);
  });
});
