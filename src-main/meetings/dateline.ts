/**
 * Datelines: "TEHRAN –", "Abuja, Nigeria | Agency |" at the head of a story say where and when
 * it was filed. Extraction reads neither their place nor their day as a meeting's, so it needs
 * to know where the dateline ends.
 */
import type { Article } from '../contract/article';

const DATELINE_RE =
  /^\s*([A-Z][A-Z .'’-]{1,40}(?:,\s*[A-Z][\p{L} .]{1,30})?)\s*(?:\([^)]{1,40}\)\s*)?(?:[–—]|--?)\s+/u;

/**
 * A dateline that names its agency: "Abuja, Nigeria | Xinhua |", "Niamey, Niger, (Agency - 20th
 * Aug, 2023 ) :", "Nur-Sultan [Kazakhstan], December 10 (Agency):". The place and the day are
 * where and when the story was filed, not those of the meeting.
 */
const AGENCY_DATELINE_RE =
  /^\s*[\p{Lu}][\p{L}'’.-]+(?:[ -][\p{Lu}][\p{L}'’.-]+){0,3}(?:\s*\[[^\]\n]{1,40}\])?(?:,\s*[\p{Lu}][\p{L}\d .]{1,30}){0,2},?\s*(?:\([^)\n]{1,80}\)\s*(?:[:–—]|--?(?=\s))|\|[^|\n]{1,40}\|)\s*/u;

/** End offset of the dateline ("TEHRAN – ") at the start of the text, 0 when none. */
export function datelineEnd(article: Pick<Article, 'text' | 'dateline'>): number {
  const head = article.text.slice(0, 200);
  const m = DATELINE_RE.exec(head) ?? AGENCY_DATELINE_RE.exec(head);
  if (m) return m[0].length;
  if (article.dateline) {
    const i = article.text.indexOf(article.dateline);
    if (i >= 0 && i < 40) {
      const dash = /^[^–—-]{0,40}[–—-]+\s*/.exec(article.text.slice(i + article.dateline.length));
      return i + article.dateline.length + (dash ? dash[0].length : 0);
    }
  }
  return 0;
}
