import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeHtml, readHtml } from './html';

const page = readFileSync(join(__dirname, '../fixtures/formats/lisbon-talks.html'), 'utf8');

async function read(html: string) {
  const result = await readHtml(html);
  if ('code' in result) throw new Error(result.message);
  return result;
}

const BODY = `<p>${'The ministers of the two countries met in the capital on Tuesday to discuss trade and the border. '.repeat(4)}</p><p>They agreed to meet again in the spring.</p>`;

afterEach(() => vi.restoreAllMocks());

describe('readHtml', () => {
  it('takes headline, date, authors, publisher and URL from the JSON-LD NewsArticle', async () => {
    expect((await read(page)).meta).toEqual({
      title: { value: 'Chile and Portugal sign fisheries pact in Lisbon', source: 'json-ld' },
      published: { value: '2024-03-11', source: 'json-ld' },
      author: { value: 'Inês Carvalho and Tomás Reyes', source: 'json-ld' },
      publisher: { value: 'The Harbour Ledger', source: 'json-ld' },
      url: {
        value: 'https://ledger.example.org/world/chile-portugal-fisheries',
        source: 'json-ld',
      },
    });
  });

  it('keeps the article paragraphs and leaves out navigation, scripts, styles, frames and asides', async () => {
    const { text } = await read(page);
    const paragraphs = text.split('\n\n');
    expect(paragraphs).toContain(
      'The Chilean minister told reporters that the talks had also touched on port fees and on a direct shipping line, which both governments want to open by next year. No date was set for that.',
    );
    expect(paragraphs.length).toBeGreaterThanOrEqual(4);
    expect(text).not.toMatch(/hijacked|window\.location|color: red|Subscribe|Sport|<|tracker/);
  });

  it('runs no script and fetches nothing: no image, style sheet, frame or tracker', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const hostile = `<html><head><script>globalThis.ranScript = true;</script>
      <link rel="stylesheet" href="https://cdn.example.net/x.css"></head>
      <body onload="globalThis.ranOnload = true"><img src="https://img.example.net/a.png" onerror="globalThis.ranOnerror = true">
      <iframe src="https://frame.example.net/"></iframe>${BODY}</body></html>`;
    await read(hostile);
    expect(fetchSpy).not.toHaveBeenCalled();
    const g = globalThis as Record<string, unknown>;
    expect([g.ranScript, g.ranOnload, g.ranOnerror]).toEqual([undefined, undefined, undefined]);
  });

  it('falls back to OpenGraph and article:published_time without JSON-LD', async () => {
    const html = `<html><head><title>Talks in Rome - Daily Test</title>
      <meta property="og:title" content="Talks in Rome end without a deal">
      <meta property="og:site_name" content="Daily Test">
      <meta property="article:published_time" content="2023-10-07T06:00:00Z">
      <meta property="og:url" content="https://daily.example.org/rome"></head><body>${BODY}</body></html>`;
    expect((await read(html)).meta).toMatchObject({
      title: { value: 'Talks in Rome end without a deal', source: 'html-meta' },
      publisher: { value: 'Daily Test', source: 'html-meta' },
      published: { value: '2023-10-07', source: 'html-meta' },
      url: { value: 'https://daily.example.org/rome', source: 'html-meta' },
    });
  });

  it('cuts the site name off a bare <title> and ignores a URL that is not http(s)', async () => {
    const html = `<html><head><title>Envoys meet in Doha | Gulf Wire</title>
      <link rel="canonical" href="javascript:alert(1)"></head><body>${BODY}</body></html>`;
    const { meta } = await read(html);
    expect(meta.title).toEqual({ value: 'Envoys meet in Doha', source: 'html-meta' });
    expect(meta.url).toBeUndefined();
  });

  it('reads the whole body of a short page that Readability finds no article in', async () => {
    const { text } = await read('<p>Short note: the envoys met.</p><p>More later.</p>');
    expect(text).toBe('Short note: the envoys met.\n\nMore later.');
  });

  it('refuses a page with no text', async () => {
    expect(
      await readHtml('<html><body><script>x()</script><img src="a.png"></body></html>'),
    ).toEqual({
      code: 'empty',
      message: expect.stringMatching(/no readable text/),
    });
  });

  it('survives ten thousand nested elements', async () => {
    const html = '<div>'.repeat(10_000) + 'Deep text about the talks.' + '</div>'.repeat(10_000);
    expect((await read(html)).text).toContain('Deep text about the talks.');
  });
});

describe('decodeHtml', () => {
  it('decodes a page in the windows-1252 charset it declares', async () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('<meta charset="windows-1252"><p>Caf'),
      0xe9,
      ...new TextEncoder().encode(' talks</p>'),
    ]);
    expect(decodeHtml(bytes)).toEqual({
      ok: true,
      text: '<meta charset="windows-1252"><p>Café talks</p>',
    });
  });

  it('refuses invalid UTF-8 in a page that declares no charset, as for text files', async () => {
    expect(decodeHtml(new Uint8Array([0x3c, 0x70, 0x3e, 0xe9, 0x20, 0x41]))).toMatchObject({
      ok: false,
      code: 'encoding',
    });
  });
});
