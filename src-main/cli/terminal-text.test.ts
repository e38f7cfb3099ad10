import { describe, expect, it } from 'vitest';
import { printable, terminalJson } from './terminal-text';

describe('printable', () => {
  it('shows escape sequences, forged line breaks and bidi overrides as escapes', () => {
    expect(printable('a\x1b[2J\x1b]0;x\x07b\nfake: line\r\tc\u009b31m\u2028d\u202eevil')).toBe(
      'a\\x1b[2J\\x1b]0;x\\x07b\\nfake: line\\r\\tc\\x9b31m\\u2028d\\u202eevil',
    );
  });

  it('leaves ordinary text in any script, and Windows paths, as they are', () => {
    const text = 'Erdoğan — Лавров «talks» 会谈 C:\\Users\\me\\a.txt';
    expect(printable(text)).toBe(text);
  });
});

describe('terminalJson', () => {
  it('escapes what JSON leaves raw, and still parses to the same value', () => {
    const value = { title: 'a\u009b31m\u007f\u2028\u202e\x1b', n: 1 };
    const json = terminalJson(value);
    // eslint-disable-next-line no-control-regex
    expect(json).not.toMatch(/[\u007f-\u009f\u2028\u202e\x1b]/);
    expect(json).toContain('\\u009b31m\\u007f\\u2028\\u202e\\u001b');
    expect(JSON.parse(json)).toEqual(value);
  });
});
