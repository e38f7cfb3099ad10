/**
 * The benchmarks' generated library: deterministic English-like articles (the same seed gives the
 * same corpus on any machine), highlights with notes and tags, article notes, and a mix of
 * queries. Invented words only, so no third-party text is ever copied into a benchmark.
 */
import type { ArticleNote, Highlight, StoredArticle } from '../../src-renderer/db/db';
import { describeRange } from '../../src-renderer/anchoring/describe';
import { prng as rng } from '../../src-main/testing/prng';

const ONSETS = 'b c d f g h j k l m n p r s t v w z br cr dr fr gr pr tr st sp sl ch sh th'.split(
  ' ',
);
const VOWELS = 'a e i o u a e i o ea ou ai'.split(' ');
const CODAS = ['', '', '', 'n', 'r', 's', 't', 'l', 'm', 'nd', 'st', 'ck', 'ng'];
const COMMON =
  'the of and to in a on for with said was that by at from is as were has officials meeting talks minister'.split(
    ' ',
  );

/** English-like invented words: 1–4 syllables of onset, vowel and coda. */
function vocabulary(random: () => number, size: number): string[] {
  const pick = (list: string[]) => list[Math.floor(random() * list.length)];
  const words = new Set<string>();
  while (words.size < size) {
    const n = 1 + Math.floor(random() * 4);
    let w = '';
    for (let i = 0; i < n; i++) w += pick(ONSETS) + pick(VOWELS) + pick(CODAS);
    if (w.length >= 3) words.add(w);
  }
  return [...words];
}

export interface Library {
  articles: StoredArticle[];
  vocabulary: string[];
}

/**
 * `count` articles of `bytes` to `maxBytes` characters (default: exactly about `bytes`): common
 * words plus a Zipf-like draw of rarer ones. With `maxBytes` left out the corpus is the one the
 * README's earlier search figures were measured on.
 */
export function generate(count: number, bytes = 2000, seed = 42, maxBytes = bytes): Library {
  const random = rng(seed);
  const vocab = vocabulary(random, 20_000);
  const zipf = () => vocab[Math.floor(vocab.length * Math.pow(random(), 2.2))];
  const articles: StoredArticle[] = [];
  for (let i = 0; i < count; i++) {
    const words: string[] = [];
    let length = 0;
    const target = maxBytes > bytes ? bytes + Math.floor(random() * (maxBytes - bytes)) : bytes;
    while (length < target) {
      const w = random() < 0.45 ? COMMON[Math.floor(random() * COMMON.length)] : zipf();
      words.push(w);
      length += w.length + 1;
    }
    const text = words.join(' ');
    const id = i.toString(16).padStart(16, '0');
    articles.push({
      id,
      source: `bench/${i}.txt`,
      file: `${i}.txt`,
      title: `${zipf()} ${zipf()} ${zipf()} ${i}`,
      publisher: null,
      published: null,
      dateline: null,
      text,
      paragraphs: [{ start: 0, end: text.length }],
      wordCount: words.length,
      contentHash: id,
      importedAt: 0,
      updatedAt: 0,
    });
  }
  return { articles, vocabulary: vocab };
}

export interface Annotations {
  highlights: Highlight[];
  notes: ArticleNote[];
}

/**
 * An analyst's work on the library: one highlight (a passage of 8–20 words, with a short note and
 * a tag) on every fifth article, and an article note on every tenth.
 */
export function annotate(lib: Library, seed = 11): Annotations {
  const random = rng(seed);
  const word = () => lib.vocabulary[Math.floor(lib.vocabulary.length * Math.pow(random(), 2))];
  const phrase = (n: number) => Array.from({ length: n }, word).join(' ');
  const highlights: Highlight[] = [];
  const notes: ArticleNote[] = [];
  lib.articles.forEach((a, i) => {
    if (i % 5 === 0) {
      const start = a.text.indexOf(' ', Math.floor(random() * (a.text.length / 2))) + 1;
      let end = start;
      for (let w = 8 + Math.floor(random() * 12); w > 0 && end < a.text.length; w--) {
        const next = a.text.indexOf(' ', end + 1);
        end = next < 0 ? a.text.length : next;
      }
      highlights.push({
        id: `h-${i}`,
        articleId: a.id,
        colour: i % 4,
        ...describeRange(a.text, start, end),
        articleVersion: a.contentHash,
        note: phrase(6),
        tags: [word()],
        createdAt: 0,
        updatedAt: 0,
      });
    }
    if (i % 10 === 0) {
      notes.push({ articleId: a.id, text: phrase(25), tags: [word()], updatedAt: 0 });
    }
  });
  return { highlights, notes };
}

/** 200 queries: single words (common and rare), two words, prefixes, and one-letter typos. */
export function queries(lib: Library, n = 200, seed = 7): string[] {
  const random = rng(seed);
  const word = (rare: boolean) =>
    lib.vocabulary[
      Math.floor(lib.vocabulary.length * (rare ? 0.3 + 0.7 * random() : Math.pow(random(), 3)))
    ];
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    switch (i % 5) {
      case 0:
        out.push(word(false));
        break;
      case 1:
        out.push(word(true));
        break;
      case 2:
        out.push(`${word(false)} ${word(false)}`);
        break;
      case 3:
        out.push(word(false).slice(0, 4));
        break;
      default: {
        const w = word(false);
        const at = 1 + Math.floor(random() * (w.length - 2));
        out.push(w.slice(0, at) + w[at + 1] + w[at] + w.slice(at + 2));
      }
    }
  }
  return out;
}
