/**
 * A quick test that an article our own parser built passes ArticleSchema, so that the import
 * runs zod only for the rare article that might not: zod's generic checks were about 5 % of a
 * command-line worker's time on short files (issue 14). The test is sufficient, never
 * necessary: whatever it accepts the schema accepts (a test tries mutated articles against
 * both), and whatever it doubts goes to the schema, which alone words the error.
 */
import { ArticleFormatSchema, MetaSourceSchema, type MetaSources } from '../contract/article';

/** The fields ArticleSchema knows; a test keeps this list equal to the schema's. */
export const CHECKED_FIELDS = [
  'id',
  'source',
  'file',
  'title',
  'publisher',
  'published',
  'dateline',
  'text',
  'paragraphs',
  'wordCount',
  'url',
  'author',
  'metaSources',
  'dateOrder',
  'format',
] as const;

const ID = /^[0-9a-f]{16}$/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
// The contract's own enums, so the quick check cannot drift from the schema it stands in front of.
const META_SOURCES = new Set<string>(MetaSourceSchema.options);
const META_FIELDS: (keyof MetaSources)[] = ['title', 'publisher', 'author', 'published', 'url'];
const DATE_ORDERS = new Set(['day-first', 'month-first']);
const FORMATS = new Set<string>(ArticleFormatSchema.options);

const text = (x: unknown, min: number, max: number): boolean =>
  typeof x === 'string' && x.length >= min && x.length <= max;
const nullableText = (x: unknown, max: number): boolean => x === null || text(x, 0, max);
const optionalText = (x: unknown, max: number): boolean => x === undefined || nullableText(x, max);
const count = (x: unknown): boolean => Number.isSafeInteger(x) && (x as number) >= 0;
const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);
const oneOf = (x: unknown, values: Set<string>): boolean =>
  x === undefined || (typeof x === 'string' && values.has(x));

function spans(x: unknown): boolean {
  if (!Array.isArray(x)) return false;
  for (const s of x as unknown[])
    if (!isObject(s) || !count(s.start) || !count(s.end)) return false;
  return true;
}

function metaSources(x: unknown): boolean {
  if (x === undefined) return true;
  if (!isObject(x)) return false;
  for (const k of META_FIELDS) if (!oneOf(x[k], META_SOURCES)) return false;
  return true;
}

/** Whether ArticleSchema certainly accepts `a`; false means "ask the schema", not "invalid". */
export function plainlyValidArticle(a: unknown): boolean {
  if (!isObject(a)) return false;
  return (
    typeof a.id === 'string' &&
    ID.test(a.id) &&
    text(a.source, 1, 4096) &&
    text(a.file, 1, 1024) &&
    text(a.title, 1, 400) &&
    nullableText(a.publisher, 200) &&
    (a.published === null || (typeof a.published === 'string' && ISO_DAY.test(a.published))) &&
    nullableText(a.dateline, 120) &&
    typeof a.text === 'string' &&
    spans(a.paragraphs) &&
    count(a.wordCount) &&
    optionalText(a.url, 2048) &&
    optionalText(a.author, 200) &&
    metaSources(a.metaSources) &&
    oneOf(a.dateOrder, DATE_ORDERS) &&
    oneOf(a.format, FORMATS)
  );
}
