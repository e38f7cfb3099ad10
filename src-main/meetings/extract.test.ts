import { describe, expect, it } from 'vitest';
import { MeetingSchema } from '../contract/meeting';
import { extractArticle, outcomeOf } from './extract';
import { extractMeetings } from './index';
import { testArticle } from './test-article';

const PUB = '2024-03-13'; // a Wednesday
const extract = (text: string, published: string | null = PUB) =>
  extractArticle(testArticle(text, { published }));

describe('extractArticle', () => {
  it('keeps a dated plan nobody has confirmed proposed', () => {
    const [m] = extract(
      'Officials in Accra say it is not yet confirmed whether the Ghanaian and Togolese ministers will meet in Accra on 4 June.',
    );
    expect(m).toMatchObject({ status: 'proposed', city: 'Accra', countries: ['GH', 'TG'] });
    expect(m.date.start).toBe('2024-06-04');
  });

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

  it('dates a meeting told as "N days after" another from the day of the meeting referred to', () => {
    // Published on a Wednesday: the leaders meet today, their envoys met five days earlier.
    const ms = extract(
      'The Kenyan and Ugandan presidents are meeting in Kampala today. The meeting comes five days after Kenyan Foreign Minister Amina Otieno met her Ugandan counterpart in Nairobi.',
    );
    const envoys = ms.find(m => m.city === 'Nairobi');
    expect(envoys).toMatchObject({ status: 'held' });
    expect(envoys?.date).toMatchObject({ start: '2024-03-08', precision: 'day' });
    expect(ms.find(m => m.city === 'Kampala')?.date.start).toBe(PUB);
  });

  it('dates a meeting announced for "the second half of the day" on the day of publication', () => {
    const [m] = extract(
      'The foreign ministers of Chad and Niger will hold talks in N’Djamena in the second half of the day.',
    );
    expect(m).toMatchObject({ status: 'scheduled' });
    expect(m.date).toMatchObject({ start: PUB, end: PUB });
  });

  it('takes "told a … meeting today" as the day of the telling, not of the talks offered', () => {
    const [m, ...rest] = extract(
      'Kenyan President Amos Kiprop told a cabinet meeting today that he had received an offer from the Ugandan president to hold talks in Entebbe.',
    );
    expect(rest).toHaveLength(0);
    expect(m).toMatchObject({ status: 'proposed' });
    expect(m.date.start).toBeNull();
    expect(m.countries.sort()).toEqual(['KE', 'UG']);
  });

  it('reads neither the place nor the day of an agency dateline as the meeting', () => {
    // Published on Wednesday 13 March; the dateline carries the filing day, the 14th.
    const [m, ...rest] = extract(
      'Bamako, Mali, (Sahel Wire - 14th Mar, 2024 ) :Burkinabe and Nigerien envoys met in Niamey on Monday.',
    );
    expect(rest).toHaveLength(0);
    expect(m.countries.sort()).toEqual(['BF', 'NE']);
    expect(m).toMatchObject({ city: 'Niamey', date: { start: '2024-03-11' } });
    const [n] = extract(
      'Dakar, Senegal | Wire Service | Malian and Guinean ministers met on Monday to discuss transit.',
    );
    expect(n.countries.sort()).toEqual(['GN', 'ML']);
    expect(n.city).toBeNull();
  });

  it('dates a meeting held over two named weekdays with both days', () => {
    const [m] = extract(
      'Malian and Burkinabe defence ministers met in Bamako on Monday and Tuesday to plan joint patrols.',
    );
    expect(m.date).toMatchObject({ start: '2024-03-11', end: '2024-03-12' });
  });

  it('reads the event a visit comes "ahead of" forward from the visit, as still to come', () => {
    // Published on a Wednesday; the visit began on Monday, the summit is on Friday.
    const ms = extract(
      'The Malian president arrived in Dakar on Monday for a two-day state visit, ahead of the 9th Sahel summit hosted by Niger in Niamey on Friday.',
    );
    const summit = ms.find(m => m.city === 'Niamey');
    expect(summit).toMatchObject({ status: 'scheduled' });
    expect(summit?.date.start).toBe('2024-03-15');
    const visit = ms.find(m => m.city === 'Dakar');
    expect(visit).toMatchObject({ status: 'held' });
    expect(visit?.date.start).toBe('2024-03-11');
  });

  it('joins two clauses set in one host country into one meeting', () => {
    const ms = extract(
      'The talks took place in Ghana, where President Joseph Kollie arrived on Tuesday for a state visit. ' +
        'The Liberian president and his hosts then sat down for talks at the Jubilee House in Accra.',
    );
    expect(ms).toHaveLength(1);
    expect(ms[0].countries.sort()).toEqual(['GH', 'LR']);
    expect(ms[0].city).toBe('Accra');
  });

  it('keeps an "also met" with a new counterpart apart from the meeting of the same day', () => {
    const ms = extract(
      'Chilean Foreign Minister Ana Rojas met Peruvian Foreign Minister Luis Quispe on Monday in Lima. ' +
        'Earlier that day, Rojas also held talks with Maria Lenz, the EU foreign policy chief.',
      '2024-03-11',
    );
    expect(ms).toHaveLength(2);
    expect(ms[0].countries.sort()).toEqual(['CL', 'PE']);
    expect(ms[0].organizations).not.toContain('European Union');
    expect(ms[1].countries).toEqual(['CL']);
    expect(ms[1].organizations).toContain('European Union');
  });

  it('still joins an "also" clause that adds nobody new to the meeting', () => {
    const ms = extract(
      'Chilean Foreign Minister Ana Rojas met Peruvian Foreign Minister Luis Quispe on Monday in Lima. ' +
        'Rojas and Quispe also held talks on fisheries at the same meeting.',
      '2024-03-11',
    );
    expect(ms).toHaveLength(1);
  });

  it('gives the meeting referred to as "the Kampala meeting" its city, not the new summit', () => {
    const ms = extract(
      'Kenyan and Ugandan trade ministers held talks on Tuesday. ' +
        'The Kampala meeting prepares a summit of Kenyan, Ugandan and Tanzanian leaders next month.',
    );
    const talks = ms.find(m => m.status === 'held');
    const summit = ms.find(m => m.status !== 'held');
    expect(talks?.city).toBe('Kampala');
    expect(talks?.countries.sort()).toEqual(['KE', 'UG']);
    expect(summit?.city).toBeNull();
    expect(summit?.countries).toContain('TZ');
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
    // A trip reported as made brought the talks it was for.
    expect(m.status).toBe('held');
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

describe('extractArticle, references back', () => {
  it('dates a meeting named by its day ("Friday\'s meeting") even inside remarks', () => {
    const [m] = extractArticle(
      testArticle(
        'The Chilean minister made the point when he spoke first at Friday’s meeting with his Peruvian counterpart.',
        { published: '2024-03-16' },
      ),
    );
    expect(m.date.start).toBe('2024-03-15');
  });

  it('takes the city named in a reference back ("The Lima meeting")', () => {
    const [m] = extractArticle(
      testArticle(
        'Chilean and Peruvian ministers met on Tuesday. The Lima meeting ended with a fisheries pact.',
        { published: PUB },
      ),
    );
    expect(m.city).toBe('Lima');
  });
});

describe('outcomeOf', () => {
  it('reads called off, postponed and collapsed, and nothing else', () => {
    expect(outcomeOf('the summit in Lima was called off')).toBe('cancelled');
    expect(outcomeOf('the talks were pushed back to June')).toBe('postponed');
    expect(outcomeOf('the negotiations collapsed on the second day')).toBe('failed');
    expect(outcomeOf('the talks ended with a joint communique')).toBeNull();
  });

  it('keeps a postponed meeting as planned, with its outcome, through to the report', () => {
    const text =
      'The Chilean and Peruvian presidents were to meet in Arica on Friday. ' +
      'The Arica meeting was postponed after floods closed the border.';
    const [m] = extractArticle(testArticle(text, { published: PUB }));
    expect(m.status).toBe('scheduled');
    expect(m.outcome).toBe('postponed');
    const [meeting] = extractMeetings([testArticle(text, { published: PUB })]);
    expect(MeetingSchema.parse(meeting).outcome).toBe('postponed');
    expect(meeting.mentions[0].outcome).toBe('postponed');
  });

  it("carries a carried field's confidence into the report", () => {
    const text =
      'The Chilean foreign minister met her Peruvian counterpart in Geneva on Tuesday. ' +
      'On Tuesday she also held talks with her Bolivian counterpart.';
    const meetings = extractMeetings([testArticle(text, { published: PUB })]);
    const bolivia = meetings.find(m => m.participants.countries.some(c => c.code === 'BO'));
    expect(bolivia?.confidence?.place).toEqual({ confidence: 'medium', basis: 'context' });
  });
});

describe('extractArticle, first mentions and plans that fell through', () => {
  it('takes a first "their meeting" as introducing the meeting', () => {
    const [m] = extractArticle(
      testArticle(
        'The Chilean foreign minister says she and her Peruvian counterpart agreed on quotas at their meeting today.',
        { published: PUB },
      ),
    );
    expect(m?.countries.sort()).toEqual(['CL', 'PE']);
    expect(m?.date.start).toBe(PUB);
  });

  it('does not let a plan that fell through change a meeting already reported', () => {
    const meetings = extractArticle(
      testArticle(
        'Chilean and Peruvian ministers held talks in Arica on Tuesday. ' +
          'The two presidents were supposed to meet last year, but the summit was cancelled.',
        { published: PUB },
      ),
    );
    expect(meetings).toHaveLength(1);
    expect(meetings[0].outcome).toBeNull();
    expect(meetings[0].status).toBe('held');
  });
});

describe('extractArticle, remote encounters', () => {
  it('does not report as a meeting the consultations of a day the article says were a video conference', () => {
    const text =
      'The Chilean and Peruvian foreign ministers today held a video conference on fishing quotas. ' +
      'A joint communique was adopted after the consultations held today between Chile and Peru.';
    expect(extractArticle(testArticle(text, { published: PUB }))).toEqual([]);
  });

  it('still reports talks of that day held in a named place', () => {
    const text =
      'The Chilean and Peruvian foreign ministers held a video conference today. ' +
      'Later today the Bolivian and Paraguayan ministers held talks in Asunción.';
    const meetings = extractArticle(testArticle(text, { published: PUB }));
    expect(meetings.map(m => m.city)).toEqual(['Asunción']);
  });
});

describe('extractArticle, the most precise date of a clause', () => {
  it('takes the days over "this year" when both describe the summit', () => {
    const [m] = extractArticle(
      testArticle(
        'This year’s summit of Chilean and Peruvian leaders, to be held in Cusco on April 20 and 21, is meant to be about trade.',
        { published: '2024-03-13' },
      ),
    );
    expect(m.date).toMatchObject({ start: '2024-04-20', end: '2024-04-21' });
  });
});

describe('extractArticle, articles without a reference date', () => {
  const text =
    'Chilean and Peruvian trade ministers met in Lima on Tuesday. ' +
    'An adviser who had travelled to Lima to attend the bilateral meeting met separately with the Bolivian trade minister.';

  it('keeps the relative dates it cannot resolve, with their tense and the meeting they follow', () => {
    const [main, side] = extractArticle(testArticle(text, { published: null }));
    expect(main.date.start).toBeNull();
    expect(main.unresolved).toEqual({ dates: [{ text: 'Tuesday', tense: 'past' }], host: null });
    expect(side.unresolved?.host).toBe(main.order);
  });

  it('keeps nothing to resolve when the article has its date', () => {
    const out = extractArticle(testArticle(text, { published: '2024-02-08' }));
    expect(out[0].date.start).toBe('2024-02-06');
    expect(out.every(m => m.unresolved === undefined)).toBe(true);
  });
});

describe('extractArticle, confidence of a field later mentions repeat', () => {
  it('keeps people and countries read in the first sentence when a later one adds no one', () => {
    const ms = extractArticle(
      testArticle(
        'Chilean Foreign Minister Rosa Vidal met Peruvian Foreign Minister Tomás Ortega in Lima on Tuesday. ' +
          'Vidal and Ortega met in Lima on Tuesday to discuss fishing quotas.',
        { published: PUB },
      ),
      undefined,
      null,
      null,
    );
    expect(ms).toHaveLength(1);
    expect(ms[0].mentions).toHaveLength(2);
    expect(ms[0].confidence.people).toBeUndefined();
    expect(ms[0].confidence.countries).toBeUndefined();
  });
});

describe('extractArticle, officials who gather', () => {
  it('reads the gathering as a held meeting of the countries named', () => {
    const [m, ...rest] = extractArticle(
      testArticle(
        'The foreign ministers of Peru, Chile and Bolivia gathered in Lima on Monday to discuss water rights.',
        { published: '2024-03-13' },
      ),
    );
    expect(rest).toEqual([]);
    expect(m.countries.sort()).toEqual(['BO', 'CL', 'PE']);
    expect([m.status, m.date.start, m.city]).toEqual(['held', '2024-03-11', 'Lima']);
  });
});

describe('extractArticle, meetings called off', () => {
  const one = (text: string) => {
    const [m, ...rest] = extractArticle(testArticle(text, { published: '2024-03-13' }));
    expect(rest).toEqual([]);
    return [m.status, m.outcome, m.date.start];
  };
  it('reads shelved talks as cancelled, and the day of the decision as no meeting day', () => {
    expect(one('A summit of Chile and Peru in Lima was shelved on Monday.')).toEqual([
      'scheduled',
      'cancelled',
      null,
    ]);
    expect(outcomeOf('the talks were put on hold')).toBe('postponed');
  });
  it('reads the new day of a postponed meeting forward', () => {
    expect(one('A summit of Chile and Peru in Lima was postponed to Friday.')).toEqual([
      'scheduled',
      'postponed',
      '2024-03-15',
    ]);
  });
  it('reads a trip someone said they would make as ahead', () => {
    expect(
      one(
        'The Chilean president said on Monday she would travel to Lima to meet Peruvian leaders.',
      )[0],
    ).toBe('scheduled');
  });
});
