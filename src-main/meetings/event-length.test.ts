import { describe, expect, it } from 'vitest';
import { extractArticle, type ArticleMeeting } from './extract';
import { daysFromSideMeetings, lengthInPhrase, stayIn } from './event-length';
import { testArticle } from './test-article';

const PUBLISHED = '2025-03-14'; // a Friday
const extract = (text: string) => extractArticle(testArticle(text, { published: PUBLISHED }));

// An APEC ministerial in Lima that the story never dates: only the side meetings of the Chilean
// minister are dated, on Tuesday (11 March) and on 12 March, and the stay is said to last two days.
const MINISTERIAL = [
  'Chilean Foreign Minister Rosa Vidal met Argentine Foreign Minister Tomás Ortega in Lima on the sidelines of the APEC summit, officials said on Friday.',
  'Vidal and Ortega met on the second day of the APEC ministerial meeting in Lima.',
  'APEC trade ministers were in Lima for two days to discuss port fees and tariffs.',
  'On March 12, Vidal held further talks with her Mexican counterpart.',
  'Vidal met her Colombian counterpart in Lima on Tuesday.',
];

describe('lengthInPhrase and stayIn', () => {
  it('reads the days an event lasts from its modifier or from its attendees’ stay', () => {
    expect(lengthInPhrase('the two-day NATO summit')).toEqual({ days: 2, words: 'two-day' });
    expect(lengthInPhrase('the 3-day ministerial')).toMatchObject({ days: 3 });
    expect(lengthInPhrase('the NATO summit')).toBeNull();
    expect(stayIn('ASEAN leaders were in Jakarta for three days to talk.')).toEqual({
      days: 3,
      city: 'Jakarta',
      words: 'for three days',
    });
    expect(stayIn('The envoys spent two days in Doha.')).toMatchObject({ days: 2, city: 'Doha' });
  });
  it('reads no length from a stay of weeks or from a date', () => {
    expect(stayIn('The envoys were in Doha for two weeks.')).toBeNull();
    expect(stayIn('The envoys were in Doha on Monday.')).toBeNull();
    expect(lengthInPhrase('a 30-day ceasefire')).toBeNull();
  });
});

describe('daysFromSideMeetings', () => {
  const meeting = (over: Partial<ArticleMeeting>): ArticleMeeting => ({
    ...extract('Chilean Foreign Minister Rosa Vidal met her Peruvian counterpart in Lima.')[0],
    ...over,
  });
  const day = (d: string) => ({ start: d, end: d, precision: 'day' as const, text: null });
  const event = meeting({ date: { start: null, end: null, precision: 'unknown', text: null } });
  const two = { days: 2, words: 'for two days' };
  it('takes the days of its attendee’s dated meetings in its city when they fill its length', () => {
    const side = [meeting({ date: day('2025-03-11') }), meeting({ date: day('2025-03-12') })];
    expect(daysFromSideMeetings(event, two, [event, ...side])).toEqual({
      start: '2025-03-11',
      end: '2025-03-12',
      precision: 'range',
      text: 'for two days',
    });
  });
  it('leaves the event undated when those days do not fill its length, or are elsewhere', () => {
    expect(daysFromSideMeetings(event, two, [meeting({ date: day('2025-03-11') })])).toBeNull();
    const spread = [meeting({ date: day('2025-03-08') }), meeting({ date: day('2025-03-12') })];
    expect(daysFromSideMeetings(event, two, spread)).toBeNull();
    const away = [
      meeting({ date: day('2025-03-11') }),
      meeting({ date: day('2025-03-12'), city: 'Quito' }),
    ];
    expect(daysFromSideMeetings(event, two, away)).toBeNull();
  });
});

describe('an undated event framing side meetings, extracted', () => {
  it('dates the ministerial by its side meetings and the bilateral by its counted day', () => {
    const ms = extract(MINISTERIAL.join('\n'));
    const pe = ms.filter(m => m.countries.includes('AR'));
    expect(pe).toHaveLength(2);
    const [bilateral, ministerial] = pe;
    expect(ministerial).toMatchObject({
      organizations: ['APEC'],
      date: { start: '2025-03-11', end: '2025-03-12', precision: 'range' },
      purpose: 'discuss port fees and tariffs',
    });
    expect(ministerial.mentions.map(m => m.sentence)).toEqual(MINISTERIAL.slice(0, 3));
    // The organisation names the event the two ministers met beside; it is no party of theirs.
    expect(bilateral).toMatchObject({
      organizations: [],
      date: { start: '2025-03-12', precision: 'day' },
      confidence: { date: { confidence: 'medium', basis: 'context' } },
    });
  });
  it('leaves both undated when nothing gives the event a length', () => {
    const ms = extract(MINISTERIAL.filter((_, i) => i !== 2).join('\n'));
    const pe = ms.filter(m => m.countries.includes('AR'));
    expect(pe.map(m => m.date.start)).toEqual([null, null]);
  });
});
