import { describe, expect, it } from 'vitest';
import { extractArticle } from './extract';
import { purposeSpan } from './purpose-level';
import { testArticle } from './test-article';

const levels = (text: string): string[][] =>
  extractArticle(testArticle(` date 2024-09-12 ${text}`), undefined, null, null).map(m => m.levels);

describe('purposeSpan', () => {
  it('starts at an infinitive of purpose or a condition after the meeting word', () => {
    const s = 'The army chiefs met in Dakar to plan a mission if the talks fail.';
    expect(purposeSpan(s, s.indexOf('met'), s.length)).toEqual([s.indexOf('to plan'), s.length]);
    const t = 'The envoys met on Monday, if only briefly.';
    expect(purposeSpan(t, t.indexOf('met'), t.length)?.[0]).toBe(t.indexOf('if'));
  });
  it('ends at the finite verb of the sentence the clause sits in', () => {
    const s = 'Negotiations to settle the border opened on Monday with the ministers present.';
    expect(purposeSpan(s, 0, s.length)).toEqual([s.indexOf('to settle'), s.indexOf('opened')]);
  });
  it('reads no purpose from "to" before a place, a person or the meeting going on', () => {
    for (const s of [
      'The ministers travelled to Dakar for talks.',
      'The talks, due to be held in Dakar, were praised by the president.',
      'She spoke to the president at the meeting.',
    ])
      expect(purposeSpan(s, 0, s.length)).toBeNull();
  });
});

describe('extractArticle, the level of a meeting held for someone else', () => {
  it('takes no level from the people a meeting is planned for', () => {
    expect(
      levels(
        'Defence chiefs of the African Union met in Dakar on Tuesday to work out a possible mission to reinstate the president if the junta leaders refuse.',
      ),
    ).toEqual([['military chiefs']]);
    expect(
      levels(
        'Chilean and Peruvian foreign ministers met in Lima on Monday to draft a letter for their presidents.',
      ),
    ).toEqual([['foreign ministers']]);
  });
  it('takes the level of the people named after the clause of purpose ends', () => {
    expect(
      levels(
        'Negotiations to settle the border dispute opened on Monday in Niamey with the defence ministers of Chad and Niger present.',
      ),
    ).toEqual([['defence ministers']]);
  });
});
