import { describe, expect, it } from 'vitest';
import { ArticleSchema } from '../contract/article';
import { prng } from '../testing/prng';
import { CHECKED_FIELDS, plainlyValidArticle } from './article-check';
import { parseArticle } from './parse';

const good = (): Record<string, unknown> => ({
  ...parseArticle(
    'Title: Envoys meet in Lima\nPublished: 2023-05-02\n\nThe envoys of two countries met on Monday.\n\nThey agreed to meet again.',
    { source: 'in/a.txt', file: 'a.txt' },
  ),
  url: 'https://example.org/a',
  author: 'Ana Pereira',
  metaSources: { title: 'header', published: 'header' },
  dateOrder: 'day-first',
  format: 'text',
});

/** Values a field might be broken into: wrong types, bounds on either side, odd members. */
const ODD: unknown[] = [
  undefined,
  null,
  '',
  'x',
  'x'.repeat(120),
  'x'.repeat(121),
  'x'.repeat(200),
  'x'.repeat(201),
  'x'.repeat(400),
  'x'.repeat(401),
  'x'.repeat(1025),
  'x'.repeat(2049),
  'x'.repeat(4097),
  '0123456789abcdef',
  '0123456789ABCDEF',
  '2023-05-02',
  '2023-5-2',
  'header',
  'sideways',
  'day-first',
  'pdf',
  0,
  -1,
  1.5,
  2 ** 53,
  Number.NaN,
  Infinity,
  true,
  [],
  [{ start: 0, end: 3 }],
  [{ start: -1, end: 3 }],
  [{ start: 0.5, end: 3 }],
  [null],
  [[0, 3]],
  {},
  { title: 'header' },
  { title: 'nowhere' },
  { extra: 1 },
];

describe('plainlyValidArticle', () => {
  it('accepts what the parser builds, so the import skips the schema for it', () => {
    expect(ArticleSchema.safeParse(good()).success).toBe(true);
    expect(plainlyValidArticle(good())).toBe(true);
    const bare = parseArticle('Talks\n\nThe ministers met.', { source: 'b.txt', file: 'b.txt' });
    expect(plainlyValidArticle(bare)).toBe(true);
  });

  it('never accepts an article the schema refuses, whatever field is broken and how', () => {
    const rand = prng(9);
    let refused = 0;
    for (let i = 0; i < 4000; i++) {
      const a = good();
      // One to three fields broken at once, sometimes a field the schema does not know.
      for (let k = 1 + Math.floor(rand() * 3); k > 0; k--) {
        const field = CHECKED_FIELDS[Math.floor(rand() * CHECKED_FIELDS.length)];
        a[rand() < 0.05 ? 'unknown' : field] = ODD[Math.floor(rand() * ODD.length)];
      }
      const schema = ArticleSchema.safeParse(a).success;
      if (!schema) refused++;
      if (plainlyValidArticle(a)) expect(schema, JSON.stringify(a).slice(0, 300)).toBe(true);
    }
    expect(refused).toBeGreaterThan(1000);
  });

  it('checks every field the schema has: a new field must be added here too', () => {
    expect([...CHECKED_FIELDS].sort()).toEqual(Object.keys(ArticleSchema.shape).sort());
  });
});
