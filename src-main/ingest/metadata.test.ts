import { describe, expect, it } from 'vitest';
import { HOSTILE_TEXTS } from '../testing/hostile-text';
import { expectLinearTime } from '../testing/linear-time';
import { cleanPublisher, findPublisher, parseDateText, readDateline, readHeader } from './metadata';

const hostile = Object.keys(HOSTILE_TEXTS);
/** Each linear-time case may take a few hundred milliseconds on a loaded machine. */
const TIMING = 20_000;

describe('parseDateText', () => {
  it.each([
    ['2023-04-24', '2023-04-24'],
    ['2023-4-5', '2023-04-05'],
    ['2023-04-24T10:15:00Z', '2023-04-24'],
    ['April 24, 2023', '2023-04-24'],
    ['Apr. 24, 2023', '2023-04-24'],
    ['24 April 2023', '2023-04-24'],
    ['24 Apr 2023', '2023-04-24'],
    ['  2024-02-29  ', '2024-02-29'],
  ])('reads %j as %s', (text, iso) => {
    expect(parseDateText(text)).toBe(iso);
  });

  it.each([
    '2023-02-30',
    '2023-02-29',
    '2023-13-01',
    '2023-00-10',
    'April 31, 2023',
    'Smarch 3, 2023',
    'Ma 3, 2023',
    '1899-12-31',
    '2201-01-01',
    'yesterday',
    '',
  ])('refuses %j as not a real date', text => {
    expect(parseDateText(text)).toBeNull();
  });
});

describe('readHeader', () => {
  it.each(hostile)(
    'takes time linear in the length of %s',
    name => void expectLinearTime(HOSTILE_TEXTS[name], readHeader),
    TIMING,
  );

  it('reads a header value with a long gap inside it', () => {
    const gap = ' '.repeat(10_000);
    expect(readHeader(`Title: Talks${gap}resume\n\nBody.`).title).toBe(
      `Talks${gap}resume`.slice(0, 300),
    );
  });

  it('reads the inline date prefix of the bundled corpus', () => {
    const text = ' date 2023-04-24 The ministers met.';
    const h = readHeader(text);
    expect(h.published).toBe('2023-04-24');
    expect(text.slice(h.bodyStart)).toBe('The ministers met.');
  });

  it('leaves an impossible inline date in the text rather than dropping it', () => {
    const h = readHeader('date 2023-02-30 The ministers met.');
    expect(h.published).toBeNull();
    expect(h.bodyStart).toBe(0);
  });

  it('reads a block of Key: value lines ended by a blank line, ignoring unknown-but-known keys', () => {
    const text =
      'Headline: Talks in Moscow\nPublisher: Anadolu\nAuthor: Jane Doe\nPublished: 24 April 2023\n\nBody.';
    const h = readHeader(text);
    expect(h).toMatchObject({
      title: 'Talks in Moscow',
      publisher: 'Anadolu',
      published: '2023-04-24',
    });
    expect(text.slice(h.bodyStart)).toBe('Body.');
  });

  it('does not mistake a first sentence with a colon for a header', () => {
    const text = 'Note: the ministers met on Tuesday.';
    expect(readHeader(text)).toEqual({
      title: null,
      publisher: null,
      author: null,
      url: null,
      published: null,
      bodyStart: 0,
    });
  });

  it('keeps header values within what an article may carry (publisher 200, title 300)', () => {
    const h = readHeader(
      `Source: ${'Agency '.repeat(60)}\nTitle: ${'Headline '.repeat(60)}\n\nBody.`,
    );
    expect(h.publisher).toHaveLength(200);
    expect(h.publisher).toMatch(/^Agency Agency/);
    expect(h.title).toHaveLength(300);
  });
});

describe('readDateline', () => {
  it.each(hostile)(
    'takes time linear in the length of %s',
    name => void expectLinearTime(HOSTILE_TEXTS[name], readDateline),
    TIMING,
  );

  it('reads place and agency from "MOSCOW, April 24 (Reuters) -"', () => {
    const body = 'MOSCOW, April 24 (Reuters) - Russia said on Monday.';
    const d = readDateline(body);
    expect(d).toMatchObject({ place: 'MOSCOW', agency: 'Reuters' });
    expect(body.slice(d!.length)).toBe('Russia said on Monday.');
  });

  it('reads "TEHRAN –" with an en dash and no agency', () => {
    expect(readDateline('TEHRAN – Iranian Defense Minister arrived.')).toEqual({
      place: 'TEHRAN',
      agency: null,
      length: 'TEHRAN – '.length,
    });
  });

  it('reads a two-word place', () => {
    expect(readDateline('NEW YORK (AP) — Stocks fell.')).toMatchObject({
      place: 'NEW YORK',
      agency: 'AP',
    });
  });

  it('finds no dateline in a sentence that starts with an ordinary word', () => {
    expect(readDateline('Iran said on Monday - that the talks went well.')).toBeNull();
    expect(readDateline('The meeting - a first - was held in Moscow.')).toBeNull();
  });

  it('finds no dateline in a single capital letter before a dash', () => {
    expect(readDateline('A – B')).toBeNull();
  });

  it('finds no dateline in an upper-case run longer than an article may carry (120)', () => {
    expect(readDateline(`${'TEHRAN'.repeat(21)} – The ministers met.`)).toBeNull();
    expect(readDateline(`${'TEHRAN'.repeat(20)} – The ministers met.`)).toMatchObject({
      place: 'TEHRAN'.repeat(20),
    });
  });
});

describe('findPublisher', () => {
  it.each(hostile)(
    'takes time linear in the length of %s',
    name => void expectLinearTime(HOSTILE_TEXTS[name], findPublisher),
    TIMING,
  );

  it('reads a Source: line after many blank lines, and one at the very end of the text', () => {
    expect(findPublisher(`Text.${'\n  '.repeat(5000)}\nSource: Al-Monitor\nMore.`)).toBe(
      'Al-Monitor',
    );
    expect(findPublisher('Text.\nPublisher:   The Economist')).toBe('The Economist');
  });

  it('finds no publisher in a copyright sign followed by a long gap and lower-case words', () => {
    expect(findPublisher(`© 2020${' '.repeat(50_000)}and so on`)).toBeNull();
  });

  it('reads a Creative Commons licence line', () => {
    expect(
      findPublisher('Text.\nAll Content by Mehr News Agency is licensed under a Creative Commons'),
    ).toBe('Mehr News Agency');
  });

  it('reads a © line with a year or a range of years', () => {
    expect(findPublisher('Text.\n© 2023 Reuters. All rights reserved.')).toBe('Reuters');
    expect(findPublisher('Text.\nCopyright 2020–2023 The Guardian, London')).toBe('The Guardian');
  });

  it('reads a Source: line', () => {
    expect(findPublisher('The ministers met.\nSource: Al-Monitor\n')).toBe('Al-Monitor');
  });

  it('returns null when the text names no publisher', () => {
    expect(findPublisher('The ministers met in Moscow on Tuesday.')).toBeNull();
  });
});

describe('cleanPublisher', () => {
  it('keeps the name and drops the licence words around it', () => {
    expect(cleanPublisher('Copyright LaPresse')).toBe('LaPresse');
    expect(cleanPublisher('© 2019-2021 LaPresse S.p.A. All rights reserved.')).toBe(
      'LaPresse S.p.A',
    );
    expect(cleanPublisher('(c) Reuters')).toBe('Reuters');
    expect(cleanPublisher('Daily Test')).toBe('Daily Test');
  });

  it('is null when nothing but the licence words is left', () => {
    expect(cleanPublisher('Copyright 2024')).toBeNull();
  });
});
