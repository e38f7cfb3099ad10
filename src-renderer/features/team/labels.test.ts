import { describe, expect, it } from 'vitest';
import type { DecisionNeeded } from '../../sync/needs-decision';
import { fieldLabel, subjectLabel, timeText, valueText } from './labels';

/** An entry of Needs your decision about `field` of the document `subject`. */
function entry(subject: string, field: string, source: 'doc' | 'meeting' = 'doc'): DecisionNeeded {
  return {
    id: `${subject}|${field}`,
    source,
    subject,
    field,
    values: [
      { value: 'a', by: 'ana', at: 1 },
      { value: 'b', by: 'ben', at: 2 },
    ],
  };
}

const ARTICLE = 'article:0123456789abcdef';

describe('subjectLabel', () => {
  it('names every kind of synced record, articles included', () => {
    expect(subjectLabel(entry(ARTICLE, 'title'))).toBe('Article');
    expect(subjectLabel(entry('highlight:h1', 'note'))).toBe('Highlight');
    expect(subjectLabel(entry('article-note:ana:x', 'text'))).toBe('Article note');
    expect(subjectLabel(entry('briefing:m1', 'bottomLine'))).toBe('Briefing');
    expect(subjectLabel(entry('colour-meanings', '0'))).toBe('Colour meanings');
    expect(subjectLabel(entry('m1', 'date', 'meeting'))).toBe('Meeting');
  });
});

describe('fieldLabel', () => {
  it('gives each article field the name an analyst knows it by', () => {
    const labels = [
      'content',
      'title',
      'publisher',
      'author',
      'published',
      'url',
      'trashedAt',
      'trashedBy',
    ].map(field => fieldLabel(entry(ARTICLE, field)));
    expect(labels).toEqual([
      'Text and file details',
      'Title (corrected)',
      'Publisher (corrected)',
      'Author (corrected)',
      'Publication date (corrected)',
      'Web address (corrected)',
      'Trash',
      'Trashed by',
    ]);
  });

  it('names highlight, note and meeting fields, and never shows a raw field name', () => {
    expect(fieldLabel(entry('highlight:h1', 'note'))).toBe('Note');
    expect(fieldLabel(entry('highlight:h1', 'trashedWithArticle'))).toBe(
      'Trashed with its article',
    );
    expect(fieldLabel(entry('article-note:ana:x', 'text'))).toBe('Note');
    expect(fieldLabel(entry('m1', 'organizations', 'meeting'))).toBe('Organisations');
    expect(fieldLabel(entry('colour-meanings', '2'))).toBe('Meaning of colour 3');
    // A field a newer build added: spelled out, not shown as an identifier.
    expect(fieldLabel(entry(ARTICLE, 'readingLevel'))).toBe('Reading level');
  });
});

describe('valueText', () => {
  it('shows an article’s text version by its title, length and time, never the text as JSON', () => {
    const item = entry(ARTICLE, 'content');
    const content = {
      contentHash: '0123456789abcdef',
      storedAt: Date.UTC(2026, 2, 2, 9, 30),
      title: 'Ministers agree to talk again',
      text: 'A long text. '.repeat(1000),
      wordCount: 3000,
    };
    const text = valueText(item, content);
    expect(text).toBe(
      `“Ministers agree to talk again”, 3000 words, stored ${timeText(content.storedAt)}`,
    );
    expect(text).not.toContain('A long text');
  });

  it('says whether an item is in the trash, and since when', () => {
    const item = entry(ARTICLE, 'trashedAt');
    expect(valueText(item, undefined)).toBe('Not in the trash');
    expect(valueText(item, 1_700_000_000_000)).toBe(
      `In the trash since ${timeText(1_700_000_000_000)}`,
    );
  });

  it('shows a highlighted passage as its words and a meeting date as dates', () => {
    expect(valueText(entry('highlight:h1', 'quote'), { exact: 'agreed to meet', prefix: '' })).toBe(
      '“agreed to meet”',
    );
    const date = { start: '2026-03-04', end: '2026-03-06', precision: 'day', text: null };
    expect(valueText(entry('m1', 'date', 'meeting'), date)).toBe('2026-03-04 – 2026-03-06');
  });

  it('shows a briefing’s key points numbered, one a line, and left-out highlights by count', () => {
    const points = [
      { key: 'own:1', text: 'Both sides want a second round.', articleId: null },
      { key: 'h:h1', text: 'The ministers met for three hours.', articleId: 'a1' },
    ];
    const text = valueText(entry('briefing:m1', 'keyPoints'), points);
    expect(text).toBe('1. Both sides want a second round.\n2. The ministers met for three hours.');
    expect(text).not.toContain('{');
    expect(valueText(entry('briefing:m1', 'keyPoints'), [])).toBe('(no key points)');
    expect(valueText(entry('briefing:m1', 'excludedHighlights'), ['h1', 'h2'])).toBe(
      '2 highlights left out',
    );
    expect(valueText(entry('briefing:m1', 'excludedHighlights'), [])).toBe('None left out');
  });
});
