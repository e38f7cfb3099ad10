import { describe, expect, it } from 'vitest';
import { colourFields, colourNames, dataOf, docIdOf, parseDoc, refOf, toDoc } from './documents';

describe('docIdOf', () => {
  it('names article notes per analyst, everything else per record', () => {
    expect(docIdOf({ table: 'highlights', key: 'h1' }, 'ana')).toBe('highlight:h1');
    expect(docIdOf({ table: 'articleNotes', key: 'a1' }, 'ana')).toBe('article-note:ana:a1');
    expect(docIdOf({ table: 'colourMeanings', key: 'colour-meanings' }, 'ana')).toBe(
      'colour-meanings',
    );
  });
});

describe('refOf', () => {
  it('finds the record a document names, and leaves a teammate’s article note in PouchDB', () => {
    expect(refOf('decision:d1', 'ana')).toEqual({ table: 'meetingDecisions', key: 'd1' });
    expect(refOf('article-note:ana:a1', 'ana')).toEqual({ table: 'articleNotes', key: 'a1' });
    expect(refOf('article-note:ben:a1', 'ana')).toBeNull();
    expect(refOf('_design/readout', 'ana')).toBeNull();
    expect(refOf('meeting:m1', 'ana')).toBeNull();
  });
});

describe('toDoc', () => {
  it('keeps the author of an existing document and records who edited it', () => {
    const existing = parseDoc({
      _id: 'highlight:h1',
      _rev: '1-a',
      kind: 'highlight',
      schema: 1,
      authorId: 'ana',
      editedBy: 'ana',
      updatedAt: 1,
      data: {},
    })!;
    const doc = toDoc(
      { table: 'highlights', key: 'h1' },
      { updatedAt: 5 },
      { me: 'ben', now: 9, existing },
    );
    expect(doc).toMatchObject({
      _id: 'highlight:h1',
      _rev: '1-a',
      authorId: 'ana',
      editedBy: 'ben',
      updatedAt: 5,
      schema: 1,
    });
  });

  it('puts what a decision supersedes where the server can check it', () => {
    const doc = toDoc(
      { table: 'meetingDecisions', key: 'd2' },
      { supersedes: ['d1'] },
      { me: 'ana', now: 1, existing: null },
    );
    expect(doc).toMatchObject({
      _id: 'decision:d2',
      kind: 'decision',
      authorId: 'ana',
      supersedes: ['d1'],
    });
  });
});

describe('parseDoc', () => {
  it('refuses documents that are not a known kind and schema', () => {
    const base = {
      _id: 'x:1',
      _rev: '1-a',
      schema: 1,
      authorId: 'ana',
      editedBy: 'ana',
      updatedAt: 1,
      data: {},
    };
    expect(parseDoc({ ...base, kind: 'highlight' })).not.toBeNull();
    expect(parseDoc({ ...base, kind: 'search-index' })).toBeNull();
    expect(parseDoc({ ...base, kind: 'highlight', schema: 2 })).toBeNull();
    expect(parseDoc({ ...base, kind: 'highlight', authorId: '' })).toBeNull();
  });
});

describe('dataOf', () => {
  it('keeps a malformed highlight out of Dexie', () => {
    const doc = parseDoc({
      _id: 'highlight:h1',
      _rev: '1-a',
      kind: 'highlight',
      schema: 1,
      authorId: 'ana',
      editedBy: 'ana',
      updatedAt: 1,
      data: { id: 'h1', colour: 99 },
    })!;
    expect(dataOf({ table: 'highlights', key: 'h1' }, doc)).toBeNull();
  });
});

describe('colourFields', () => {
  it('gives each colour slot a field of its own, so renaming two slots never conflicts', () => {
    expect(colourFields(['Key point', 'Date'])).toEqual({ 0: 'Key point', 1: 'Date' });
  });
});

describe('colourNames', () => {
  it('reads the slots back in order', () => {
    expect(colourNames({ 1: 'Date', 0: 'Key point' })).toEqual(['Key point', 'Date']);
  });
});
