import { describe, expect, it, vi } from 'vitest';
import type { Article } from '../../src-main/contract/article';
import { blankValues } from './fields';
import { extractDraft, prefillFrom } from './prefill';
import { draftFromSpan } from './selection';
import { meeting, mention } from './testing';

const TEXT = 'Crops were late. Chilean and Peruvian envoys met in Lima on Monday. Rain fell.';
const ARTICLE: Article = {
  id: '0123456789abcdef',
  source: 'notes/a.txt',
  file: 'a.txt',
  title: 'Andean notes',
  publisher: null,
  published: '2024-03-06',
  dateline: null,
  text: TEXT,
  paragraphs: [{ start: 0, end: TEXT.length }],
  wordCount: 14,
};
const at = TEXT.indexOf('Chilean');
const draft = draftFromSpan(ARTICLE, at + 3, at + 12)!;
const found = meeting('x', [
  mention(ARTICLE.id, at, 'Chilean and Peruvian envoys met in Lima on Monday.', {
    status: 'held',
    date: { start: '2024-03-04', end: null, precision: 'day', text: 'on Monday' },
  }),
]);

describe('prefillFrom', () => {
  it('takes every field the extractor read, and the whole selected sentence as the source', () => {
    const p = prefillFrom(draft, { ...found, status: 'held', outcome: 'postponed' });
    expect(p.found).toBe(true);
    expect(p.values.title).toBe(found.title);
    expect(p.values.place).toEqual(found.place);
    expect(p.values.countries).toEqual(found.participants.countries);
    expect(p.mention.sentence).toBe('Chilean and Peruvian envoys met in Lima on Monday.');
    expect(p.mention.date.start).toBe('2024-03-04');
    expect(p.mention.outcome).toBe('postponed');
  });

  it('starts blank, and says it found nothing, when the extractor found no meeting', () => {
    const p = prefillFrom(draft, null);
    expect(p).toEqual({ values: blankValues(), mention: draft.mention, found: false });
  });
});

describe('extractDraft', () => {
  it('sends the sentence’s offsets with its article, without the stored extras', async () => {
    const extract = vi.fn(async () => ({ ok: true as const, value: { meeting: found } }));
    const out = await extractDraft(
      draft,
      { ...ARTICLE, contentHash: 'x', importedAt: 1 } as Article,
      extract,
    );
    expect(extract).toHaveBeenCalledWith({
      article: ARTICLE,
      start: draft.mention.start,
      end: draft.mention.end,
    });
    expect(out.ok && out.value.found).toBe(true);
  });

  it('answers an error value when the article is gone or main fails', async () => {
    const extract = vi.fn(async () => ({
      ok: false as const,
      error: { code: 'io', message: 'no answer' },
    }));
    expect(await extractDraft(draft, undefined, extract)).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(await extractDraft(draft, ARTICLE, extract)).toMatchObject({
      ok: false,
      error: { message: 'no answer' },
    });
  });
});
