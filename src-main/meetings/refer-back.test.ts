import { describe, expect, it } from 'vitest';
import { findTriggers } from './cues';
import { extractArticle } from './extract';
import { partiesAgreement, referBackOf, tellers } from './refer-back';
import { testArticle } from './test-article';

/** A Sunday. */
const PUB = '2024-03-10';

const kindAt = (s: string, word: string) => {
  const t = findTriggers(s).find(x => x.word === word);
  if (!t) throw new Error(`no trigger "${word}" in ${s}`);
  return referBackOf(s, t, [0, s.length]);
};

describe('referBackOf', () => {
  it('reads a definite meeting phrase with a complement as a reference back', () => {
    expect(kindAt('An aide said the talks with the rebel movement began on Monday.', 'talks')).toBe(
      'definite',
    );
    expect(kindAt('He said the meeting of the two foreign ministers was likely.', 'meeting')).toBe(
      'definite',
    );
  });

  it('keeps an indefinite or a numbered meeting a meeting of its own', () => {
    expect(kindAt('Talks with the rebel movement began on Monday.', 'talks')).toBeNull();
    expect(kindAt('He said the next meeting of the ministers is in May.', 'meeting')).toBeNull();
  });

  it('reads "said … would meet" as the plan of an encounter, unless it is another occasion', () => {
    expect(kindAt('An aide said she would meet the prime minister.', 'meet')).toBe('reported-plan');
    expect(kindAt('An aide said she would meet the prime minister again.', 'meet')).toBeNull();
    expect(kindAt('She would meet the prime minister.', 'meet')).toBeNull();
  });
});

describe('tellers', () => {
  it('finds the people named before the reporting verb, not those named after it', () => {
    const s = 'Minister Ana Ferreira said that the talks with Luis Ortega went well.';
    const people = [
      { name: 'Ana Ferreira', role: 'Minister', country: 'PT' },
      { name: 'Luis Ortega', role: null, country: null },
    ];
    expect(tellers(s, s.indexOf('talks'), people).map(p => p.name)).toEqual(['Ana Ferreira']);
  });
});

describe('partiesAgreement', () => {
  it('scores how far the countries a sentence names are the parties of a meeting', () => {
    expect(partiesAgreement(['PT', 'MA'], ['MA', 'PT'])).toBe(1);
    expect(partiesAgreement(['PT', 'MA'], ['PT', 'MA', 'ES'])).toBeCloseTo(2 / 3);
    expect(partiesAgreement([], ['PT'])).toBe(0);
  });
});

describe('references back in an article', () => {
  it('gives a reference back naming its parties to their meeting, not to the last one named', () => {
    const quote =
      '"The visits give Portugal and Morocco a chance to expand their trade," an aide said.';
    const text =
      ' date 2024-03-10 Portuguese Foreign Minister Ana Ferreira will visit Rabat on Thursday to meet Moroccan Foreign Minister Karim Idrissi.\n\n' +
      'The trip comes after a visit by Idrissi to Lisbon in June 2022, when he also met Spanish Foreign Minister Luis Ortega.\n\n' +
      quote;
    const ms = extractArticle(testArticle(text));
    const cited = (city: string) =>
      ms.find(m => m.city === city)?.mentions.map(x => x.sentence) ?? [];
    expect(cited('Rabat')).toContain(quote);
    expect(cited('Lisbon')).not.toContain(quote);
  });

  it('folds "said the talks with …" into the talks the article has already reported', () => {
    const text =
      ' date 2024-03-10 Portuguese and Moroccan negotiators held talks in Seville on Tuesday.\n\n' +
      'A Spanish spokesman said the talks with Morocco will go on focusing on fishing rights.';
    const ms = extractArticle(testArticle(text));
    expect(ms).toHaveLength(1);
    expect(ms[0].status).toBe('held');
    expect(ms[0].mentions).toHaveLength(2);
  });

  it('folds a definite reference told in the past tense into a plan, without its teller', () => {
    const text =
      ' date 2024-03-10 Portugal and Morocco have yet to confirm that their foreign ministers will meet in Lisbon on 20 March.\n\n' +
      'Spanish Foreign Minister Luis Ortega previously said that the meeting of the two foreign ministers was being considered.';
    const ms = extractArticle(testArticle(text));
    expect(ms).toHaveLength(1);
    expect(ms[0].status).toBe('proposed');
    expect(ms[0].mentions).toHaveLength(2);
    expect(ms[0].people.map(p => p.name)).not.toContain('Luis Ortega');
  });

  it('folds a plan told after the event into the encounter held, and keeps a dated plan apart', () => {
    const held =
      ' date 2024-03-10 Portuguese Foreign Minister Ana Ferreira met Moroccan Foreign Minister Karim Idrissi in Rabat on Saturday.\n\n';
    const same = extractArticle(
      testArticle(held + 'Before the trip an aide said that Ferreira would meet Idrissi.'),
    );
    expect(same).toHaveLength(1);
    expect(same[0].status).toBe('held');
    expect(same[0].mentions).toHaveLength(2);
    const later = extractArticle(
      testArticle(held + 'An aide said that Ferreira would meet Idrissi in Lisbon on 2 April.'),
    );
    expect(later).toHaveLength(2);
    expect(later.map(m => m.status).sort()).toEqual(['held', 'scheduled']);
  });

  it('keeps talks of other parties apart even when they are named with "the"', () => {
    const text =
      ' date 2024-03-10 Portuguese Foreign Minister Ana Ferreira met Moroccan Foreign Minister Karim Idrissi in Rabat on Saturday.\n\n' +
      'Officials said the talks between Chile and Peru in Lima were held on Friday.';
    expect(extractArticle(testArticle(text), PUB)).toHaveLength(2);
  });
});
