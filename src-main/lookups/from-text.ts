/**
 * "Add meeting from selection": the extractor run on the one sentence the analyst picked, so the
 * Add form opens filled in. The whole article is read, as the extractor reads any article, so a
 * date or place carried from earlier sentences is found too; the meeting whose evidence covers
 * the selected sentence is the answer. When the extractor found none there (it missed a cue the
 * analyst saw), the sentence alone is read as a one-sentence article with the source's
 * publication date, which still resolves "on Tuesday" and names countries and people.
 */
import { createHash } from 'node:crypto';
import type { Article } from '../contract/article';
import type { Meeting } from '../contract/meeting';
import { extractMeetings } from '../meetings';

const overlaps = (a: { start: number; end: number }, start: number, end: number) =>
  a.start < end && start < a.end;

/** The article holding only `sentence`, dated like its source. */
function sentenceArticle(article: Article, sentence: string): Article {
  return {
    ...article,
    id: createHash('sha256').update(sentence).digest('hex').slice(0, 16),
    dateline: null,
    text: sentence,
    paragraphs: [{ start: 0, end: sentence.length }],
    wordCount: sentence.split(/\s+/).filter(Boolean).length,
  };
}

/**
 * The meeting the extractor reads in `article.text[start..end]`, with its mentions narrowed to
 * that sentence (offsets into `article.text`), or null when it finds none even in the sentence.
 */
export function meetingFromText(article: Article, start: number, end: number): Meeting | null {
  const from = Math.max(0, Math.min(start, article.text.length));
  const to = Math.max(from, Math.min(end, article.text.length));
  if (to <= from) return null;
  for (const m of extractMeetings([article])) {
    const here = m.mentions.filter(x => overlaps(x, from, to));
    if (here.length > 0) return { ...m, mentions: here };
  }
  const sentence = article.text.slice(from, to);
  const [alone] = extractMeetings([sentenceArticle(article, sentence)]);
  if (!alone) return null;
  return {
    ...alone,
    mentions: alone.mentions.map(x => ({
      ...x,
      file: article.source,
      articleId: article.id,
      start: x.start + from,
      end: x.end + from,
    })),
  };
}
