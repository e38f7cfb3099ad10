/**
 * Where every request from a renderer arrives, whichever the transport: the channel is looked up,
 * its arguments parsed with the channel's schema, the service called, and its answer checked
 * against the result schema. Always resolves to a Result; nothing throws across the border.
 */
import { z } from 'zod';
import { channels, isChannel } from './contract/channels';
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
    const checked = spec.result.safeParse(value);
    if (!checked.success) {
      return fail(
        'invalid-result',
        `${channel}: the answer did not match its schema: ${summarise(checked.error)}`,
      );
    }
    return ok(checked.data);
  } catch (error) {
    if (error instanceof ServiceError) return fail(error.code, error.message);
    return fail(
      'internal',
      `${channel}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** A short, readable account of what was wrong, capped so a hostile payload cannot flood logs. */
function summarise(error: z.ZodError): string {
  const text = z.prettifyError(error).replace(/\s+/g, ' ').trim();
  return text.length > 600 ? `${text.slice(0, 600)}…` : text;
}
