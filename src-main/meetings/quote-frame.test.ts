import { describe, expect, it } from 'vitest';
import { findDates } from './dates';
import { extractArticle } from './extract';
import { insideQuote, quoteFrame } from './quote-frame';
import { testArticle } from './test-article';

/** A Sunday. */
const PUB = '2022-03-13';

const hitIn = (s: string, words: string) => {
  const hit = findDates(s).find(h => h.text.toLowerCase().includes(words));
  if (!hit) throw new Error(`no date "${words}" in ${s}`);
  return hit;
};

describe('insideQuote', () => {
  it('tells words inside curly or straight quotation marks from those outside', () => {
    const s = '“We met them today,” she said, and "again tomorrow" later.';
    expect(insideQuote(s, s.indexOf('today'))).toBe(true);
    expect(insideQuote(s, s.indexOf('she'))).toBe(false);
    expect(insideQuote(s, s.indexOf('tomorrow'))).toBe(true);
    expect(insideQuote(s, s.indexOf('later'))).toBe(false);
  });
});

describe('quoteFrame', () => {
  it('counts a relative day in a quotation from the day the sentence says it was spoken', () => {
    const s = '“The envoys met the prime minister this evening,” the aide said on Saturday.';
    expect(quoteFrame(s, null, hitIn(s, 'evening'), PUB)).toBe('2022-03-12');
  });

  it('takes the day of speaking from the sentence before when this one only attributes it', () => {
    const prev = 'The minister’s aide wrote in an online post on Friday evening.';
    const s = '“The envoys called on the president this evening,” the aide said.';
    expect(quoteFrame(s, prev, hitIn(s, 'evening'), PUB)).toBe('2022-03-11');
  });

  it('leaves the reference date in charge when no day of speaking is given', () => {
    const s = '“The envoys met the prime minister this evening,” the aide said.';
    expect(quoteFrame(s, 'Talks went on.', hitIn(s, 'evening'), PUB)).toBeNull();
  });

  it('reads only relative days inside a quotation', () => {
    const s = 'The envoys met the prime minister this evening, the aide said on Saturday.';
    expect(quoteFrame(s, null, hitIn(s, 'evening'), PUB)).toBeNull();
  });
});

describe('a quoted relative day, extracted', () => {
  it('dates the meeting by the day the quotation was spoken, not the publication day', () => {
    const [m] = extractArticle(
      testArticle(
        'The Togolese mission was back in Bamako, the Togolese presidency’s spokeswoman wrote ' +
          'online on Saturday evening. “The Togolese delegation met Malian Prime Minister Ali Sow ' +
          'this evening in Bamako,” the aide said.',
        { published: PUB },
      ),
    );
    expect(m).toMatchObject({ status: 'held', city: 'Bamako' });
    expect(m.date).toMatchObject({ start: '2022-03-12', end: '2022-03-12', precision: 'day' });
  });

  it('still reads a quotation with no day of speaking from the publication date', () => {
    const [m] = extractArticle(
      testArticle(
        '“The Togolese delegation met Malian Prime Minister Ali Sow this evening in Bamako,” ' +
          'the aide said.',
        { published: PUB },
      ),
    );
    expect(m.date.start).toBe(PUB);
  });
});
