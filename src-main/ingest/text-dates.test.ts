import { describe, expect, it } from 'vitest';
import { dateAtStart, findTextDate, numericDateOrder } from './text-dates';

describe('numericDateOrder', () => {
  it('is day-first when a date has a first number over 12', () => {
    expect(numericDateOrder('Posted 25/12/2022. Talks on 03/04/2023.')).toBe('day-first');
  });

  it('is month-first when a date has a second number over 12', () => {
    expect(numericDateOrder('Posted 12/25/2022. Talks on 03/04/2023.')).toBe('month-first');
  });

  it('reads dotted dates day-first when none settles it, and says nothing for slashes alone', () => {
    expect(numericDateOrder('Am 03.04.2023 trafen sich die Minister.')).toBe('day-first');
    expect(numericDateOrder('Filed 03/04/2023.')).toBeNull();
  });
});

describe('dateAtStart', () => {
  it('reads weekday-and-date lines in the usual shapes', () => {
    expect(dateAtStart('Thursday, 21.11.2012', null)?.date).toBe('2012-11-21');
    expect(dateAtStart('Monday, October 7, 2019 10:42 GMT', null)?.date).toBe('2019-10-07');
    expect(dateAtStart('7 Oct. 2019', null)?.date).toBe('2019-10-07');
    expect(dateAtStart('28-12-2022 14:05', null)?.date).toBe('2022-12-28');
    expect(dateAtStart('2024-02-29T10:00:00Z', null)?.date).toBe('2024-02-29');
  });

  it('reads an ambiguous numeric date in the order the page uses, and says which', () => {
    expect(dateAtStart('03/04/2023', 'month-first')).toEqual({
      date: '2023-03-04',
      order: 'month-first',
    });
    expect(dateAtStart('03/04/2023', 'day-first')).toEqual({
      date: '2023-04-03',
      order: 'day-first',
    });
  });

  it('refuses a date that is not in the calendar', () => {
    expect(dateAtStart('31.02.2023', null)).toBeNull();
    expect(dateAtStart('February 30, 2023', null)).toBeNull();
  });
});

describe('findTextDate', () => {
  it('prefers the Published line to the Updated line', () => {
    const text = 'Updated: 28-12-2022 09:10\nPublished: 27-12-2022\n\nThe ministers met.';
    expect(findTextDate(text)?.date).toBe('2022-12-27');
  });

  it('falls back to an Updated line, and to a line that is only a date', () => {
    expect(findTextDate('Updated: 28-12-2022\n\nThe ministers met.')?.date).toBe('2022-12-28');
    expect(findTextDate('By Ana Lima\nWednesday, 21.11.2012\n\nThe ministers met.')?.date).toBe(
      '2012-11-21',
    );
  });

  it('completes a dateline’s month and day with the one year the page names', () => {
    const text =
      'KATHMANDU, Mar 7 (Xinhua) -- Nepal and India held talks on power trade in 2023 and signed a note.';
    expect(findTextDate(text, 'KATHMANDU')?.date).toBe('2023-03-07');
    expect(findTextDate('KATHMANDU, Mar 7 -- Talks in 2022 and 2023.', 'KATHMANDU')).toBeNull();
  });

  it('does not take a date inside a sentence of the story for the publication date', () => {
    expect(
      findTextDate('The ministers will meet again on 12 May 2024 in Rome, officials said.'),
    ).toBeNull();
  });
});
