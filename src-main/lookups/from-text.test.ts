import { describe, expect, it } from 'vitest';
import { testArticle } from '../meetings/test-article';
import { meetingFromText } from './from-text';

const TEXT = [
  'Farmers in the valley expect a good harvest this year.',
  'German and Polish foreign ministers will meet in Warsaw on Friday to discuss rail links.',
  'Prices of wheat rose again.',
].join(' ');

const span = (text: string, sentence: string) => {
  const start = text.indexOf(sentence);
  return [start, start + sentence.length] as const;
};

describe('meetingFromText', () => {
  it('reads every field the extractor finds in the selected sentence', () => {
    const article = testArticle(TEXT, { published: '2024-05-06', source: 'a.txt' });
    const [start, end] = span(TEXT, 'German and Polish');
    const m = meetingFromText(article, start, end + 60);
    expect(m).not.toBeNull();
    expect(m!.status).toBe('scheduled');
    expect(m!.date.start).toBe('2024-05-10');
    expect(m!.place.city).toBe('Warsaw');
    expect(m!.participants.countries.map(c => c.code).sort()).toEqual(['DE', 'PL']);
    expect(m!.mentions).toHaveLength(1);
    expect(m!.mentions[0].articleId).toBe(article.id);
    expect(TEXT.slice(m!.mentions[0].start, m!.mentions[0].end)).toContain('Warsaw');
  });

  it('answers null for a sentence that reports no meeting', () => {
    const article = testArticle(TEXT, { published: '2024-05-06' });
    const [start, end] = span(TEXT, 'Prices of wheat rose again.');
    expect(meetingFromText(article, start, end)).toBeNull();
  });

  it('answers null for an empty or out-of-range span', () => {
    const article = testArticle(TEXT, { published: '2024-05-06' });
    expect(meetingFromText(article, 10, 10)).toBeNull();
    expect(meetingFromText(article, TEXT.length + 5, TEXT.length + 9)).toBeNull();
  });
});
