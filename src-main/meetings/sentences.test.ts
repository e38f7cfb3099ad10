import { describe, expect, it } from 'vitest';
import { capSentences, splitSentences } from './sentences';

describe('splitSentences', () => {
  it('keeps offsets that slice back to each sentence', () => {
    const text =
      'The envoy met Mr. Tanaka in Tokyo.\u00a0 Talks went on. \n\nNext Steps\nThey will meet again.';
    const out = splitSentences(text);
    expect(out.map(s => s.text)).toEqual([
      'The envoy met Mr. Tanaka in Tokyo.',
      'Talks went on.',
      'Next Steps',
      'They will meet again.',
    ]);
    for (const s of out) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('does not split after dotted acronyms and initials', () => {
    const out = splitSentences('U.S. officials met J. Smith in Geneva. It was brief.');
    expect(out).toHaveLength(2);
  });
});

describe('capSentences', () => {
  it('cuts a run-on sentence at spaces into pieces no longer than the cap, keeping offsets', () => {
    const text = 'word '.repeat(100).trim();
    const pieces = capSentences(splitSentences(text), 60);
    expect(pieces.length).toBeGreaterThan(8);
    for (const p of pieces) {
      expect(p.text.length).toBeLessThanOrEqual(60);
      expect(text.slice(p.start, p.end)).toBe(p.text);
    }
    expect(pieces.map(p => p.text).join(' ')).toBe(text);
  });

  it('leaves ordinary sentences alone', () => {
    const s = splitSentences('The ministers met. They agreed.');
    expect(capSentences(s)).toBe(s);
  });
});
