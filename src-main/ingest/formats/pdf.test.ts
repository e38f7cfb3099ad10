import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dropRunningLines, linesOf, paragraphsOf, readPdf } from './pdf';

const fixture = (path: string) =>
  new Uint8Array(readFileSync(join(__dirname, '../fixtures', path)));

/** A text item as pdf.js gives it: a string at (x, y) in a font of `size`. */
const item = (str: string, x: number, y: number, opts: { size?: number; eol?: boolean } = {}) => ({
  str,
  transform: [opts.size ?? 10, 0, 0, opts.size ?? 10, x, y],
  width: str.length * 5,
  height: opts.size ?? 10,
  hasEOL: opts.eol ?? false,
});

const line = (text: string, y: number, size = 10, right = 500) => ({ text, y, size, right });

describe('readPdf', () => {
  it('reads the text in paragraphs with title, author and date from the document info', async () => {
    const result = await readPdf(fixture('formats/oslo-exercise.pdf'));
    if ('code' in result) throw new Error(result.message);
    expect(result.meta).toEqual({
      title: { value: 'Norway and Poland plan a joint air-defence exercise', source: 'pdf-info' },
      author: { value: 'Kari Nordmann', source: 'pdf-info' },
      published: { value: '2024-04-09', source: 'pdf-info' },
    });
    const paragraphs = result.text.split('\n\n');
    expect(paragraphs[1]).toMatch(
      /^The defence ministers of Norway and Poland met in Oslo on Tuesday/,
    );
    expect(paragraphs.at(-1)).toMatch(/before the meeting began\.$/);
    // The paragraph that ends page 1 and the one that starts page 2 stay apart.
    expect(paragraphs).toContain(
      'Both ministers said they wanted the exercise to become a yearly event, open to other countries of the region that wish to send observers.',
    );
  });

  it('drops the running header and the page numbers repeated on every page', async () => {
    const result = await readPdf(fixture('formats/oslo-exercise.pdf'));
    if ('code' in result) throw new Error(result.message);
    expect(result.text).not.toMatch(/Nordic Security Monitor/);
    expect(result.text).not.toMatch(/Page \d of \d/);
  });

  it('says a password-protected PDF needs its password removed', async () => {
    expect(await readPdf(fixture('bad/protected.pdf'))).toEqual({
      code: 'password',
      message: expect.stringMatching(/protected by a password\. .*without the password/),
    });
  });

  it('says a scan has no text layer and points to OCR', async () => {
    expect(await readPdf(fixture('bad/scanned.pdf'))).toEqual({
      code: 'no-text-layer',
      message: expect.stringMatching(/^This PDF has no text layer \(scanned image\).*OCR/),
    });
  });

  it("calls a PDF cut in half damaged, and leaves the caller's bytes intact", async () => {
    const bytes = fixture('formats/oslo-exercise.pdf');
    const half = bytes.slice(0, 900);
    const result = await readPdf(half);
    expect(['corrupt', 'no-text-layer']).toContain('code' in result ? result.code : 'article');
    expect(half.byteLength).toBe(900);
  });
});

describe('linesOf', () => {
  it('joins the items of one baseline and starts a line where the baseline moves', () => {
    const lines = linesOf([
      item('Talks', 72, 700),
      item('resumed', 102, 700),
      item('in Oslo.', 72, 686),
    ]);
    expect(lines.map(l => l.text)).toEqual(['Talks resumed', 'in Oslo.']);
  });

  it('ends a line where pdf.js marks its end', () => {
    const lines = linesOf([item('One', 72, 700, { eol: true }), item('two', 92, 700)]);
    expect(lines.map(l => l.text)).toEqual(['One', 'two']);
  });
});

describe('dropRunningLines', () => {
  it('drops a header repeated on most pages, its numbers aside, and keeps the body', () => {
    const pages = [1, 2, 3].map(n => [
      line(`Weekly digest · issue ${n}`, 800),
      line(`Body of page ${n}, which differs from the other pages by its number ${n * 7}.`, 700),
      line(`${n}`, 40),
    ]);
    expect(dropRunningLines(pages).map(p => p.map(l => l.text))).toEqual([
      ['Body of page 1, which differs from the other pages by its number 7.'],
      ['Body of page 2, which differs from the other pages by its number 14.'],
      ['Body of page 3, which differs from the other pages by its number 21.'],
    ]);
  });

  it('keeps the first line of a one-page document, which repeats nowhere', () => {
    const pages = [[line('Ministers meet in Rome', 800), line('They met.', 780)]];
    expect(dropRunningLines(pages)[0].map(l => l.text)).toEqual([
      'Ministers meet in Rome',
      'They met.',
    ]);
  });
});

describe('paragraphsOf', () => {
  it('breaks at a wide gap and joins a word hyphenated at a line end', () => {
    const text = paragraphsOf([
      [
        line('The envoys discussed the recon-', 700),
        line('struction of the port.', 688, 10, 300),
        line('A second paragraph, its first line as wide as the column.', 660),
        line('It goes on here.', 648, 10, 200),
      ],
    ]);
    expect(text).toBe(
      'The envoys discussed the reconstruction of the port.\n\nA second paragraph, its first line as wide as the column. It goes on here.',
    );
  });
});
