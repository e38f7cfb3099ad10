/**
 * Errors are values across process borders: every handler answers with a Result and never rejects
 * across the bridge, so the renderer can show a specific message instead of a generic failure.
 */
import { z } from 'zod';

export type ErrorCode =
  | 'invalid-argument'
  | 'invalid-result'
  | 'forbidden'
  | 'not-found'
  | 'unsupported'
  | 'io'
  | 'cancelled'
  | 'internal';

export interface ResultError {
  code: ErrorCode | (string & {});
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ResultError };

export const ResultErrorSchema = z.object({
  code: z.string().min(1).max(64),
  message: z.string().max(4000),
});

/** Schema of a Result wrapping `value`, for checking answers where they arrive. */
export function resultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: ResultErrorSchema }),
  ]);
}

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: ResultError['code'], message: string): Result<T> {
  return { ok: false, error: { code, message } };
}
