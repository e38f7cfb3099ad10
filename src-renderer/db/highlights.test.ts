import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReadoutDB } from './db';
import { allTags, cleanTag, newHighlight } from './highlights';

const article = {
  id: '0123456789abcdef',
  contentHash: 'fedcba9876543210',
  text: 'The ministers met in Moscow on April 25.',
};

let db: ReadoutDB;
beforeEach(() => {
  db = new ReadoutDB('test-' + Math.random());
});
afterEach(async () => {
  await db.delete();
});

describe('newHighlight', () => {
  it('describes the passage with both selectors and the article version', () => {
    const h = newHighlight(article, 21, 27, 1, 5);
    expect(h.quote).toEqual({
      exact: 'Moscow',
      prefix: 'The ministers met in ',
      suffix: ' on April 25.',
    });
    expect(h.position).toEqual({ start: 21, end: 27 });
    expect(h.articleVersion).toBe('fedcba9876543210');
    expect(h.createdAt).toBe(5);
  });
});

describe('allTags', () => {
  it('lists the tags of highlights and article notes once each, sorted', async () => {
    await db.highlights.put({ ...newHighlight(article, 0, 3, 0), tags: ['moscow', 'iran'] });
    await db.articleNotes.put({
      articleId: article.id,
      text: '',
      tags: ['iran', 'defence'],
      updatedAt: 1,
    });
    expect(await allTags(db)).toEqual(['defence', 'iran', 'moscow']);
  });
});

describe('cleanTag', () => {
  it('trims, collapses spaces and drops a leading #', () => {
    expect(cleanTag('  #follow   up ')).toBe('follow up');
    expect(cleanTag('   ')).toBeNull();
  });
});
