import { describe, expect, it } from 'vitest';
import { extractArticle } from './extract';
import { extractMeetings } from './index';
import { attends } from './hedged-attendance';
import { testArticle } from './test-article';

const extract = (text: string) =>
  extractArticle(testArticle(text, { published: '2024-06-12' }), undefined, null, null);
const cards = (...texts: string[]) =>
  extractMeetings(
    texts.map((t, i) => testArticle(t, { published: '2024-06-12', source: `t${i}` })),
  );

describe('hedged attendance', () => {
  it('does not seat a person the text only says may have been there', () => {
    const text =
      'Led by former Chilean foreign minister Rosa Vidal, the envoys met with some of the rebel commanders in Arica on Tuesday, said an aide, without saying if they included rebel leader General Tomás Ortega.';
    const [m] = extract(text);
    expect(m.hedged).toEqual(['Tomás Ortega']);
    // The office named only inside the hedge is not the meeting's level.
    expect(m.levels).not.toContain('heads of state');
    const [card] = cards(text);
    expect(card.participants.people.map(p => p.name)).toEqual(['Rosa Vidal']);
  });

  it('drops a person whose going the article doubts, whoever else attends', () => {
    const text =
      'Chilean President Rosa Vidal will attend the Andean summit in Lima on June 20, where she could come face to face with Bolivian President Luis Mora. Mora claims he is coming all the same, but it is not clear whether he will actually travel.';
    const [card] = cards(text);
    expect(card.participants.people.map(p => p.name)).toEqual(['Rosa Vidal']);
    expect(extract(text)[0].confidence.countries).toEqual({ confidence: 'low', basis: 'context' });
  });

  it('drops one of several people who "may also join", keeping their country for checking', () => {
    const [card] = cards(
      'Chilean Foreign Minister Rosa Vidal and Peruvian Foreign Minister Tomás Ortega will hold talks in Arica on Friday, which Bolivian Foreign Minister Luis Mora may also join.',
    );
    expect(card.participants.people.map(p => p.name)).toEqual(['Rosa Vidal', 'Tomás Ortega']);
    expect(card.participants.countries.map(c => c.code)).toContain('BO');
    expect(card.confidence?.countries?.confidence).toBe('low');
  });

  it('keeps the only person of a meeting: the hedge is then the meeting’s status', () => {
    const [m] = extract('Chilean President Rosa Vidal is expected to attend the summit in Lima.');
    expect(m.people.map(p => p.name)).toEqual(['Rosa Vidal']);
    expect(m.hedged).toBeUndefined();
  });

  it('lists a hedged person when another report of the meeting states them', () => {
    const mora = { name: 'Luis Mora', role: 'President', country: 'BO' };
    const hedging = { people: [mora], hedged: ['Luis Mora'] };
    const stating = { people: [{ ...mora, name: 'Luis Alberto Mora' }] };
    expect(attends(mora, hedging, [hedging])).toBe(false);
    expect(attends(mora, hedging, [hedging, stating])).toBe(true);
  });
});
