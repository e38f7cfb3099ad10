import { describe, expect, it } from 'vitest';
import { buildCast } from './context';
import { delegationHeads } from './delegation-heads';
import { extractArticle } from './extract';
import { splitSentences } from './sentences';
import { testArticle } from './test-article';

const extract = (text: string) => extractArticle(testArticle(text), undefined, null, null);
const names = (people: { name: string }[]) => people.map(p => p.name);

describe('delegationHeads', () => {
  const heads = (text: string) => {
    const sentences = splitSentences(text);
    return delegationHeads(
      sentences,
      () => false,
      buildCast(sentences, () => false),
    ).map(h => [h.person.name, h.kind.previous]);
  };
  it('reads the head in each way a story introduces one', () => {
    expect(heads('The delegation is led by Foreign Minister Grace Wanjiru.')).toEqual([
      ['Grace Wanjiru', false],
    ]);
    expect(heads('Headed by Defence Minister Omar Farah, the bloc’s envoys arrived.')).toEqual([
      ['Omar Farah', false],
    ]);
    expect(heads('Trade Minister Paul Mbeki, who heads the mission, spoke first.')).toEqual([
      ['Paul Mbeki', false],
    ]);
    expect(heads('An earlier mission headed by Anna Keller failed.')).toEqual([
      ['Anna Keller', true],
    ]);
  });
  it('reads no head from a delegation nobody is said to lead', () => {
    expect(heads('The delegation arrived on Sunday and was welcomed by officials.')).toEqual([]);
  });
});

describe('extractArticle, the head of the delegation a meeting refers to', () => {
  it('seats the head named in the sentence before the meeting', () => {
    const [m, ...rest] = extract(
      ' date 2024-02-06 A Kenyan delegation flew to Addis Ababa on Sunday. The delegation is led by Foreign Minister Grace Wanjiru. On Monday the delegation met Ethiopian President Tesfaye Alemu at the National Palace.',
    );
    expect(rest).toEqual([]);
    expect(names(m.people).sort()).toEqual(['Grace Wanjiru', 'Tesfaye Alemu']);
    expect(m.confidence.people).toEqual({ confidence: 'medium', basis: 'context' });
  });

  it('seats a bloc’s envoy without their own country, and not an earlier mission’s head', () => {
    const [m, ...rest] = extract(
      ' date 2024-02-06 An earlier ECOWAS mission headed by Anna Keller left without results. The new ECOWAS delegation is led by former Ghanaian President Kofi Asante. The latest delegation met President Issa Garba of Niger in Niamey on Monday.',
    );
    expect(rest).toEqual([]);
    expect(names(m.people).sort()).toEqual(['Issa Garba', 'Kofi Asante']);
    expect(m.countries).toEqual(['NE']);
  });

  it('seats the head of the delegation of the country the meeting sentence names', () => {
    const [m] = extract(
      ' date 2024-02-06 The Kenyan delegation is led by Foreign Minister Grace Wanjiru. The Ugandan delegation is led by Foreign Minister Moses Okello. The Kenyan delegation met Ethiopian President Tesfaye Alemu in Addis Ababa on Monday.',
    );
    expect(names(m.people).sort()).toEqual(['Grace Wanjiru', 'Tesfaye Alemu']);
    expect(m.countries.sort()).toEqual(['ET', 'KE']);
  });

  it('seats no one when delegations of two heads could be meant', () => {
    const [m] = extract(
      ' date 2024-02-06 The Kenyan delegation is led by Foreign Minister Grace Wanjiru. The Ugandan delegation is led by Foreign Minister Moses Okello. The delegation met Ethiopian President Tesfaye Alemu in Addis Ababa on Monday.',
    );
    expect(names(m.people)).toEqual(['Tesfaye Alemu']);
  });
});
