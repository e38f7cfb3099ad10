import { describe, expect, it } from 'vitest';
import { articleDoc, createIndex, highlightDoc, noteDoc, searchIndex } from './index';
import { makeArticle, makeHighlight, makeNote } from './testing';

const geneva = makeArticle(
  'Talks resume in Genève',
  'Negotiators met on Tuesday in Genève to discuss the nuclear programme.\n\nThe envoy said progress was slow.',
);
const oslo = makeArticle(
  'Oslo forum opens',
  'Delegates gathered in Oslo for the annual forum on mediation.',
);

function indexOf() {
  const index = createIndex();
  index.addAll([articleDoc(geneva), articleDoc(oslo)]);
  return index;
}

describe('searchIndex', () => {
  it('finds articles by words of their text, ignoring case and accents', () => {
    const hits = searchIndex(indexOf(), 'geneve NUCLEAR');
    expect(hits.map(h => h.articleId)).toEqual([geneva.id]);
    expect(hits[0].kind).toBe('article');
    expect(hits[0].terms).toEqual(expect.arrayContaining(['geneve', 'nuclear']));
  });

  it('matches prefixes and small typos', () => {
    expect(searchIndex(indexOf(), 'negotiat')[0]?.articleId).toBe(geneva.id);
    expect(searchIndex(indexOf(), 'mediatoin')[0]?.articleId).toBe(oslo.id);
  });

  it('keeps to the words as written when they match, and allows typos only when they do not', () => {
    const index = createIndex();
    const vienna = makeArticle('Talks in Vienna', 'The envoys met in Vienna on Monday.');
    const vienne = makeArticle('Wine fair', 'Growers from Vienne showed their new vintage.');
    index.addAll([articleDoc(vienna), articleDoc(vienne)]);
    expect(searchIndex(index, 'vienna').map(h => h.articleId)).toEqual([vienna.id]);
    expect(searchIndex(index, 'vienne').map(h => h.articleId)).toEqual([vienne.id]);
    expect(searchIndex(index, 'vintahe').map(h => h.articleId)).toEqual([vienne.id]);
    expect(searchIndex(index, 'envoys viena').map(h => h.articleId)).toEqual([vienna.id]);
  });

  it('ranks a title match above a text match', () => {
    const index = createIndex();
    const inText = makeArticle(
      'Weekly roundup',
      'Also: the Oslo forum was mentioned in passing here.',
    );
    index.addAll([articleDoc(inText), articleDoc(oslo)]);
    expect(searchIndex(index, 'oslo').map(h => h.articleId)).toEqual([oslo.id, inText.id]);
  });

  it('falls back to any word when no document has them all', () => {
    const hits = searchIndex(indexOf(), 'oslo zanzibar');
    expect(hits.map(h => h.articleId)).toEqual([oslo.id]);
  });

  it('returns nothing for an empty query', () => {
    expect(searchIndex(indexOf(), '   ')).toEqual([]);
  });

  it('finds highlights by note and tags, with their position', () => {
    const index = indexOf();
    const h = makeHighlight(geneva, 'progress was slow', {
      note: 'Sceptical envoy',
      tags: ['follow-up'],
    });
    index.add(highlightDoc(h));
    index.add(noteDoc(makeNote(oslo, 'Check the delegate list', ['mediation'])));
    const byNote = searchIndex(index, 'sceptical');
    expect(byNote).toEqual([
      expect.objectContaining({ kind: 'highlight', articleId: geneva.id, position: h.position }),
    ]);
    expect(searchIndex(index, 'follow')[0]?.kind).toBe('highlight');
    const byTag = searchIndex(index, 'delegate list');
    expect(byTag[0]).toEqual(
      expect.objectContaining({ kind: 'article-note', articleId: oslo.id, position: null }),
    );
  });
});
