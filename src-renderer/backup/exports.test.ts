import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ReadoutDB } from '../db/db';
import { makeArticle, makeHighlight, makeNote } from '../search/testing';
import { collectAnnotations } from './annotations';
import { colourMeanings, DEFAULT_COLOUR_MEANINGS } from './colours';
import { annotationsToMarkdown } from './export-markdown';
import { ANNO_CONTEXT, annotationsToWebAnnotation } from './export-web-annotation';

const article = makeArticle(
  'Envoy visits *Kabul*',
  'The envoy arrived in Kabul on Sunday.\n\nShe will meet ministers on Monday.',
);
const quiet = makeArticle('Nothing marked', 'A story nobody annotated.');
const h1 = makeHighlight(article, 'She will meet ministers on Monday', {
  colour: 2,
  note: 'Which ministers?',
  tags: ['kabul', 'visit'],
  createdAt: Date.UTC(2024, 4, 2),
  updatedAt: Date.UTC(2024, 4, 3),
});
const h0 = makeHighlight(article, 'The envoy arrived', { colour: 0 });

async function filled(colours?: unknown): Promise<ReadoutDB> {
  const db = new ReadoutDB('t-' + Math.random());
  await db.articles.bulkAdd([article, quiet]);
  await db.highlights.bulkAdd([h1, h0]);
  await db.articleNotes.put(makeNote(article, 'Follow up with the desk.', ['afghanistan']));
  if (colours) await db.meta.put({ key: 'colours', value: colours });
  return db;
}

describe('colourMeanings', () => {
  it('reads renamed slots and falls back to the defaults for the rest', () => {
    expect(colourMeanings(['Main', 'People', '', 'When'])).toEqual([
      'Main',
      'People',
      'Date & place',
      'When',
      ...DEFAULT_COLOUR_MEANINGS.slice(4),
    ]);
    expect(colourMeanings(undefined)).toEqual([...DEFAULT_COLOUR_MEANINGS]);
  });

  it('names the colours as the app does, so exports and the reader agree', () => {
    expect(colourMeanings(undefined).slice(6)).toEqual(['Source', 'Follow-up']);
  });
});

describe('collectAnnotations', () => {
  it('lists only annotated articles, highlights in reading order', async () => {
    const set = await collectAnnotations(await filled());
    expect(set.articles.map(a => a.article.id)).toEqual([article.id]);
    expect(set.articles[0].highlights.map(h => h.id)).toEqual([h0.id, h1.id]);
  });

  it('lists one article even when it has no annotations', async () => {
    const set = await collectAnnotations(await filled(), quiet.id);
    expect(set.articles).toEqual([{ article: quiet, highlights: [], note: null }]);
  });
});

describe('annotationsToMarkdown', () => {
  it('writes title, source, article note, and each highlight as a quote with meaning, note and tags', async () => {
    const md = annotationsToMarkdown(
      await collectAnnotations(await filled(['Main'])),
      new Date('2025-02-01'),
    );
    expect(md).toBe(
      [
        '# Readout annotations',
        '',
        'Exported 2025-02-01: 1 article, 2 highlights.',
        '',
        '## Envoy visits \\*Kabul\\*',
        '',
        `Source: ${article.source}`,
        'Test Wire · 2024-05-01',
        '',
        '### Article note',
        '',
        'Follow up with the desk.',
        '',
        'Tags: `afghanistan`',
        '',
        '### Highlights',
        '',
        '> The envoy arrived',
        '',
        '— **Main**',
        '',
        '> She will meet ministers on Monday',
        '',
        '— **Date & place**',
        '',
        'Which ministers?',
        '',
        'Tags: `kabul`, `visit`',
        '',
      ].join('\n'),
    );
  });

  it("keeps the analyst's Markdown in notes as written", async () => {
    const db = await filled();
    await db.articleNotes.put(
      makeNote(article, '# Assessment\n\n- *likely* a [visit](https://example.org)\n', []),
    );
    await db.highlights.update(h1.id, { note: '## Why\n`Monday` is **new**' });
    const md = annotationsToMarkdown(await collectAnnotations(db));
    expect(md).toContain(
      '### Article note\n\n# Assessment\n\n- *likely* a [visit](https://example.org)\n',
    );
    expect(md).toContain('— **Date & place**\n\n## Why\n`Monday` is **new**\n');
    expect(md).not.toContain('\\#');
  });

  it('says when an article has no annotations', async () => {
    const md = annotationsToMarkdown(await collectAnnotations(await filled(), quiet.id));
    expect(md).toContain('## Nothing marked');
    expect(md).toContain('_No annotations yet._');
  });
});

describe('annotationsToWebAnnotation', () => {
  it('writes a W3C AnnotationCollection with quote and position selectors and textual bodies', async () => {
    const doc = annotationsToWebAnnotation(
      await collectAnnotations(await filled()),
      new Date('2025-02-01'),
    );
    expect(doc['@context']).toBe(ANNO_CONTEXT);
    expect(doc.type).toBe('AnnotationCollection');
    expect(doc.total).toBe(3);
    expect(doc.first.type).toBe('AnnotationPage');
    const [note, first, second] = doc.first.items;
    expect(note).toEqual({
      id: `urn:readout:article-note:${article.id}`,
      type: 'Annotation',
      motivation: 'commenting',
      created: expect.any(String),
      modified: expect.any(String),
      body: [
        {
          type: 'TextualBody',
          value: 'Follow up with the desk.',
          purpose: 'commenting',
          format: 'text/markdown',
        },
        { type: 'TextualBody', value: 'afghanistan', purpose: 'tagging' },
      ],
      target: `urn:readout:article:${article.id}`,
    });
    expect(first.motivation).toBe('highlighting');
    expect(second).toEqual({
      id: `urn:readout:highlight:${h1.id}`,
      type: 'Annotation',
      motivation: 'commenting',
      created: '2024-05-02T00:00:00.000Z',
      modified: '2024-05-03T00:00:00.000Z',
      body: [
        { type: 'TextualBody', value: 'Date & place', purpose: 'classifying' },
        {
          type: 'TextualBody',
          value: 'Which ministers?',
          purpose: 'commenting',
          format: 'text/markdown',
        },
        { type: 'TextualBody', value: 'kabul', purpose: 'tagging' },
        { type: 'TextualBody', value: 'visit', purpose: 'tagging' },
      ],
      target: {
        source: `urn:readout:article:${article.id}`,
        selector: [
          { type: 'TextQuoteSelector', ...h1.quote },
          { type: 'TextPositionSelector', ...h1.position },
        ],
      },
    });
    // The position selector points at the quoted text.
    expect(article.text.slice(h1.position.start, h1.position.end)).toBe(h1.quote.exact);
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });
});
