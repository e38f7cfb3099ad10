import { describe, expect, it } from 'vitest';
import { countedDay, dayOfEvent, endedAfterLength, eventSpan } from './event-days';
import { extractArticle } from './extract';
import { NO_DATE } from './dates';
import { testArticle } from './test-article';

const PUBLISHED = '2025-03-14'; // a Friday
const extract = (text: string) => extractArticle(testArticle(text, { published: PUBLISHED }));

describe('eventSpan', () => {
  const span = (s: string) => eventSpan(s, 0, s.length, PUBLISHED, NO_DATE);
  it('reads an end given after the start, forward from the start', () => {
    expect(span('The talks, which began on Monday, ended on Wednesday.')).toMatchObject({
      start: '2025-03-10',
      end: '2025-03-12',
      precision: 'range',
    });
    expect(span('The round started on 11 March and will run until Sunday.')).toMatchObject({
      start: '2025-03-11',
      end: '2025-03-16',
    });
  });
  it('gives nothing without both ends, or for a span longer than a month', () => {
    expect(span('The talks began on Monday.')).toBeNull();
    expect(span('The talks ended on Wednesday.')).toBeNull();
    expect(span('The mission started on 2 January and ended on 30 June.')).toBeNull();
  });
});

describe('an event span in the meeting clause and in the sentence after it', () => {
  it('gives the meeting the span of its own clause', () => {
    const [m] = extract(
      'Talks between Chilean and Bolivian negotiators began in La Paz on Monday and ended on Wednesday.',
    );
    expect(m.date).toMatchObject({ start: '2025-03-10', end: '2025-03-12', precision: 'range' });
  });
  it('takes the end from a sentence that continues the story', () => {
    const [m] = extract(
      'Chilean and Bolivian negotiators opened talks in La Paz on Tuesday.\nThey began on Tuesday and will finish on Saturday, an official said.',
    );
    expect(m.date).toMatchObject({ start: '2025-03-11', end: '2025-03-15' });
    expect(m.mentions).toHaveLength(2);
  });
  it('leaves the date alone when the next sentence is about something else', () => {
    const [m] = extract(
      'Chilean and Bolivian negotiators opened talks in La Paz on Tuesday.\nThe strike began on Monday and ended on Wednesday.',
    );
    expect(m.date).toMatchObject({ start: '2025-03-11', end: '2025-03-11' });
  });
});

describe('a day counted within an event', () => {
  it('reads which day of the event the words before its noun count', () => {
    expect(countedDay('met on the second day of the ')).toBe(2);
    expect(countedDay('during the final day of the annual ')).toBe('last');
    expect(countedDay('met at the ')).toBeNull();
  });
  it('counts from the start and keeps within the end', () => {
    const summit = {
      start: '2025-03-10',
      end: '2025-03-12',
      precision: 'range' as const,
      text: null,
    };
    expect(dayOfEvent(summit, 2)?.start).toBe('2025-03-11');
    expect(dayOfEvent(summit, 'last')?.start).toBe('2025-03-12');
    expect(dayOfEvent(summit, 4)).toBeNull();
    expect(dayOfEvent(NO_DATE, 2)).toBeNull();
  });
  it('dates a side meeting "on the second day of the summit" one day after the summit opened', () => {
    const ms = extract(
      'Leaders of the Andean Community opened a summit in Lima on Monday, attended by the Chilean, Peruvian and Bolivian presidents.\nThe Peruvian president met his Chilean counterpart on the second day of the summit.',
    );
    const side = ms.find(m => m.countries.length === 2 && m.countries.includes('CL'));
    expect(side?.date.start).toBe('2025-03-11');
    expect(side?.confidence.date?.basis).toBe('context');
  });
});

describe('an event that ended on a day after a stated length', () => {
  const sunday = {
    start: '2025-03-09',
    end: '2025-03-09',
    precision: 'day',
    text: 'Sunday',
  } as const;
  it('runs the stated number of days up to the day it ended', () => {
    expect(
      endedAfterLength('wrapped up two days of talks in Riga on Sunday', sunday),
    ).toMatchObject({ start: '2025-03-08', end: '2025-03-09', precision: 'range' });
    expect(endedAfterLength('concluded a 3-day visit on Sunday', sunday)).toMatchObject({
      start: '2025-03-07',
      end: '2025-03-09',
    });
  });
  it('needs an end cue, a length and a single day', () => {
    expect(endedAfterLength('began two days of talks on Sunday', sunday)).toBeNull();
    expect(endedAfterLength('wrapped up the talks on Sunday', sunday)).toBeNull();
    expect(
      endedAfterLength('wrapped up two days of talks in March', {
        start: '2025-03-01',
        end: '2025-03-31',
        precision: 'month',
        text: 'in March',
      }),
    ).toBeNull();
  });
  it('gives the extracted meeting those days', () => {
    const [m] = extract(
      'The interior ministers of Latvia and Estonia wrapped up two days of talks in Riga on Sunday.',
    );
    expect(m.date).toMatchObject({ start: '2025-03-08', end: '2025-03-09', precision: 'range' });
    expect(m.status).toBe('held');
  });
});
