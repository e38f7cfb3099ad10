import { describe, expect, it } from 'vitest';
import { sentenceSpans, stepSentence } from './sentences';

const text =
  'TEHRAN – The minister arrived. He met "officials." Talks end Friday\n\nSecond paragraph here.';
const paragraphs = [
  { start: 0, end: 67 },
  { start: 69, end: text.length },
];

describe('sentenceSpans', () => {
  it('finds trimmed sentences per paragraph', () => {
    const spans = sentenceSpans(text, paragraphs).map(s => text.slice(s.start, s.end));
    expect(spans).toEqual([
      'TEHRAN – The minister arrived.',
      'He met "officials."',
      'Talks end Friday',
      'Second paragraph here.',
    ]);
  });
});

describe('stepSentence', () => {
  const spans = sentenceSpans(text, paragraphs);
  it('starts at the first sentence, then moves forward and back', () => {
    const first = stepSentence(spans, null, 1)!;
    expect(first).toEqual(spans[0]);
    const second = stepSentence(spans, first.start, 1)!;
    expect(second).toEqual(spans[1]);
    expect(stepSentence(spans, second.start, -1)).toEqual(spans[0]);
    expect(stepSentence(spans, spans[3].start, 1)).toBeNull();
  });
});
