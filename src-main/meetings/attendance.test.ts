import { describe, expect, it } from 'vitest';
import {
  gatheringAttended,
  namesAttendeesByRank,
  officeHolders,
  reportsAttendance,
} from './attendance';
import { extractArticle } from './extract';
import { testArticle } from './test-article';

const extract = (text: string) => extractArticle(testArticle(text, { published: '2025-03-14' }));

// A gathering whose clause gives only its attendees' rank; the sentences after it name them.
const GATHERING = [
  'Several Asian ministers gathered in Geneva on Wednesday to prepare the ASEAN summit in May.',
  'The delegation was welcomed by the Secretary-General of the United Nations, Ana Torres.',
  "Vietnam's Linh Tran was present, as was Foreign Minister Somchai Rattana of Thailand.",
  'The talks were mostly about preparations for the summit and its agenda.',
  'Leaders are expected to sign a fisheries pact at the summit.',
];

describe('reportsAttendance and officeHolders', () => {
  it('reads who was there, and who received those who were', () => {
    expect(reportsAttendance('Linh Tran was present, as was Somchai Rattana.')).toBe(true);
    expect(reportsAttendance('The envoys were greeted by the mayor.')).toBe(true);
    expect(reportsAttendance('Linh Tran took part.')).toBe(true);
    expect(reportsAttendance('Linh Tran spoke about fisheries.')).toBe(false);
  });
  it('names a person after the office of a body, with that office as role and no country', () => {
    expect(
      officeHolders(
        'She was met at the airport by the President of the Andean Council, Luis Mora.',
      ),
    ).toEqual([{ name: 'Luis Mora', role: 'President of the Andean Council', country: null }]);
    expect(officeHolders('He was greeted by Luis Mora.')).toEqual([]);
  });
  it('goes on only with a gathering mentioned in the sentence just before, and only one', () => {
    const a = { lastSentence: 3 };
    const b = { lastSentence: 3 };
    expect(gatheringAttended([a], 4)).toBe(a);
    expect(gatheringAttended([a], 5)).toBeNull();
    expect(gatheringAttended([a, b], 4)).toBeNull();
  });
});

describe('a gathering whose attendees the next sentences name, extracted', () => {
  it('is a meeting of its own, apart from the summit it prepares, with those attendees', () => {
    const ms = extract(GATHERING.join('\n'));
    expect(ms).toHaveLength(2);
    const [gathering, summit] = ms;
    expect(gathering).toMatchObject({
      status: 'held',
      city: 'Geneva',
      date: { start: '2025-03-12', precision: 'day' },
      purpose: 'prepare the ASEAN summit in May',
      confidence: { people: { confidence: 'medium', basis: 'context' } },
    });
    expect(gathering.countries.sort()).toEqual(['TH', 'VN']);
    expect(gathering.people.map(p => p.name).sort()).toEqual([
      'Ana Torres',
      'Linh Tran',
      'Somchai Rattana',
    ]);
    expect(gathering.people.find(p => p.name === 'Ana Torres')).toMatchObject({
      role: 'Secretary-General of the United Nations',
      country: null,
    });
    // "The talks were mostly about preparations for the summit" are the gathering's talks.
    expect(gathering.mentions.map(m => m.sentence)).toEqual(GATHERING.slice(0, 4));
    expect(summit).toMatchObject({ status: 'scheduled', organizations: ['ASEAN'], purpose: null });
    expect(summit.date).toMatchObject({ start: '2025-05-01', end: '2025-05-31' });
    expect(summit.mentions.map(m => m.sentence)).toEqual([GATHERING[0], GATHERING[4]]);
  });
  it('seats no one from an attendance sentence that does not follow the gathering', () => {
    const ms = extract([GATHERING[0], GATHERING[4], GATHERING[2]].join('\n'));
    expect(ms).toHaveLength(2);
    const [gathering] = ms;
    expect(gathering).toMatchObject({ city: 'Geneva', status: 'held' });
    expect(gathering.people).toEqual([]);
    expect(gathering.countries).toEqual([]);
  });
});

describe("an event named by its attendees' rank, who the next sentence says will come", () => {
  const rankAfter = (text: string, word: string) =>
    namesAttendeesByRank(text, text.indexOf(word) + word.length);
  it('reads the rank right after the meeting word, never ministers the story already named', () => {
    expect(rankAfter('Chile will host a summit of Andean leaders.', 'summit')).toBe(true);
    expect(rankAfter('a meeting of regional energy ministers', 'meeting')).toBe(true);
    expect(rankAfter('the next meeting of the foreign ministers', 'meeting')).toBe(false);
    expect(rankAfter('a summit of great importance', 'summit')).toBe(false);
  });
  it('reads attendance still ahead', () => {
    expect(reportsAttendance('Envoys of Mali and Niger will attend.')).toBe(true);
    expect(reportsAttendance('The presidents of Chad and Sudan are expected to take part.')).toBe(
      true,
    );
    expect(reportsAttendance('The presidents of Chad and Sudan will speak first.')).toBe(false);
  });
  it('seats the host of a summit of its peers and the attendees the next sentence names', () => {
    const ms = extract(
      [
        'Chile will host a summit of Andean leaders in Santiago in June.',
        'The presidents of Bolivia and Ecuador are expected to attend.',
      ].join('\n'),
    );
    expect(ms).toHaveLength(1);
    expect(ms[0]).toMatchObject({ city: 'Santiago', status: 'scheduled' });
    expect(ms[0].countries.sort()).toEqual(['BO', 'CL', 'EC']);
    expect(ms[0].mentions).toHaveLength(2);
  });
  it('keeps the host of talks between others off the table', () => {
    const [m] = extract('Chile hosted talks between Bolivia and Peru in Santiago on Monday.');
    expect(m.countries.sort()).toEqual(['BO', 'PE']);
  });
  it('drops only that event, not the meetings reported after it', () => {
    // The summit's hosting clause folds into the talks in its city; the Quito meeting stays.
    const ms = extract(
      [
        'Lima will host a summit of Andean leaders on Friday.',
        'Bolivia and Chile will hold talks in Lima on Friday.',
        'Ecuador and Colombia will meet in Quito on Monday.',
      ].join('\n'),
    );
    expect(ms.map(m => m.city)).toEqual(['Lima', 'Quito']);
  });
  it('drops such an event whose attendees the story never names', () => {
    expect(extract('A summit of African leaders will be held in Accra in June.')).toEqual([]);
    const [m] = extract(
      'A meeting of regional trade ministers will be held in Nairobi next week. Ministers from Uganda and Tanzania will attend.',
    );
    expect(m.countries.sort()).toEqual(['TZ', 'UG']);
  });
});
