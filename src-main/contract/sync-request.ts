/**
 * The `sync:request` payloads: PouchDB's HTTP requests as the page hands them to main, and main's
 * answers. The page names only a path inside the team's database — never a host, a credential or
 * a header beyond the two PouchDB needs — so a compromised page cannot reach anything but the one
 * database main is configured for, and cannot read the password it is reached with.
 */
import { z } from 'zod';

/** Largest request body the page may send: a batch of `_bulk_docs` with article texts fits. */
export const MAX_SYNC_REQUEST_CHARS = 16 * 1024 * 1024;
/** Largest answer main hands back; a longer one fails instead of filling memory. */
export const MAX_SYNC_RESPONSE_CHARS = 64 * 1024 * 1024;

/** One in-flight request's id, chosen by the page so that it can cancel it. */
export const SyncRequestIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

export const SyncSendSchema = z
  .object({
    op: z.literal('send'),
    id: SyncRequestIdSchema,
    method: z.enum(['GET', 'HEAD', 'POST', 'PUT', 'DELETE']),
    /** Path and query inside the team database: `/`, `/_changes?feed=longpoll…`, `/doc-id`. */
    path: z.string().min(1).max(8192).startsWith('/'),
    contentType: z.string().max(200).optional(),
    accept: z.string().max(200).optional(),
    body: z.string().max(MAX_SYNC_REQUEST_CHARS).optional(),
  })
  .strict();

export const SyncCancelSchema = z
  .object({ op: z.literal('cancel'), id: SyncRequestIdSchema })
  .strict();

export const SyncRequestSchema = z.discriminatedUnion('op', [SyncSendSchema, SyncCancelSchema]);
export type SyncRequest = z.infer<typeof SyncRequestSchema>;
export type SyncSend = z.infer<typeof SyncSendSchema>;

/** The server's answer as PouchDB reads it; `null` answers a cancel. */
export const SyncResponseSchema = z
  .object({
    status: z.number().int().min(100).max(599),
    contentType: z.string().max(200),
    body: z.string().max(MAX_SYNC_RESPONSE_CHARS),
  })
  .strict()
  .nullable();
export type SyncResponse = z.infer<typeof SyncResponseSchema>;
