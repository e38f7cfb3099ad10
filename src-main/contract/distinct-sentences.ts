/**
 * The evidence sentences a briefing offers, each once: two sources that print the same quote
 * in slightly different words ("The visits provide …" and a shorter "The visit provides …"),
 * or one that trims another's sentence with "…", make one key point, not two. Shared by main's
 * page plan and the renderer's default key points so the page and the editor list the same.
 */

/** Share of the shorter sentence's words found in the longer one that makes them one point. */
const SAME_SHARE = 0.85;
/** Sentences shorter than this many words are compared exactly: short ones differ by a word. */
const MIN_WORDS = 6;

/** Lower-cased words, with a plural or third-person "s" dropped ("visits" → "visit"). */
function words(sentence: string): string[] {
  return (sentence.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).map(w =>
    w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w,
  );
}

function sameWords(a: Set<string>, b: Set<string>): boolean {
  const [shorter, longer] = a.size <= b.size ? [a, b] : [b, a];
  if (shorter.size < MIN_WORDS) return false;
  let shared = 0;
  for (const w of shorter) if (longer.has(w)) shared++;
  return shared / shorter.size >= SAME_SHARE;
}

/**
 * `items` with near-repeats of an earlier item's sentence left out, in their order. When a
 * later repeat says more (more words), it takes the earlier one's place, so the fuller wording
 * is kept where the first one stood.
 */
export function distinctSentences<T>(items: readonly T[], sentenceOf: (item: T) => string): T[] {
  const kept: { item: T; exact: string; words: Set<string> }[] = [];
  for (const item of items) {
    const sentence = sentenceOf(item).trim();
    if (!sentence) continue;
    const exact = sentence.toLowerCase();
    const own = new Set(words(sentence));
    const earlier = kept.find(k => k.exact === exact || sameWords(k.words, own));
    if (!earlier) kept.push({ item, exact, words: own });
    else if (own.size > earlier.words.size) Object.assign(earlier, { item, exact, words: own });
  }
  return kept.map(k => k.item);
}
