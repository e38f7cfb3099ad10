import { describe, expect, it } from 'vitest';
import type { MeetingDate } from '../contract/meeting';
import { extractArticle } from './extract';
import { extractMeetings } from './index';
import { followsReference, isTripStop, legAfterClause, legDate, travellers } from './onward';
import { testArticle } from './test-article';

const PUB = '2024-05-20';
const FORUM =
  'Finnish President Aino Virta will attend a summit of Nordic leaders in Oslo on June 5-6';

describe('legAfterClause', () => {
  it('reads a clause that continues a trip, and whether its traveller is left unsaid', () => {
    const s = 'X will attend the forum, and from there she will visit Estonia.';
    const at = s.indexOf(', and');
    expect(legAfterClause(s, at, s.indexOf('visit'))).toEqual({
      text: 'from there',
      carriesTraveller: true,
    });
    const named = 'X will attend the forum, and then Lopez will visit Estonia.';
    expect(legAfterClause(named, named.indexOf(', and'), named.indexOf('visit'))).toEqual({
      text: 'then',
      carriesTraveller: false,
    });
    const plain = 'X will attend the forum, and she will visit Estonia.';
    expect(legAfterClause(plain, plain.indexOf(', and'), plain.indexOf('visit'))).toBeNull();
  });

  it('reads "After the summit," as the event a clause follows', () => {
    const s = 'After the summit, Virta will probably visit Latvia.';
    expect(followsReference(s, 0, s.indexOf('the summit'))).toBe(true);
    const t = 'Ahead of the summit, Virta will probably visit Latvia.';
    expect(followsReference(t, 0, t.indexOf('the summit'))).toBe(false);
  });

  it('counts only visits and meetings reached by travel as stops of a trip', () => {
    expect(isTripStop(' and from there she will ', true)).toBe(true);
    expect(isTripStop(' and then she will fly on to Riga to ', false)).toBe(true);
    expect(isTripStop(' and then she ', false)).toBe(false);
  });

  it('dates a leg from the day after the event it follows to the end of that month', () => {
    expect(
      legDate({ start: '2024-06-05', end: '2024-06-06', precision: 'range', text: null }, 'then'),
    ).toEqual({ start: '2024-06-07', end: '2024-06-30', precision: 'range', text: 'then' });
    // A leg of one trip starts within a week: after an event in a month's last days, the window
    // runs into the next month rather than down to a day or two the text never gave.
    expect(
      legDate({ start: '2024-06-27', end: '2024-06-28', precision: 'range', text: null }, 'then'),
    ).toMatchObject({ start: '2024-06-29', end: '2024-07-31' });
    expect(legDate({ start: null, end: null, precision: 'unknown', text: null }, 'then')).toBe(
      null,
    );
    const june: MeetingDate = {
      start: '2024-06-01',
      end: '2024-06-30',
      precision: 'month',
      text: 'in June',
    };
    expect(legDate(june, 'then')).toBeNull();
  });

  it('takes as traveller the subject of the event before, not the people met there', () => {
    const s = 'Virta met Ortega in Oslo, and from there she will visit Estonia.';
    const people = [
      { name: 'Aino Virta', role: 'President', country: 'FI' },
      { name: 'Jon Ortega', role: 'President', country: 'ES' },
    ];
    expect(travellers(s, people, 0, s.indexOf('met'))).toEqual([people[0]]);
  });
});

describe('the next leg of a trip, extracted', () => {
  it('gives a leg whose traveller is a pronoun that traveller, the days after, and its country', () => {
    const meetings = extractArticle(
      testArticle(`${FORUM}, and from there she will visit Estonia.`, { published: PUB }),
    );
    const leg = meetings.find(m => m.countries.includes('EE'));
    expect(leg).toMatchObject({
      status: 'scheduled',
      countries: ['EE', 'FI'],
      city: null,
      placeCountry: 'EE',
      date: { start: '2024-06-07', end: '2024-06-30', precision: 'range', text: 'from there' },
    });
    expect(leg?.people.map(p => p.name)).toEqual(['Aino Virta']);
    expect(leg?.confidence.date).toEqual({ confidence: 'medium', basis: 'context' });
    expect(leg?.confidence.people).toEqual({ confidence: 'medium', basis: 'context' });
    // The summit keeps its own days and place, and is not merged with the leg.
    const summit = meetings.find(m => m.city === 'Oslo');
    expect(summit?.date.start).toBe('2024-06-05');
    expect(summit?.countries).not.toContain('EE');
  });

  it('dates a visit the story puts after a meeting it reported before, without its city', () => {
    const meetings = extractArticle(
      testArticle(
        `${FORUM}. After the summit, Virta may also pay a visit to Sweden, her office said.`,
        { published: PUB },
      ),
    );
    const leg = meetings.find(m => m.countries.includes('SE'));
    expect(leg).toMatchObject({
      status: 'proposed',
      city: null,
      placeCountry: 'SE',
      date: { start: '2024-06-07', end: '2024-06-30' },
    });
  });

  it('leaves undated a meeting held after talks without travel: it may be the same day', () => {
    const meetings = extractArticle(
      testArticle(
        `${FORUM}. After the summit, Virta is expected to meet Swedish Prime Minister Ulf Berg.`,
        { published: PUB },
      ),
    );
    const other = meetings.find(m => m.countries.includes('SE'));
    expect(other?.date.start ?? null).toBeNull();
  });

  it('merges two outlets reporting the same leg in either shape', () => {
    const a = testArticle(`${FORUM}, and from there she will visit Estonia.`, {
      published: PUB,
      source: 'one.txt',
    });
    const b = testArticle(
      `${FORUM}, her office confirmed. After the summit, Virta will go to Estonia for a visit.`,
      { published: '2024-05-22', source: 'two.txt' },
    );
    const legs = extractMeetings([a, b]).filter(m =>
      m.participants.countries.some(c => c.code === 'EE'),
    );
    expect(legs).toHaveLength(1);
    expect(new Set(legs[0].mentions.map(x => x.file))).toEqual(new Set(['one.txt', 'two.txt']));
  });
});
