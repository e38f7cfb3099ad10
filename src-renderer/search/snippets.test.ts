import { describe, expect, it } from 'vitest';
import { buildSnippet, firstMatch, matchedWords } from './snippets';

const text =
  'Officials from both sides said on Monday that the Vienna meeting would go ahead. ' +
  'It is expected to last two days and to cover sanctions, inspections and the timetable for ' +
  'further talks in Vienna later in the year, according to a senior diplomat.';

describe('matchedWords', () => {
  it('finds every word whose normalised form is a matched term', () => {
    const words = matchedWords('Vienna, VIENNA and Viénna.', new Set(['vienna']));
    expect(words).toEqual([
      { start: 0, end: 6 },
      { start: 8, end: 14 },
      { start: 19, end: 25 },
    ]);
  });
});

describe('firstMatch', () => {
  it('returns null when no term occurs', () => {
    expect(firstMatch(text, new Set(['geneva']))).toBeNull();
  });
});

describe('buildSnippet', () => {
  it('wraps matched words as match segments and never returns markup', () => {
    const segments = buildSnippet(text, new Set(['vienna', 'sanctions']));
    expect(segments.filter(s => s.match).map(s => s.text)).toEqual([
      'Vienna',
      'sanctions',
      'Vienna',
    ]);
    expect(segments.map(s => s.text).join('')).toContain('the Vienna meeting would go ahead.');
  });

  it('starts a little before a late first match, at a word boundary, with an ellipsis', () => {
    const segments = buildSnippet(text, new Set(['diplomat']), { before: 30, length: 80 });
    const joined = segments.map(s => s.text).join('');
    expect(joined.startsWith('…')).toBe(true);
    expect(joined).toMatch(/^…\S/);
    expect(joined.endsWith('diplomat.')).toBe(true);
    expect(segments.find(s => s.match)?.text).toBe('diplomat');
  });

  it('shows the start of the text when nothing matched', () => {
    const segments = buildSnippet(text, new Set(), { length: 40 });
    expect(segments).toEqual([{ text: 'Officials from both sides said on…', match: false }]);
  });

  it('merges neighbouring plain segments', () => {
    const segments = buildSnippet('a b c', new Set(['b']));
    expect(segments).toEqual([
      { text: 'a ', match: false },
      { text: 'b', match: true },
      { text: ' c', match: false },
    ]);
  });
});
