/**
 * Annotations in the W3C Web Annotation Data Model (JSON-LD), so that other annotation tools
 * (Hypothesis, Recogito, annotation servers) can read them. Highlights become annotations whose
 * target is the article with a quote selector and a position selector — the same pair Readout
 * anchors with; notes and tags become commenting and tagging bodies; the colour's meaning becomes
 * a classifying body. An article note targets the whole article.
 */
import type { ArticleNote, Highlight, StoredArticle } from '../db/db';
import type { AnnotationSet } from './annotations';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

export const articleUrn = (id: string) => `urn:readout:article:${id}`;

interface TextualBody {
  type: 'TextualBody';
  value: string;
  purpose: 'commenting' | 'tagging' | 'classifying';
  format?: 'text/markdown';
}

export interface WebAnnotation {
  id: string;
  type: 'Annotation';
  motivation: 'highlighting' | 'commenting';
  created: string;
  modified: string;
  body?: TextualBody[];
  target:
    | string
    | {
        source: string;
        selector: (
          | { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string }
          | { type: 'TextPositionSelector'; start: number; end: number }
        )[];
      };
}

export interface AnnotationCollection {
  '@context': typeof ANNO_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  generator: { id: string; type: 'Software'; name: string };
  generated: string;
  first: { type: 'AnnotationPage'; startIndex: 0; items: WebAnnotation[] };
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Notes are written in Markdown (the reader renders them so), and the body says so. */
function textBodies(note: string, tags: string[]): TextualBody[] {
  const bodies: TextualBody[] = [];
  if (note.trim())
    bodies.push({
      type: 'TextualBody',
      value: note,
      purpose: 'commenting',
      format: 'text/markdown',
    });
  for (const tag of tags) bodies.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  return bodies;
}

export function highlightAnnotation(h: Highlight, meanings: string[]): WebAnnotation {
  const body: TextualBody[] = [
    {
      type: 'TextualBody',
      value: meanings[h.colour] ?? `Colour ${h.colour + 1}`,
      purpose: 'classifying',
    },
    ...textBodies(h.note, h.tags),
  ];
  return {
    id: `urn:readout:highlight:${h.id}`,
    type: 'Annotation',
    motivation: h.note.trim() ? 'commenting' : 'highlighting',
    created: iso(h.createdAt),
    modified: iso(h.updatedAt),
    body,
    target: {
      source: articleUrn(h.articleId),
      selector: [
        { type: 'TextQuoteSelector', ...h.quote },
        { type: 'TextPositionSelector', start: h.position.start, end: h.position.end },
      ],
    },
  };
}

export function noteAnnotation(n: ArticleNote, article: StoredArticle): WebAnnotation {
  return {
    id: `urn:readout:article-note:${n.articleId}`,
    type: 'Annotation',
    motivation: 'commenting',
    created: iso(n.updatedAt),
    modified: iso(n.updatedAt),
    body: textBodies(n.text, n.tags),
    target: articleUrn(article.id),
  };
}

/** One collection with a single page holding every annotation of the set. */
export function annotationsToWebAnnotation(
  set: AnnotationSet,
  exportedAt = new Date(),
): AnnotationCollection {
  const items: WebAnnotation[] = [];
  for (const { article, highlights, note } of set.articles) {
    if (note) items.push(noteAnnotation(note, article));
    for (const h of highlights) items.push(highlightAnnotation(h, set.colourMeanings));
  }
  return {
    '@context': ANNO_CONTEXT,
    id: `urn:readout:export:${exportedAt.getTime()}`,
    type: 'AnnotationCollection',
    label: 'Readout annotations',
    total: items.length,
    generator: { id: 'urn:readout:app', type: 'Software', name: 'Readout' },
    generated: exportedAt.toISOString(),
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
}
