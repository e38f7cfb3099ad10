import { describe, expect, it } from 'vitest';
import { describeRange } from './describe';

describe('describeRange', () => {
  const text = 'a'.repeat(40) + 'The ministers met in Moscow.' + 'b'.repeat(40);

  it('stores the exact text with 32 characters of context each side', () => {
    const s = describeRange(text, 40, 68);
    expect(s.quote.exact).toBe('The ministers met in Moscow.');
    expect(s.quote.prefix).toBe('a'.repeat(32));
    expect(s.quote.suffix).toBe('b'.repeat(32));
    expect(s.position).toEqual({ start: 40, end: 68 });
  });

  it('shortens the context at the edges of the text', () => {
    const s = describeRange('Talks in Oslo.', 0, 5);
    expect(s.quote.prefix).toBe('');
    expect(s.quote.suffix).toBe(' in Oslo.');
  });

  it('refuses empty and out-of-range spans', () => {
    expect(() => describeRange(text, 5, 5)).toThrow(/empty/);
    expect(() => describeRange(text, -1, 5)).toThrow(/outside/);
    expect(() => describeRange(text, 0, text.length + 1)).toThrow(/outside/);
  });
});
