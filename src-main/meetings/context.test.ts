import { describe, expect, it } from 'vitest';
import { ACTOR_ROLES } from './actors';
import {
  buildCast,
  dictionaryLookup,
  resolvePeople,
  roleTitle,
  surnameKey,
  type ActorLookup,
} from './context';
import { extractArticle } from './extract';
import { splitSentences } from './sentences';
import { testArticle } from './test-article';

const STORY =
  'Chilean Foreign Minister Rosa Vidal arrived in Lima on Monday. ' +
  'Peruvian Foreign Minister Tomás Ortega welcomed her at the airport. ' +
  'Vidal and Ortega met on Tuesday to discuss fishing quotas.';

describe('surnameKey', () => {
  it('folds accents and case and keeps the last word', () => {
    expect(surnameKey('Tomás Ortega-Ruíz')).toBe('ruiz');
    expect(surnameKey('Ortega')).toBe('ortega');
  });
});

describe('buildCast', () => {
  it('collects the titled people of the article with their countries', () => {
    const cast = buildCast(splitSentences(STORY), () => false);
    expect(cast.get('vidal')).toMatchObject({ name: 'Rosa Vidal', country: 'CL' });
    expect(cast.get('ortega')).toMatchObject({ name: 'Tomás Ortega', country: 'PE' });
  });
});

describe('resolvePeople', () => {
  const cast = buildCast(splitSentences(STORY), () => false);
  const last = 'Vidal and Ortega met on Tuesday to discuss fishing quotas.';

  it('resolves surnames alone to the people introduced earlier, with their countries', () => {
    const r = resolvePeople(last, [0, last.length], [], cast, null, null);
    expect(r.people.map(p => p.name)).toEqual(['Rosa Vidal', 'Tomás Ortega']);
    expect(r.countries).toEqual(['CL', 'PE']);
    expect(r.basis).toBe('context');
  });

  it('asks the actor dictionary, on the meeting date, for a person the article does not place', () => {
    const lookup: ActorLookup = (name, onDate) =>
      name === 'Mendes' && onDate === '2024-03-12'
        ? { name: 'Joana Mendes', country: 'BR', role: 'foreign-minister' }
        : null;
    const text = 'Vidal met Mendes in Santiago.';
    const r = resolvePeople(text, [0, text.length], [], cast, lookup, '2024-03-12');
    expect(r.countries).toEqual(['CL', 'BR']);
    expect(r.basis).toBe('dictionary');
    expect(resolvePeople(text, [0, text.length], [], cast, lookup, '2019-01-01').countries).toEqual(
      ['CL'],
    );
  });

  it('does not seat a person whose spokesman or office is the one speaking', () => {
    const text = "Ortega's spokesman said the talks in Lima went well.";
    expect(resolvePeople(text, [0, text.length], [], cast, null, null).people).toEqual([]);
    const quoted = 'The talks went well, according to Ortega.';
    expect(resolvePeople(quoted, [0, quoted.length], [], cast, null, null).people).toEqual([]);
  });

  it('seats a possessive only before a word for the encounter', () => {
    const visit = "Vidal's visit to Lima ended with talks.";
    const plan = "Ortega's plan was discussed at the talks in Lima.";
    expect(resolvePeople(visit, [0, visit.length], [], cast, null, null).countries).toEqual(['CL']);
    expect(resolvePeople(plan, [0, plan.length], [], cast, null, null).countries).toEqual([]);
  });

  it('uses the dated actor dictionary by default in extraction', () => {
    // Neither person is introduced with a country: only the dictionary can place them.
    const [m] = extractArticle(
      testArticle('Erdoğan and Putin met in Sochi on Monday.', { published: '2023-09-06' }),
    );
    expect(m.countries.sort()).toEqual(['RU', 'TR']);
    expect(m.confidence.countries).toEqual({ confidence: 'low', basis: 'dictionary' });
  });
});

describe('resolvePeople, in extraction', () => {
  it('does not seat the person a meeting plans to restore or free', () => {
    const [m] = extractArticle(
      testArticle(
        'Peruvian President Rosa Vidal was ousted in May. Chilean and Bolivian defence chiefs met in La Paz on Monday to plan how to restore Vidal.',
        { published: '2024-03-13' },
      ),
    );
    expect(m.people.map(p => p.name)).not.toContain('Rosa Vidal');
    expect(m.countries.sort()).toEqual(['BO', 'CL']);
  });

  it('gives a meeting reported by surnames the countries of its people', () => {
    const meetings = extractArticle(testArticle(STORY, { published: '2024-03-13' }));
    const held = meetings.find(m => m.mentions.some(x => x.sentence.startsWith('Vidal and')));
    expect(held?.countries.sort()).toEqual(['CL', 'PE']);
    expect(held?.people.map(p => p.name).sort()).toEqual(['Rosa Vidal', 'Tomás Ortega']);
  });
});

describe('dictionary roles as printed', () => {
  it('reads as a title of office, not a cased slug', () => {
    expect(dictionaryLookup('Vladimir Putin', '2023-05-01')?.role).toBe('Head of State');
    for (const role of ACTOR_ROLES) {
      const title = roleTitle(role);
      expect(title, role).not.toMatch(/-|\bOf\b|\bOrg\b/);
      expect(title, role).toMatch(/^\p{Lu}/u);
    }
  });
});

describe('surnames from the dictionary, family name first', () => {
  const seated = (text: string) =>
    extractArticle(testArticle(` date 2024-03-08 ${text}`)).map(m => m.people.map(p => p.name));

  it('reads "Yoon" and "Xi" as the office holders whose names start with them', () => {
    expect(seated('Kishida and Yoon met for an hour on Friday in Tokyo.')).toEqual([
      ['Fumio Kishida', 'Yoon Suk Yeol'],
    ]);
    expect(seated('Mr Modi met Mr Xi on Friday in Kazan.')).toEqual([
      ['Narendra Modi', 'Xi Jinping'],
    ]);
  });

  it('takes no one from capitals, and seats a person once when named in full and by surname', () => {
    expect(seated('UN and US officials met Kishida in Tokyo on Friday.')).toEqual([
      ['Fumio Kishida'],
    ]);
    expect(seated('Xi Jinping met Modi in Kazan on Friday; Xi spoke first.')).toEqual([
      ['Xi Jinping', 'Narendra Modi'],
    ]);
  });
});

describe('names the dictionary lists beyond the surname', () => {
  const seated = (text: string) =>
    extractArticle(testArticle(` date 2024-03-08 ${text}`)).map(m => m.people.map(p => p.name));

  it('seats a full name whose surname alone is too common a word to name anyone', () => {
    expect(seated('Penny Wong met Wang Yi in Beijing on Friday.')).toEqual([
      ['Penny Wong', 'Wang Yi'],
    ]);
    expect(seated("Penny Wong's visit to Beijing on Friday was her third.")).toEqual([
      ['Penny Wong'],
    ]);
    // Alone, the word is still no one's.
    expect(seated('Wong met Wang Yi in Beijing on Friday.')).toEqual([['Wang Yi']]);
  });

  it('seats a curated short form that is not the last word of the name', () => {
    expect(seated('Lula met Xi in Beijing on Friday.')).toEqual([
      ['Luiz Inácio Lula da Silva', 'Xi Jinping'],
    ]);
  });
});
