import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HOSTILE_TEXTS } from '../testing/hostile-text';
import { prng } from '../testing/prng';
import { expectLinearTime } from '../testing/linear-time';
import { MAX_FILE_BYTES } from '../contract/article';
import { importFiles } from './import';
import {
  contentId,
  countWords,
  findByline,
  normaliseText,
  paragraphSpans,
  parseArticle,
  titleFromBody,
} from './parse';

const seedsDir = new URL('../../seeds/', import.meta.url);
const seed = (name: string) => readFileSync(new URL(name, seedsDir), 'utf8');
const SEED_000 = '000_46ab9c03f578ed2c.txt';
const SEED_004 = '004_5e147edb248d0a50.txt';
const where = { source: 'test/a.txt', file: 'a.txt' };
const hostile = Object.keys(HOSTILE_TEXTS);
/** Each linear-time case may take a few hundred milliseconds on a loaded machine. */
const TIMING = 20_000;

/** Every span is trimmed, in order, and together they cover every non-blank character. */
function expectSpansCoverText(text: string, spans: { start: number; end: number }[]) {
  let last = 0;
  for (const { start, end } of spans) {
    expect(start).toBeGreaterThanOrEqual(last);
    expect(end).toBeGreaterThan(start);
    expect(end).toBeLessThanOrEqual(text.length);
    const slice = text.slice(start, end);
    expect(slice).toBe(slice.trim());
    expect(text.slice(last, start).trim()).toBe('');
    last = end;
  }
  expect(text.slice(last).trim()).toBe('');
}

describe('parseArticle', () => {
  it.each(hostile)(
    'takes time linear in the length of %s',
    name => void expectLinearTime(HOSTILE_TEXTS[name], t => parseArticle(t, where)),
    TIMING,
  );

  it('never makes a title of control characters: the headline after them is the title', async () => {
    const body = 'The foreign ministers met in Oslo on Tuesday and agreed to meet again. '.repeat(
      20,
    );
    const text = '\x1b\x01\x02\x03\x7f\u009b'.repeat(8) + '\nTalks in Oslo resume\n\n' + body;
    const bytes = new TextEncoder().encode(text);
    const [article] = (await importFiles([{ name: 'c.txt', size: bytes.length, bytes }])).articles;
    expect(article.title).toBe('Talks in Oslo resume');
    expect(article.text).toBe(body.trim());
  });

  it('imports a 5 MiB file of the worst shapes in under 5 s, keeping its words', async () => {
    const unit = Object.values(HOSTILE_TEXTS)
      .map(make => make(20_000))
      .join('\n');
    let text = 'Talks in Oslo\n\n' + unit.repeat(Math.ceil(MAX_FILE_BYTES / unit.length));
    let bytes = new TextEncoder().encode(text);
    while (bytes.length > MAX_FILE_BYTES) {
      text = text.slice(0, text.length - (bytes.length - MAX_FILE_BYTES));
      bytes = new TextEncoder().encode(text);
    }
    const start = performance.now();
    const report = await importFiles([{ name: 'gaps.txt', size: bytes.length, bytes }]);
    const elapsed = performance.now() - start;
    expect(report.errors).toEqual([]);
    expect(report.articles[0].title).toBe('Talks in Oslo');
    expect(report.articles[0].wordCount).toBeGreaterThan(100_000);
    expect(elapsed).toBeLessThan(5000);
  }, 30_000);

  it('reads the date prefix of seed 004 and leaves no trace of it in the text', () => {
    const a = parseArticle(seed(SEED_004), { source: `seeds/${SEED_004}`, file: SEED_004 });
    expect(a.published).toBe('2023-04-24');
    expect(a.text.startsWith('The defense ministers and intelligence chiefs')).toBe(true);
    expect(a.text).not.toMatch(/^\s*date\b/);
    expect(a.text).not.toContain('2023-04-24');
    expect(a.source).toBe(`seeds/${SEED_004}`);
    expect(a.file).toBe(SEED_004);
  });

  it('keeps the TEHRAN dateline of seed 000 in the text and names Mehr as its publisher', () => {
    const a = parseArticle(seed(SEED_000), { source: `seeds/${SEED_000}`, file: SEED_000 });
    expect(a.dateline).toBe('TEHRAN');
    expect(a.text.startsWith('TEHRAN – Iranian Defense Minister')).toBe(true);
    expect(a.publisher).toBe('Mehr News Agency');
    expect(a.published).toBeNull();
    // The title comes from the first sentence after the dateline, not the dateline itself.
    expect(a.title.startsWith('Iranian Defense Minister Mohammad Reza Ashtiyani')).toBe(true);
  });

  it('splits seed 000 into paragraphs at the two spaces (one of them a NBSP) after sentences', () => {
    const a = parseArticle(seed(SEED_000), { source: `seeds/${SEED_000}`, file: SEED_000 });
    const paras = a.paragraphs.map(p => a.text.slice(p.start, p.end));
    expect(paras).toHaveLength(4);
    expect(paras[0]).toMatch(/^TEHRAN – .*Turkey, and Syria\.$/);
    expect(paras[1]).toMatch(/^Iran’s official news agency IRNA.*Turkey and Syria\.$/);
    expect(paras[2]).toMatch(/^Negotiations to normalize relations.*Al Alam reported\.$/);
    expect(paras[3]).toMatch(/^A four-way meeting.*International License\.$/);
    expectSpansCoverText(a.text, a.paragraphs);
  });

  it('splits seed 004 at its blank lines, with the subheading as a paragraph of its own', () => {
    const a = parseArticle(seed(SEED_004), { source: `seeds/${SEED_004}`, file: SEED_004 });
    const paras = a.paragraphs.map(p => a.text.slice(p.start, p.end));
    expect(paras).toHaveLength(5);
    expect(paras[2]).toBe('Significance of the Meet');
    expectSpansCoverText(a.text, a.paragraphs);
  });

  it('gives the same article the same id whether saved with CRLF or LF line ends', () => {
    const lf =
      'Ministers meet in Moscow\n\nThe ministers met on Tuesday.\n\nThey agreed to meet again.';
    const crlf = lf.replace(/\n/g, '\r\n');
    const a = parseArticle(crlf, where);
    expect(a.text).not.toContain('\r');
    expect(a.id).toBe(parseArticle(lf, where).id);
    expect(a.text).toBe('The ministers met on Tuesday.\n\nThey agreed to meet again.');
  });

  it('takes a short first line without closing punctuation as the headline', () => {
    const a = parseArticle(
      'Ministers meet in Moscow\nThe defence ministers met on Tuesday.',
      where,
    );
    expect(a.title).toBe('Ministers meet in Moscow');
    expect(a.text).toBe('The defence ministers met on Tuesday.');
  });

  it('does not take a first line ending in a full stop as a headline', () => {
    const a = parseArticle('The ministers met.\nThey talked for hours.', where);
    expect(a.title).toBe('The ministers met');
    expect(a.text).toBe('The ministers met.\nThey talked for hours.');
  });

  it('titles an article without a headline by its first sentence, cut at a word with …', () => {
    const body =
      'The defense ministers and intelligence chiefs of Turkey, Russia, Syria, and Iran are scheduled to meet in Moscow on April 25. Second sentence.';
    const a = parseArticle(body, where);
    expect(a.title).toBe(
      'The defense ministers and intelligence chiefs of Turkey, Russia, Syria, and Iran are…',
    );
    expect(a.text).toBe(body);
  });

  it('reads a Title:/Source:/Date: header block and starts the text after it', () => {
    const a = parseArticle(
      'Title: Ministers meet in Moscow\nSource: Reuters\nDate: April 24, 2023\n\nMOSCOW (Reuters) - The ministers met.',
      where,
    );
    expect(a).toMatchObject({
      title: 'Ministers meet in Moscow',
      publisher: 'Reuters',
      published: '2023-04-24',
      dateline: 'MOSCOW',
      text: 'MOSCOW (Reuters) - The ministers met.',
    });
  });

  it('names the wire agency of the dateline as publisher when nothing else does', () => {
    const a = parseArticle('WASHINGTON (AP) — The talks ended without a deal.', where);
    expect(a.publisher).toBe('Associated Press');
    expect(a.dateline).toBe('WASHINGTON');
  });

  it('does not take a dateline on a line of its own for a headline', () => {
    const a = parseArticle('MOSCOW (Reuters) -\nThe ministers met. They agreed.', where);
    expect(a.dateline).toBe('MOSCOW');
    expect(a.title).toBe('The ministers met');
    expect(a.text.startsWith('MOSCOW (Reuters) -')).toBe(true);
  });

  it('keeps every paragraph offset inside the text it returns', () => {
    const a = parseArticle(
      '\uFEFFdate 2023-04-24 First para here.  Second para after two spaces.\r\n\r\n\r\nThird.',
      where,
    );
    expect(a.published).toBe('2023-04-24');
    expect(a.paragraphs.map(p => a.text.slice(p.start, p.end))).toEqual([
      'First para here.',
      'Second para after two spaces.',
      'Third.',
    ]);
  });
});

describe('parseArticle metadata and where it came from', () => {
  const where = { source: 'in/a.txt', file: 'a.txt' };

  it('marks header fields as header and keeps the URL and author a text file names', () => {
    const a = parseArticle(
      'Title: Envoys meet in Rome\nAuthor: Ana Lima\nURL: https://news.example.org/rome\nSource: Daily Test\nDate: 2023-10-07\n\nThe envoys met.',
      where,
    );
    expect(a).toMatchObject({
      title: 'Envoys meet in Rome',
      author: 'Ana Lima',
      url: 'https://news.example.org/rome',
      publisher: 'Daily Test',
      published: '2023-10-07',
      format: 'text',
      metaSources: {
        title: 'header',
        author: 'header',
        url: 'header',
        publisher: 'header',
        published: 'header',
      },
    });
  });

  it('never takes a licence line for the headline, and names the publisher without "Copyright"', () => {
    const a = parseArticle(
      'Copyright LaPresse\nThe ministers met in Rome on Monday. They agreed to meet again.',
      where,
    );
    expect(a.title).toBe('The ministers met in Rome on Monday');
    expect(a.publisher).toBe('LaPresse');
    expect(a.metaSources).toMatchObject({ title: 'text', publisher: 'text' });
    const b = parseArticle('Source: Copyright LaPresse\n\nThe ministers met.', where);
    expect(b.publisher).toBe('LaPresse');
  });

  it('reads a By line as the author and a date line as the date, marked as from the text', () => {
    const a = parseArticle(
      'Talks in Lima resume\nBy Rosa Quispe, Reuters\nThursday, 21.11.2012\n\nThe envoys met.',
      where,
    );
    expect(a).toMatchObject({
      title: 'Talks in Lima resume',
      author: 'Rosa Quispe',
      published: '2012-11-21',
      dateOrder: 'day-first',
      metaSources: { title: 'text', author: 'text', published: 'text' },
    });
  });

  it('takes the file’s metadata first and drops a first line that repeats its title', () => {
    const a = parseArticle('Talks in Lima resume\n\nThe envoys met.', where, {
      format: 'pdf',
      meta: {
        title: { value: 'Talks in Lima resume', source: 'pdf-info' },
        published: { value: '2024-01-02', source: 'pdf-info' },
      },
    });
    expect(a).toMatchObject({
      title: 'Talks in Lima resume',
      text: 'The envoys met.',
      format: 'pdf',
      published: '2024-01-02',
    });
    expect(a.metaSources).toEqual({ title: 'pdf-info', published: 'pdf-info' });
  });

  it('prefers the page’s own Published line to a PDF’s creation date', () => {
    const a = parseArticle('Envoys meet\nPublished 3 March 2024\n\nThe envoys met.', where, {
      format: 'pdf',
      meta: { published: { value: '2024-05-30', source: 'pdf-info' } },
    });
    expect(a.published).toBe('2024-03-03');
    expect(a.metaSources?.published).toBe('text');
  });

  it('falls back to the file name, marked as such, when the text has no title at all', () => {
    const a = parseArticle('1234 5678', where);
    expect([a.title, a.metaSources?.title]).toEqual(['1234 5678', 'text']);
    const b = parseArticle('...', where);
    expect([b.title, b.metaSources?.title]).toEqual(['a.txt', 'file-name']);
  });
});

describe('findByline', () => {
  it('reads one or two names after By, without the agency after a comma', () => {
    expect(findByline('By Ana Lima and Li Wei, Reuters\nText.')).toBe('Ana Lima and Li Wei');
    expect(findByline('By the way, the ministers met.')).toBeNull();
  });
});

describe('normaliseText', () => {
  it.each(hostile)(
    'takes time linear in the length of %s',
    name => void expectLinearTime(HOSTILE_TEXTS[name], normaliseText),
    TIMING,
  );

  it('cuts a long run of trailing blanks but keeps one inside a line', () => {
    const gap = ' \t'.repeat(50_000);
    expect(normaliseText(`a${gap}b${gap}\r\nc${gap}`)).toBe(`a${gap}b\nc`);
  });

  it('gives what the line-by-line rules give, with and without anything to rewrite inside', () => {
    const random = prng(11);
    const alphabet = [
      'a',
      'Z',
      ' ',
      ' ',
      '\t',
      '\n',
      '\n',
      '\r',
      '\uFEFF',
      '\u00a0',
      'ğ',
      '\ud800',
    ];
    const byLines = (raw: string) =>
      raw
        .replace(/^\uFEFF/, '')
        .replace(/\r\n?/g, '\n')
        .split('\n')
        .map(line => line.replace(/[ \t]+$/, ''))
        .join('\n')
        .trim();
    for (let round = 0; round < 400; round++) {
      // Half the rounds draw no CR and no blank before a line end: the path without a copy.
      const plain = round % 2 === 0;
      let text = '';
      for (let i = 0; i < 30; i++) {
        const c = alphabet[Math.floor(random() * alphabet.length)];
        if (plain && (c === '\r' || (c === '\n' && /[ \t]$/.test(text)))) continue;
        text += c;
      }
      expect(normaliseText(text), JSON.stringify(text)).toBe(byLines(text));
    }
  });

  it('removes the BOM, CR line ends and trailing blanks on each line', () => {
    expect(normaliseText('\uFEFF  Line one  \r\nLine two\t\rLine three\r\n\r\n')).toBe(
      'Line one\nLine two\nLine three',
    );
  });
});

describe('titleFromBody', () => {
  it('never cuts the headline inside an abbreviation', () => {
    expect(
      titleFromBody('U.S. and E.U. envoys met Mr. Li in St. Petersburg on Monday. More followed.'),
    ).toBe('U.S. and E.U. envoys met Mr. Li in St. Petersburg on Monday');
  });

  it.each(hostile)(
    'takes time linear in the length of %s',
    name => void expectLinearTime(HOSTILE_TEXTS[name], titleFromBody),
    TIMING,
  );

  it('ends at the first sentence', () => {
    expect(titleFromBody('Talks ended. Both sides left.')).toBe('Talks ended');
  });

  it('does not end a sentence at an abbreviation followed by lower case', () => {
    expect(titleFromBody('Talks on Feb. to start in Moscow. Next.')).toBe(
      'Talks on Feb. to start in Moscow',
    );
  });

  it('cuts a long sentence at a word boundary, never inside a word, and marks the cut', () => {
    const body = `${'Negotiations '.repeat(12)}ended.`;
    const title = titleFromBody(body)!;
    expect(title.endsWith('…')).toBe(true);
    expect(title.length).toBeLessThanOrEqual(91);
    const kept = title.slice(0, -1);
    expect(body.startsWith(kept)).toBe(true);
    expect(body[kept.length]).toBe(' ');
  });

  it('returns null for blank text', () => {
    expect(titleFromBody('  \n\n  ')).toBeNull();
  });
});

describe('paragraphSpans', () => {
  it.each(hostile)(
    'takes time linear in the length of %s',
    name => void expectLinearTime(HOSTILE_TEXTS[name], paragraphSpans),
    TIMING,
  );

  it('splits at blank lines and at two spaces after a sentence, NBSP included', () => {
    const text = 'One.  Two.\u00a0 Three.\n\nFour\n \nFive.';
    const spans = paragraphSpans(text);
    expect(spans.map(s => text.slice(s.start, s.end))).toEqual([
      'One.',
      'Two.',
      'Three.',
      'Four',
      'Five.',
    ]);
    expectSpansCoverText(text, spans);
  });

  it('keeps two spaces inside a sentence (not after its end) in one paragraph', () => {
    const text = 'Turkey,  Russia and Iran met.';
    expect(paragraphSpans(text)).toEqual([{ start: 0, end: text.length }]);
  });

  it('keeps a single line break inside a paragraph', () => {
    const text = 'Line one\nline two.';
    expect(paragraphSpans(text)).toEqual([{ start: 0, end: text.length }]);
  });

  it('returns no paragraphs for empty text', () => {
    expect(paragraphSpans('')).toEqual([]);
  });
});

describe('countWords', () => {
  it.each(hostile)(
    'takes time linear in the length of %s',
    name => void expectLinearTime(HOSTILE_TEXTS[name], countWords),
    TIMING,
  );

  it('counts words in any script, with apostrophes, hyphens and decimals inside one word', () => {
    expect(countWords("Erdoğan met Лавров's four-way aide at 10.30 — twice.")).toBe(8);
  });

  it('counts nothing in punctuation alone', () => {
    expect(countWords(' — … – ')).toBe(0);
  });

  it('counts as the word pattern matches, on random mixes of letters, digits and joiners', () => {
    const random = prng(7);
    const alphabet = ['a', 'Z', '7', 'ğ', 'Л', '𝐀', "'", '’', '-', '.', ' ', '—', '\n', '\ud800'];
    for (let round = 0; round < 200; round++) {
      let text = '';
      for (let i = 0; i < 40; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      const expected = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’\-.]*/gu)?.length ?? 0;
      expect(countWords(text), JSON.stringify(text)).toBe(expected);
    }
  });
});

describe('contentId', () => {
  it('is 16 hex characters, the same for the same text', () => {
    const id = contentId('The ministers met.');
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(contentId('The ministers met.')).toBe(id);
  });

  it('changes when a single character is edited', () => {
    expect(contentId('The ministers met.')).not.toBe(contentId('The ministers met!'));
  });

  it('is the first 16 hex digits of the SHA-256 of the UTF-8 text, so stored ids never change', () => {
    for (const text of ['', 'The ministers met.', 'Erdoğan – 北京 \u{1F600}', 'lone \ud800 half']) {
      const digest = createHash('sha256').update(text, 'utf8').digest('hex');
      expect(contentId(text)).toBe(digest.slice(0, 16));
    }
    expect(contentId('The ministers met.')).toBe('f846a7b47a3b988d');
  });
});
