/**
 * Hands a briefing to the analyst: on the desktop main renders it and asks where to save it; in
 * the browser preview main renders it and the page downloads the bytes. One place for both the
 * Briefing view and the export dialog, so they report the outcome in the same words.
 */
import type { BriefingInputDraft } from '../../../src-main/contract/briefing';
import type { DigestInputDraft } from '../../../src-main/contract/briefing-digest';
import { api, desktop } from '../../bridge';
import { downloadBytes } from './briefing-input';

/** What became of an export: saved or downloaded, cancelled in the save dialog, or refused. */
export type DeliveryOutcome = { kind: 'idle' } | { kind: 'done' | 'error'; message: string };

export async function deliverBriefing(input: BriefingInputDraft): Promise<DeliveryOutcome> {
  if (desktop) {
    const result = await api.exportBriefing(input);
    if (!result.ok) return { kind: 'error', message: result.error.message };
    return result.value
      ? { kind: 'done', message: `Saved to ${result.value.path}` }
      : { kind: 'idle' };
  }
  const result = await api.renderBriefing(input);
  if (!result.ok) return { kind: 'error', message: result.error.message };
  downloadBytes(result.value.bytes, result.value.fileName);
  return { kind: 'done', message: `Downloaded ${result.value.fileName}` };
}

/** The same for a digest page: saved through main's dialog, or downloaded in the preview. */
export async function deliverDigest(input: DigestInputDraft): Promise<DeliveryOutcome> {
  if (desktop) {
    const result = await api.exportDigest(input);
    if (!result.ok) return { kind: 'error', message: result.error.message };
    return result.value
      ? { kind: 'done', message: `Saved to ${result.value.path}` }
      : { kind: 'idle' };
  }
  const result = await api.renderDigest(input);
  if (!result.ok) return { kind: 'error', message: result.error.message };
  downloadBytes(result.value.bytes, result.value.fileName);
  return { kind: 'done', message: `Downloaded ${result.value.fileName}` };
}
