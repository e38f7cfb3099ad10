/**
 * Where every request from a renderer arrives, whichever the transport: the channel is looked up,
 * its arguments parsed with the channel's schema, the service called, and its answer checked
 * against the result schema. Always resolves to a Result; nothing throws across the border.
 * An import report that breaks its schema keeps its well-formed part (see salvageReport).
 */
import { z } from 'zod';
import {
  ArticleSchema,
  ImportErrorSchema,
  type ImportError,
  type ImportReport,
} from './contract/article';
import { channels, isChannel, type Channel } from './contract/channels';
import { fail, ok, type Result } from './contract/result';
import { ServiceError } from './service-error';
import type { Services } from './services';

export async function dispatch(
  services: Services,
  channel: unknown,
  args: unknown,
): Promise<Result<unknown>> {
  if (!isChannel(channel)) {
    // Not String(channel): an object without a usable toString would make that throw.
    const name = typeof channel === 'string' ? channel : `(${typeof channel})`;
    return fail('not-found', `Unknown channel ${JSON.stringify(name.slice(0, 80))}.`);
  }
  const spec = channels[channel];
  const parsed = spec.args.safeParse(args);
  if (!parsed.success) {
    return fail('invalid-argument', `${channel}: ${summarise(parsed.error)}`);
  }
  try {
    const method = services[spec.method] as (...a: unknown[]) => Promise<unknown>;
    const value = await method(...(parsed.data as unknown[]));
    let checked = spec.result.safeParse(value);
    if (!checked.success && IMPORT_CHANNELS.has(channel)) {
      const salvaged = salvageReport(value);
      if (salvaged) checked = spec.result.safeParse(salvaged);
    }
    if (!checked.success) {
      return fail(
        'invalid-result',
        `${channel}: the answer did not match its schema: ${summarise(checked.error)}`,
      );
    }
    return ok(checked.data);
  } catch (error) {
    if (error instanceof ServiceError) return fail(error.code, error.message);
    // An unexpected error's text (a stack, a path, a library's wording) stays in main's log.
    console.error(`Readout: ${channel} failed unexpectedly:`, error);
    return fail(
      'internal',
      `${channel}: Readout hit an unexpected error; its log has the details.`,
    );
  }
}

/** A short, readable account of what was wrong, capped so a hostile payload cannot flood logs. */
function summarise(error: z.ZodError): string {
  const text = z.prettifyError(error).replace(/\s+/g, ' ').trim();
  return text.length > 600 ? `${text.slice(0, 600)}…` : text;
}

/** Channels answering with an import report: one bad entry must not cost the good ones. */
const IMPORT_CHANNELS = new Set<Channel>([
  'seeds:load',
  'import:pick',
  'import:paths',
  'import:files',
]);

/**
 * The well-formed articles and errors of a report that failed its schema, plus one error saying
 * how many entries were left out. null when the value is not report-shaped at all. Each piece
 * was already checked where it was made; this is the last guard, so that a slip there (a path
 * over the length cap, say) never throws away every good file of the import.
 */
export function salvageReport(value: unknown): ImportReport | null {
  if (!value || typeof value !== 'object') return null;
  const { articles, errors } = value as { articles?: unknown; errors?: unknown };
  if (!Array.isArray(articles) || !Array.isArray(errors)) return null;
  const goodArticles = articles.flatMap(a => {
    const parsed = ArticleSchema.safeParse(a);
    return parsed.success ? [parsed.data] : [];
  });
  const goodErrors: ImportError[] = errors.flatMap(e => {
    const parsed = ImportErrorSchema.safeParse(e);
    return parsed.success ? [parsed.data] : [];
  });
  const lost = articles.length - goodArticles.length + errors.length - goodErrors.length;
  if (lost > 0) {
    goodErrors.push({
      file: '(this import)',
      code: 'invalid',
      message: `${lost.toLocaleString('en')} ${lost === 1 ? 'entry' : 'entries'} of this import could not be reported and ${lost === 1 ? 'was' : 'were'} left out; the other files were imported.`,
    });
  }
  return { articles: goodArticles, errors: goodErrors };
}
