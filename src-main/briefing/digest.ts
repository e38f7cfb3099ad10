/**
 * A digest: several meetings on one page, laid out by the same fitter and painted by the same
 * code as a meeting's briefing, so it shows on screen exactly as it prints. When the style
 * ladder cannot fit every meeting whole, the bottom lines are cut shorter before any meeting is
 * hidden behind a "… more meetings in Readout" line.
 */
import {
  DigestInputSchema,
  meetingInRange,
  type Article,
  type BriefingOptions,
  type DigestInput,
  type DigestInputDraft,
  type DigestRange,
  type Meeting,
} from '../contract';
import { writeFileAtomic } from './atomic-write';
import type { BriefingFonts } from './fonts';
import { briefingInputFor } from './input';
import { DIGEST_LINE_STEPS, planDigest } from './digest-plan';
import { slugify } from './filename';
import { layoutPlan, paintPdf, type BriefingReport, type LaidOutBriefing } from './render';

/** Plans and fits the digest page. Throws a ZodError on an invalid input. */
export function layoutDigest(draft: DigestInputDraft, fonts: BriefingFonts): LaidOutBriefing {
  const input = DigestInputSchema.parse(draft);
  const tried: LaidOutBriefing[] = [];
  for (const chars of DIGEST_LINE_STEPS) {
    const laid = layoutPlan(planDigest(input, chars), input.options.paper, fonts);
    if (!laid.layout.fit.truncated) return laid;
    tried.push(laid);
  }
  // Nothing fits whole: keep the longest lines on which every meeting is still named.
  return tried.find(l => everyMeetingShown(l)) ?? tried[tried.length - 1];
}

function everyMeetingShown(laid: LaidOutBriefing): boolean {
  const meetings = laid.layout.sections.find(s => s.id === 'meetings');
  return meetings !== undefined && meetings.hidden === 0 && !meetings.shortened;
}

/** Renders the digest as a one-page PDF, with how the page came out. */
export async function renderDigestWithReport(
  draft: DigestInputDraft,
  fonts: BriefingFonts,
): Promise<{ bytes: Uint8Array; report: BriefingReport; laid: LaidOutBriefing }> {
  const laid = layoutDigest(draft, fonts);
  const { bytes, report } = await paintPdf(laid, fonts);
  return { bytes, report, laid };
}

/** `digest-2023-04-01-to-2023-04-30.pdf`, or the generation day when no range was asked for. */
export function digestFileName(input: Pick<DigestInput, 'range' | 'options'>): string {
  const { from, to } = input.range;
  const day = input.options.generatedAt.slice(0, 10);
  const words = from || to ? [from ?? 'start', 'to', to ?? 'now'] : [day];
  return `${slugify(['digest', ...words].join(' '))}.pdf`;
}

/** What `writeDigest` wrote, and what the range left out. */
export interface WrittenDigest {
  meetings: number;
  /** Meetings with no resolved date, which no date range holds. */
  undatedLeftOut: number;
  shortened: boolean;
}

/**
 * The headless digest: the meetings in `range` (all of them without one) with their articles as
 * sources, written atomically to `file`. Null when no meeting falls in the range.
 */
export async function writeDigest(
  meetings: Meeting[],
  articles: Article[],
  file: string,
  range: DigestRange,
  options: BriefingOptions,
  fonts: BriefingFonts,
): Promise<WrittenDigest | null> {
  const byId = new Map(articles.map(a => [a.id, a]));
  const chosen = meetings.filter(m => meetingInRange(m.date, range));
  if (chosen.length === 0) return null;
  const entries = chosen.map(meeting => ({
    meeting,
    bottomLine: null,
    sources: briefingInputFor(meeting, byId, options).sources,
  }));
  const { bytes, report } = await renderDigestWithReport({ entries, range, options }, fonts);
  await writeFileAtomic(file, bytes, { overwrite: true });
  const ranged = Boolean(range.from || range.to);
  return {
    meetings: chosen.length,
    undatedLeftOut: ranged ? meetings.filter(m => !m.date.start).length : 0,
    shortened: report.truncated,
  };
}
