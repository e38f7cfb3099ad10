import { describe, expect, it } from 'vitest';
import { BREAK, breakLongTokens, LONG_TOKEN_CHARS } from './tokens';

describe('breakLongTokens', () => {
  it('leaves ordinary sentences untouched', () => {
    const text = 'The ministers met in Moscow on Tuesday; talks were “constructive”.';
    expect(breakLongTokens(text)).toBe(text);
  });

  it('gives a long word break opportunities without changing its visible text', () => {
    const word = 'a'.repeat(100);
    const out = breakLongTokens(`see ${word} here`);
    expect(out.replaceAll(BREAK, '')).toBe(`see ${word} here`);
    const pieces = out.split(/[ \u200B]/);
    expect(Math.max(...pieces.map(p => p.length))).toBeLessThanOrEqual(LONG_TOKEN_CHARS);
  });

  it('never splits a character outside the basic plane', () => {
    const out = breakLongTokens('😀'.repeat(80));
    for (const piece of out.split(BREAK)) expect(Array.from(piece).join('')).toBe(piece);
    expect(out.replaceAll(BREAK, '')).toBe('😀'.repeat(80));
    expect(out.split(BREAK).every(p => !p.includes('\uFFFD'))).toBe(true);
  });

  it('keeps a word exactly at the limit whole', () => {
    const word = 'b'.repeat(LONG_TOKEN_CHARS);
    expect(breakLongTokens(`${word} ${word}`)).toBe(`${word} ${word}`);
  });
});
