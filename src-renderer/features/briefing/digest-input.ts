/**
 * The digest's choices, kept pure so they can be tested without a page: which meetings a date
 * range holds, how a Shift-click extends a selection, and the input main lays the digest out
 * from (each meeting with the bottom line the analyst wrote in its Briefing view, if any).
 */
import type { DigestInputDraft, DigestRange } from '../../../src-main/contract/briefing-digest';
import type { Meeting } from '../../../src-main/contract/meeting';
import type { BriefingRecord, StoredArticle } from '../../db/db';
import { findBriefing } from './briefing-edits';
import { citedSources, sourceArticleIds } from './briefing-input';

/**
 * True when the meeting's dates touch the range; open ends match anything. Undated meetings are
 * in no range (they can still be ticked by hand).
 */
export function inRange(meeting: Pick<Meeting, 'date'>, range: DigestRange): boolean {
  if (!range.from && !range.to) return true;
  const { start } = meeting.date;
  if (!start) return false;
  const end = meeting.date.end ?? start;
  return (!range.from || end >= range.from) && (!range.to || start <= range.to);
}

/**
 * The selection after ticking (or unticking) the meeting at `index`: with Shift held, every
 * meeting from the last one ticked to this one takes the same state, as in a file list.
 */
export function tickRange(
  ids: string[],
  selected: ReadonlySet<string>,
  index: number,
  checked: boolean,
  anchor: number | null,
  shift: boolean,
): Set<string> {
  const next = new Set(selected);
  const [from, to] =
    shift && anchor !== null ? [Math.min(anchor, index), Math.max(anchor, index)] : [index, index];
  for (let i = from; i <= to; i++) {
    if (checked) next.add(ids[i]);
    else next.delete(ids[i]);
  }
  return next;
}

/** The digest input for the chosen meetings, in the order given (main sorts them by date). */
export function buildDigestInput(args: {
  meetings: Meeting[];
  articles: Map<string, StoredArticle>;
  records: BriefingRecord[];
  range: DigestRange;
  options: { paper: 'A4' | 'Letter'; handling: string | null; generatedAt: string };
}): DigestInputDraft {
  const entries = args.meetings.map(meeting => ({
    meeting,
    bottomLine: findBriefing(args.records, meeting)?.bottomLine ?? null,
    sources: citedSources(sourceArticleIds(meeting), args.articles),
  }));
  return { entries, range: args.range, options: args.options };
}
