/**
 * The inbox folder (desktop only): the analyst names a folder, main watches it and imports new
 * and changed files. The page never names the folder's path: main asks with its own folder
 * dialog and keeps the choice in the profile, so a page cannot point main at a folder of its
 * choosing. Runtime-neutral: no Node, no DOM.
 */
import { z } from 'zod';
import { ImportReportSchema } from './article';

export const WatchStatusSchema = z.object({
  /** The watched folder's path, for display; null when no inbox is set. */
  folder: z.string().max(4096).nullable(),
  state: z.enum(['off', 'watching', 'failed']),
  /** Why watching failed (the folder was removed, cannot be read). */
  message: z.string().max(1000).nullable(),
});
export type WatchStatus = z.infer<typeof WatchStatusSchema>;

/** Main → page, one-way: the report of an import the inbox started, for the page to store. */
export const WATCH_IMPORTED_CHANNEL = 'watch:imported';
export const WatchImportedSchema = z.object({
  folder: z.string().max(4096),
  report: ImportReportSchema,
});
export type WatchImported = z.infer<typeof WatchImportedSchema>;
