/**
 * What a digest page says: several meetings on one page, a few lines each (title; date, place,
 * status and outcome; the bottom line the analyst wrote or Readout's suggestion, marked; source
 * numbers), then every source they cite, numbered once for the whole page. Pure: no pdfkit.
 */
import type { DigestInput, DigestRange, Meeting } from '../contract';
import { formatDate, formatDateTime, formatMeetingDate } from './dates';
import {
  breakableSection,
  citationTable,
  cite,
  clipText,
  count,
  OUTCOME_WORDS,
  placeLine,
  sourcesSection,
  STATUS_WORDS,
  suggestBottomLine,
  type BriefingPlan,
  type PlanItem,
  type PlanSection,
} from './plan';
import { breakLongTokens } from './tokens';

/**
 * Longest bottom line of each entry, most generous first. The page tries each in turn and keeps
 * the first on which every meeting fits whole; 0 leaves only title, meta line and sources.
 */
export const DIGEST_LINE_STEPS = [600, 240, 120, 0] as const;

/** Builds the digest plan with each bottom line cut at a word to `lineChars` characters. */
export function planDigest(
  input: DigestInput,
  lineChars: number = DIGEST_LINE_STEPS[0],
): BriefingPlan {
  const entries = [...input.entries].sort((a, b) => byDate(a.meeting, b.meeting));
  const cites = citationTable(
    entries.flatMap(e => e.sources),
    entries.flatMap(e => e.meeting.mentions),
  );
  const items: PlanItem[] = entries.map(({ meeting, bottomLine, sources }) => {
    const ids = [
      ...new Set([...sources.map(s => s.articleId), ...meeting.mentions.map(m => m.articleId)]),
    ];
    const written = bottomLine?.replace(/\s+/g, ' ').trim() || null;
    const line = written ?? suggestBottomLine(meeting);
    return {
      kind: 'entry',
      title: clipText(meeting.title.trim() || 'Untitled meeting', 300),
      meta: entryMeta(meeting),
      line: lineChars > 0 ? clipText(line, lineChars) : '',
      suggested: written === null,
      cites: citeList(ids.map(id => cite(cites, id))),
    };
  });
  const meetings: PlanSection = {
    id: 'meetings',
    heading: 'Meetings',
    column: 'band',
    priority: 0,
    items,
    more: hidden =>
      hidden.length > 0 ? `… ${count(hidden.length, 'more meeting')} in Readout` : '…',
  };
  const sections = [meetings, sourcesSection(cites)]
    .filter(s => s.items.length > 0)
    .map(breakableSection);
  const meta = statusSummary(entries.map(e => e.meeting));
  const generated = new Date(input.options.generatedAt);
  const title = digestTitle(
    entries.length,
    input.range,
    entries.map(e => e.meeting),
  );
  const countries = [
    ...new Set(entries.flatMap(e => e.meeting.participants.countries.map(c => c.name))),
  ];
  return {
    kicker: 'Meetings digest',
    title: breakLongTokens(title),
    bottomLine: { text: '', suggested: false },
    handling: breakLongTokens(input.options.handling?.trim() ?? '') || null,
    meta: breakLongTokens(meta),
    sections,
    footerLeft: `Generated ${formatDateTime(generated)} by Readout from ${count(cites.sources.length, 'source')}`,
    footerRight: 'page 1 of 1',
    info: {
      Title: title,
      Subject: `Digest: ${meta}`,
      Author: 'Readout',
      Keywords: countries.join(', '),
      CreationDate: generated,
    },
  };
}

/**
 * "[1,2]": one bracket with no space inside, so a line never breaks between the numbers, and
 * "", when nothing is cited.
 */
function citeList(refs: string[]): string {
  const numbers = refs.filter(Boolean).map(r => r.slice(1, -1));
  return numbers.length > 0 ? `[${numbers.join(',')}]` : '';
}

/** "6 meetings, 28 December 2022 – 25 April 2023": the range asked for, else the one covered. */
export function digestTitle(n: number, range: DigestRange, meetings: Meeting[]): string {
  const noun = count(n, 'meeting');
  if (range.from && range.to) return `${noun}, ${span(range.from, range.to)}`;
  if (range.from) return `${noun} from ${formatDate(range.from)}`;
  if (range.to) return `${noun} until ${formatDate(range.to)}`;
  const starts = meetings.flatMap(m => (m.date.start ? [m.date.start] : [])).sort();
  const ends = meetings.flatMap(m => m.date.end ?? m.date.start ?? []).sort();
  if (starts.length === 0) return noun;
  return `${noun}, ${span(starts[0], ends.at(-1) ?? starts[0])}`;
}

function span(from: string, to: string): string {
  return formatMeetingDate({ start: from, end: to, precision: 'range', text: null });
}

function entryMeta(meeting: Meeting): string {
  const status = [
    STATUS_WORDS[meeting.status],
    meeting.outcome ? OUTCOME_WORDS[meeting.outcome] : null,
  ]
    .filter(Boolean)
    .join(', ');
  return [formatMeetingDate(meeting.date), placeLine(meeting), status]
    .map(part => clipText(part ?? '', 160))
    .filter(Boolean)
    .join('  ·  ');
}

/** "4 held · 2 proposed · 1 cancelled" in the order a reader weighs them. */
function statusSummary(meetings: Meeting[]): string {
  const parts: string[] = [];
  for (const status of ['held', 'scheduled', 'proposed'] as const) {
    const n = meetings.filter(m => m.status === status).length;
    if (n > 0) parts.push(`${n} ${STATUS_WORDS[status].toLowerCase()}`);
  }
  for (const outcome of ['cancelled', 'postponed', 'failed'] as const) {
    const n = meetings.filter(m => m.outcome === outcome).length;
    if (n > 0) parts.push(`${n} ${OUTCOME_WORDS[outcome].toLowerCase()}`);
  }
  const undated = meetings.filter(m => !m.date.start).length;
  if (undated > 0) parts.push(`${undated} undated`);
  return parts.join('  ·  ');
}

/** Oldest first, undated last, then by title, so the page reads as a timeline. */
function byDate(a: Meeting, b: Meeting): number {
  const da = a.date.start ?? '\uffff';
  const db = b.date.start ?? '\uffff';
  return da < db ? -1 : da > db ? 1 : a.title.localeCompare(b.title, 'en');
}
