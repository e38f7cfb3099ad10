import { describe, expect, it } from 'vitest';
import { prng } from '../testing/prng';
import { closesSentence, findFurniture, inFurniture, wordsAtMost } from './furniture';
import { extractArticle } from './extract';
import { testArticle } from './test-article';

const PAGE = [
  'Ministers of Chile and Peru meet on fisheries',
  '',
  'By Ana Torres',
  '',
  'Chilean Foreign Minister Rosa Vidal met her Peruvian counterpart in Arica on Tuesday to discuss fishing quotas.',
  '',
  'Rosa Vidal (L) meets the Peruvian foreign minister in Arica.',
  '',
  'READ MORE: Bolivia and Paraguay summit postponed',
  '',
  'Image: JUAN PEREZ/Agencia Sur',
  '',
  '3 comments on “Ministers of Chile and Peru meet on fisheries”',
].join('\n');

describe('findFurniture', () => {
  it('marks the headline, byline, caption, credit and comment counter but not the body', () => {
    const lines = findFurniture(PAGE);
    const texts = lines.map(l => `${l.kind}:${PAGE.slice(l.start, l.end).slice(0, 20)}`);
    expect(texts).toEqual([
      'headline:Ministers of Chile a',
      'byline:By Ana Torres',
      'caption:Rosa Vidal (L) meets',
      'chrome:READ MORE: Bolivia a',
      'caption:Image: JUAN PEREZ/Ag',
      'chrome:3 comments on “Minis',
    ]);
  });

  it('marks a full sentence that repeats an earlier line', () => {
    const text =
      'The two leaders met in Accra on Monday to sign a trade pact.\n\nThe two leaders met in Accra on Monday to sign a trade pact.';
    const lines = findFurniture(text);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ kind: 'repeat', start: text.lastIndexOf('The two') });
  });

  it('marks a repeat that differs only in case, quotes and blanks', () => {
    const text =
      'The \u201cnew\u201d envoys met in Accra on Monday, aides said.\n\nthe  "new"\tenvoys met in Accra on Monday, aides said.';
    expect(findFurniture(text).map(l => l.kind)).toEqual(['repeat']);
  });
});

describe('inFurniture', () => {
  it('says whether a span lies inside a furniture line', () => {
    const lines = findFurniture(PAGE);
    const body = PAGE.indexOf('Chilean');
    expect(inFurniture(lines, 0, 10)).toBe(true);
    expect(inFurniture(lines, body, body + 20)).toBe(false);
    expect(inFurniture(lines, PAGE.indexOf('3 comments'), PAGE.length)).toBe(true);
  });

  it('keeps page furniture out of extraction: only the body meeting is found', () => {
    const meetings = extractArticle(testArticle(PAGE, { published: '2024-03-13' }));
    expect(meetings).toHaveLength(1);
    expect(meetings[0].countries.sort()).toEqual(['CL', 'PE']);
    expect(meetings[0].mentions.map(m => m.sentence)).toEqual([
      'Chilean Foreign Minister Rosa Vidal met her Peruvian counterpart in Arica on Tuesday to discuss fishing quotas.',
    ]);
  });
});

describe('wordsAtMost', () => {
  const count = (line: string): number => line.split(/\s+/).filter(Boolean).length;

  it('agrees with splitting the line on whitespace, for every limit', () => {
    const lines = [
      '',
      '   ',
      'one',
      '  two  words ',
      'tabs\tand\nnew lines\u00a0and\u2003em spaces\u3000too',
      'zero\u200bwidth is not a space',
      'Ministers of Ghana and Togo meet in Lomé on the border crossing',
    ];
    for (const line of lines)
      for (let max = 0; max <= 14; max++) expect(wordsAtMost(line, max)).toBe(count(line) <= max);
  });
});

describe('closesSentence', () => {
  it('answers as the closing-punctuation pattern does, on random line ends', () => {
    const random = prng(5);
    const alphabet = [
      'a',
      ' ',
      '.',
      '!',
      '?',
      '…',
      '"',
      "'",
      '”',
      '’',
      ')',
      ']',
      '(',
      ',',
      '\ud800',
    ];
    for (let round = 0; round < 500; round++) {
      let line = '';
      const length = Math.floor(random() * 8);
      for (let i = 0; i < length; i++) line += alphabet[Math.floor(random() * alphabet.length)];
      expect(closesSentence(line), JSON.stringify(line)).toBe(/[.!?…]["'”’)\]]*$/.test(line));
    }
  });
});
