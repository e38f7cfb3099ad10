import { describe, expect, it } from 'vitest';
import { detectFormat } from '.';
import { IMPORT_EXTENSIONS } from './extensions';

describe('IMPORT_EXTENSIONS', () => {
  it('offers exactly the names a reader is chosen by, besides plain text', () => {
    const utf8 = new TextEncoder().encode('x');
    const readerOf = (ext: string) => {
      const kind = detectFormat(utf8, `a.${ext}`);
      return typeof kind === 'string' ? kind : 'code' in kind ? kind.code : kind.format;
    };
    expect(Object.fromEntries(IMPORT_EXTENSIONS.map(ext => [ext, readerOf(ext)]))).toEqual({
      txt: 'text',
      text: 'text',
      md: 'markdown',
      markdown: 'markdown',
      html: 'html',
      htm: 'html',
      xhtml: 'html',
      mht: 'web-archive',
      mhtml: 'web-archive',
      // Named .pdf or .docx but not one: refused with a message, not read as text.
      pdf: 'corrupt',
      docx: 'corrupt',
      eml: 'eml',
    });
  });
});
