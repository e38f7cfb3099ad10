import { describe, expect, it } from 'vitest';
import { splitSentences } from './sentences';

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
