/**
 * "Add meeting from selection" opens the Add form filled in: the selected sentence goes to the
 * extractor (`meetings:fromText`, with its whole article so carried dates and places count), and
 * every field it reads becomes the form's starting value. The analyst checks and saves instead
 * of typing what Readout could read. When the extractor finds no meeting there, the form starts
 * blank, and says so, so a user knows the empty fields are not a failure to load.
 */
import type { Article } from '../../src-main/contract/article';
import type { Meeting, Mention } from '../../src-main/contract/meeting';
import type { Result } from '../../src-main/contract/result';
import { articleForExtraction } from './article-payload';
import { blankValues, valuesOf, type FieldValues } from './fields';
import type { MeetingDraft } from './selection';

export interface Prefill {
  values: FieldValues;
  /** The selected sentence as the new meeting's source, with what the extractor read in it. */
  mention: Mention;
  /** Whether the extractor found a meeting in the sentence. */
  found: boolean;
}

export type ExtractSentence = (input: {
  article: Article;
  start: number;
  end: number;
}) => Promise<Result<{ meeting: Meeting | null }>>;

/** The form's starting values from what the extractor answered (null: it found nothing). */
export function prefillFrom(draft: MeetingDraft, meeting: Meeting | null): Prefill {
  if (!meeting) return { values: blankValues(), mention: draft.mention, found: false };
  const read = meeting.mentions[0];
  return {
    values: valuesOf(meeting),
    mention: {
      ...draft.mention,
      status: read?.status ?? meeting.status,
      date: read?.date ?? meeting.date,
      ...(meeting.outcome ? { outcome: meeting.outcome } : {}),
    },
    found: true,
  };
}

/**
 * Runs the extractor on the draft's sentence of `article`. An error (main did not answer, the
 * article is gone) comes back as a value; the form then starts blank and shows it.
 */
export async function extractDraft(
  draft: MeetingDraft,
  article: Article | undefined,
  extract: ExtractSentence,
): Promise<Result<Prefill>> {
  if (!article)
    return {
      ok: false,
      error: { code: 'not-found', message: 'The article of this sentence is no longer here.' },
    };
  const answer = await extract({
    article: articleForExtraction(article),
    start: draft.mention.start,
    end: draft.mention.end,
  });
  if (!answer.ok) return answer;
  return { ok: true, value: prefillFrom(draft, answer.value.meeting) };
}
