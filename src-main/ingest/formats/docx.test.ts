import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { docx } from '../fixtures/make-fixtures';
import { readDocx } from './docx';

const fixture = (path: string) =>
  new Uint8Array(readFileSync(join(__dirname, '../fixtures', path)));

describe('readDocx', () => {
  it('reads paragraphs and the title, author and date of the core properties', async () => {
    const result = await readDocx(fixture('formats/coast-guard.docx'));
    if ('code' in result) throw new Error(result.message);
    expect(result.meta).toEqual({
      title: {
        value: 'Japan and the Philippines review coast guard training',
        source: 'docx-props',
      },
      author: { value: 'Hana Sato', source: 'docx-props' },
      published: { value: '2024-02-20', source: 'docx-props' },
    });
    expect(result.text.split('\n\n')).toEqual([
      'Japan and the Philippines review coast guard training',
      expect.stringMatching(/^Coast guard chiefs of Japan and the Philippines met in Manila/),
      expect.stringMatching(/^They agreed to add search-and-rescue drills/),
      expect.stringMatching(/^A joint statement said/),
    ]);
  });

  it('calls a Word file cut short corrupt and says how to save it again', async () => {
    expect(await readDocx(fixture('bad/cut-short.docx'))).toEqual({
      code: 'corrupt',
      message: expect.stringMatching(/^This Word file cannot be read: .*save it again as \.docx/),
    });
  });

  it('refuses a ZIP without a Word document inside', async () => {
    const zip = zipSync({ 'notes.txt': strToU8('not a Word file') });
    expect(await readDocx(zip)).toEqual({
      code: 'corrupt',
      message: expect.stringMatching(/without a Word document inside/),
    });
  });

  it('refuses a zip bomb before inflating it', async () => {
    // 20 MB of zeros in about 20 KB: a ratio no Word document has.
    const bomb = zipSync({
      '[Content_Types].xml': strToU8('<Types/>'),
      'word/document.xml': new Uint8Array(20 * 1024 * 1024),
    });
    const before = process.memoryUsage().arrayBuffers;
    const result = await readDocx(bomb);
    expect(result).toEqual({ code: 'corrupt', message: expect.stringMatching(/zip bomb/) });
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(8 * 1024 * 1024);
  }, 20_000);

  it('calls a document with no text empty', async () => {
    const empty = docx({ title: 'Blank', creator: 'Nobody', created: '2024-01-01T00:00:00Z' }, []);
    expect(await readDocx(empty)).toMatchObject({ code: 'empty' });
  });
});
