import { describe, expect, it } from 'vitest';
import { decodeText } from './decode';
import { prng } from '../testing/prng';

const utf8 = (s: string) => new TextEncoder().encode(s);

function utf16(s: string, order: 'le' | 'be'): Uint8Array {
  const out = order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (order === 'le') out.push(c & 0xff, c >> 8);
    else out.push(c >> 8, c & 0xff);
  }
  return new Uint8Array(out);
}

const concat = (...parts: (number[] | Uint8Array)[]) =>
  new Uint8Array(parts.flatMap(p => Array.from(p)));

describe('decodeText', () => {
  it('refuses an empty file as empty', () => {
    expect(decodeText(new Uint8Array(0))).toEqual({
      ok: false,
      code: 'empty',
      message: 'The file is empty.',
    });
  });

  it('refuses a file of only spaces, tabs and line ends as empty', () => {
    const result = decodeText(utf8(' \t\r\n\n   \n'));
    expect(result).toMatchObject({ ok: false, code: 'empty' });
    expect(!result.ok && result.message).toMatch(/white space/);
  });

  it('refuses a file holding only a byte-order mark and blanks as empty', () => {
    expect(decodeText(concat([0xef, 0xbb, 0xbf], utf8('  \n')))).toMatchObject({
      ok: false,
      code: 'empty',
    });
  });

  it('decodes UTF-8 and strips its byte-order mark', () => {
    const result = decodeText(concat([0xef, 0xbb, 0xbf], utf8('Erdoğan met Lavrov.')));
    expect(result).toEqual({ ok: true, text: 'Erdoğan met Lavrov.', encoding: 'utf-8' });
  });

  it('decodes UTF-8 without a byte-order mark', () => {
    expect(decodeText(utf8('TEHRAN – talks in Москва'))).toEqual({
      ok: true,
      text: 'TEHRAN – talks in Москва',
      encoding: 'utf-8',
    });
  });

  it('decodes UTF-16LE with a byte-order mark', () => {
    expect(decodeText(utf16('Erdoğan – Лавров\nmet.', 'le'))).toEqual({
      ok: true,
      text: 'Erdoğan – Лавров\nmet.',
      encoding: 'utf-16le',
    });
  });

  it('decodes UTF-16BE with a byte-order mark', () => {
    expect(decodeText(utf16('Erdoğan – Лавров', 'be'))).toEqual({
      ok: true,
      text: 'Erdoğan – Лавров',
      encoding: 'utf-16be',
    });
  });

  it('refuses UTF-16 with an odd number of bytes as truncated', () => {
    const bytes = concat(utf16('Erdoğan', 'le'), [0x41]);
    const result = decodeText(bytes);
    expect(result).toMatchObject({ ok: false, code: 'encoding' });
    expect(!result.ok && result.message).toMatch(/odd number of bytes/);
  });

  it('refuses UTF-16 holding a lone surrogate', () => {
    // "A" then a high surrogate with no low surrogate after it.
    const result = decodeText(new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x3d, 0xd8, 0x41, 0x00]));
    expect(result).toMatchObject({ ok: false, code: 'encoding' });
    expect(!result.ok && result.message).toMatch(/UTF-16LE/);
  });

  it('refuses invalid UTF-8, naming the first bad byte and its offset', () => {
    // "Café" saved as Latin-1: 0xE9 where UTF-8 needs a two-byte sequence.
    const result = decodeText(concat(utf8('Caf'), [0xe9], utf8(' au lait')));
    expect(result).toEqual({
      ok: false,
      code: 'encoding',
      message:
        'The file is not valid UTF-8 (first bad byte 0xe9 at offset 3). Save it as UTF-8 and import it again.',
    });
  });

  it('names the offset in the file, counting a byte-order mark before the bad byte', () => {
    const result = decodeText(concat([0xef, 0xbb, 0xbf], utf8('abc'), [0xff], utf8('def')));
    expect(!result.ok && result.message).toContain('first bad byte 0xff at offset 6');
  });

  it('names an encoded surrogate or overlong sequence as the bad byte, not a later letter', () => {
    // ED A0 80 would encode U+D800, which UTF-8 forbids; E0 80 80 is an overlong NUL.
    const surrogate = decodeText(concat(utf8('abc'), [0xed, 0xa0, 0x80], utf8('xyz')));
    expect(!surrogate.ok && surrogate.message).toContain('first bad byte 0xed at offset 3');
    const overlong = decodeText(concat(utf8('ab'), [0xe0, 0x80, 0x80], utf8('xyz')));
    expect(!overlong.ok && overlong.message).toContain('first bad byte 0xe0 at offset 2');
    const beyond = decodeText(concat(utf8('a'), [0xf4, 0x90, 0x80, 0x80], utf8('xyz')));
    expect(!beyond.ok && beyond.message).toContain('first bad byte 0xf4 at offset 1');
  });

  it('names a multi-byte sequence cut off at the end of the file', () => {
    const result = decodeText(concat(utf8('Лавров'), [0xd0]));
    expect(!result.ok && result.message).toContain('first bad byte 0xd0 at offset 12');
  });

  it.each([
    ['a PNG image', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]],
    ['a JPEG image', [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]],
    ['a PDF document', Array.from(utf8('%PDF-1.7\n%âãÏÓ\n1 0 obj'))],
    ['a ZIP archive (or a Word/Excel file)', [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]],
  ])('names %s renamed .txt instead of calling it bad text', (name, bytes) => {
    expect(decodeText(new Uint8Array(bytes))).toEqual({
      ok: false,
      code: 'binary',
      message: `This is ${name}, not a text article.`,
    });
  });

  it.each([1, 2, 3, 42, 1234, 99991])('never decodes random bytes (seed %i)', seed => {
    const random = prng(seed);
    for (let round = 0; round < 25; round++) {
      const bytes = new Uint8Array(256 + Math.floor(random() * 4096));
      for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(random() * 256);
      // Half the rounds start with a BOM, so the UTF-16 and BOM paths see garbage too.
      if (round % 4 === 1) bytes.set([0xff, 0xfe]);
      if (round % 4 === 2) bytes.set([0xfe, 0xff]);
      if (round % 4 === 3) bytes.set([0xef, 0xbb, 0xbf]);
      const result = decodeText(bytes);
      expect(result.ok, `seed ${seed} round ${round}`).toBe(false);
      if (!result.ok) {
        expect(['binary', 'encoding']).toContain(result.code);
        expect(result.message.length).toBeGreaterThan(10);
      }
    }
  });

  it('refuses text with a NUL byte, saying where it is', () => {
    const result = decodeText(utf8('Hello\0world, this is text.'));
    expect(result).toMatchObject({ ok: false, code: 'binary' });
    expect(!result.ok && result.message).toContain('NUL byte at offset 5');
  });

  it('refuses text that is mostly control characters', () => {
    const junk = 'ab\x01\x02\x03\x04cd\x05\x06\x07\x08 ef\x0e\x0f\x10\x11';
    const result = decodeText(utf8(junk.repeat(20)));
    expect(result).toMatchObject({ ok: false, code: 'binary' });
    expect(!result.ok && result.message).toMatch(/\d+% control characters/);
  });

  it('refuses a NUL in UTF-16 as it does in UTF-8, saying where it is', () => {
    for (const order of ['le', 'be'] as const) {
      const result = decodeText(utf16('Hello\0world, this is text.', order));
      expect(result).toMatchObject({ ok: false, code: 'binary' });
      expect(!result.ok && result.message).toContain('NUL character at offset 12');
    }
  });

  it('removes escape and other control characters alike in UTF-8 and UTF-16', () => {
    const rest = ' The envoys met again on Wednesday and agreed on a new round in the spring.';
    const text = 'Talks\x1b[2J\x1b]0;owned\x07 resumed\x7f in\u009b31m Doha\x01.' + rest.repeat(3);
    const clean = 'Talks[2J]0;owned resumed in31m Doha.' + rest.repeat(3);
    expect(decodeText(utf8(text))).toEqual({ ok: true, text: clean, encoding: 'utf-8' });
    expect(decodeText(utf16(text, 'le'))).toEqual({ ok: true, text: clean, encoding: 'utf-16le' });
    expect(decodeText(utf16(text, 'be'))).toEqual({ ok: true, text: clean, encoding: 'utf-16be' });
  });

  it('accepts tabs, form feeds and CRLF line ends as ordinary text', () => {
    const text = 'Col A\tCol B\r\nrow\tone\r\n\fPage two.\r\n';
    expect(decodeText(utf8(text))).toEqual({ ok: true, text, encoding: 'utf-8' });
  });
});
