/**
 * Hand-made briefing inputs for tests and the benchmark: the seeds' Moscow meeting, a huge one
 * (60 highlights, a 20,000-character note, 40 people) and an almost empty one.
 */
import type { BriefingInputDraft, Meeting } from '../contract';

export const FIXED_TIME = '2024-05-01T09:30:00Z';

const ARTICLE_A = '46ab9c03f578ed2c';
const ARTICLE_B = '5e147edb248d0a50';

export function seedMeeting(): Meeting {
  return {
    id: 'm-2023-04-25-moscow',
    title: 'Quadrilateral meeting of defence ministers of Iran, Russia, Syria and Türkiye',
    status: 'held',
    date: { start: '2023-04-25', end: '2023-04-25', precision: 'day', text: 'Tuesday' },
    place: { city: 'Moscow', country: { code: 'RU', name: 'Russia' }, venue: null },
    level: 'defence ministers and intelligence chiefs',
    participants: {
      countries: [
        { code: 'IR', name: 'Iran' },
        { code: 'RU', name: 'Russia' },
        { code: 'SY', name: 'Syria' },
        { code: 'TR', name: 'Türkiye' },
      ],
      people: [
        { name: 'Mohammad Reza Ashtiyani', role: 'Defence Minister', country: 'IR' },
        { name: 'Hulusi Akar', role: 'Defence Minister', country: 'TR' },
        { name: 'Сергей Лавров', role: 'Foreign Minister', country: 'RU' },
        { name: 'Recep Tayyip Erdoğan', role: 'President', country: 'TR' },
      ],
      organizations: ['IRNA', 'Anadolu Agency'],
    },
    purpose: 'Normalising relations between Türkiye and Syria.',
    mentions: [
      {
        file: 'seeds/000_46ab9c03f578ed2c.txt',
        articleId: ARTICLE_A,
        sentence:
          'Iranian Defense Minister Mohammad Reza Ashtiyani arrived in the Russian capital to take part in a joint meeting with counterparts from Russia, Turkey, and Syria.',
        start: 9,
        end: 165,
        status: 'held',
        date: { start: '2023-04-25', end: '2023-04-25', precision: 'day', text: 'Tuesday' },
      },
      {
        file: 'seeds/004_5e147edb248d0a50.txt',
        articleId: ARTICLE_B,
        sentence:
          'The defense ministers and intelligence chiefs of Turkey, Russia, Syria, and Iran are scheduled to meet in Moscow on April 25, according to an announcement from Turkish Defense Minister Hulusi Akar.',
        start: 16,
        end: 215,
        status: 'scheduled',
        date: { start: '2023-04-25', end: '2023-04-25', precision: 'day', text: 'April 25' },
      },
    ],
  };
}

export function seedInput(
  overrides: Partial<BriefingInputDraft['options']> = {},
): BriefingInputDraft {
  return {
    meeting: seedMeeting(),
    sources: [
      {
        articleId: ARTICLE_A,
        title: 'Iran’s defense minister in Moscow for quadrilateral meeting',
        publisher: 'Tehran Times',
        published: '2023-04-25',
        file: '000_46ab9c03f578ed2c.txt',
      },
      {
        articleId: ARTICLE_B,
        title: 'Turkey, Russia, Syria and Iran defence chiefs to meet in Moscow',
        publisher: 'Kyiv Independent',
        published: '2023-04-24',
        file: '004_5e147edb248d0a50.txt',
      },
    ],
    highlights: [
      {
        id: 'h1',
        articleId: ARTICLE_B,
        quote:
          'Our aim is to solve the problems through negotiations and bring peace and tranquility to the region as soon as possible.',
        colour: { name: 'Key point', hex: '#f5c518' },
        note: 'Akar frames the talks as de-escalation.',
        keyPoint: true,
      },
      {
        id: 'h2',
        articleId: ARTICLE_A,
        quote:
          'Iran’s official news agency IRNA said the meeting is aimed at normalizing relations between Turkey and Syria.',
        colour: { name: 'Key point', hex: '#f5c518' },
        note: null,
        keyPoint: true,
      },
      {
        id: 'h3',
        articleId: ARTICLE_A,
        quote:
          'Russian Foreign Minister Sergey Lavrov delivered the opening speech of the meeting, which was held at the headquarters of the Ministry of Foreign Affairs.',
        colour: { name: 'Context', hex: '#7cc6fe' },
        note: 'Earlier deputy-level meeting, not this one.',
        keyPoint: false,
      },
      {
        id: 'h4',
        articleId: ARTICLE_B,
        quote:
          'Iran has been reportedly supplying Russia with kamikaze drones that are being used in conjunction with missiles, guided aerial bombs, and other weapons in attacks against Ukraine.',
        colour: { name: 'Doubtful', hex: '#ef6f6c' },
        note: null,
        keyPoint: false,
      },
    ],
    notes: [
      {
        scope: 'meeting',
        text: 'The **second** quadrilateral round at ministerial level. Erdoğan needs a visible step on Syria before the May elections; Лавров has framed Moscow as the broker.\n\nWatch for: a date for a foreign-ministers meeting, and any mention of the tripartite commission.',
      },
      {
        scope: 'article',
        articleId: ARTICLE_B,
        text: 'Kyiv Independent reports the meeting as scheduled; written the day before.',
      },
    ],
    options: { paper: 'A4', handling: null, generatedAt: FIXED_TIME, ...overrides },
  };
}

const LOREM =
  'Officials described the talks as constructive but cautious, with each delegation restating positions on border security, refugee returns and the presence of foreign forces. ';

/** Far more than fits: 60 highlights, a 20,000-character note, 40 people, 12 sources. */
export function hugeInput(): BriefingInputDraft {
  const base = seedInput({ handling: 'OFFICIAL – SENSITIVE' });
  const meeting = seedMeeting();
  meeting.title =
    'Quadrilateral meeting of the defence ministers and heads of intelligence of Iran, Russia, Syria and Türkiye on normalisation between Ankara and Damascus, refugee returns and border security arrangements';
  meeting.participants.people = Array.from({ length: 40 }, (_, i) => ({
    name:
      i % 3 === 0
        ? `Сергей Лавров ${i + 1}`
        : i % 3 === 1
          ? `Recep Tayyip Erdoğan ${i + 1}`
          : `Hulusi Akar ${i + 1}`,
    role: i % 2 === 0 ? 'Deputy Foreign Minister for Middle East and North Africa' : 'Adviser',
    country: (['RU', 'TR', 'IR', 'SY'] as const)[i % 4],
  }));
  meeting.participants.organizations = ['IRNA', 'Anadolu Agency', 'TASS', 'SANA', 'United Nations'];
  const sources = Array.from({ length: 12 }, (_, i) => ({
    articleId: i < 2 ? base.sources[i].articleId : `article-${i}`,
    title: `Report ${i + 1} on the Moscow quadrilateral talks and what they mean for the region`,
    publisher: 'Wire service',
    published: '2023-04-25',
    file: `report-${String(i + 1).padStart(2, '0')}.txt`,
  }));
  const colours = [
    { name: 'Key point', hex: '#f5c518' },
    { name: 'Context', hex: '#7cc6fe' },
    { name: 'Doubtful', hex: '#ef6f6c' },
  ];
  const highlights = Array.from({ length: 60 }, (_, i) => ({
    id: `h${i}`,
    articleId: sources[i % sources.length].articleId,
    quote: `${i + 1}. ${LOREM.repeat(1 + (i % 3))}`,
    colour: colours[i % 3],
    note: i % 4 === 0 ? `Analyst remark ${i + 1}: compare with the December round.` : null,
    keyPoint: i % 5 === 0,
  }));
  let note = 'Lead paragraph: Erdoğan and Лавров both claimed credit for the format. ';
  while (note.length < 20_000) note += LOREM;
  return {
    ...base,
    meeting,
    sources,
    highlights,
    notes: [
      { scope: 'meeting', text: note.slice(0, 20_000) },
      { scope: 'article', articleId: sources[3].articleId, text: LOREM.repeat(10) },
    ],
  };
}

/** A meeting with nothing but its one required mention. */
export function emptyInput(): BriefingInputDraft {
  const meeting: Meeting = {
    id: 'm-empty',
    title: 'Meeting',
    status: 'proposed',
    date: { start: null, end: null, precision: 'unknown', text: null },
    place: { city: null, country: null, venue: null },
    level: null,
    participants: { countries: [], people: [], organizations: [] },
    purpose: null,
    mentions: [
      {
        file: 'notes/a.txt',
        articleId: 'a',
        sentence: 'A meeting was proposed.',
        start: 0,
        end: 23,
        status: 'proposed',
        date: { start: null, end: null, precision: 'unknown', text: null },
      },
    ],
  };
  return { meeting, sources: [], highlights: [], notes: [], options: { generatedAt: FIXED_TIME } };
}

/**
 * The seed meeting with one unbroken token of `length` characters in `where`: the note, a
 * person's name, or (for 'everywhere') the title, purpose, a note, a quote and a name at once.
 */
export function longTokenInput(
  where: 'note' | 'person' | 'everywhere',
  length: number,
): BriefingInputDraft {
  const token = 'x'.repeat(length);
  const input = seedInput();
  const meeting = input.meeting;
  if (where === 'note' || where === 'everywhere') {
    input.notes = [{ scope: 'meeting', text: `Check ${token} before sending.` }];
  }
  if (where === 'person' || where === 'everywhere') {
    meeting.participants.people = [{ name: token, role: 'Envoy', country: 'IR' }];
  }
  if (where === 'everywhere') {
    meeting.title = `Talks ${token}`;
    meeting.purpose = token;
    input.highlights[0] = { ...input.highlights[0], quote: token, note: token };
  }
  return input;
}

/**
 * The seed meeting retitled and annotated in Chinese and Japanese (text written for these tests),
 * with a Chinese participant, plus an emoji and a Hangul word that no embedded face covers.
 */
export function cjkInput(): BriefingInputDraft {
  const input = seedInput();
  const meeting = input.meeting;
  meeting.title = '莫斯科四方会谈 Moscow round';
  meeting.participants.people = [
    ...meeting.participants.people,
    { name: '王小明', role: 'Observer', country: 'RU' },
  ];
  input.notes = [
    {
      scope: 'meeting',
      text: '会谈气氛平稳，下一轮日期未定。東京の代表団も出席した。 Flag 👍 and 서울 for review.',
    },
  ];
  return input;
}
