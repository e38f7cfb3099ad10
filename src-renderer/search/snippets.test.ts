import { describe, expect, it } from 'vitest';
import { bestMatch, buildSnippet, firstMatch, markWords, matchedWords } from './snippets';

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

describe('bestMatch', () => {
  it('starts the passage that holds the most of the query words, not the first stray one', () => {
    const long =
      'Talks were mentioned early. ' +
      'Filler words keep going here. '.repeat(10) +
      'Later the talks in Vienna began, and Vienna hosted more talks.';
    const best = bestMatch(long, new Set(['talks', 'vienna']), 80)!;
    expect(long.slice(best.start, best.start + 15)).toBe('talks in Vienna');
  });

  it('prefers the earliest passage when two are equally good', () => {
    const best = bestMatch(
      'Vienna then Geneva. Vienna then Geneva.',
      new Set(['vienna', 'geneva']),
      20,
    );
    expect(best).toEqual({ start: 0, end: 6 });
  });

  it('returns null when no term occurs', () => {
    expect(bestMatch(text, new Set(['geneva']), 100)).toBeNull();
  });
});

describe('markWords', () => {
  it('marks every matched word of a short text such as a title', () => {
    expect(markWords('Vienna talks: Vienna again', new Set(['vienna']))).toEqual([
      { text: 'Vienna', match: true },
      { text: ' talks: ', match: false },
      { text: 'Vienna', match: true },
      { text: ' again', match: false },
    ]);
  });
});

describe('buildSnippet', () => {
  it('shows the passage with all the query words and marks each of them', () => {
    const long =
      'The talks were postponed once. ' +
      'Nothing of note happened for a while. '.repeat(8) +
      'In the end the talks in Geneva opened with envoys from both sides.';
    const segments = buildSnippet(long, new Set(['talks', 'geneva', 'envoys']));
    expect(segments.filter(s => s.match).map(s => s.text)).toEqual(['talks', 'Geneva', 'envoys']);
  });

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
