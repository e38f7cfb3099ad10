/**
 * Article context, continued: what a story sets once and then takes as read. A report gives the
 * day or the city in one sentence ("On Monday the president received a string of visiting
 * leaders.") and goes on without repeating it ("Among them was the Ghanaian foreign minister,
 * who discussed ..."). A meeting that says neither borrows them from the story so far, and the
 * field is marked as carried (medium confidence), never as read in its own sentence.
 */
import type { MeetingDate } from '../contract/meeting';
import { datesCompatible } from './dates';
import type { ArticleMeeting } from './extract';
import { otherOccasion } from './occasion-kind';

/** A meeting date seen in a sentence, for the sentences that continue the story. */
export interface StoryDate {
  date: MeetingDate;
  sentence: number;
  /** Offset of the sentence's paragraph break before it, to stop at a new paragraph. */
  paragraph: number;
}

/**
 * The date a held meeting with no date of its own takes from the story: the day-precise date of
 * the sentence just before, in the same paragraph or the one right before it. Only for held
 * meetings: a plan stated after a dated report is rarely on the same day.
 */
export function carriedDate(
  story: StoryDate | null,
  sentence: number,
  paragraph: number,
  held: boolean,
): MeetingDate | null {
  if (!story || !carriesStoryDate(story, sentence, paragraph, held)) return null;
  if (story.date.precision !== 'day' || !story.date.start) return null;
  return story.date;
}

/**
 * Whether a held meeting is close enough to the story's date to take it, whatever that date
 * resolves to: an undated article keeps the words so that a borrowed reference date can resolve
 * them later.
 */
export function carriesStoryDate(
  story: StoryDate,
  sentence: number,
  paragraph: number,
  held: boolean,
): boolean {
  return held && sentence - story.sentence <= 1 && paragraph - story.paragraph <= 1;
}

/**
 * Gives a meeting without a city the city of the meeting reported just before it in the article
 * when both are held or both planned and their dates agree ("Fidan met … in Brussels. He also
 * met his Greek counterpart."). Marks the place as carried. A bloc's or many-sided event after a
 * two-sided meeting is another occasion (`occasion-kind.ts`) and keeps no place the text does
 * not give it.
 */
export function carryPlaces(meetings: ArticleMeeting[]): void {
  const byStory = [...meetings].sort(
    (a, b) => (a.mentions[0]?.start ?? 0) - (b.mentions[0]?.start ?? 0),
  );
  let prev: ArticleMeeting | null = null;
  for (const m of byStory) {
    if (
      !m.city &&
      prev?.city &&
      (prev.status === 'held') === (m.status === 'held') &&
      datesCompatible(prev.date, m.date, 1) &&
      !otherOccasion(prev, m) &&
      (!m.placeCountry || m.placeCountry === prev.placeCountry)
    ) {
      m.city = prev.city;
      m.placeCountry = prev.placeCountry;
      m.confidence.place = { confidence: 'medium', basis: 'context' };
    }
    if (m.city) prev = m;
  }
}
