/**
 * The messages between the page and the search worker, parsed with zod where they arrive (the
 * worker parses requests, the page parses replies): a worker is a border like any other, and a
 * malformed message must come back as an error value, never as an exception that leaves a
 * request waiting forever.
 */
import { z } from 'zod';
import type { Result } from '../../src-main/contract/result';

const Pairs = z.array(z.tuple([z.string(), z.string()]));

export const SavedVersionsSchema = z.object({
  articles: Pairs,
  highlights: Pairs,
  notes: Pairs,
});

export const SearchDocSchema = z.object({
  id: z.string().min(3),
  kind: z.enum(['article', 'highlight', 'article-note']),
  articleId: z.string(),
  title: z.string(),
  text: z.string(),
  note: z.string(),
  tags: z.string(),
  start: z.number().int().nonnegative().optional(),
  end: z.number().int().nonnegative().optional(),
});

/** Most documents one `apply` carries: the page sends a large build in batches. */
export const MAX_APPLY_DOCS = 5_000;

export const SearchRequestSchema = z.discriminatedUnion('type', [
  /** Open the database (by name) and load the saved index, if any. */
  z.object({ id: z.number(), type: z.literal('restore'), database: z.string().min(1) }),
  z.object({
    id: z.number(),
    type: z.literal('apply'),
    add: z.array(SearchDocSchema).max(MAX_APPLY_DOCS),
    remove: z.array(z.string()).max(1_000_000),
  }),
  z.object({
    id: z.number(),
    type: z.literal('search'),
    query: z.string().max(1_000),
    limit: z.number().int().positive().max(1_000),
  }),
  z.object({ id: z.number(), type: z.literal('save'), versions: SavedVersionsSchema }),
]);

export type SearchRequest = z.infer<typeof SearchRequestSchema>;
/** A request as the page writes it, before the worker gives it an id. */
export type SearchCall = SearchRequest extends infer R
  ? R extends { id: number }
    ? Omit<R, 'id'>
    : never
  : never;

export const SearchHitSchema = z.object({
  id: z.string(),
  kind: z.enum(['article', 'highlight', 'article-note']),
  articleId: z.string(),
  score: z.number(),
  terms: z.array(z.string()),
  position: z.object({ start: z.number(), end: z.number() }).nullable(),
});

export const RestoreValueSchema = z.object({
  /** Null when nothing usable was saved: the page then builds the index from the database. */
  versions: SavedVersionsSchema.nullable(),
  documents: z.number(),
});
export const ApplyValueSchema = z.object({ documents: z.number() });
export const SearchValueSchema = z.object({ hits: z.array(SearchHitSchema) });
export const SaveValueSchema = z.object({ documents: z.number(), chunks: z.number() });

/** What each request type answers with. */
export const REPLY_VALUE = {
  restore: RestoreValueSchema,
  apply: ApplyValueSchema,
  search: SearchValueSchema,
  save: SaveValueSchema,
} as const;

export type ReplyValue<T extends SearchRequest['type']> = z.infer<(typeof REPLY_VALUE)[T]>;

export interface SearchReply {
  id: number;
  result: Result<unknown>;
}

export const SearchReplySchema = z.object({
  id: z.number(),
  result: z.union([
    z.object({ ok: z.literal(true), value: z.unknown() }),
    z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }) }),
  ]),
});
