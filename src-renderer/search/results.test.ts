import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { storeArticles } from '../db/articles';
import { ReadoutDB } from '../db/db';
import { setArchived, trashArticles } from '../db/library';
import { articleDoc, createIndex, highlightDoc, noteDoc, searchIndex } from './index';
import { describeHit, resolveHits } from './results';
import { makeArticle, makeHighlight, makeNote } from './testing';

const article = makeArticle(
  'Delegations arrive',
  'Delegations arrived on Sunday.\n\nThe Qatari mediators will host the talks in Doha next week.',
);
const highlight = makeHighlight(article, 'host the talks in Doha', {
  note: 'Venue confirmed',
  tags: ['doha'],
});
const note = makeNote(article, 'Ask the desk about the mediators', ['qatar']);

function indexed() {
  const index = createIndex();
  index.addAll([articleDoc(article), highlightDoc(highlight), noteDoc(note)]);
  return index;
}

describe('describeHit', () => {
  it('jumps to the first occurrence of a matched word in an article', () => {
    const [hit] = searchIndex(indexed(), 'mediator').filter(h => h.kind === 'article');
    const item = describeHit(hit, { article });
    expect(article.text.slice(item.range!.start, item.range!.end)).toBe('mediators');
    expect(item.snippet.filter(s => s.match).map(s => s.text)).toEqual(['mediators']);
    expect(item.articleTitle).toBe('Delegations arrive');
  });

  it('opens a title-only match at the top of the article', () => {
    const [hit] = searchIndex(indexed(), 'delegations arrive').filter(h => h.kind === 'article');
    expect(describeHit(hit, { article }).range).toEqual({ start: 0, end: 11 });
    const titleOnly = makeArticle('Budget', 'Nothing about it here.');
    const index = createIndex();
    index.add(articleDoc(titleOnly));
    expect(describeHit(searchIndex(index, 'budget')[0], { article: titleOnly }).range).toBeNull();
  });

  it("jumps to a highlight's passage, showing the quote or the note where the words are", () => {
    const byQuote = searchIndex(indexed(), 'doha').find(h => h.kind === 'highlight')!;
    expect(describeHit(byQuote, { article, highlight })).toEqual(
      expect.objectContaining({ range: highlight.position, tags: ['doha'] }),
    );
    const byNote = searchIndex(indexed(), 'venue').find(h => h.kind === 'highlight')!;
    const item = describeHit(byNote, { article, highlight });
    expect(item.snippet.map(s => s.text).join('')).toBe('Venue confirmed');
    expect(item.range).toEqual(highlight.position);
  });

  it('opens the article of an article note, snippet from the note', () => {
    const hit = searchIndex(indexed(), 'desk')[0];
    const item = describeHit(hit, { article, note });
    expect(item).toEqual(
      expect.objectContaining({ kind: 'article-note', range: null, tags: ['qatar'] }),
    );
    expect(item.snippet.find(s => s.match)?.text).toBe('desk');
  });

  it("shows a note's Markdown as the text the analyst reads", () => {
    const marked = makeNote(article, '## Venue\n\n**Doha** is [confirmed](https://example.org)');
    const index = createIndex();
    index.add(noteDoc(marked));
    const item = describeHit(searchIndex(index, 'doha')[0], { article, note: marked });
    expect(item.snippet.map(s => s.text).join('')).toBe('Venue Doha is confirmed');
    expect(item.snippet.filter(s => s.match).map(s => s.text)).toEqual(['Doha']);
  });

  it('marks the matched words of the title too', () => {
    const [hit] = searchIndex(indexed(), 'delegations').filter(h => h.kind === 'article');
    expect(describeHit(hit, { article }).title).toEqual([
      { text: 'Delegations', match: true },
      { text: ' arrive', match: false },
    ]);
  });

  it('jumps to the passage the snippet shows, where the query words meet', () => {
    const long = makeArticle(
      'Long report',
      'Doha was quiet. ' +
        'Nothing happened there for a long while. '.repeat(6) +
        'Then the mediators met in Doha with both delegations.',
    );
    const index = createIndex();
    index.add(articleDoc(long));
    const item = describeHit(searchIndex(index, 'mediators doha')[0], { article: long });
    expect(long.text.slice(item.range!.start, item.range!.start + 19)).toBe('mediators met in Do');
    expect(item.snippet.filter(s => s.match).map(s => s.text)).toEqual(['mediators', 'Doha']);
  });
});

describe('resolveHits', () => {
  it('reads the records behind hits from the database', async () => {
    const db = new ReadoutDB('t-' + Math.random());
    await db.articles.add(article);
    await db.highlights.add(highlight);
    await db.articleNotes.put(note);
    const items = await resolveHits(db, searchIndex(indexed(), 'mediators'));
    expect(items.map(i => i.kind).sort()).toEqual(['article', 'article-note']);
    expect(items.every(i => i.articleTitle === 'Delegations arrive')).toBe(true);
  });

  it('leaves out hits in a trashed article and keeps those in an archived one', async () => {
    const db = new ReadoutDB('t-' + Math.random());
    await storeArticles(db, [article]);
    await setArchived(db, [article.id], 1);
    const kept = await resolveHits(db, searchIndex(indexed(), 'mediators'));
    expect(kept.map(i => i.kind)).toContain('article');
    await trashArticles(db, [article.id]);
    expect(await resolveHits(db, searchIndex(indexed(), 'mediators'))).toEqual([]);
  });
});
