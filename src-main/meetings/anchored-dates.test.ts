import { describe, expect, it } from 'vitest';
import type { MeetingDate } from '../contract/meeting';
import { dayShiftAfter, shiftedDate } from './anchored-dates';

const day = (start: string): MeetingDate => ({ start, end: start, precision: 'day', text: null });

describe('dayShiftAfter', () => {
  it('reads "comes N days after" as the clause lying N days before the meeting referred to', () => {
    const s = 'The summit comes four days after the two envoys met in Accra.';
    const shift = dayShiftAfter(s, 'The summit'.length);
    expect(shift).toMatchObject({ days: -4 });
    expect(s.slice(shift?.start, shift?.end)).toBe('four days after');
  });
  it('reads weeks and "before" forwards', () => {
    expect(
      dayShiftAfter('The visit was held two weeks before the ministers convened.', 9),
    ).toMatchObject({
      days: 14,
    });
    expect(dayShiftAfter('The forum took place 3 days before leaders gathered.', 9)).toMatchObject({
      days: 3,
    });
  });
  it('finds no distance where the sentence gives none or gives it loosely', () => {
    expect(dayShiftAfter('The meeting was held in Accra after the vote.', 11)).toBeNull();
    expect(dayShiftAfter('The meeting comes many days after the envoys met.', 11)).toBeNull();
  });
});

describe('shiftedDate', () => {
  it('counts the distance from a known day', () => {
    const shift = { days: -6, start: 0, end: 0 };
    expect(shiftedDate(day('2023-03-02'), shift, 'six days after')).toEqual({
      start: '2023-02-24',
      end: '2023-02-24',
      precision: 'day',
      text: 'six days after',
    });
  });
  it('gives no day when the anchor is a month or unknown', () => {
    const shift = { days: 2, start: 0, end: 0 };
    const month: MeetingDate = {
      start: '2023-03-01',
      end: '2023-03-31',
      precision: 'month',
      text: null,
    };
    expect(shiftedDate(month, shift, 'two days before')).toBeNull();
    expect(
      shiftedDate({ start: null, end: null, precision: 'unknown', text: null }, shift, 'x'),
    ).toBeNull();
  });
});
