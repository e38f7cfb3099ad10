import { describe, expect, it } from 'vitest';
import { addTags, splitTags } from './tag-entry';

describe('splitTags', () => {
  it('splits a pasted list on commas, semicolons and line breaks', () => {
    expect(splitTags('Iran, Russia')).toEqual(['Iran', 'Russia']);
    expect(splitTags('#syria;  refugees\nUN  envoy,,')).toEqual(['syria', 'refugees', 'UN envoy']);
  });

  it('gives nothing for separators and spaces alone', () => {
    expect(splitTags(' , ;\n')).toEqual([]);
  });
});

describe('addTags', () => {
  it('appends each new tag once, whatever its case', () => {
    expect(addTags(['iran'], 'Iran, Russia, russia', [])).toEqual(['iran', 'Russia']);
  });

  it('takes the spelling a tag already has elsewhere, so the two lists stay one', () => {
    expect(addTags([], 'IRAN, follow UP', ['follow up', 'iran'])).toEqual(['iran', 'follow up']);
  });

  it('returns the same list when nothing new is typed', () => {
    const tags = ['iran'];
    expect(addTags(tags, ' IRAN ,', ['iran'])).toBe(tags);
  });
});
