import { describe, expect, it } from 'vitest';
import { extractArticle } from './extract';
import { testArticle } from './test-article';

const PUB = '2024-03-13'; // a Wednesday
const extract = (text: string, published: string | null = PUB) =>
  extractArticle(testArticle(text, { published }));

describe('extractArticle', () => {
  it('finds a held bilateral with countries from demonyms, a city and a day', () => {
    const [m, ...rest] = extract(
      'Ghanaian President Kwame Mensah met his Togolese counterpart in Lomé on Monday to discuss border security.',
    );
    expect(rest).toHaveLength(0);
    expect(m.status).toBe('held');
    expect(m.countries.sort()).toEqual(['GH', 'TG']);
    expect(m.city).toBe('Lomé');
    expect(m.date.start).toBe('2024-03-11');
    expect(m.people[0]).toMatchObject({ name: 'Kwame Mensah', country: 'GH' });
    expect(m.purpose).toMatch(/^discuss border security/);
  });

  it('does not report a phone call, a press conference or a mountain summit', () => {
    const text =
      'The Chilean president spoke by phone with his Uruguayan counterpart on Tuesday. ' +
      'The Peruvian foreign minister gave a press conference in Lima. ' +
      'Ecuadorian and Colombian climbers reached the summit of Mount Chimborazo.';
    expect(extract(text)).toHaveLength(0);
  });

  it('does not take the dateline for the meeting place', () => {
    const [m] = extract(
      'HANOI – Vietnamese and Lao defence ministers held talks in Vientiane on Tuesday.',
    );
    expect(m.city).toBe('Vientiane');
    const [n] = extract('HANOI – The Vietnamese and Lao defence ministers held talks on Tuesday.');
    expect(n.city).toBeNull();
  });

  it('reads a capital standing for its government as a participant, not a place', () => {
    const [m] = extract('Talks between Bangkok and Phnom Penh were held in Singapore last week.');
    expect(m.countries.sort()).toEqual(['KH', 'TH']);
    expect(m.city).toBe('Singapore');
  });

  it('reads "the Kazakh capital" as Astana', () => {
    const [m] = extract(
      'The Uzbek foreign minister arrived in the Kazakh capital for talks with his Kazakh counterpart.',
    );
    expect(m.city).toBe('Astana');
    expect(m.status).toBe('scheduled');
  });

  it('reads held, scheduled and proposed wording', () => {
    expect(extract('Polish and Spanish defence ministers met in Madrid on Monday.')[0].status).toBe(
      'held',
    );
    expect(
      extract('Polish and Spanish defence ministers will meet in Madrid on Friday.')[0],
    ).toMatchObject({ status: 'scheduled', date: { start: '2024-03-15' } });
    expect(
      extract('A meeting between the Polish and Portuguese leaders is on the agenda.')[0].status,
    ).toBe('proposed');
  });

  it('does not take the date of a statement for the date of the meeting', () => {
    const [m] = extract(
      'The ministry said on Monday that Senegalese and Gambian ministers will meet in Banjul.',
    );
    expect(m.date.start).toBeNull();
    expect(m.status).toBe('scheduled');
  });

  it('folds several mentions of one meeting into one', () => {
    const ms = extract(
      'Nigerian and Beninese foreign ministers met in Abuja on Tuesday. The meeting focused on trade. ' +
        'The talks ended with a joint communique.',
    );
    expect(ms).toHaveLength(1);
    expect(ms[0].mentions).toHaveLength(3);
  });

  it('keeps a past meeting and an upcoming one apart', () => {
    const ms = extract(
      'Brazilian and Chilean foreign ministers met in Santiago in December last year. ' +
        'The two ministers will meet again in Brasília on April 2.',
    );
    expect(ms).toHaveLength(2);
    expect(ms[0]).toMatchObject({
      status: 'held',
      date: { start: '2023-12-01', precision: 'month' },
    });
    expect(ms[1]).toMatchObject({ status: 'scheduled', date: { start: '2024-04-02' } });
  });

  it('resolves "yesterday (12)" and "in early March"', () => {
    expect(
      extract('Japanese and Indian officials met in Tokyo yesterday (12).')[0].date.start,
    ).toBe('2024-03-12');
    expect(
      extract('Japanese and Indian officials met in Tokyo in early March.')[0].date,
    ).toMatchObject({ start: '2024-03-01', end: '2024-03-10' });
  });

  it('keeps evidence offsets that slice back to the sentence', () => {
    const a = testArticle(
      'ACCRA – Intro line.\n\nGhana and Liberia held talks in Monrovia on Friday. The talks were cordial.',
      { published: PUB },
    );
    for (const m of extractArticle(a))
      for (const x of m.mentions) expect(a.text.slice(x.start, x.end)).toBe(x.sentence);
  });

  it('counts the host of a reception as a participant', () => {
    const [m] = extract(
      'Prime Minister Anan Wong received the visiting Lao foreign minister in Bangkok on Tuesday.',
    );
    expect(m.countries.sort()).toEqual(['LA', 'TH']);
    expect(m.city).toBe('Bangkok');
  });

  it('reads an arrival for a state visit as a visit under way', () => {
    const [m] = extract(
      'The Brazilian president arrived in Beijing on Tuesday for a state visit to China.',
    );
    expect(m.status).toBe('held');
    expect(m.countries.sort()).toEqual(['BR', 'CN']);
  });
});

describe('extractArticle, statement dates', () => {
  it('does not take the day of a briefing for the day of the talks it reports', () => {
    const [m] = extractArticle(
      testArticle(
        'Speaking to reporters on Friday, the spokesman said Chilean and Peruvian ministers held talks in Arica on Tuesday.',
        { published: '2024-03-16' },
      ),
    );
    expect(m.date.start).toBe('2024-03-12');
    const [n] = extractArticle(
      testArticle(
        'Speaking on Friday, the spokesman said Chilean and Peruvian ministers held talks in Arica.',
        { published: '2024-03-16' },
      ),
    );
    expect(n.date.start).toBeNull();
  });
});
