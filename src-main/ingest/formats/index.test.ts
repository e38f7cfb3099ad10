import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { detectFormat, readFormat } from '.';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('detectFormat', () => {
  it('reads a PDF as a PDF whatever its name, and a Word archive by its parts', () => {
    expect(detectFormat(utf8('%PDF-1.4\n...'), 'report.txt')).toBe('pdf');
    const word = zipSync({ 'word/document.xml': strToU8('<w:document/>') });
    expect(detectFormat(word, 'memo.zip')).toBe('docx');
  });

  it('chooses by extension for e-mail, web archives, pages and Markdown', () => {
    expect(detectFormat(utf8('Subject: x'), 'a.eml')).toBe('eml');
    expect(detectFormat(utf8('From: x'), 'a.mhtml')).toBe('web-archive');
    expect(detectFormat(utf8('<p>x</p>'), 'a.htm')).toBe('html');
    expect(detectFormat(utf8('# x'), 'a.md')).toBe('markdown');
    expect(detectFormat(utf8('Plain words.'), 'a.txt')).toBe('text');
  });

  it('recognises a page saved without an .html name by its doctype', () => {
    expect(detectFormat(utf8('\uFEFF  <!DOCTYPE html><html><body>x</body></html>'), 'page')).toBe(
      'html',
    );
  });

  it('calls a .pdf that is not a PDF, and a .docx that is not a ZIP, corrupt; an old .doc binary', () => {
    expect(detectFormat(utf8('hello'), 'a.pdf')).toMatchObject({ code: 'corrupt' });
    expect(detectFormat(utf8('hello'), 'a.docx')).toMatchObject({ code: 'corrupt' });
    const doc = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(detectFormat(doc, 'old.docx')).toEqual({
      code: 'binary',
      message: expect.stringMatching(/old Word \(\.doc\) document/),
    });
  });
});

describe('readFormat', () => {
  it('hands a text file back decoded and untouched, for parseArticle to read as before', async () => {
    expect(await readFormat(utf8('Title: Talks\n\nBody.'), 'a.txt')).toEqual([
      { format: 'text', text: 'Title: Talks\n\nBody.', meta: {} },
    ]);
  });

  it('removes control characters from what a reader extracts', async () => {
    const [page] = await readFormat(utf8('<p>Talks\u001b[31m resumed\u009b.</p>'), 'a.html');
    expect(page).toMatchObject({ text: 'Talks[31m resumed.' });
  });
});
