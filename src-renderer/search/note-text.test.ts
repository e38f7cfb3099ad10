import { describe, expect, it } from 'vitest';
import { MARKDOWN_LIMIT } from '../features/notes/markdown';
import { noteText } from './note-text';

describe('noteText', () => {
  it('gives the words a reader sees, without Markdown marks', () => {
    expect(
      noteText('# Assessment\n\n**Check** the [envoy](https://example.org) `list`\n\n- one\n- two'),
    ).toBe('Assessment\nCheck the envoy list\none\ntwo');
  });

  it('keeps code blocks and raw angle brackets as text', () => {
    expect(noteText('```\nx <b>y</b>\n```\n<i>z</i>')).toBe('x <b>y</b>\n<i>z</i>');
  });

  it('leaves a note too long to format as written', () => {
    const long = '**a** '.repeat(MARKDOWN_LIMIT);
    expect(noteText(long)).toBe(long);
  });
});
