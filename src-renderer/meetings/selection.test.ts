import { describe, expect, it } from 'vitest';
import { draftFromSpan, expandToSentence } from './selection';

const text =
  'TEHRAN – First sentence here. Ministers met in Moscow on Tuesday. Then more.\nNew line.';

describe('expandToSentence', () => {
  it('widens a selection to its whole sentence', () => {
    const start = text.indexOf('Moscow');
    expect(expandToSentence(text, start, start + 6)).toEqual({
      sentence: 'Ministers met in Moscow on Tuesday.',
      start: text.indexOf('Ministers'),
      end: text.indexOf(' Then'),
    });
  });

  it('keeps every sentence a selection spans', () => {
    const span = expandToSentence(text, text.indexOf('here'), text.indexOf('Moscow'));
    expect(span?.sentence).toBe(
      'TEHRAN – First sentence here. Ministers met in Moscow on Tuesday.',
    );
  });

  it('stops at line ends and gives null for an empty span', () => {
    expect(expandToSentence(text, text.indexOf('New'), text.length)?.sentence).toBe('New line.');
    expect(expandToSentence(text, 5, 5)).toBeNull();
  });
});

describe('draftFromSpan', () => {
  it('makes the sentence the source of a new meeting', () => {
    const draft = draftFromSpan(
      { id: 'a1', source: 'seeds/x.txt', title: 'X', text },
      text.indexOf('Moscow'),
      text.indexOf('Moscow') + 6,
    );
    expect(draft?.mention).toMatchObject({
      articleId: 'a1',
      file: 'seeds/x.txt',
      sentence: 'Ministers met in Moscow on Tuesday.',
    });
  });
});
