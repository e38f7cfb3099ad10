import { describe, expect, it } from 'vitest';
import { findTriggers } from './cues';
import { extractArticle } from './extract';
import { isSidelineHost, sidelineEvent } from './sidelines';
import { testArticle } from './test-article';

const extract = (text: string) => extractArticle(testArticle(text, { published: '2024-03-13' }));

describe('isSidelineHost', () => {
  const host = (s: string) => {
    const a = findTriggers(s).find(t => t.anaphoric);
    return a ? isSidelineHost(s, a) : null;
  };
  it('names the event a meeting was held beside', () => {
    expect(host('The envoys met on the sidelines of the Sahel summit.')).toBe(true);
    expect(host('The envoys met on the margins of the Francophonie ministerial talks.')).toBe(true);
  });
  it('does not take an event the meeting was part of for one it was beside', () => {
    expect(host('The envoys spoke at the summit.')).toBe(false);
  });
});

describe('sidelineEvent', () => {
  it('reports the summit a bilateral was held beside as a meeting its parties attended', () => {
    const ms = extract(
      'Ghanaian Foreign Minister Kofi Asante met Nigerian Foreign Minister Musa Bello in Abuja on Monday on the sidelines of the regional summit.',
    );
    expect(ms).toHaveLength(2);
    const [bilateral, summit] = ms;
    expect(summit.countries.sort()).toEqual(['GH', 'NG']);
    expect(summit).toMatchObject({ city: 'Abuja', status: 'held', date: bilateral.date });
    expect(summit.order).toBe(1);
    expect(summit.mentions).toEqual(bilateral.mentions);
  });
  it('gives the summit its own lists, so what later mentions add to one is not added to the other', () => {
    const [bilateral] = extract(
      'The Ghanaian and Nigerian foreign ministers met in Abuja on Monday.',
    );
    const summit = sidelineEvent(bilateral, 7);
    summit.countries.push('TG');
    summit.mentions.push({ sentence: 'x', start: 0, end: 1 });
    expect(bilateral.countries).not.toContain('TG');
    expect(bilateral.mentions).toHaveLength(1);
    expect(summit).toMatchObject({ order: 7, separate: false, purpose: null });
  });
  it('gives a later "met during the summit" to the bilateral, and to the summit as the event it names', () => {
    const [bilateral, summit] = extract(
      'Ghanaian Foreign Minister Kofi Asante met Nigerian Foreign Minister Musa Bello in Abuja on the sidelines of the regional summit. Asante and Bello met again on the second day of the Regional Ministerial Conference in Abuja.',
    );
    expect(bilateral.order).toBe(0);
    expect(bilateral.mentions.map(m => m.sentence.slice(0, 16))).toEqual([
      'Ghanaian Foreign',
      'Asante and Bello',
    ]);
    // The sentence names the conference the two met beside: it is evidence of it too.
    expect(summit.mentions.map(m => m.sentence.slice(0, 16))).toEqual([
      'Ghanaian Foreign',
      'Asante and Bello',
    ]);
    expect(summit.order).toBe(1);
  });
  it('gives the organisation named in the event beside to the event, not to the bilateral', () => {
    const [bilateral, summit] = extract(
      'Ghanaian Foreign Minister Kofi Asante met Nigerian Foreign Minister Musa Bello in Abuja on the sidelines of the ECOWAS summit.',
    );
    expect(bilateral.organizations).toEqual([]);
    expect(summit.organizations).toEqual(['ECOWAS']);
    const [withChief] = extract(
      'Ghanaian Foreign Minister Kofi Asante met the ECOWAS commission head in Abuja on the sidelines of the ECOWAS summit.',
    );
    expect(withChief.organizations).toEqual(['ECOWAS']);
  });
  it('keeps a bilateral beside a summit reported before apart from it, and adds no summit', () => {
    const ms = extract(
      'The regional summit opened in Abuja on Monday with Ghana, Togo and Nigeria. Ghanaian Foreign Minister Kofi Asante met Nigerian Foreign Minister Musa Bello on the sidelines of the summit.',
    );
    expect(ms).toHaveLength(2);
    expect(ms[0].countries.sort()).toEqual(['GH', 'NG', 'TG']);
    expect(ms[1].countries.sort()).toEqual(['GH', 'NG']);
    // The bilateral takes the summit's day and city.
    expect(ms[1]).toMatchObject({ city: 'Abuja', date: ms[0].date });
  });
});
