import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFormat } from '.';
import { MAX_MESSAGE_DEPTH, readEml } from './eml';

const fixture = (path: string) =>
  new Uint8Array(readFileSync(join(__dirname, '../fixtures', path)));
const utf8 = (s: string) => new TextEncoder().encode(s);
const read = (bytes: Uint8Array, webArchive = false) =>
  readEml(bytes, { webArchive, depth: 0, readAttachment: readFormat });

/** A message whose only part is `inner`, forwarded as an attachment, `depth` times over. */
function forwarded(depth: number): string {
  let message = [
    'From: Desk <desk@example.org>',
    'Subject: Innermost',
    'Date: Mon, 3 Jun 2024 09:00:00 +0000',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'The envoys of the two countries met in Geneva on Monday and agreed to meet again next month. '.repeat(
      3,
    ),
  ].join('\r\n');
  for (let d = 0; d < depth; d++) {
    message = [
      `Subject: Forward ${d}`,
      'Content-Type: multipart/mixed; boundary="f' + d + '"',
      '',
      `--f${d}`,
      'Content-Type: text/plain',
      '',
      'See attached.',
      `--f${d}`,
      `Content-Type: message/rfc822; name="fwd${d}.eml"`,
      `Content-Disposition: attachment; filename="fwd${d}.eml"`,
      '',
      message,
      `--f${d}--`,
      '',
    ].join('\r\n');
  }
  return message;
}

describe('readEml', () => {
  it('takes the subject as title, the sender as publisher and the Date header as written', async () => {
    const [result] = await read(fixture('formats/weekly-brief.eml'));
    if ('code' in result) throw new Error(result.message);
    expect(result.format).toBe('eml');
    expect(result.meta).toMatchObject({
      title: {
        value: 'Estonia and Finland open talks on a second undersea power cable',
        source: 'email-header',
      },
      publisher: { value: 'Baltic Desk Weekly', source: 'email-header' },
      published: { value: '2024-06-14', source: 'email-header' },
    });
  });

  it('reads a newsletter’s HTML body through the HTML path: paragraphs, no markup', async () => {
    const [result] = await read(fixture('formats/weekly-brief.eml'));
    if ('code' in result) throw new Error(result.message);
    expect(result.text).toMatch(
      /\n\nEnergy ministers from Estonia and Finland met in Tallinn on Thursday/,
    );
    expect(result.text.split('\n\n').length).toBeGreaterThanOrEqual(3);
    expect(result.text).not.toMatch(/<|View in browser|=3D/);
  });

  it('imports an attached Word file as its own article and skips the cover note', async () => {
    const results = await read(fixture('more/memo-attached.eml'));
    expect(results).toHaveLength(1);
    const [memo] = results;
    if ('code' in memo) throw new Error(memo.message);
    expect(memo).toMatchObject({ format: 'docx', part: 'coast-guard.docx' });
    expect(memo.meta.title?.value).toBe('Japan and the Philippines review coast guard training');
  });

  it(`reads forwarded messages ${MAX_MESSAGE_DEPTH} deep and reports a deeper one`, async () => {
    const ok = await read(utf8(forwarded(MAX_MESSAGE_DEPTH)));
    expect(ok.some(r => !('code' in r) && /Geneva/.test(r.text))).toBe(true);
    const deep = await read(utf8(forwarded(MAX_MESSAGE_DEPTH + 1)));
    expect(deep.some(r => !('code' in r) && /Geneva/.test(r.text))).toBe(false);
    expect(deep).toContainEqual(
      expect.objectContaining({
        code: 'corrupt',
        message: expect.stringMatching(/nested more than/),
      }),
    );
  });

  it('reads a saved web archive (.mhtml) by the page’s metadata, not "Saved by Blink"', async () => {
    const html = `<html><head><meta property="og:title" content="Talks in Baku"></head><body><p>${'The ministers met in Baku to talk about gas. '.repeat(6)}</p></body></html>`;
    const mhtml = [
      'From: <Saved by Blink>',
      'Snapshot-Content-Location: https://news.example.org/baku',
      'Subject: Talks in Baku - News',
      'Date: Wed, 5 Jun 2024 10:00:00 -0000',
      'MIME-Version: 1.0',
      'Content-Type: multipart/related; type="text/html"; boundary="r"',
      '',
      '--r',
      'Content-Type: text/html',
      'Content-Location: https://news.example.org/baku',
      '',
      html,
      '--r--',
      '',
    ].join('\r\n');
    const [result] = await read(utf8(mhtml), true);
    if ('code' in result) throw new Error(result.message);
    expect(result.format).toBe('html');
    expect(result.meta.title).toEqual({ value: 'Talks in Baku', source: 'html-meta' });
    expect(result.meta.publisher).toBeUndefined();
    expect(result.meta.url).toEqual({
      value: 'https://news.example.org/baku',
      source: 'email-header',
    });
  });

  it('reads a body of markup labelled text/plain as HTML, so no tag reaches the text', async () => {
    const msg = `Subject: Bulletin\r\nContent-Type: text/plain\r\n\r\n<html><body><p>${'The envoys met in Oslo. '.repeat(10)}</p><p>They agreed.</p></body></html>`;
    const [result] = await read(utf8(msg));
    if ('code' in result) throw new Error(result.message);
    expect(result.text).toMatch(/^The envoys met in Oslo\./);
    expect(result.text).not.toMatch(/</);
  });

  it('says a message with neither text nor an article attached is empty', async () => {
    const msg = 'Subject: Nothing\r\nContent-Type: text/plain\r\n\r\n';
    expect(await read(utf8(msg))).toEqual([
      { code: 'empty', message: expect.stringMatching(/no text/) },
    ]);
  });
});
